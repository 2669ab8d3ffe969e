# Sourced by ./vecta, ./vectactl and ./vecta-api: makes runtime/target/vecta.jar current and sets $jar.
# The jar is rebuilt when a main source or a pom is newer than it (tests do not count). Two
# scripts started at once build it once: the second waits on the lock, then finds it fresh.
jar=$root/runtime/target/vecta.jar
runtime_jar_stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root"/sdk-*/pom.xml "$root"/sdk-*/src/main "$root/native-io/pom.xml" \
      "$root/native-io/src/main" "$root/api-compiler/pom.xml" "$root/api-compiler/src/main" \
      "$root/runtime/pom.xml" "$root/runtime/src/main" \
      -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}
ensure_runtime_jar() {
  runtime_jar_stale || return 0
  mkdir -p "$root/runtime/target"
  exec 9>"$root/runtime/target/.vecta-build.lock"
  flock 9
  if runtime_jar_stale; then
    echo "$1: building the runtime (first use, or its sources changed) ..." >&2
    "$root/mvnw" -B -q -pl runtime -am package -DskipTests >&2
  fi
  flock -u 9
  exec 9>&-
}
