#!/usr/bin/env bash
# Fetches real footage of people for the camera tests, once, into a cache outside the repository:
# Debian's opencv-doc package ships examples/data/vtest.avi (768x576, 10 fps, 80 s, pedestrians in a
# car park). The .deb is a ~96 MB download; only vtest.avi is kept, transcoded to H.264 at 384x288
# (vtest.mp4) so the RTSP fixture can replay it without re-encoding. Idempotent: does nothing when
# vtest.mp4 is there. Needs apt-get (download only, no root) and ffmpeg; on any failure it says why
# and exits 0, and the footage tests skip with the same hint.
set -euo pipefail

cache="${ARGUS_FOOTAGE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/argus/footage}"
target="$cache/vtest.mp4"

if [ -s "$target" ]; then
  exit 0
fi

give_up() {
  echo "fetch-footage: $1; the footage tests will skip (run infra/bin/fetch-footage.sh again later)." >&2
  exit 0
}

command -v apt-get >/dev/null || give_up "apt-get is not available"
command -v dpkg-deb >/dev/null || give_up "dpkg-deb is not available"
command -v ffmpeg >/dev/null || give_up "ffmpeg is not installed"

mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-footage: downloading opencv-doc (~96 MB) for vtest.avi into $cache"
(cd "$work" && apt-get download -qq opencv-doc >/dev/null 2>&1) \
  || give_up "apt-get download opencv-doc failed (no network or no Debian sources)"

deb="$(ls "$work"/opencv-doc_*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || give_up "apt-get download opencv-doc produced no package"

member=./usr/share/doc/opencv-doc/examples/data/vtest.avi
(cd "$work" && dpkg-deb --fsys-tarfile "$deb" | tar -x "$member") \
  || give_up "opencv-doc has no $member"

# A short GOP without B-frames: a client joining the replay decodes from its first second.
ffmpeg -nostdin -loglevel error -y -i "$work/$member" \
  -vf scale=384:288 -c:v libx264 -preset veryfast -g 20 -bf 0 -an "$work/vtest.mp4" \
  || give_up "ffmpeg could not transcode vtest.avi"

mv "$work/vtest.mp4" "$target"
echo "fetch-footage: $target ready"
