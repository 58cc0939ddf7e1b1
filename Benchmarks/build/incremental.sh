#!/usr/bin/env bash
# Incremental build benchmark (issue 5, deliverable 4): `qrops build` with artwork on the synthetic
# portfolio, when nothing changed and after one code file changed, against the floor of 1 second.
#
#   bash Benchmarks/build/incremental.sh [--codes N] [--runs R] [--maps] [--no-build]
#
# 1. builds qrops in release mode (QROPS_BIN=/path/to/qrops times another binary; --no-build skips),
# 2. generates Benchmarks/out/portfolio-<N> with Benchmarks/lint/gen-portfolio.py unless it exists,
#    and copies it once to Benchmarks/out/incremental-<N> (its policy's server maps removed unless
#    --maps: then the work folder is incremental-<N>-maps),
# 3. builds until the staging folder is sealed (the first build there renders every artwork file:
#    minutes at 100,000 codes; the work folder and its artwork cache are kept for the next runs),
# 4. times R builds where nothing changed, then R builds each after changing one code's target in
#    one code file (re-pointing a code: its artwork, which encodes the short URL, stays), then R
#    after changing that file's first slug (a new short URL: that code's artwork is rendered), printing
#    each wall time, peak memory, files rendered and qrops' own phase timings, and
# 5. checks the last build against a clean one (a new output folder, same inputs): `diff -r`.
set -euo pipefail

codes=100000
runs=3
maps=0
build=1
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case "$1" in
        --codes) codes="${2:?--codes needs a number}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --maps) maps=1; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "incremental.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for number in "$codes" "$runs"; do
    [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "incremental.sh: not a positive number: $number" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/Benchmarks/out"
mkdir -p "$out"
if [[ -n "${QROPS_BIN:-}" ]]; then
    qrops="$QROPS_BIN"
else
    if ((build)); then (cd "$root" && swift build -c release --product qrops); fi
    qrops="$(cd "$root" && swift build -c release --show-bin-path)/qrops"
fi
[[ -x "$qrops" ]] || { echo "incremental.sh: $qrops not found (build it, or drop --no-build)" >&2; exit 2; }

if ((codes % 1000 == 0)); then label="$((codes / 1000))k"; else label="$codes"; fi
portfolio="$out/portfolio-$label"
[[ -f "$portfolio/.qrops-bench-portfolio" ]] || python3 "$root/Benchmarks/lint/gen-portfolio.py" --codes "$codes" --out "$portfolio"
work="$out/incremental-$label"
if ((maps)); then work="$work-maps"; fi
if [[ ! -f "$work/.qrops-bench-portfolio" || "$portfolio/.qrops-bench-portfolio" -nt "$work/.qrops-bench-portfolio" ]]; then
    rm -rf "$work"
    mkdir -p "$work"
    cp -r "$portfolio/codes" "$portfolio/policies" "$portfolio/.qrops-bench-portfolio" "$work/"
    if ((!maps)); then
        sed -i 's/^  targets: \[.*\]$/  targets: []/' "$work/policies/rules.yaml"
        grep -q '^  targets: \[\]$' "$work/policies/rules.yaml" || { echo "incremental.sh: could not remove the targets" >&2; exit 1; }
    fi
fi

# The file the runs below change starts as the portfolio has it (earlier runs changed it).
changed="$(cd "$work" && find codes -name '*.yaml' -not -name '_defaults.yaml' | LC_ALL=C sort | sed -n 1p)"
cp "$portfolio/$changed" "$work/$changed"

# One build; prints "WALL_SECONDS PEAK_KIB" and keeps qrops' summary and timings in $work/last.stderr.
measure() {
    local start end
    start="$(date +%s%N)"
    /usr/bin/time -f '%M' -o "$work/last.rss" "$qrops" build "$work" --timings --format json "$@" \
        > "$work/last.stdout" 2> "$work/last.stderr" || { echo "incremental.sh: build failed:" >&2; tail -5 "$work/last.stderr" >&2; exit 1; }
    end="$(date +%s%N)"
    awk -v ns="$((end - start))" -v kib="$(tail -n 1 "$work/last.rss")" 'BEGIN { printf "%.3f %d\n", ns / 1e9, kib }'
}
report() {  # NAME WALL KIB
    printf '%-28s %7.3f s %6d MiB  %s; %s\n' "$1" "$2" "$(($3 / 1024))" \
        "$(sed -n 's/^built .*(\(rendered [0-9]*\), reused.*$/\1/p' "$work/last.stderr")" "$(sed -n 's/^timings: //p' "$work/last.stderr")"
}

for attempt in 1 2 3 4; do
    read -r seconds kib < <(measure)
    report "settling build $attempt" "$seconds" "$kib"
    grep -q '(staging sealed' "$work/last.stderr" && break
done
grep -q '(staging sealed' "$work/last.stderr" || { echo "incremental.sh: the staging folder never got sealed" >&2; exit 1; }

echo
for ((run = 1; run <= runs; run++)); do
    read -r seconds kib < <(measure)
    report "nothing changed, run $run" "$seconds" "$kib"
done
# The first code file (bytewise order), its first target changed to a new URL each run.
for ((run = 1; run <= runs; run++)); do
    sed -i "0,/^\(\s*\)target: \(https:[^?]*\).*$/s||\1target: \2?bench=$RANDOM$run|" "$work/$changed"
    read -r seconds kib < <(measure)
    report "one file changed, run $run" "$seconds" "$kib"
done
# The same file's first slug changed each run: a new short URL, so one code's artwork is rendered.
# (Always the portfolio's slug plus one suffix, so that it never grows past the policy's limit.)
slug="$(sed -n 's/^\s*slug: *//p' "$portfolio/$changed" | sed -n 1p)"
for ((run = 1; run <= runs; run++)); do
    sed -i "0,/^\(\s*\)slug: .*$/s||\1slug: $slug-r$RANDOM$run|" "$work/$changed"
    read -r seconds kib < <(measure)
    report "one slug changed, run $run" "$seconds" "$kib"
done
echo "changed file: $changed"

rm -rf "$work/clean"
"$qrops" build "$work" --out "$work/clean" --no-cache --format json > /dev/null 2>&1
if diff -r -q "$work/build" "$work/clean" > "$work/diff.txt"; then
    echo "last incremental build == clean build: yes ($(find "$work/clean" -type f | wc -l) files compared)"
else
    echo "last incremental build == clean build: NO (see $work/diff.txt)"; exit 1
fi
rm -rf "$work/clean" "$work/clean.staging"
echo "floor (issue 5): one file changed, artwork included, under 1 s on the 100,000-code portfolio"
