#!/bin/bash
# One measured run of a platform jar, the issue-12 way: a fresh database, the platform on :8090 with the
# per-client limits raised, 150 buyers as a warm-up, then bench/e2e.py (300 buyers, 32 at a time, polling every
# 250 ms) wrapped in bench/cost.py. Results: /tmp/cost-LABEL.txt and .json (and /tmp/sql-LABEL.txt with "statements").
#
# usage: [ORDERS=300] [WARM=150] [PORT=8090] bench/cost_run.sh PLATFORM_JAR LABEL [statements]
#   statements: log every statement of the run's database and count them per order (bench/sql_per_order.py)
# Run two jars alternately, each at least twice: figures from different days or machines are not comparable.
set -u
JAR=$(realpath "$1"); LABEL=$2; STATEMENTS=${3:-}
DB=cost_$LABEL; PORT=${PORT:-8090}; PG="psql -q -h 127.0.0.1 -U postgres"
cd "$(dirname "$0")/.."
$PG -c "drop database if exists $DB" -c "create database $DB" >/dev/null
[ -n "$STATEMENTS" ] && $PG -c "alter database $DB set log_statement = 'all'"
CARDFLOW_ADMIN_PASSWORD=bench-admin SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  java -Xmx1g -jar "$JAR" --server.port=$PORT --cardflow.rate-limit-per-minute=100000000 \
  --cardflow.max-unpaid-orders=100000000 > /tmp/cost-$LABEL.log 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf localhost:$PORT/api/shop >/dev/null && break; sleep 1; done
python3 bench/e2e.py http://localhost:$PORT bench-admin ${WARM:-150} 32 0.25 > /tmp/cost-$LABEL-warm.txt 2>&1
LOG=/var/log/postgresql/postgresql-15-main.log; FROM=$(wc -l < $LOG)
python3 bench/cost.py --database $DB --port $PORT --json /tmp/cost-$LABEL.json -- \
  python3 bench/e2e.py http://localhost:$PORT bench-admin ${ORDERS:-300} 32 0.25 > /tmp/cost-$LABEL.txt 2>&1
[ -n "$STATEMENTS" ] && python3 bench/sql_per_order.py $LOG $DB ${ORDERS:-300} $FROM > /tmp/sql-$LABEL.txt 2>&1
kill $PID; wait $PID 2>/dev/null
sed -n '/^## Cost/,/^$/p;/^| per delivered/,/^$/p' /tmp/cost-$LABEL.txt
