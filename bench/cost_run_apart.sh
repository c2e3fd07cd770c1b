#!/bin/bash
# As bench/cost_run.sh, with the simulators in a process and a database of their own (:8095), so that the
# platform's figures (JVM CPU, its database's commits and rows) leave the outside world's cost out.
# Needs simulators/target/simulators-*-exec.jar (./mvnw -B -q package -pl simulators -am -DskipTests).
#
# usage: [ORDERS=300] [WARM=150] bench/cost_run_apart.sh PLATFORM_JAR LABEL      results: /tmp/apart-LABEL.txt and .json
set -u
JAR=$(realpath "$1"); LABEL=$2; DB=apart_$LABEL; SIMDB=apartsim_$LABEL; PG="psql -q -h 127.0.0.1 -U postgres"
cd "$(dirname "$0")/.."
SIMULATORS=$(ls simulators/target/simulators-*-exec.jar | head -1)
for d in $DB $SIMDB; do $PG -c "drop database if exists $d" -c "create database $d" >/dev/null; done
export CARDFLOW_PSP_WEBHOOK_SECRET=bench-apart-secret
CARDFLOW_MODE=demo SERVER_PORT=8095 SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$SIMDB \
  SPRING_DATASOURCE_USERNAME=postgres CARDFLOW_SIMULATOR_PUBLIC_URL=http://localhost:8095 \
  java -Xmx512m -jar "$SIMULATORS" > /tmp/apart-simulators-$LABEL.log 2>&1 &
SIM=$!
CARDFLOW_ADMIN_PASSWORD=bench-admin SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  CARDFLOW_PSP_URL=http://localhost:8095/simulator/psp CARDFLOW_PSP_NOTIFY_URL=http://localhost:8090/api/payments/notify \
  CARDFLOW_SUPPLIER_PRIMARY_URL=http://localhost:8095/simulator/suppliers/primary \
  CARDFLOW_SUPPLIER_BACKUP_URL=http://localhost:8095/simulator/suppliers/backup \
  CARDFLOW_MAILER_URL=http://localhost:8095/simulator/mailbox/v1/messages \
  java -Xmx1g -jar "$JAR" --server.port=8090 --cardflow.rate-limit-per-minute=100000000 \
  --cardflow.max-unpaid-orders=100000000 > /tmp/apart-$LABEL.log 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf localhost:8090/api/shop >/dev/null && curl -sf localhost:8095/actuator/health >/dev/null && break; sleep 1
done
export E2E_PSP_URL=http://localhost:8095
python3 bench/e2e.py http://localhost:8090 bench-admin ${WARM:-150} 32 0.25 > /tmp/apart-$LABEL-warm.txt 2>&1
python3 bench/cost.py --database $DB --port 8090 --json /tmp/apart-$LABEL.json -- \
  python3 bench/e2e.py http://localhost:8090 bench-admin ${ORDERS:-300} 32 0.25 > /tmp/apart-$LABEL.txt 2>&1
kill $PID $SIM; wait $PID $SIM 2>/dev/null
sed -n '/^## Cost/,/^$/p;/^| per delivered/,/^$/p' /tmp/apart-$LABEL.txt
