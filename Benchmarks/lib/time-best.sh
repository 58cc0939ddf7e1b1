# Sourced by the benchmark scripts: `time_best`, best wall time and peak memory of a command.
#
# time_best NAME PREFIX COMMAND...
#   runs COMMAND $runs times (stdout to PREFIX.stdout, stderr to PREFIX.stderr), calling the
#   function named in $before_each_run (if set) before each run; prints a line per run on
#   stderr and, on stdout, "BEST_SECONDS PEAK_RSS_KIB LAST_EXIT_STATUS". An exit status of 2 or
#   more (usage or internal failure) stops the script.

time_best() {
    local name="$1" prefix="$2"
    shift 2
    local best="" peak=0 status=0 run start end seconds rss measurements
    measurements="$(mktemp)"
    for ((run = 1; run <= runs; run++)); do
        [[ -n "${before_each_run:-}" ]] && "$before_each_run"
        start="$(date +%s%N)"
        set +e
        /usr/bin/time -f '%M' -o "$measurements" "$@" > "$prefix.stdout" 2> "$prefix.stderr"
        status=$?
        set -e
        end="$(date +%s%N)"
        if ((status >= 2)); then
            echo "$name failed with exit status $status; its stderr ($prefix.stderr) ends with:" >&2
            tail -n 20 "$prefix.stderr" >&2
            rm -f "$measurements"
            exit 1
        fi
        seconds="$(awk -v ns="$((end - start))" 'BEGIN { printf "%.3f", ns / 1e9 }')"
        rss="$(tail -n 1 "$measurements")"
        ((rss > peak)) && peak="$rss"
        if [[ -z "$best" ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$seconds"; fi
        echo "$name run $run: ${seconds}s, peak RSS $((rss / 1024)) MiB, exit $status" >&2
    done
    rm -f "$measurements"
    echo "$best $peak $status"
}
