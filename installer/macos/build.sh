#!/usr/bin/env bash
# Builds LeadDesk for macOS: mvn -B package -> trimmed runtime (jlink, run by jpackage) -> LeadDesk.app -> .dmg.
#
#   installer/macos/build.sh                  # LeadDesk.app + LeadDesk-<version>.dmg, unsigned
#   installer/macos/build.sh --skip-maven     # reuse target/leaddesk.jar + target/lib
#   installer/macos/build.sh --app-image-only
#
# Run on macOS (12+, Apple silicon or Intel: the package is for the Mac it is built on) with JDK 17+ and Maven.
# Output in target/installer/macos/.
#
# Optional signing and notarisation, only when these are set:
#   LEADDESK_MAC_SIGN_IDENTITY  team/user name part of a "Developer ID Application: <name>" certificate in the
#                               keychain; passed as --mac-sign --mac-signing-key-user-name
#   LEADDESK_MAC_KEYCHAIN       keychain that holds it (optional; default keychains otherwise)
#   LEADDESK_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials <profile> ...):
#                               the .dmg is submitted, waited for and stapled. Needs LEADDESK_MAC_SIGN_IDENTITY.
#
# Leads live in ~/Library/Application Support/LeadDesk, outside the app bundle: replacing or deleting
# LeadDesk.app keeps them. The command line is the same binary:
#   /Applications/LeadDesk.app/Contents/MacOS/LeadDesk sync
set -euo pipefail
# shellcheck source=../common/common.sh
source "$(dirname "$0")/../common/common.sh"

[ "$(uname -s)" = Darwin ] || die "run this on macOS (jpackage cannot build macOS packages elsewhere)"

APP_ONLY=0
OUT="$REPO_ROOT/target/installer/macos"
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-maven) SKIP_MAVEN=1; shift ;;
        --app-image-only) APP_ONLY=1; shift ;;
        --dest) OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
done
WORK="$OUT/work"

case "$(uname -m)" in
    arm64) SQLITE_DIR=Mac/aarch64; JNA_DIR=darwin-aarch64 ;;
    x86_64) SQLITE_DIR=Mac/x86_64; JNA_DIR=darwin-x86-64 ;;
    *) die "unsupported CPU $(uname -m)" ;;
esac

maven_package
rm -rf "$OUT" && mkdir -p "$OUT"
stage_input "$WORK/input" "$SQLITE_DIR" "$JNA_DIR"

metadata=(--name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$APP_VENDOR"
          --description "$APP_DESCRIPTION" --copyright "$APP_COPYRIGHT"
          --icon "$INSTALLER_COMMON/icons/leaddesk.icns")
mac=(--mac-package-identifier "$MAC_PACKAGE_ID" --mac-package-name "$APP_NAME" --mac-app-category business)
signing=()
if [ -n "${LEADDESK_MAC_SIGN_IDENTITY:-}" ]; then
    signing=(--mac-sign --mac-signing-key-user-name "$LEADDESK_MAC_SIGN_IDENTITY")
    [ -n "${LEADDESK_MAC_KEYCHAIN:-}" ] && signing+=(--mac-signing-keychain "$LEADDESK_MAC_KEYCHAIN")
    log "signing as \"$LEADDESK_MAC_SIGN_IDENTITY\""
else
    log "not signing (set LEADDESK_MAC_SIGN_IDENTITY to sign); Gatekeeper will ask users to confirm the first start"
fi

log "LeadDesk.app (jlink + jpackage)"
"$JPACKAGE" --type app-image --dest "$OUT" "${metadata[@]}" "${mac[@]}" "${signing[@]}" \
    --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
    --add-modules "$JLINK_MODULES" --jlink-options "$JLINK_OPTIONS"
APP="$OUT/$APP_NAME.app"
log "app: $APP ($(du -sh "$APP" | cut -f1))"
[ "$APP_ONLY" = 1 ] && exit 0

log "dmg"
"$JPACKAGE" --type dmg --dest "$OUT" --app-image "$APP" "${metadata[@]}" "${mac[@]}" "${signing[@]}"
DMG=$(ls "$OUT"/*.dmg)
log "dmg: $DMG ($(du -h "$DMG" | cut -f1))"

if [ -n "${LEADDESK_NOTARY_PROFILE:-}" ]; then
    [ -n "${LEADDESK_MAC_SIGN_IDENTITY:-}" ] || die "notarisation needs a signed build: set LEADDESK_MAC_SIGN_IDENTITY"
    log "notarising with profile $LEADDESK_NOTARY_PROFILE (waits for Apple)"
    xcrun notarytool submit "$DMG" --keychain-profile "$LEADDESK_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    log "notarised and stapled: $DMG"
fi
