#!/usr/bin/env bash
# Diff benchmark: `qrops diff` against `qrops lint` on a synthetic portfolio in git.
#
#   bash Benchmarks/diff/run.sh [--codes N] [--changed C] [--runs R] [--scratch-path DIR] [--no-build]
#
# 1. builds qrops in release mode (or times QROPS_BIN=/path/to/qrops),
# 2. generates Benchmarks/out/portfolio-<N> with Benchmarks/lint/gen-portfolio.py unless it exists,
# 3. copies it into a git repository Benchmarks/out/diff-repo-<N> (the portfolio committed on
#    `main`, then C codes re-pointed by change-codes.py and committed on `pr`), unless it exists,
# 4. times `qrops lint REPO --format json` and `qrops diff --base main REPO --format json`
#    (wall time, best of R, peak RSS) and prints them side by side with their ratio.
# The goal (issue 7): diff takes at most 3x a lint. See docs/benchmarks.md.
set -euo pipefail

codes=100000
changed=10
runs=3
scratch=""
build=1

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case "$1" in
        --codes) codes="${2:?--codes needs a number}"; shift 2 ;;
        --changed) changed="${2:?--changed needs a number}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for number in "$codes" "$changed" "$runs"; do
    [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: not a positive number: $number" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/Benchmarks/diff"
out="$root/Benchmarks/out"
mkdir -p "$out"
for tool in git python3 swift /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "run.sh: missing $tool" >&2; exit 2; }
done

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

# --- the portfolio and its repository -------------------------------------------------------
if ((codes % 1000 == 0)); then label="$((codes / 1000))k"; else label="$codes"; fi
portfolio="$out/portfolio-$label"
if [[ ! -f "$portfolio/.qrops-bench-portfolio" ]]; then
    python3 "$root/Benchmarks/lint/gen-portfolio.py" --codes "$codes" --out "$portfolio"
fi
repo="$out/diff-repo-$label-$changed"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
if [[ ! -f "$repo/.qrops-bench-diff" ]]; then
    echo "creating $repo (git repository, $changed codes re-pointed on branch pr)"
    rm -rf "$repo"
    mkdir -p "$repo"
    cp -R "$portfolio/codes" "$portfolio/policies" "$repo/"
    git -C "$repo" init -q -b main
    git -C "$repo" add -A
    git -C "$repo" commit -q -m "portfolio"
    git -C "$repo" checkout -q -b pr
    python3 "$here/change-codes.py" --count "$changed" "$repo" > "$out/diff-changed-$label-$changed.txt"
    git -C "$repo" commit -q -a -m "re-point $changed codes"
    touch "$repo/.qrops-bench-diff"
    echo ".qrops-bench-diff" > "$repo/.git/info/exclude"
fi

# --- timing ---------------------------------------------------------------------------------
# shellcheck source=../lib/time-best.sh
source "$root/Benchmarks/lib/time-best.sh"

read -r lint_s lint_rss lint_status < <(time_best "qrops lint" "$out/lint-$label" "$qrops" lint "$repo" --format json --no-cache)
read -r diff_s diff_rss diff_status < <(time_best "qrops diff" "$out/diff-$label" "$qrops" diff --base main "$repo" --format json)
[[ -n "$lint_s" && -n "$diff_s" ]] || exit 1  # time_best said why
changed_codes="$(grep -c '"kind"' "$out/diff-$label.stdout" || true)"

awk -v codes="$codes" -v changed="$changed" -v runs="$runs" -v repo="$repo" -v cpus="$(nproc)" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" -v lint="$lint_s" -v diff="$diff_s" -v lrss="$lint_rss" -v drss="$diff_rss" \
    -v ls="$lint_status" -v ds="$diff_status" -v reported="$changed_codes" '
BEGIN {
    printf "\nrepository %s\n           %d codes, %d re-pointed on branch pr; %d CPUs, load %s; best of %d\n\n",
        repo, codes, changed, cpus, load, runs
    printf "%-44s %9s %12s %6s\n", "", "seconds", "peak RSS", "exit"
    printf "%-44s %9.3f %8d MiB %6d\n", "qrops lint REPO --format json --no-cache", lint, lrss / 1024, ls
    printf "%-44s %9.3f %8d MiB %6d\n", "qrops diff --base main REPO --format json", diff, drss / 1024, ds
    printf "\ncodes reported changed by diff              %d\n", reported
    printf "diff / lint                                 %.2fx (goal: at most 3x)\n", (lint > 0 ? diff / lint : 0)
}'
