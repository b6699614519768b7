#!/usr/bin/env bash
# Cold start of the packaged LeadDesk to its first window, with and without the AppCDS archive, and the sizes of
# what installer/linux/build.sh made.
#
#   installer/linux/benchmark.sh [app folder] [runs]
#     app folder: default target/installer/linux/leaddesk (the app image); /opt/leaddesk measures the installed .deb
#     runs: default 7; the median is printed
#
# Each run is a new JVM (cold JVM; the OS page cache is warm after the first run, as on a desktop). The app is
# started with -Dleaddesk.startupProbe=true (added to its .cfg for the run and removed again), which prints
# "LEADDESK_FIRST_WINDOW <ms since JVM start>" once the first window is showing and exits. Needs a display or
# xvfb-run (apt-get install xvfb xauth libgtk-3-0); one Xvfb serves all runs so its start is not counted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/target/installer/linux"
APPDIR=$(cd "${1:-$OUT/leaddesk}" && pwd)
RUNS=${2:-7}
LAUNCHER="$APPDIR/bin/leaddesk"
CFG="$APPDIR/lib/app/leaddesk.cfg"
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "no packaged LeadDesk in $APPDIR (run installer/linux/build.sh)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
cp "$CFG" "$work/cfg.orig"
cleanup() {
    cp "$work/cfg.orig" "$CFG"
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null 2>&1 || { echo "no DISPLAY and no Xvfb (apt-get install xvfb xauth libgtk-3-0)" >&2; exit 1; }
    for n in $(seq 90 99); do [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }; done
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
    export DISPLAY=$display
fi

median() { sort -n | awk '{a[NR]=$1} END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }

measure() { # measure <label> <extra java option or ""> : prints "label: probe median, wall median"
    local label=$1 extra=$2 i start end line
    cp "$work/cfg.orig" "$CFG"
    echo 'java-options=-Dleaddesk.startupProbe=true' >> "$CFG"
    [ -n "$extra" ] && echo "java-options=$extra" >> "$CFG"
    : > "$work/probe"; : > "$work/wall"
    for i in $(seq 1 "$RUNS"); do
        start=$(date +%s%N)
        line=$(LEADDESK_HOME="$work/home" timeout -k 5 60 "$LAUNCHER" 2>/dev/null | grep -m1 'LEADDESK_FIRST_WINDOW' || true)
        end=$(date +%s%N)
        [ -n "$line" ] || { echo "run $i ($label): no LEADDESK_FIRST_WINDOW line" >&2; continue; }
        awk '{print $2}' <<<"$line" >> "$work/probe"
        echo $(( (end - start) / 1000000 )) >> "$work/wall"
    done
    printf '%-22s first window %5s ms after JVM start (median of %s), launch to exit %5s ms\n' \
        "$label:" "$(median < "$work/probe")" "$(wc -l < "$work/probe")" "$(median < "$work/wall")"
}

echo "LeadDesk cold start, $APPDIR, $(nproc) cores, $(date -u +%F)"
if grep -q 'SharedArchiveFile' "$work/cfg.orig" && [ -s "$APPDIR/lib/app/leaddesk.jsa" ]; then
    measure "with AppCDS" ""
else
    echo "(no AppCDS archive in this app: only the run without it)"
fi
measure "without AppCDS" "-Xshare:off"

echo "Sizes:"
printf '  %-34s %s\n' "app folder $(basename "$APPDIR")/" "$(du -sh "$APPDIR" | cut -f1)"
for f in "$OUT"/*.deb "$OUT"/*.rpm; do
    [ -e "$f" ] && printf '  %-34s %s MB\n' "$(basename "$f")" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')"
done
