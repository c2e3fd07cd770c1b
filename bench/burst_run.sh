#!/bin/bash
# One run of the burst (issue 12) against a platform jar: a fresh database, the platform on :8090 with its
# defaults (demo mode, production limits: every simulated buyer sends its own X-Forwarded-For), then the
# PlacementBurst simulation. Result line: /tmp/burst-LABEL.txt (BURST ...), Gatling's summary above it.
#
# usage: [PLACEMENTS=5000] [BURST=2] [MAXWAIT=300] [PORT=8090] [JVM_OPTS=...] bench/burst_run.sh PLATFORM_JAR LABEL [extra platform args...]
set -u
JAR=$(realpath "$1"); LABEL=$2; shift 2
DB=burst_$(echo "$LABEL" | tr A-Z- a-z_); PORT=${PORT:-8090}; PG="psql -q -h 127.0.0.1 -U postgres"
cd "$(dirname "$0")/.."
$PG -c "drop database if exists $DB" -c "create database $DB" >/dev/null
CARDFLOW_ADMIN_PASSWORD=bench-admin SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  java -Xmx1g ${JVM_OPTS:-} -jar "$JAR" --server.port=$PORT "$@" > /tmp/burst-$LABEL.log 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf localhost:$PORT/api/shop >/dev/null && break; sleep 1; done
./mvnw -B -q -pl bench gatling:test -Dgatling.simulationClass=dev.cardflow.bench.PlacementBurst \
  -Dbase=http://localhost:$PORT -DadminPassword=bench-admin -Dplacements=${PLACEMENTS:-5000} \
  -Dburst=${BURST:-2} -DmaxWait=${MAXWAIT:-300} > /tmp/burst-$LABEL.txt 2>&1
kill $PID; wait $PID 2>/dev/null
grep -E '^BURST|request count|place order|KO' /tmp/burst-$LABEL.txt | head -20
