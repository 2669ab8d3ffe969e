# Sourced (POSIX sh) by ./mvnw and the launchers: exports JAVA_HOME pointing at a JDK >= 25.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.

vecta_java_major() { # $1 = JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

vecta_find_jdk() {
  vecta_need=25
  if [ -n "${JAVA_HOME:-}" ]; then
    vecta_v=$(vecta_java_major "$JAVA_HOME")
    if [ -n "$vecta_v" ] && [ "$vecta_v" -ge "$vecta_need" ]; then return 0; fi
  fi
  vecta_best=; vecta_best_v=0
  vecta_noglob=$(set +o | grep noglob); set +f
  for vecta_home in /usr/lib/jvm/*; do
    vecta_v=$(vecta_java_major "$vecta_home")
    if [ -n "$vecta_v" ] && [ "$vecta_v" -ge "$vecta_need" ] && [ "$vecta_v" -gt "$vecta_best_v" ]; then
      vecta_best=$vecta_home; vecta_best_v=$vecta_v
    fi
  done
  eval "$vecta_noglob"
  if [ -z "$vecta_best" ]; then
    echo "vecta: no JDK $vecta_need or newer found (looked at JAVA_HOME=${JAVA_HOME:-unset} and /usr/lib/jvm)." >&2
    echo "vecta: install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium's apt repository) or 'openjdk-25-jdk'," >&2
    echo "vecta: or set JAVA_HOME to a JDK $vecta_need+ home." >&2
    return 1
  fi
  JAVA_HOME=$vecta_best
  export JAVA_HOME
}

vecta_find_jdk || exit 1
