# Sourced by ./vecta, ./vectactl and ./vecta-api: makes the runtime jar current and sets $jar.
# Maven builds runtime/target/vecta.jar when a main source or a pom is newer than it (tests do
# not count); the scripts run runtime/target/run/vecta.jar, a copy put in place by a rename, so
# that a rebuild started by one script never rewrites the jar a running runtime reads its
# classes from (it keeps the old file). Two scripts started at once build once: the second
# waits on the lock, then finds the jar fresh.
built=$root/runtime/target/vecta.jar
jar=$root/runtime/target/run/vecta.jar
runtime_jar_stale() {
  [ ! -f "$built" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root"/sdk-*/pom.xml "$root"/sdk-*/src/main "$root/native-io/pom.xml" \
      "$root/native-io/src/main" "$root/api-compiler/pom.xml" "$root/api-compiler/src/main" \
      "$root/runtime/pom.xml" "$root/runtime/src/main" \
      -type f -newer "$built" -print -quit 2>/dev/null)" ]
}
ensure_runtime_jar() {
  if ! runtime_jar_stale && [ -f "$jar" ] && [ ! "$built" -nt "$jar" ]; then
    return 0
  fi
  mkdir -p "$root/runtime/target/run"
  exec 9>"$root/runtime/target/.vecta-build.lock"
  flock 9
  if runtime_jar_stale; then
    echo "$1: building the runtime (first use, or its sources changed) ..." >&2
    "$root/mvnw" -B -q -pl runtime -am package -DskipTests >&2
  fi
  if [ ! -f "$jar" ] || [ "$built" -nt "$jar" ]; then
    cp -p "$built" "$jar.$$"
    mv -f "$jar.$$" "$jar"
  fi
  flock -u 9
  exec 9>&-
}
