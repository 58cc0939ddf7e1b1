/*
 * yaml-events: the floor for `qrops lint`, measured with the reference C parser.
 *
 * Reads every *.yaml / *.yml file named on the command line (directories are walked
 * recursively), then parses each file to libyaml events (yaml_parser_parse in a loop,
 * deleting every event) and counts them. Nothing is built from the events: this is the
 * least work any libyaml-based linter must do. Each file is read into memory and parsed
 * from there, timing both, as a linter does.
 *
 * It measures one thread, then (with --threads N, N > 1) N threads sharing the files
 * through an atomic work counter, and prints one line per run:
 *
 *     files=1000 bytes=65432100 events=12345678 threads=1 seconds=0.812 cpu_seconds=0.810 mb_per_s=80.6
 *
 * `seconds` is wall time (best of --repeat runs); `cpu_seconds` is the process CPU time of
 * that run, which tells a busy machine apart from a slow parser.
 *
 * Build:  cc -O2 yaml-events.c $(pkg-config --cflags --libs yaml-0.1) -lpthread -o yaml-events
 * Usage:  yaml-events [--threads N] [--repeat R] PATH...
 *         (--repeat: best of R runs per thread count; default 3)
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <yaml.h>

typedef struct {
    char **paths;
    size_t count;
    size_t capacity;
} FileList;

typedef struct {
    const FileList *files;
    atomic_size_t next;
    atomic_ullong bytes;
    atomic_ullong events;
    atomic_int failures;
} Work;

static void die(const char *message, const char *detail) {
    fprintf(stderr, "yaml-events: %s%s%s\n", message, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static void add_path(FileList *list, const char *path) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 256;
        list->paths = realloc(list->paths, list->capacity * sizeof *list->paths);
        if (!list->paths) die("out of memory", NULL);
    }
    list->paths[list->count] = strdup(path);
    if (!list->paths[list->count]) die("out of memory", NULL);
    list->count++;
}

static int has_yaml_extension(const char *name) {
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static void collect(FileList *list, const char *path, int named_explicitly) {
    struct stat info;
    if (stat(path, &info) != 0) die(strerror(errno), path);
    if (S_ISREG(info.st_mode)) {
        if (named_explicitly || has_yaml_extension(path)) add_path(list, path);
        return;
    }
    if (!S_ISDIR(info.st_mode)) return;
    DIR *dir = opendir(path);
    if (!dir) die(strerror(errno), path);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        size_t length = strlen(path) + strlen(entry->d_name) + 2;
        char *child = malloc(length);
        if (!child) die("out of memory", NULL);
        snprintf(child, length, "%s/%s", path, entry->d_name);
        collect(list, child, 0);
        free(child);
    }
    closedir(dir);
}

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    struct stat info;
    if (fstat(fileno(file), &info) != 0) { fclose(file); return NULL; }
    size_t length = (size_t)info.st_size;
    unsigned char *buffer = malloc(length ? length : 1);
    if (!buffer) { fclose(file); return NULL; }
    size_t got = fread(buffer, 1, length, file);
    fclose(file);
    if (got != length) { free(buffer); return NULL; }
    *size = length;
    return buffer;
}

/* Parses one file to events; returns the number of events, or -1 on a read or parse error. */
static long long count_events(const char *path, size_t *size) {
    unsigned char *buffer = read_file(path, size);
    if (!buffer) return -1;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) { free(buffer); return -1; }
    yaml_parser_set_input_string(&parser, buffer, *size);
    long long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "yaml-events: %s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            events = -1;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buffer);
    return events;
}

static void *worker(void *argument) {
    Work *work = argument;
    for (;;) {
        size_t index = atomic_fetch_add(&work->next, 1);
        if (index >= work->files->count) return NULL;
        size_t size = 0;
        long long events = count_events(work->files->paths[index], &size);
        if (events < 0) { atomic_fetch_add(&work->failures, 1); continue; }
        atomic_fetch_add(&work->bytes, (unsigned long long)size);
        atomic_fetch_add(&work->events, (unsigned long long)events);
    }
}

static double clock_seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One timed pass over all files with `threads` threads. */
static double run(const FileList *files, int threads, unsigned long long *bytes, unsigned long long *events,
                  double *cpu) {
    Work work = {.files = files};
    atomic_init(&work.next, 0);
    atomic_init(&work.bytes, 0);
    atomic_init(&work.events, 0);
    atomic_init(&work.failures, 0);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    if (!ids) die("out of memory", NULL);
    double start = clock_seconds(CLOCK_MONOTONIC);
    double cpu_start = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 1; i < threads; i++)
        if (pthread_create(&ids[i], NULL, worker, &work) != 0) die("cannot start a thread", NULL);
    worker(&work);
    for (int i = 1; i < threads; i++) pthread_join(ids[i], NULL);
    double elapsed = clock_seconds(CLOCK_MONOTONIC) - start;
    *cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
    free(ids);
    if (atomic_load(&work.failures) > 0) die("some files could not be read or parsed", NULL);
    *bytes = atomic_load(&work.bytes);
    *events = atomic_load(&work.events);
    return elapsed;
}

static void report(const FileList *files, int threads, int repeat) {
    double best = 0, best_cpu = 0;
    unsigned long long bytes = 0, events = 0;
    for (int i = 0; i < repeat; i++) {
        double cpu = 0;
        double seconds = run(files, threads, &bytes, &events, &cpu);
        if (i == 0 || seconds < best) { best = seconds; best_cpu = cpu; }
    }
    printf("files=%zu bytes=%llu events=%llu threads=%d seconds=%.3f cpu_seconds=%.3f mb_per_s=%.1f\n",
           files->count, bytes, events, threads, best, best_cpu, best > 0 ? (double)bytes / 1e6 / best : 0.0);
    fflush(stdout);
}

int main(int argc, char **argv) {
    int threads = 1, repeat = 3;
    FileList files = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            threads = atoi(argv[++i]);
            if (threads < 1 || threads > 256) die("--threads takes 1 to 256", NULL);
        } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            if (repeat < 1) die("--repeat takes a positive number", NULL);
        } else if (argv[i][0] == '-') {
            die("usage: yaml-events [--threads N] [--repeat R] PATH...", NULL);
        } else {
            collect(&files, argv[i], 1);
        }
    }
    if (files.count == 0) die("no YAML files given", NULL);
    qsort(files.paths, files.count, sizeof *files.paths, compare_paths);

    report(&files, 1, repeat);
    if (threads > 1) report(&files, threads, repeat);

    for (size_t i = 0; i < files.count; i++) free(files.paths[i]);
    free(files.paths);
    return 0;
}
