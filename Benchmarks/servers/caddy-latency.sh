#!/usr/bin/env bash
# Caddy redirect latency at portfolio scale (docs/benchmarks.md, "Caddy latency"). Caddy 2.6's
# `map` compares the lookup value with its entries one by one; qrops splits a domain's codes into
# a prefix tree of small maps. This loads both configs of a synthetic portfolio of N codes into
# real Caddy (side by side, the scans alternating between them) and times redirects for codes
# early and late in the map order and
# for unknown slugs (a full scan of a flat map), from a keep-alive client on loopback, and as
# Caddy itself logs them (`duration` in its access log: the time spent in Caddy).
#
#   bash Benchmarks/servers/caddy-latency.sh            # 100,000 codes
#   bash Benchmarks/servers/caddy-latency.sh 20000      # other sizes
#   NO_BUILD=1 REQUESTS=500 bash Benchmarks/servers/caddy-latency.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000)
requests=${REQUESTS:-2000}
if [ -z "${NO_BUILD:-}" ]; then
  swift build -c release --package-path Benchmarks --product caddy-latency-bench >/dev/null
fi
bin=Benchmarks/.build/release/caddy-latency-bench
command -v caddy >/dev/null || { echo "caddy is needed (scripts/install-deps.sh)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other jobs)"
echo "caddy $(caddy version | cut -d' ' -f1), $requests timed requests per kind (after 100 warm-up), keep-alive client on loopback"
for n in "${sizes[@]}"; do
  out="Benchmarks/out/caddy-$n"
  rm -rf "$out"; mkdir -p "$out"
  out=$(cd "$out" && pwd)
  echo
  echo "== $n codes"
  "$bin" "$n" "$out" | sed 's/^/  /'
  # Both configs run side by side and the scans alternate between them, so that the noise of a
  # shared machine falls on both alike.
  ports=()
  pids=()
  for variant in flat sharded; do
    run="$out/$variant"
    port=$(free_port)
    cat > "$run/Caddyfile" <<CONF
{
	admin off
	auto_https off
	http_port $port
	storage file_system $run/data
}

http://:$port {
	bind 127.0.0.1
	log {
		output file $run/access.log
		format json
	}
	import caddy/qrops.caddy
}
CONF
    start=$(now)
    XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data" caddy run --config "$run/Caddyfile" --adapter caddyfile > "$run/caddy.log" 2>&1 & pid=$!
    for _ in $(seq 1 12000); do
      kill -0 "$pid" 2>/dev/null || { echo "caddy exited"; tail -5 "$run/caddy.log"; exit 1; }
      curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && break
      sleep 0.05
    done
    echo "  $variant: $(du -h "$run/caddy/qrops.caddy" | cut -f1) config, ready in $(elapsed "$start" "$(now)") s, RSS $(rss_mb "$pid") MB"
    ports+=("$port"); pids+=("$pid")
  done
  python3 - "$out/probes.tsv" "$requests" "${ports[0]}" "$out/flat/access.log" "${ports[1]}" "$out/sharded/access.log" <<'PY'
import http.client, json, sys, time
probes, requests = sys.argv[1], int(sys.argv[2])
variants = {"flat": (int(sys.argv[3]), sys.argv[4]), "sharded": (int(sys.argv[5]), sys.argv[6])}
kinds = {}
for line in open(probes):
    kind, path, location = line.rstrip("\n").split("\t")
    kinds.setdefault(kind, []).append((path, location))
connections = {name: http.client.HTTPConnection("127.0.0.1", port) for name, (port, _) in variants.items()}
def get(variant, path):
    connection = connections[variant]
    connection.request("GET", path, headers={"Host": "qr.acme.example"})
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("Location")
for variant in variants:
    for kind, entries in kinds.items():
        for path, location in entries:  # every answer checked against the engine
            status, got = get(variant, path)
            if got != location:
                sys.exit(f"  {variant} {path}: got {status} {got}, the engine says {location}")
        for i in range(100):
            get(variant, entries[i % len(entries)][0])
times = {(variant, kind): [] for variant in variants for kind in kinds}
for i in range(requests):
    for variant in variants:
        for kind, entries in kinds.items():
            path = entries[i % len(entries)][0]
            start = time.perf_counter_ns()
            get(variant, path)
            times[(variant, kind)].append((time.perf_counter_ns() - start) / 1e6)
time.sleep(1)  # let Caddy write its access logs
def percentiles(values):
    values = sorted(values)
    return values[len(values) // 2], values[int(len(values) * 0.99)]
for variant, (_, log) in variants.items():
    durations = {}
    for line in open(log):
        entry = json.loads(line)
        durations.setdefault(entry["request"]["uri"], []).append(entry["duration"] * 1000)
    print(f"  {variant}")
    for kind, entries in kinds.items():
        server = [d for path, _ in entries for d in durations.get(path, [])]
        c50, c99 = percentiles(times[(variant, kind)])
        s50, s99 = percentiles(server)
        print(f"    {kind:8} client p50 {c50:6.3f} ms  p99 {c99:6.3f} ms   in Caddy p50 {s50:6.3f} ms  p99 {s99:6.3f} ms")
PY
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
done
