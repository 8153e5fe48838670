#!/usr/bin/env bash
# Record events on Kafka to MatchProposed on Kafka: open-loop load, p50/p99 of the proposal latency.
# Usage: benchmarks/run-matching-latency.sh [--rate=50] [--seconds=60] [--warmup-seconds=20] [--preload=3000] [--pair-delay-seconds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jdk="$(find_jdk)" || { echo "No JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
./mvnw -q -B -pl benchmarks -am install -DskipTests
./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$jdk/bin/java" -Xmx2g ${HARNESS_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.homeward.benchmarks.proposals.MatchingLatency "$@"
