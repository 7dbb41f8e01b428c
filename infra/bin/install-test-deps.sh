#!/usr/bin/env bash
# Installs the system packages the tests talk to, when missing: a real NUT server (upsd +
# dummy-ups driver) and client, a real SNMP agent (snmpd) and client tools, docker-compose (to validate docker-compose.yml without an engine)
# and kcat (a real downstream Kafka consumer), curl and jq (the seed's alert-status client script),
# iputils-ping (ping probes of uptime targets), chromium and chromium-driver (the
# dashboard's browser tests), ffmpeg (the camera decoder) and GStreamer's RTSP
# server with python3-gi (the RTSP camera of the camera tests, run by /usr/bin/python3), then the
# camera footage (infra/bin/fetch-footage.sh, cached outside the checkout) and the object detector
# sidecar (infra/bin/install-detector.sh: npm ci in infra/detector). Node.js >= 20 and npm, for the
# TimescaleDB check (shared/tools/timescaledb-lite) and the detector, are expected on the machine
# (Debian's own nodejs is older); without them those tests skip. Needs root (or sudo) for apt-get; without it, or when apt-get
# fails, the tests that need a package skip.
set -euo pipefail

missing=()
[ -x /lib/nut/upsd ] || [ -x /usr/lib/nut/upsd ] || missing+=(nut-server)
command -v upsc >/dev/null || missing+=(nut-client)
command -v snmpd >/dev/null || [ -x /usr/sbin/snmpd ] || missing+=(snmpd)
command -v snmpget >/dev/null || missing+=(snmp)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v kcat >/dev/null || missing+=(kcat)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
command -v ping >/dev/null || missing+=(iputils-ping)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v gst-launch-1.0 >/dev/null || missing+=(gstreamer1.0-tools)
gst_plugin() { command -v gst-inspect-1.0 >/dev/null && gst-inspect-1.0 "$1" >/dev/null 2>&1; }
gst_plugin videotestsrc || missing+=(gstreamer1.0-plugins-base)
gst_plugin rtph264pay || missing+=(gstreamer1.0-plugins-good)
gst_plugin x264enc || missing+=(gstreamer1.0-plugins-ugly)
gst_plugin h264parse || missing+=(gstreamer1.0-plugins-bad)
[ -x /usr/bin/python3 ] || missing+=(python3)
/usr/bin/python3 -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null \
  || missing+=(python3-gi gir1.2-gst-rtsp-server-1.0)
# The web dashboard's browser tests: headless Chromium driven through its chromedriver.
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fetch_assets() {
  "$here/fetch-footage.sh" || true
  "$here/install-detector.sh" || true
}

if [ ${#missing[@]} -eq 0 ]; then
  fetch_assets
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "install-test-deps: cannot install ${missing[*]} (not root, no sudo); tests needing them will skip." >&2
  fetch_assets
  exit 0
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && \
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "install-test-deps: could not install ${missing[*]}; tests needing them will skip." >&2
fi
fetch_assets
