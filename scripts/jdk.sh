# Sourced by ./devstack, .ci/run and benchmarks/run-*.sh: finds a JDK >= 21 for builds and launchers on machines
# whose default java is older. Defines java_major and find_jdk; changes nothing else.

# The major version of a java executable, or nothing if it does not run.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Prints the home of a JDK >= 21: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm. Fails if none.
find_jdk() {
  local candidates=() home major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  # Newest first: temurin-25 before java-17.
  while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r)
  for home in "${candidates[@]}"; do
    home="${home%/}"
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    major="$(java_major "$home/bin/java")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}
