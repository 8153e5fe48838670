#!/usr/bin/env bash
# A burst of MatchProposed events to alerts accepted by SMTP, inbox and webhook, with one webhook receiver hanging.
# Usage: benchmarks/run-notification-latency.sh [--proposals=1000] [--warm-up-bursts=0] [--store=h2|memory]
# A service at its steady state (JIT done): --warm-up-bursts=8. Prints latency per channel and CPU by who spent it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jdk="$(find_jdk)" || { echo "No JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
./mvnw -q -B -pl benchmarks -am install -DskipTests
./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$jdk/bin/java" -Xmx2g ${HARNESS_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.homeward.benchmarks.notification.NotificationLatency "$@"
