#!/bin/bash
# The platform's CPU per HTTP request on its hottest path: a buyer's order page polling an unchanged order
# (GET /api/orders/{id} with its token and If-None-Match: 304 from memory), driven by wrk (bench/poll.lua).
# A fresh database, the platform on :$PORT with the given extra arguments, one order placed, a warm-up of WARMUP
# seconds (30), then DURATION seconds (20) measured: JVM CPU (utime+stime of the process) per request.
#
# usage: [PORT=8091] [WARMUP=30] [DURATION=20] [CONNECTIONS=16] [JVM_OPTS=...] bench/request_cost.sh JAR LABEL [platform args...]
set -u
JAR=$(realpath "$1"); LABEL=$2; shift 2
PORT=${PORT:-8091}; DB=reqcost_$(echo "$LABEL" | tr A-Z- a-z_); PG="psql -q -h 127.0.0.1 -U postgres"
cd "$(dirname "$0")/.."
$PG -c "drop database if exists $DB" -c "create database $DB" >/dev/null
CARDFLOW_ADMIN_PASSWORD=bench-admin SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  java -Xmx1g ${JVM_OPTS:-} -jar "$JAR" --server.port=$PORT "$@" > /tmp/reqcost-$LABEL.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/api/shop >/dev/null && break; sleep 1; done
BASE=http://localhost:$PORT
for _ in $(seq 1 30); do
  PRODUCT=$(curl -sf -u admin:bench-admin -H 'Content-Type: application/json' \
    -d '{"name":"Bench card","price":"1.00","currency":"EUR","source":"POOL"}' $BASE/admin/api/products \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["productId"])' 2>/dev/null) && break
  sleep 1
done
seq 1 5 | sed 's/^/KEY-bench-/' | curl -sf -u admin:bench-admin -H 'Content-Type: text/plain' --data-binary @- \
  $BASE/admin/api/products/$PRODUCT/card-keys >/dev/null
sleep 2
read -r ORDER TOKEN < <(curl -sf -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$LABEL" \
  -d "{\"productId\":\"$PRODUCT\",\"quantity\":1,\"email\":\"bench@example.com\"}" $BASE/api/orders \
  | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["orderId"], j["accessToken"])')
sleep 3
ETAG=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $TOKEN" $BASE/api/orders/$ORDER | tr -d '\r' \
  | awk -F': ' 'tolower($1)=="etag"{print $2}')
export ORDER TOKEN ETAG
wrk -t2 -c${CONNECTIONS:-16} -d${WARMUP:-30}s -s bench/poll.lua $BASE >/dev/null
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
TICK=$(getconf CLK_TCK); BEFORE=$(cpu)
wrk -t2 -c${CONNECTIONS:-16} -d${DURATION:-20}s -s bench/poll.lua $BASE > /tmp/reqcost-$LABEL.wrk
AFTER=$(cpu)
REQUESTS=$(awk '/requests in/{print $1}' /tmp/reqcost-$LABEL.wrk)
python3 -c "
cpu_ms=($AFTER-$BEFORE)*1000/$TICK; n=$REQUESTS
print(f'$LABEL: {n} polls (304) in ${DURATION:-20} s = {n/${DURATION:-20}:.0f}/s; platform JVM {cpu_ms:.0f} CPU-ms = {cpu_ms*1000/n:.0f} CPU-us a poll')"
grep -E 'Non-2xx|Socket errors' /tmp/reqcost-$LABEL.wrk || true
