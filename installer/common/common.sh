# Sourced by installer/linux/*.sh and installer/macos/*.sh (bash). Sets:
#   REPO_ROOT, INSTALLER_COMMON, the keys of app.env, POM_VERSION (as in pom.xml), APP_VERSION (numeric, for jpackage)
# and the helpers log/die/maven_package/stage_input.
# The trimmed runtime is made by jlink, which jpackage runs for us: --add-modules "$JLINK_MODULES"
# --jlink-options "$JLINK_OPTIONS".

INSTALLER_COMMON=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$INSTALLER_COMMON/../.." && pwd)

# The JDK whose jpackage/jlink/jmods make the package: JAVA_HOME when set, else the one on PATH (JDK 17+).
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
    JPACKAGE="$JAVA_HOME/bin/jpackage"; JAVA="$JAVA_HOME/bin/java"
else
    JPACKAGE=jpackage; JAVA=java
fi

log() { printf '[installer] %s\n' "$*" >&2; }
die() { printf '[installer] ERROR: %s\n' "$*" >&2; exit 1; }

while IFS='=' read -r key value; do
    case "$key" in ''|\#*) continue ;; esac
    printf -v "$key" '%s' "$value"
    export "${key?}"
done < "$INSTALLER_COMMON/app.env"

# project.version of pom.xml: the first <version> outside <parent> (the project has no parent today).
pom_version() {
    awk '/<parent>/{p=1} /<\/parent>/{p=0; next}
         !p && /<dependencies>|<build>|<profiles>/{exit}
         !p && match($0, /<version>[^<]+<\/version>/) {v=substr($0, RSTART+9, RLENGTH-19); print v; exit}' \
        "$REPO_ROOT/pom.xml"
}
POM_VERSION=$(pom_version)
[ -n "$POM_VERSION" ] || die "could not read <version> from $REPO_ROOT/pom.xml"
# jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT -> 0.1.0
APP_VERSION=$(printf '%s' "$POM_VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
printf '%s' "$APP_VERSION" | grep -Eq '^[0-9]+(\.[0-9]+){0,2}$' || die "pom version '$POM_VERSION' has no numeric prefix"

# Runs the Maven build unless told not to. MVN_ARGS adds flags (e.g. "-o -DskipTests").
maven_package() {
    if [ "${SKIP_MAVEN:-0}" = 1 ]; then
        log "skipping Maven (--skip-maven): using the existing target/"
    else
        log "mvn -B package ${MVN_ARGS:-}"
        # shellcheck disable=SC2086
        (cd "$REPO_ROOT" && mvn -B package ${MVN_ARGS:-})
    fi
    [ -f "$REPO_ROOT/target/$MAIN_JAR" ] || die "target/$MAIN_JAR is missing: run mvn -B package first"
    [ -d "$REPO_ROOT/target/lib" ] || die "target/lib is missing: run mvn -B package first"
}

# jpackage --input copies a whole folder: give it only the jar and its libraries, without the native libraries
# of other platforms. $2 = sqlite-jdbc's folder for this platform (Linux/x86_64, Mac/aarch64, ...),
# $3 = JNA's (linux-x86-64, darwin-aarch64, ...); several may be given as a regex alternation: (a|b).
stage_input() {
    local dest=$1 sqlite=$2 jna=$3
    rm -rf "$dest" && mkdir -p "$dest/lib"
    cp "$REPO_ROOT/target/$MAIN_JAR" "$dest/"
    cp "$REPO_ROOT/target/lib/"*.jar "$dest/lib/"
    "${JAVA:-java}" "$INSTALLER_COMMON/TrimJars.java" "$dest/lib" \
        --drop '^org/sqlite/native/.+' --keep "^org/sqlite/native/$sqlite/.*" \
        --drop '^com/sun/jna/[^/]+/[^/]*jnidispatch.*' --keep "^com/sun/jna/$jna/.*" >&2
}
