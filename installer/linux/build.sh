#!/usr/bin/env bash
# Builds LeadDesk for Linux: mvn -B package -> trimmed runtime (jlink) -> app image -> .deb and .rpm (jpackage).
#
#   installer/linux/build.sh                      # app image + .deb + .rpm (rpm only when rpmbuild exists)
#   installer/linux/build.sh --types app-image    # just the app image (what CI smoke-tests)
#   installer/linux/build.sh --skip-maven         # reuse target/leaddesk.jar + target/lib from an earlier build
#   MVN_ARGS="-DskipTests" installer/linux/build.sh
#
# Output in target/installer/linux/: leaddesk/ (app image, run leaddesk/bin/leaddesk), leaddesk_<v>_amd64.deb,
# leaddesk-<v>-1.x86_64.rpm. Needs JDK 17+ with jmods (jlink, jpackage), binutils (objcopy), fakeroot + dpkg-deb
# for .deb, rpm (rpmbuild) for .rpm, and for archiving the GUI's classes (AppCDS) a display or xvfb-run.
set -euo pipefail
# shellcheck source=../common/common.sh
source "$(dirname "$0")/../common/common.sh"

TYPES="app-image deb rpm"
CDS=auto
OUT="$REPO_ROOT/target/installer/linux"
while [ $# -gt 0 ]; do
    case "$1" in
        --types) TYPES=$2; shift 2 ;;
        --skip-maven) SKIP_MAVEN=1; shift ;;
        --no-cds) CDS=no; shift ;;
        --dest) OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
done

NAME=$LINUX_PACKAGE_NAME            # launcher, app-image folder, package name and /opt/leaddesk all use it
WORK="$OUT/work"
IMAGE="$OUT/$NAME"
HERE="$INSTALLER_COMMON/../linux"

for tool in "$JPACKAGE" objcopy; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (JDK 17+ for jlink/jpackage; apt-get install binutils for objcopy)"
done

seconds() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

maven_package
mkdir -p "$OUT"
rm -rf "$WORK" "$IMAGE"

t=$(seconds)
case "$(uname -m)" in
    x86_64|amd64) stage_input "$WORK/input" Linux/x86_64 linux-x86-64 ;;
    aarch64|arm64) stage_input "$WORK/input" Linux/aarch64 linux-aarch64 ;;
    *) die "unsupported CPU $(uname -m) (x86_64 and aarch64 are packaged)" ;;
esac
"$JPACKAGE" --type app-image --dest "$OUT" \
    --name "$NAME" --app-version "$APP_VERSION" \
    --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" --copyright "$APP_COPYRIGHT" \
    --icon "$INSTALLER_COMMON/icons/leaddesk.png" \
    --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
    --add-modules "$JLINK_MODULES" --jlink-options "$JLINK_OPTIONS"
log "app image (jlink + jpackage): $IMAGE ($(du -sh "$IMAGE" | cut -f1)) in $(took "$t")"

# --- AppCDS: record which classes the app loads up to its first window (and for a CLI command), then dump them
# into a class-data-sharing archive that the JVM maps at start instead of parsing and verifying those classes.
# JDK 17 ties an archive to the absolute class path, so the app image gets one made for where it is now, and the
# .deb makes its own in postinst for /opt/leaddesk from the same class list (no display needed there). A JVM that
# cannot use the archive (moved files, other JDK) starts normally without it, silently.
CFG="$IMAGE/lib/app/$NAME.cfg"
class_path_of() { # the launcher's class path for an image installed at $1
    grep '^app.classpath=' "$1/lib/app/$NAME.cfg" | sed "s#^app.classpath=\$APPDIR#$1/lib/app#" | paste -sd: -
}
cds_dump() { # $1 = image folder
    "$1/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$1/lib/app/leaddesk.classlist" \
        -XX:SharedArchiveFile="$1/lib/app/leaddesk.jsa" -cp "$(class_path_of "$1")" >"$WORK/cds-dump.log" 2>&1
}
cds_train() {
    local runner=() home out
    if [ -n "${DISPLAY:-}" ]; then
        runner=()
    elif command -v xvfb-run >/dev/null 2>&1; then
        runner=(xvfb-run -a -s "-screen 0 1280x800x24")
    else
        runner=(none)
    fi
    home=$(mktemp -d)
    cp "$CFG" "$WORK/cfg.orig"
    : > "$WORK/all.classlist"
    if [ "${runner[0]:-}" = none ]; then
        log "AppCDS: no DISPLAY and no xvfb-run (apt-get install xvfb xauth libgtk-3-0): archiving CLI classes only"
    else
        printf '%s\n' 'java-options=-XX:DumpLoadedClassList=$APPDIR/gui.classlist' \
                      'java-options=-Dleaddesk.startupProbe=true' >> "$CFG"
        out=$(env -u LEADDESK_TOKEN LEADDESK_HOME="$home" timeout -k 5 120 "${runner[@]}" "$IMAGE/bin/$NAME" 2>&1) || true
        cp "$WORK/cfg.orig" "$CFG"
        if grep -q 'LEADDESK_FIRST_WINDOW' <<<"$out"; then
            cat "$IMAGE/lib/app/gui.classlist" >> "$WORK/all.classlist"
        else
            log "AppCDS: the window probe printed no LEADDESK_FIRST_WINDOW, GUI classes not archived; output:"
            printf '%s\n' "$out" | tail -15 >&2
        fi
    fi
    printf '%s\n' 'java-options=-XX:DumpLoadedClassList=$APPDIR/cli.classlist' >> "$CFG"
    env -u LEADDESK_TOKEN LEADDESK_HOME="$home" timeout -k 5 60 "$IMAGE/bin/$NAME" --help >/dev/null 2>&1 || true
    cp "$WORK/cfg.orig" "$CFG"
    cat "$IMAGE/lib/app/cli.classlist" >> "$WORK/all.classlist" 2>/dev/null || true
    rm -rf "$home" "$IMAGE/lib/app/gui.classlist" "$IMAGE/lib/app/cli.classlist"
    # Hidden classes (lambdas) and duplicates are skipped by the dump; keep the list small and stable.
    grep -v '^@' "$WORK/all.classlist" | awk '!seen[$0]++' > "$IMAGE/lib/app/leaddesk.classlist"
    if [ -s "$IMAGE/lib/app/leaddesk.classlist" ] && cds_dump "$IMAGE"; then
        printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/leaddesk.jsa' 'java-options=-Xshare:auto' >> "$CFG"
        log "AppCDS: $(wc -l < "$IMAGE/lib/app/leaddesk.classlist") classes, archive $(du -h "$IMAGE/lib/app/leaddesk.jsa" | cut -f1)"
    else
        rm -f "$IMAGE/lib/app/leaddesk.jsa" "$IMAGE/lib/app/leaddesk.classlist"
        log "AppCDS skipped: no class list or the dump failed (see $WORK/cds-dump.log)"
    fi
}
if [ "$CDS" = auto ]; then
    t=$(seconds); cds_train; log "AppCDS step: $(took "$t")"
fi

# --- Installers, made from the finished app image so they carry the same files (and the CDS archive). ---------
# The archive in the image is only valid at its build path: packages carry the class list and build their own.
PKG_IMAGE="$WORK/package/$NAME"
rm -rf "$WORK/package" && mkdir -p "$WORK/package" && cp -a "$IMAGE" "$PKG_IMAGE"
rm -f "$PKG_IMAGE/lib/app/leaddesk.jsa"
linux_package() {
    local type=$1; shift
    t=$(seconds)
    "$JPACKAGE" --type "$type" --dest "$OUT" --app-image "$PKG_IMAGE" \
        --name "$NAME" --app-version "$APP_VERSION" \
        --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" --copyright "$APP_COPYRIGHT" \
        --icon "$INSTALLER_COMMON/icons/leaddesk.png" \
        --resource-dir "$HERE/resources" \
        --linux-package-name "$LINUX_PACKAGE_NAME" \
        --linux-shortcut --linux-menu-group "Office" --linux-app-category office \
        "$@"
    log "$type: $(ls "$OUT"/*."$type" 2>/dev/null | tr '\n' ' ') in $(took "$t")"
}
for type in $TYPES; do
    case "$type" in
        app-image) ;;
        deb)
            command -v fakeroot >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 \
                || die ".deb needs fakeroot and dpkg-deb (apt-get install fakeroot)"
            rm -f "$OUT"/*.deb
            linux_package deb --linux-package-deps libgtk-3-0 --linux-deb-maintainer "$LINUX_DEB_MAINTAINER" ;;
        rpm)
            if ! command -v rpmbuild >/dev/null 2>&1; then
                log ".rpm skipped: rpmbuild not found (Debian/Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build)"
                continue
            fi
            rm -f "$OUT"/*.rpm
            # rpm names GTK 3 "gtk3"; the .deb name libgtk-3-0 would make the rpm uninstallable.
            linux_package rpm --linux-package-deps gtk3 --linux-rpm-license-type "Proprietary" ;;
        *) die "unknown package type $type (app-image, deb, rpm)" ;;
    esac
done
log "done: $(cd "$OUT" && ls -d "$NAME" ./*.deb ./*.rpm 2>/dev/null | tr '\n' ' ')"
