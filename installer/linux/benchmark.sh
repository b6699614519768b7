#!/usr/bin/env bash
# Cold start of the packaged LeadDesk to its first window, with and without the AppCDS archive, and the sizes of
# what installer/linux/build.sh made.
#
#   installer/linux/benchmark.sh [app folder] [runs]
#     app folder: default target/installer/linux/leaddesk (the app image); /opt/leaddesk measures the installed .deb
#     runs: default 7; the median is printed
#
# Each run is a new JVM (cold JVM; the OS page cache is warm after the first run, as on a desktop; as root,
# DROP_CACHES=1 empties the page cache before every run: cold from disk, as after a reboot). The app is
# started with -Dleaddesk.startupProbe=true (added to its .cfg for the run and removed again), which prints
# "LEADDESK_FIRST_WINDOW <ms since JVM start>" once the first window is showing and exits; the script also times
# from launching the native launcher to reading that line (what a user waits), to the process's exit, and the
# CPU time (user + system) of each start, which other load on the machine disturbs less than the clock. Needs a display or
# xvfb-run (apt-get install xvfb xauth libgtk-3-0); one Xvfb serves all runs so its start is not counted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/target/installer/linux"
APPDIR=$(cd "${1:-$OUT/leaddesk}" && pwd)
RUNS=${2:-7}
DROP_CACHES=${DROP_CACHES:-0}
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
minimum() { sort -n | head -1; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d\n", (b - a) * 1000 }'; }

once() { # once <label> <extra java option or ""> : one start, its times appended to $work/<label>.{shown,probe,wall}
    local label=$1 extra=$2 start shown end line l pid
    cp "$work/cfg.orig" "$CFG"
    echo 'java-options=-Dleaddesk.startupProbe=true' >> "$CFG"
    [ -n "$extra" ] && echo "java-options=$extra" >> "$CFG"
    rm -f "$work/fifo" && mkfifo "$work/fifo"
    if [ "$DROP_CACHES" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    times > "$work/times0"            # builtin in this shell: CPU time of waited-for children so far
    start=$EPOCHREALTIME
    LEADDESK_HOME="$work/home" timeout -k 5 60 "$LAUNCHER" >"$work/fifo" 2>/dev/null &
    pid=$!
    line=""; shown=""
    # The launcher's stdout is read line by line, so the moment the probe line arrives is timed (no fork).
    while IFS= read -r -t 60 l; do
        case "$l" in LEADDESK_FIRST_WINDOW*) shown=$EPOCHREALTIME; line=$l; break ;; esac
    done < "$work/fifo"
    wait "$pid" 2>/dev/null || true
    end=$EPOCHREALTIME
    times > "$work/times1"
    cp "$work/cfg.orig" "$CFG"
    [ -n "$line" ] || { echo "a run ($label) printed no LEADDESK_FIRST_WINDOW line" >&2; return 0; }
    awk '{print $2}' <<<"$line" >> "$work/$label.probe"
    ms "$start" "$shown" >> "$work/$label.shown"
    ms "$start" "$end" >> "$work/$label.wall"
    echo $(( $(child_cpu_ms < "$work/times1") - $(child_cpu_ms < "$work/times0") )) >> "$work/$label.cpu"
}
child_cpu_ms() { # user + system time of children from the output of `times` (2nd line: "1m2.345s 0m0.120s")
    awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%d\n", t * 1000 }'
}
report() { # report <label> <text>
    local f="$work/$1"
    [ -s "$f.shown" ] || { printf '%-15s no successful run\n' "$2:"; return; }
    printf '%-15s first window %5s ms after launch (min %s), %5s ms after JVM start; launch to exit %5s ms, CPU %5s ms (medians of %s)\n' \
        "$2:" "$(median < "$f.shown")" "$(minimum < "$f.shown")" "$(median < "$f.probe")" "$(median < "$f.wall")" \
        "$(median < "$f.cpu")" "$(wc -l < "$f.shown")"
}

if [ "$DROP_CACHES" = 1 ]; then
    [ -w /proc/sys/vm/drop_caches ] || { echo "DROP_CACHES=1 needs root (writes /proc/sys/vm/drop_caches)" >&2; exit 1; }
    cache="OS page cache dropped before every run (cold from disk)"
else
    cache="OS page cache warm after the first run"
fi
echo "LeadDesk cold start, $APPDIR, $(nproc) cores, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), $(date -u '+%F %H:%M UTC')"
echo "(a new JVM per run, runs with and without the archive alternate; $cache; load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
with_cds=0
grep -q 'SharedArchiveFile' "$work/cfg.orig" && [ -s "$APPDIR/lib/app/leaddesk.jsa" ] && with_cds=1
[ "$with_cds" = 1 ] || echo "(no AppCDS archive in this app: only the runs without it)"
for i in $(seq 1 "$RUNS"); do
    [ "$with_cds" = 1 ] && once with ""
    once without "-Xshare:off"        # the trimmed runtime has no default JDK archive either: no sharing at all
done
[ "$with_cds" = 1 ] && report with "with AppCDS"
report without "without AppCDS"
echo "(load average after: $(cut -d' ' -f1-3 /proc/loadavg))"

echo "Sizes:"
printf '  %-34s %s\n' "app folder $(basename "$APPDIR")/" "$(du -sh "$APPDIR" | cut -f1)"
for f in "$OUT"/*.deb "$OUT"/*.rpm; do
    [ -e "$f" ] && printf '  %-34s %s MB\n' "$(basename "$f")" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')"
done
