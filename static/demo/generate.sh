#!/usr/bin/env bash
# Regenerates the Verbatim demo episode (episode.mp3, transcript.vtt, chapters.json, feed.xml,
# cover.svg) from static/demo/script.txt. Deterministic: same script + same tools = same files.
# Usage, from the project root:  bash static/demo/generate.sh   (or: npm run demo:generate)
# Needs: espeak-ng, sox with mp3 support (libsox-fmt-mp3), lame, Node with tsx (devDependency).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

for tool in espeak-ng sox soxi lame npx; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "generate.sh: '$tool' not found (apt-get install espeak-ng sox libsox-fmt-mp3 lame)" >&2
    exit 1
  fi
done
formats="$(sox -h 2>&1 || true)"
if [[ "$formats" != *" mp3 "* ]]; then
  echo "generate.sh: sox cannot read mp3 (apt-get install libsox-fmt-mp3)" >&2
  exit 1
fi

cd "$root"
npx tsx static/demo/generate.ts
