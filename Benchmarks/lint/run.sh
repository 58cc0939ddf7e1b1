#!/usr/bin/env bash
# Lint benchmark: `qrops lint` on a synthetic portfolio against raw libyaml event parsing.
#
#   bash Benchmarks/lint/run.sh [--codes N] [--files F] [--runs R] [--threads T]
#                               [--scratch-path DIR] [--no-build]
#
# 1. builds the C reference (Benchmarks/lint/yaml-events.c) and qrops in release mode,
# 2. generates Benchmarks/out/portfolio-<N> with gen-portfolio.py unless it already exists,
# 3. times libyaml event parsing (1 thread and T threads, best of R), `qrops lint DIR --format json`
#    (every file checked, `--no-cache`; then again from the check cache)
#    and `qrops build DIR --no-artwork` (the redirect table alone, then with the server maps the
#    portfolio's policy names), each wall time best of R with peak RSS, and prints them side by side.
# Set QROPS_BIN=/path/to/qrops to time another binary (no Swift build). See docs/benchmarks.md.
set -euo pipefail

codes=100000
files=""
runs=3
threads=2
scratch=""
build=1

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case "$1" in
        --codes) codes="${2:?--codes needs a number}"; shift 2 ;;
        --files) files="${2:?--files needs a number}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --threads) threads="${2:?--threads needs a number}"; shift 2 ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for number in "$codes" "$runs" "$threads" ${files:+"$files"}; do
    [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: not a positive number: $number" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/Benchmarks/lint"
out="$root/Benchmarks/out"
mkdir -p "$out"

for tool in cc pkg-config python3 swift /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "run.sh: missing $tool" >&2; exit 2; }
done

# --- the C reference ------------------------------------------------------------------------
reference="$out/yaml-events"
if [[ ! -x "$reference" || "$here/yaml-events.c" -nt "$reference" ]]; then
    echo "building $reference"
    # shellcheck disable=SC2046  # pkg-config prints several words on purpose
    cc -O2 -pthread "$here/yaml-events.c" $(pkg-config --cflags --libs yaml-0.1) -o "$reference"
fi

# --- qrops, release -------------------------------------------------------------------------
swift_args=(-c release)
[[ -n "$scratch" ]] && swift_args+=(--scratch-path "$scratch")
if [[ -n "${QROPS_BIN:-}" ]]; then
    qrops="$QROPS_BIN"
else
    if ((build)); then
        echo "building qrops (swift build ${swift_args[*]})"
        (cd "$root" && swift build "${swift_args[@]}" --product qrops)
    fi
    qrops="$(cd "$root" && swift build "${swift_args[@]}" --show-bin-path)/qrops"
fi
[[ -x "$qrops" ]] || { echo "run.sh: $qrops not found (build it, or drop --no-build)" >&2; exit 2; }

# --- the portfolio --------------------------------------------------------------------------
if ((codes % 1000 == 0)); then label="$((codes / 1000))k"; else label="$codes"; fi
[[ -n "$files" && "$files" -ne $((codes / 100 > 0 ? codes / 100 : 1)) ]] && label="$label-${files}f"
portfolio="$out/portfolio-$label"
if [[ ! -f "$portfolio/.qrops-bench-portfolio" ]]; then
    python3 "$here/gen-portfolio.py" --codes "$codes" ${files:+--files "$files"} --out "$portfolio"
fi

# --- libyaml, raw events --------------------------------------------------------------------
# Lines look like: files=1047 bytes=60939405 events=4953472 threads=1 seconds=2.744 cpu_seconds=... mb_per_s=22.2
field() { tr ' ' '\n' <<< "$1" | sed -n "s/^$2=//p"; }
reference_output="$("$reference" --threads "$threads" --repeat "$runs" "$portfolio")"
one="$(sed -n 1p <<< "$reference_output")"
many="$(sed -n 2p <<< "$reference_output")"
[[ "$threads" -gt 1 ]] || many="$one"
bytes="$(field "$one" bytes)"
yaml_files="$(field "$one" files)"
yaml1="$(field "$one" seconds)"
yamln="$(field "$many" seconds)"

# --- qrops lint and qrops build --no-artwork ------------------------------------------------
# The build is timed twice: with the redirect table only (a copy of the portfolio whose policy
# says `build: {targets: []}`), which is the compiler's own work, and with the server maps the
# generated policy names (nginx, Caddy, Apache, HAProxy). Both check every file (`--no-cache`):
# the floor is about a build from scratch.
tables_only="$portfolio-tables-only"
if [[ ! -f "$tables_only/.qrops-bench-portfolio" || "$portfolio/.qrops-bench-portfolio" -nt "$tables_only/.qrops-bench-portfolio" ]]; then
    rm -rf "$tables_only"
    cp -r "$portfolio" "$tables_only"
    sed -i 's/^  targets: \[.*\]$/  targets: []/' "$tables_only/policies/rules.yaml"
    grep -q '^  targets: \[\]$' "$tables_only/policies/rules.yaml" || { echo "run.sh: could not set build targets in $tables_only" >&2; exit 1; }
fi
build_out="$(mktemp -d)"
trap 'rm -rf "$build_out"' EXIT
# shellcheck source=../lib/time-best.sh
source "$root/Benchmarks/lib/time-best.sh"
# Every build starts without an output folder.
clear_build() { rm -rf "$build_out/build"; }
before_each_run=clear_build

# Lint checks every file (`--no-cache`), then, with the check cache filled by one run, again
# with nothing changed (docs/lint-cache.md).
read -r lint lint_rss lint_status < <(time_best "qrops lint" "$out/lint-$label" "$qrops" lint "$portfolio" --format json --no-cache)
"$qrops" lint "$portfolio" --format json > /dev/null || true
read -r lint_warm lint_warm_rss _ < <(time_best "qrops lint (check cache)" "$out/lint-warm-$label" "$qrops" lint "$portfolio" --format json)
read -r build_table build_table_rss build_table_status < <(time_best "qrops build (table)" "$out/build-table-$label" \
    "$qrops" build "$tables_only" --no-artwork --no-cache --out "$build_out/build" --format json)
read -r build_maps build_maps_rss build_maps_status < <(time_best "qrops build (table + maps)" "$out/build-maps-$label" \
    "$qrops" build "$portfolio" --no-artwork --no-cache --out "$build_out/build" --format json)
[[ -n "$lint" && -n "$lint_warm" && -n "$build_table" && -n "$build_maps" ]] || exit 1  # time_best said why
for status in "$lint_status" "$build_table_status" "$build_maps_status"; do
    if ((status != 0)); then
        echo "note: a command reported errors on the generated portfolio (exit $status); see $out/*-$label.stderr" >&2
    fi
done

# --- report ---------------------------------------------------------------------------------
awk -v codes="$codes" -v files="$yaml_files" -v bytes="$bytes" -v threads="$threads" -v runs="$runs" \
    -v y1="$yaml1" -v yn="$yamln" -v lint="$lint" -v rss="$lint_rss" -v dir="$portfolio" \
    -v lw="$lint_warm" -v lwrss="$lint_warm_rss" \
    -v bt="$build_table" -v btrss="$build_table_rss" -v bm="$build_maps" -v bmrss="$build_maps_rss" \
    -v cpus="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
function mbps(s) { return (s > 0) ? bytes / 1e6 / s : 0 }
function ratio(a, b) { return (b > 0) ? a / b : 0 }
BEGIN {
    printf "\nportfolio  %s\n           %d codes, %d YAML files, %.1f MB; %d CPUs, load %s; best of %d\n\n",
        dir, codes, files, bytes / 1e6, cpus, load, runs
    printf "%-44s %9s %9s %9s %9s\n", "", "seconds", "MB/s", "x 1 thr", "peak MiB"
    printf "%-44s %9.3f %9.1f %9s %9s\n", "libyaml events, 1 thread", y1, mbps(y1), "1.00x", "-"
    printf "%-44s %9.3f %9.1f %8.2fx %9s\n", sprintf("libyaml events, %d threads", threads), yn, mbps(yn), ratio(yn, y1), "-"
    printf "%-44s %9.3f %9.1f %8.2fx %9d\n", "qrops lint --format json --no-cache", lint, mbps(lint), ratio(lint, y1), rss / 1024
    printf "%-44s %9.3f %9.1f %8.2fx %9d\n", "qrops lint, check cache, nothing changed", lw, mbps(lw), ratio(lw, y1), lwrss / 1024
    printf "%-44s %9.3f %9.1f %8.2fx %9d\n", "qrops build --no-artwork (redirect table)", bt, mbps(bt), ratio(bt, y1), btrss / 1024
    printf "%-44s %9.3f %9.1f %8.2fx %9d\n", "qrops build --no-artwork (table + 4 servers)", bm, mbps(bm), ratio(bm, y1), bmrss / 1024
    printf "\nfloors: lint <= 2x libyaml 1 thread (issue 2), build --no-artwork <= 2.5x (issue 5)\n"
    printf "lint / libyaml %d threads           %.2fx\n", threads, ratio(lint, yn)
}'
