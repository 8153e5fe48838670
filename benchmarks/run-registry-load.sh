#!/usr/bin/env bash
# Registrations per second through the registry API with events on Kafka, and 201-to-event latency.
# Usage: benchmarks/run-registry-load.sh [--rates=200,300,400] [--seconds=60] [--warmup-seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
jdk="$(find_jdk)" || { echo "No JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
./mvnw -q -B -pl benchmarks -am install -DskipTests
./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$jdk/bin/java" -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.homeward.benchmarks.registry.RegistryLoad "$@"
