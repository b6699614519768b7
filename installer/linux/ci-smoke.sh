#!/usr/bin/env bash
# CI check of the Linux package, meant to run after `mvn -B verify` (it reuses target/leaddesk.jar and target/lib;
# without them it runs `mvn -B package -DskipTests` first). Builds the app image with installer/linux/build.sh and
# runs its native launcher headless (no display needed) against the built-in sample Graph API:
#   leaddesk sample-server --leads 300 (background, free port)  ->  whoami (exit 0, "kind: user")
#   sync (exit 0, 300 new leads)  ->  leads (300 rows, UTF-8 names intact)  ->  export (Meta CSV, 300 records,
#   UTF-8)  ->  data only under LEADDESK_HOME
#   wrong token -> exit 3 and the token is not echoed; unknown command -> exit 2 (exit codes pass the launcher)
#   the AppCDS archive, when the build made one, maps (-Xshare:on) with the image's own java.
# Every wait is bounded, the background server is always stopped, any failure exits non-zero; it prints each check
# and its total time (about 20 s on 2 cores). LEADDESK_CI_DEB=1 also builds and inspects the .deb (+40-80 s).
# Installs fakeroot/binutils with apt-get when missing and running as root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/target/installer/linux"
IMAGE="$OUT/leaddesk"
LAUNCHER="$IMAGE/bin/leaddesk"

say() { printf '[ci-smoke] %s\n' "$*" >&2; }
fail() { printf '[ci-smoke] FAIL: %s\n' "$*" >&2; exit 1; }

need=()
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
if [ "${LEADDESK_CI_DEB:-0}" = 1 ]; then command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot); fi
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing ${need[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
            || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
    else
        fail "missing ${need[*]}: install them (apt-get install ${need[*]})"
    fi
fi

# --- build ------------------------------------------------------------------------------------------------------
types="app-image"
[ "${LEADDESK_CI_DEB:-0}" = 1 ] && types="app-image deb"
args=(--types "$types")
if [ -f "$ROOT/target/leaddesk.jar" ] && [ -d "$ROOT/target/lib" ]; then
    args+=(--skip-maven)             # mvn -B verify has just built and tested it
else
    export MVN_ARGS="${MVN_ARGS:--DskipTests}"
fi
t0=$(date +%s)
start=$t0
timeout -k 10 600 "$HERE/build.sh" "${args[@]}" || fail "build.sh failed"
say "build ($types) took $(( $(date +%s) - start )) s"
[ -x "$LAUNCHER" ] || fail "no launcher at $LAUNCHER"

# --- run the packaged launcher ----------------------------------------------------------------------------------
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM     # still runs cleanup (the EXIT trap) when CI cancels the job

export LEADDESK_HOME="$work/home"
touch "$work/start"
unset LEADDESK_TOKEN LEADDESK_GRAPH_URL
"$LAUNCHER" sample-server --leads 300 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do            # up to 30 s for the JVM to start and print its URL
    url=$(grep -oE 'https?://(127\.0\.0\.1|localhost)[^[:space:]"]*' "$work/server.out" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.out" "$work/server.err" >&2; fail "sample-server exited early"; }
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.out" "$work/server.err" >&2; fail "sample-server printed no URL within 30 s"; }
say "sample server: $url"

run() { # run <expected exit> <token> <args...> : output in $work/out
    local expected=$1 token=$2 code=0; shift 2
    LEADDESK_TOKEN="$token" LEADDESK_GRAPH_URL="$url" timeout -k 5 60 "$LAUNCHER" "$@" >"$work/out" 2>&1 || code=$?
    if [ "$code" != "$expected" ]; then
        cat "$work/out" >&2
        fail "leaddesk $* exited $code, expected $expected"
    fi
}
run 0 sample-user-token whoami
grep -q '^kind: user' "$work/out" || { cat "$work/out" >&2; fail "whoami did not report a user token"; }
grep -q '^name: .' "$work/out" || { cat "$work/out" >&2; fail "whoami printed no name"; }
say "ok whoami (exit 0): $(grep '^name:' "$work/out")"

run 0 sample-user-token sync
grep -qE '300 new, 0 failed' "$work/out" || { cat "$work/out" >&2; fail "sync did not store the 300 sample leads"; }
say "ok sync (exit 0): $(grep -E '^Synced' "$work/out")"
run 0 "" leads                        # offline: no token needed
rows=$(( $(wc -l < "$work/out") - 1 ))
[ "$rows" = 300 ] || { head -5 "$work/out" >&2; fail "leads listed $rows rows, expected 300"; }
# The sample data has Cyrillic, Arabic and accented names: they must come out as UTF-8, whatever the CI locale
# (byte patterns under LC_ALL=C: a Cyrillic letter is D0/D1 + a continuation byte, Arabic D8-DB, Latin-1 C3).
LC_ALL=C grep -q $'[\xd0\xd1][\x80-\xbf]' "$work/out" && LC_ALL=C grep -q $'[\xc3\xd8-\xdb][\x80-\xbf]' "$work/out" \
    || { head -5 "$work/out" >&2; fail "leads output lost non-ASCII names"; }
say "ok leads (exit 0): $rows rows from the SQLite cache, UTF-8 names intact"
# the packaged app writes CSV (its CSV library ships in the package): Meta columns, one record per lead, UTF-8
run 0 "" export --out "$work/leads.csv"
head -c 40 "$work/leads.csv" | grep -q '^id,created_time,ad_id' || { head -c 300 "$work/leads.csv" >&2; fail "export wrote no Meta header"; }
grep -q '^Wrote 300 rows (300 leads) to ' "$work/out" || { cat "$work/out" >&2; fail "export did not report 300 rows"; }
# count the records as a CSV reader would: a CRLF ends a record only outside quotes (a doubled quote keeps the parity)
records=$(awk 'BEGIN { q = 0; n = 0 } { q += gsub(/"/, "\""); if (q % 2 == 0 && /\r$/) n++ } END { print n }' "$work/leads.csv")
[ "$records" = 301 ] || fail "export wrote $records records, expected a header and 300"
LC_ALL=C grep -q $'[\xd0\xd1][\x80-\xbf]' "$work/leads.csv" || fail "export lost the Cyrillic answers"
say "ok export (exit 0): header and 300 records, UTF-8"
[ -s "$LEADDESK_HOME/leaddesk.db" ] || fail "no database in LEADDESK_HOME ($LEADDESK_HOME)"
written=$(find "$IMAGE" -newer "$work/start" -type f | head -5)
[ -z "$written" ] || fail "the app wrote into its install folder: $written"
say "ok data: $(du -h "$LEADDESK_HOME/leaddesk.db" | cut -f1) database in LEADDESK_HOME, nothing written to the app folder"

run 3 ci-not-a-valid-token whoami
if grep -q 'ci-not-a-valid-token' "$work/out"; then fail "the token appeared in the output"; fi
run 2 sample-user-token no-such-command
say "ok exit codes 0/3/2 pass through the launcher; a rejected token is not echoed"

# --- the runtime formats dates in the user's language (jdk.localedata is in the image) -----------------------------
"$IMAGE/lib/runtime/bin/java" --list-modules >"$work/out" 2>&1 || fail "the image's runtime does not start"
grep -q '^jdk.localedata' "$work/out" || fail "the image's runtime lacks jdk.localedata: dates would be English for every user"
say "ok runtime has jdk.localedata (dates follow the user's locale)"

# --- the AppCDS archive (made by build.sh when it could) maps with the image's own JVM ------------------------------
jsa="$IMAGE/lib/app/leaddesk.jsa"
if [ -s "$jsa" ]; then
    cp=$(grep '^app.classpath=' "$IMAGE/lib/app/leaddesk.cfg" | sed "s#^app.classpath=\$APPDIR#$IMAGE/lib/app#" | paste -sd: -)
    timeout -k 5 60 "$IMAGE/lib/runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$jsa" -cp "$cp" io.leaddesk.LeadDesk --help \
        >"$work/out" 2>&1 || { tail -5 "$work/out" >&2; fail "the AppCDS archive does not map (-Xshare:on failed)"; }
    say "ok AppCDS archive maps: $(wc -l < "$IMAGE/lib/app/leaddesk.classlist") classes, $(du -h "$jsa" | cut -f1)"
else
    say "note: no AppCDS archive in the image (build.sh could not make one); the app starts without it"
fi

# --- optional: the .deb ------------------------------------------------------------------------------------------
if [ "${LEADDESK_CI_DEB:-0}" = 1 ]; then
    deb=$(ls "$OUT"/leaddesk_*.deb)
    info=$(dpkg-deb -I "$deb")
    grep -q 'Depends:.*libgtk-3-0' <<<"$info" || fail ".deb does not depend on libgtk-3-0"
    # List into a variable first: with pipefail, grep -q closing the pipe early would fail dpkg-deb with SIGPIPE.
    listing=$(dpkg-deb -c "$deb")
    grep -q '/opt/leaddesk/lib/leaddesk-leaddesk.desktop' <<<"$listing" || fail ".deb has no desktop entry"
    size=$(stat -c %s "$deb")
    [ "$size" -lt $(( 70 * 1024 * 1024 )) ] || fail ".deb is $size bytes, over 70 MB"
    say ".deb ok: $(basename "$deb") $(( size / 1024 / 1024 )) MB"
fi
say "OK: all checks passed in $(( $(date +%s) - t0 )) s"
