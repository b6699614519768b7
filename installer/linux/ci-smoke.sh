#!/usr/bin/env bash
# CI check of the Linux package (.ci/run calls it after `mvn -B verify`): builds the app image with
# installer/linux/build.sh and runs its launcher headless against the built-in sample Graph API:
#   leaddesk sample-server (background)  ->  leaddesk whoami (exit 0, "kind: user")
#   wrong token -> exit 3, unknown command -> exit 2 (exit codes pass through the native launcher).
# Every wait is bounded; any failure exits non-zero. Set LEADDESK_CI_DEB=1 to also build and inspect the .deb
# (adds about 40-80 s on 2 cores). Installs fakeroot/binutils with apt-get when missing and running as root.
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
start=$(date +%s)
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

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 20); do
    candidate=$(( 20000 + RANDOM % 40000 ))
    if port_free "$candidate"; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "found no free port"

export LEADDESK_HOME="$work/home"
unset LEADDESK_TOKEN LEADDESK_GRAPH_URL
"$LAUNCHER" sample-server --port "$port" >"$work/server.out" 2>"$work/server.err" &
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
say "whoami: $(grep '^name:' "$work/out")"
run 3 ci-not-a-valid-token whoami
if grep -q 'ci-not-a-valid-token' "$work/out"; then fail "the token appeared in the output"; fi
run 2 sample-user-token no-such-command
say "exit codes 0/3/2 pass through the launcher"

# --- optional: the .deb ------------------------------------------------------------------------------------------
if [ "${LEADDESK_CI_DEB:-0}" = 1 ]; then
    deb=$(ls "$OUT"/leaddesk_*.deb)
    info=$(dpkg-deb -I "$deb")
    grep -q 'Depends:.*libgtk-3-0' <<<"$info" || fail ".deb does not depend on libgtk-3-0"
    dpkg-deb -c "$deb" | grep -q '/opt/leaddesk/lib/leaddesk-leaddesk.desktop' || fail ".deb has no desktop entry"
    size=$(stat -c %s "$deb")
    [ "$size" -lt $(( 70 * 1024 * 1024 )) ] || fail ".deb is $size bytes, over 70 MB"
    say ".deb ok: $(basename "$deb") $(( size / 1024 / 1024 )) MB"
fi
say "OK"
