#!/usr/bin/env bash
# Regenerates the app icon in every format the installers use from the hand-written leaddesk.svg:
#   leaddesk.png  (256 px, Linux)   leaddesk.ico (Windows)   leaddesk.icns (macOS)
# The outputs are committed, so building an installer never needs this script or an SVG converter.
# Needs: rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg)
#        or ImageMagick's convert as a fallback, and a JDK 17+ (java runs IconPack.java directly).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
    if command -v rsvg-convert >/dev/null 2>&1; then
        rsvg-convert -w "$size" -h "$size" leaddesk.svg -o "$work/$size.png"
    else
        convert -background none -density 384 leaddesk.svg -resize "${size}x${size}" "PNG32:$work/$size.png"
    fi
done
cp "$work/256.png" leaddesk.png
java IconPack.java "$work" leaddesk.ico leaddesk.icns
ls -l leaddesk.png leaddesk.ico leaddesk.icns
