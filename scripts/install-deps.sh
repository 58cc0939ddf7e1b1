#!/usr/bin/env bash
# The one list of system packages qrops and its tests need. Used by .ci/run and the README.
#   build:      libyaml-dev (YAML parser), zlib1g-dev (PNG compression), pkg-config
#   decoders:   zxing-cpp-tools (ZXingReader), zbar-tools (zbarimg)
#   reference:  qrencode + libqrencode-dev (differential test and benchmark)
#   rasterise:  librsvg2-bin (rsvg-convert), poppler-utils (pdftoppm), ghostscript (EPS)
#   servers:    nginx, caddy, apache2 (+ apache2-utils for httxt2dbm), haproxy;
#               nodejs runs the generated CloudFront Function in the tests
#   tools:      git, curl, time (peak memory in benchmarks), python3 jsonschema (SARIF check)
set -euo pipefail
packages=(
  pkg-config libyaml-dev zlib1g-dev
  zxing-cpp-tools zbar-tools
  qrencode libqrencode-dev
  librsvg2-bin poppler-utils ghostscript
  nginx caddy apache2 apache2-utils haproxy nodejs
  git curl time
)
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# Debian starts some servers on install; the tests start their own on loopback ports.
for svc in nginx apache2 haproxy caddy; do
  $SUDO service "$svc" stop >/dev/null 2>&1 || true
done
python3 -m pip install -q --disable-pip-version-check jsonschema >/dev/null
echo "install-deps: ok"
