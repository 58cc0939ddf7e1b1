#!/usr/bin/env bash
# Fuzz the loader and the whole lint pipeline with libFuzzer + AddressSanitizer.
#   bash Fuzz/run.sh [SECONDS]      (default 60; the issue's hardening run used 1800)
# Seeds: every YAML under codes/, policies/ and Tests/Fixtures/. Crashes are written to
# Fuzz/out/artifacts/; copy each into Tests/Fixtures/fuzz-regressions/ (the test suite replays them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
# FUZZ_SANITIZERS=fuzzer skips AddressSanitizer (several times more executions per second).
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
flags=(-c release --package-path Fuzz --scratch-path "Fuzz/.build-${sanitizers/,/-}" -Xswiftc "-sanitize=$sanitizers" -Xswiftc -g)
swift build "${flags[@]}" --product fuzz-lint 2>&1 | grep -E 'error|Build complete' || true
bin="$(swift build "${flags[@]}" --show-bin-path)/fuzz-lint"   # an absolute path
mkdir -p Fuzz/out/corpus Fuzz/out/artifacts
find codes policies Tests/Fixtures -name '*.y*ml' -exec cp {} Fuzz/out/corpus/ \; 2>/dev/null || true
jobs="${FUZZ_JOBS:-2}"
# libFuzzer writes its per-job logs (fuzz-N.log) into the current folder: run inside Fuzz/out.
cd Fuzz/out
"$bin" corpus -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix=artifacts/ -print_final_stats=1 -jobs="$jobs" -workers="$jobs" 2>&1 | tee last-run.log | tail -25
