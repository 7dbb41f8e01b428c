#!/usr/bin/env bash
# Installs the CPU object detector sidecar (infra/detector: @vladmandic/human's CenterNet COCO model
# on the tfjs wasm backend, run by Node) from its committed package-lock.json with `npm ci`.
# Idempotent: does nothing when node_modules already matches the lock. Works offline when npm's cache
# (~/.npm) holds the packages (`--prefer-offline`). Needs Node >= 18 and npm on the PATH; without
# them it says so and exits 0: the collector then runs without the detector (status
# "missing: node not found") and the detector tests skip.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${ARGUS_DETECTOR_DIR:-$here/../detector}"
dir="$(cd "$dir" && pwd)"

give_up() {
  echo "install-detector: $1; the collector will run without the object detector." >&2
  exit 0
}

command -v node >/dev/null || give_up "node is not installed (Node.js >= 18 is needed)"
command -v npm >/dev/null || give_up "npm is not installed"
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 18 ] || give_up "node $(node --version) is too old (Node.js >= 18 is needed)"

# npm ci writes node_modules/.package-lock.json; when it equals the committed lock's packages, the
# install is complete and current.
marker="$dir/node_modules/.package-lock.json"
model="$dir/node_modules/@vladmandic/human/models/centernet.bin"
if [ -s "$marker" ] && [ -s "$model" ] && [ "$marker" -nt "$dir/package-lock.json" ]; then
  exit 0
fi

echo "install-detector: npm ci in $dir"
if ! (cd "$dir" && npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error); then
  give_up "npm ci failed in $dir (no network and no npm cache?)"
fi
[ -s "$model" ] || give_up "the CenterNet model is missing after npm ci ($model)"
echo "install-detector: $dir ready"
