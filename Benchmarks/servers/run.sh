#!/usr/bin/env bash
# Server maps at portfolio scale (docs/benchmarks.md, "Server maps"): emit the nginx and HAProxy
# output of a synthetic portfolio of N codes, check it with the servers themselves (nginx -t must
# print no warning at all, in particular no "could not build optimal map_hash"), start each
# server, replay a few scans against the engine's answers, and report load time and memory.
#
#   bash Benchmarks/servers/run.sh                 # 100,000 and 1,000,000 codes
#   bash Benchmarks/servers/run.sh 20000           # other sizes
#   NO_BUILD=1 bash Benchmarks/servers/run.sh      # reuse the release binary
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
if [ -z "${NO_BUILD:-}" ]; then
  swift build -c release --package-path Benchmarks --product server-maps-bench >/dev/null
fi
bin=Benchmarks/.build/release/server-maps-bench
command -v nginx >/dev/null && command -v haproxy >/dev/null || { echo "nginx and haproxy are needed (scripts/install-deps.sh)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }  # utime + stime of a running process (USER_HZ = 100)
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
wait_ready() {  # port pid
  for _ in $(seq 1 6000); do
    kill -0 "$2" 2>/dev/null || return 1
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" && return 0
    sleep 0.05
  done
  return 1
}
check_samples() {  # port samples.tsv
  local ok=0 bad=0
  while IFS=$'\t' read -r host path status location; do
    got=$(curl -s -o /dev/null -w '%{http_code}\t%{redirect_url}' -H "Host: $host" \
      -A 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)' "http://127.0.0.1:$1$path")
    [ "$location" = "-" ] && location=""
    if [ "$got" = "$status"$'\t'"$location" ]; then ok=$((ok+1)); else bad=$((bad+1)); echo "    MISMATCH $host$path: got '$got', engine says '$status $location'"; fi
  done < "$2"
  echo "    scans checked against the engine: $ok ok, $bad wrong"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other jobs)"
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(haproxy -v | head -1 | cut -d' ' -f1-3)"
for n in "${sizes[@]}"; do
  out="Benchmarks/out/servers-$n"
  rm -rf "$out"; mkdir -p "$out"
  out=$(cd "$out" && pwd)
  echo
  echo "== $n codes"
  "$bin" "$n" "$out" | sed 's/^/  emit /'
  du -sh "$out/nginx" "$out/haproxy" | awk '{print "  size " $2 ": " $1}'

  # nginx: conf dir $out/nginx-run, the generated folder installed as qrops/.
  run="$out/nginx-run"; mkdir -p "$run/tmp"; ln -sfn ../nginx "$run/qrops"
  port=$(free_port)
  cat > "$run/nginx.conf" <<CONF
worker_processes 1;
pid $run/nginx.pid;
error_log $run/error.log warn;
events { worker_connections 256; }
http {
    include qrops/qrops-http.conf;
    access_log off;
    client_body_temp_path $run/tmp/body; proxy_temp_path $run/tmp/proxy; fastcgi_temp_path $run/tmp/fastcgi;
    uwsgi_temp_path $run/tmp/uwsgi; scgi_temp_path $run/tmp/scgi;
    server { listen 127.0.0.1:$port default_server; server_name _; include qrops/qrops-server.conf; }
}
CONF
  args=(-p "$run/" -c "$run/nginx.conf" -e "$run/error.log")
  start=$(now)
  check=$( { /usr/bin/time -f 'cpu %U %S rss %M' nginx -t "${args[@]}"; } 2>&1) || { echo "$check"; exit 1; }
  echo "  nginx -t: $(elapsed "$start" "$(now)") s wall, $(echo "$check" | awk '/^cpu/ {printf "%.2f s CPU, peak RSS %.0f MB", $2 + $3, $5 / 1024}')"
  check=$(echo "$check" | grep -v '^cpu')
  if echo "$check" | grep -Eiq 'warn|emerg|alert'; then echo "  nginx -t printed a warning:"; echo "$check"; exit 1; fi
  echo "  nginx -t: no warning ($(grep -E '^map_hash' "$out/nginx/qrops-http.conf" | tr '\n' ' '))"
  start=$(now)
  nginx "${args[@]}" -g 'daemon off;' & pid=$!
  wait_ready "$port" "$pid" || { echo "nginx did not start"; cat "$run/error.log"; exit 1; }
  echo "  nginx load (start to first answer): $(elapsed "$start" "$(now)") s wall, master $(cpu_of "$pid") s CPU"
  worker=$(pgrep -P "$pid" | head -1 || true)
  echo "  nginx memory: master RSS $(rss_mb "$pid") MB (peak $(hwm_mb "$pid") MB), worker RSS $(rss_mb "$worker") MB (mostly shared with the master)"
  check_samples "$port" "$out/samples.tsv"
  stop "$pid"

  # HAProxy: the generated folder beside a main config that sends everything to it.
  port=$(free_port)
  cat > "$out/haproxy-main.cfg" <<CONF
global
    maxconn 256
defaults
    mode http
    timeout connect 5s
    timeout client 10s
    timeout server 10s
frontend short_domains
    bind 127.0.0.1:$port
    default_backend qrops
CONF
  start=$(now)
  check=$( { /usr/bin/time -f 'cpu %U %S rss %M' haproxy -c -f "$out/haproxy-main.cfg" -f "$out/haproxy/qrops.cfg"; } 2>&1) || { echo "$check"; exit 1; }
  echo "  haproxy -c: $(elapsed "$start" "$(now)") s wall, $(echo "$check" | awk '/^cpu/ {printf "%.2f s CPU, peak RSS %.0f MB", $2 + $3, $5 / 1024}')"
  check=$(echo "$check" | grep -v '^cpu')
  if echo "$check" | grep -Eiq 'warn|alert'; then echo "  haproxy -c printed a warning:"; echo "$check"; exit 1; fi
  start=$(now)
  haproxy -f "$out/haproxy-main.cfg" -f "$out/haproxy/qrops.cfg" -db >"$out/haproxy.log" 2>&1 & pid=$!
  wait_ready "$port" "$pid" || { echo "haproxy did not start"; cat "$out/haproxy.log"; exit 1; }
  echo "  haproxy load (start to first answer): $(elapsed "$start" "$(now)") s wall, $(cpu_of "$pid") s CPU"
  echo "  haproxy memory: RSS $(rss_mb "$pid") MB (peak $(hwm_mb "$pid") MB)"
  check_samples "$port" "$out/samples.tsv"
  stop "$pid"
done
