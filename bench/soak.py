"""Soak: hundreds of buyers through lost and repeated callbacks, supplier timeouts and SIGKILLs.

usage: python3 bench/soak.py [--orders 300] [--parallel 24] [--kill-every 12] [--payment-check] [--cds]
                             [--jar platform/target/cardflow-platform.jar] [--port 8090]
                             [--database cardflow_soak] [--watch 1.0]

Starts the platform jar itself (demo mode, a fresh database), turns the chaos on (the PSP 150 ± 100 ms
away, 50 % of its callbacks never sent, 30 % sent twice; the primary supplier timing out on 80 % of
calls), and has N buyers each place an order (half pooled keys, half bought upstream), pay at once
and watch their order page: a status poll every --watch seconds and, with --payment-check, the page's
POST /api/orders/{id}/payment-check while the payment is unreported. With --kill-every S the platform
is SIGKILLed every S seconds and started again at once (the simulators and the outbox of unsent
callbacks live in the same database, so nothing of the PSP's state is lost with it).

Reports: orders settled, paid orders delivered or refunded automatically, duplicates (a key
delivered twice, an order delivered or refunded twice, a payment refunded twice), and the percentiles
of paid → settled as the buyer saw it; with kills, each restart's start → first event handled.
"""
import argparse
import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime
from concurrent.futures import ThreadPoolExecutor

ADMIN_PASSWORD = "soak-admin-password"

args = argparse.ArgumentParser()
args.add_argument("--orders", type=int, default=300)
args.add_argument("--parallel", type=int, default=24)
args.add_argument("--kill-every", type=float, default=0)
args.add_argument("--payment-check", action="store_true")
args.add_argument("--jar", default="platform/target/cardflow-platform.jar")
args.add_argument("--port", type=int, default=8090)
args.add_argument("--database", default="cardflow_soak")
args.add_argument("--watch", type=float, default=1.0)
args.add_argument("--log", default="/tmp/cardflow-soak.log")
args.add_argument("--cds", action="store_true",
                  help="start the jar extracted, with a class-data sharing archive from a training run")
options = args.parse_args()

base = f"http://127.0.0.1:{options.port}"
auth = {"Authorization": "Basic " + base64.b64encode(f"admin:{ADMIN_PASSWORD}".encode()).decode()}


def call(method, path, body=None, headers=None, content_type="application/json", tolerate_down=True):
    """One HTTP call; while the platform is down (killed, restarting) it is tried again."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    while True:
        request = urllib.request.Request(base + path, data=data, method=method, headers=dict(headers or {}))
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return json.loads(text) if text and text[:1] in (b"{", b"[") else text
        except urllib.error.HTTPError as error:
            if error.code in (502, 503) and tolerate_down:
                time.sleep(0.2)
                continue
            raise
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            if not tolerate_down:
                raise
            time.sleep(0.2)


# --- the platform, started (and killed) by this script ---------------------------------------------
class Platform:
    def __init__(self):
        self.process = None
        self.log = open(options.log, "ab")
        self.restarts = []  # (started at, ready at, processing at)
        self.lock = threading.Lock()

    def start(self):
        env = dict(os.environ,
                   SERVER_PORT=str(options.port),
                   SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:5432/{options.database}",
                   CARDFLOW_ADMIN_PASSWORD=ADMIN_PASSWORD,
                   CARDFLOW_RATE_LIMIT_PER_MINUTE="100000000",
                   CARDFLOW_MAX_UNPAID_ORDERS="100000000")
        command = ["java", "-Xmx1g", "-jar", options.jar]
        if options.cds:
            command = ["java", "-Xmx1g", f"-XX:SharedArchiveFile={CDS_DIR}/app.jsa", "-jar", cds_jar()]
        with self.lock:
            self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
            return time.time()

    def train_cds(self):
        """Extracts the jar and records the classes a start loads (Spring Boot's CDS recipe, JDK 17)."""
        subprocess.run(["rm", "-rf", CDS_DIR], check=True)
        subprocess.run(["java", "-Djarmode=tools", "-jar", options.jar, "extract", "--destination", CDS_DIR],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, SERVER_PORT=str(options.port),
                   SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:5432/{options.database}",
                   CARDFLOW_ADMIN_PASSWORD=ADMIN_PASSWORD)
        subprocess.run(["java", "-Xmx1g", f"-XX:ArchiveClassesAtExit={CDS_DIR}/app.jsa",
                        "-Dspring.context.exit=onRefresh", "-jar", cds_jar()], env=env, check=True,
                       stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self):
        while True:
            try:
                with urllib.request.urlopen(base + "/actuator/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except Exception:
                pass
            time.sleep(0.1)

    def wait_processing(self, since):
        """Until the fulfilment processor has claimed or updated its token after `since` (epoch seconds)."""
        while True:
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", options.database, "-tAc",
                                  "select max(time_stamp) from token_entry where processor_name = 'fulfilment'"],
                                 capture_output=True, text=True).stdout.strip()
            if out:
                stamp = out.replace("Z", "+00:00")
                if "." in stamp:  # Python 3.11 parses at most microseconds
                    head, tail = stamp.split(".", 1)
                    digits = "".join(c for c in tail if c.isdigit())
                    stamp = head + "." + digits[:6] + tail[len(digits):]
                if datetime.fromisoformat(stamp).timestamp() > since:
                    return
            time.sleep(0.1)

    def kill(self):
        with self.lock:
            if self.process:
                self.process.send_signal(signal.SIGKILL)
                self.process.wait()

    def stop(self):
        with self.lock:
            if self.process:
                self.process.terminate()
                self.process.wait(60)


CDS_DIR = "/tmp/cardflow-soak-cds"


def cds_jar():
    return os.path.join(CDS_DIR, os.path.basename(options.jar))


platform = Platform()
drop = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"drop database if exists {options.database}"]
subprocess.run(drop, check=True)
if options.cds:
    platform.train_cds()
    subprocess.run(drop, check=True)
platform.start()
platform.wait_ready()

# --- chaos and products ------------------------------------------------------------------------------
call("PUT", "/simulator/psp/v1/simulation", {"latencyMs": 150, "jitterMs": 100, "failureRate": 0, "timeoutRate": 0,
                                             "callbackDropRate": 0.5, "callbackDuplicateRate": 0.3,
                                             "callbackDelayMs": 0})
call("PUT", "/simulator/suppliers/primary/v1/simulation", {"latencyMs": 50, "jitterMs": 20, "failureRate": 0,
                                                           "timeoutRate": 0.8})
pooled = call("POST", "/admin/api/products", {"name": "Soak pooled", "price": "3.00", "currency": "EUR",
                                              "source": "POOL"}, auth)["productId"]
upstream = call("POST", "/admin/api/products", {"name": "Soak upstream", "price": "4.00", "currency": "EUR",
                                                "source": "UPSTREAM", "sku": "SOAK-SKU"}, auth)["productId"]
keys = "\n".join(f"SOAK-{uuid.uuid4()}" for _ in range(options.orders)).encode()
call("POST", f"/admin/api/products/{pooled}/card-keys", keys, auth, "text/plain")

# --- the killer ----------------------------------------------------------------------------------------
done = threading.Event()
kills = []


def killer():
    while not done.wait(options.kill_every):
        platform.kill()
        kills.append(time.time())
        started = platform.start()
        platform.wait_ready()
        ready = time.time()
        platform.wait_processing(started)
        platform.restarts.append((started, ready, time.time()))


if options.kill_every > 0:
    threading.Thread(target=killer, daemon=True).start()


# --- the buyers ----------------------------------------------------------------------------------------
def buy(i):
    product = pooled if i % 2 == 0 else upstream
    accepted = call("POST", "/api/orders", {"productId": product, "quantity": 1, "email": f"soak{i}@example.com"},
                    {"Idempotency-Key": f"soak-{options.database}-{i}"})
    order, token = accepted["orderId"], accepted["accessToken"]
    headers = {"Authorization": "Bearer " + token}
    while True:
        view = call("GET", f"/api/orders/{order}", headers=headers)
        if view.get("payment") or view["status"] in ("CANCELLED", "REFUNDED"):
            break
        time.sleep(options.watch)
    if not view.get("payment"):
        return order, view["status"], None, view
    call("POST", f"/simulator/psp/v1/payments/{view['payment']['paymentId']}/complete", b"")
    paid = time.time()
    next_check = 0.0
    while True:
        # as the order page does: ask for a check while unpaid, at the pace the platform answers with
        if options.payment_check and view["status"] == "PENDING_PAYMENT" and time.time() >= next_check:
            try:
                answer = call("POST", f"/api/orders/{order}/payment-check", b"", headers)
                again = answer.get("checkAgainAfterSeconds") if isinstance(answer, dict) else None
                next_check = time.time() + (again if again is not None else 5)
            except urllib.error.HTTPError:
                next_check = time.time() + 5
        view = call("GET", f"/api/orders/{order}", headers=headers)
        if view["status"] in ("DELIVERED", "REFUNDED", "CANCELLED"):
            return order, view["status"], time.time() - paid, view
        time.sleep(options.watch)


start = time.time()
with ThreadPoolExecutor(options.parallel) as pool:
    results = list(pool.map(buy, range(options.orders)))
elapsed = time.time() - start
done.set()

# --- the verdict ---------------------------------------------------------------------------------------
statuses = {}
for _, status, _, _ in results:
    statuses[status] = statuses.get(status, 0) + 1
delivered_keys = {}
twice = 0
for order, status, _, view in results:
    if status == "DELIVERED":
        for key in view.get("cardKeys") or []:
            delivered_keys.setdefault(json.dumps(key, sort_keys=True), []).append(order)
    codes = [entry.get("code") for entry in view.get("timeline", [])]
    if codes.count("delivered") > 1 or codes.count("refunded") > 1:
        twice += 1
keys_twice = sum(1 for owners in delivered_keys.values() if len(owners) > 1)
refunded_twice = 0
for order, status, _, view in results:
    payment = view.get("payment") or {}
    if payment.get("paymentId"):
        answer = call("GET", f"/simulator/psp/v1/payments/{payment['paymentId']}")
        if len(answer.get("refunds") or []) > 1:
            refunded_twice += 1
latencies = sorted(seconds for _, status, seconds, _ in results if seconds is not None)
paid_and_settled = sum(1 for _, status, seconds, _ in results if seconds is not None
                       and status in ("DELIVERED", "REFUNDED"))


def pct(p, values=None):
    values = latencies if values is None else values
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


# even buyers bought pooled keys, odd ones keys bought upstream (through the timing-out primary supplier)
by_source = {name: sorted(seconds for i, (_, _, seconds, _) in enumerate(results)
                          if seconds is not None and i % 2 == parity)
             for name, parity in (("pooled", 0), ("upstream", 1))}


recoveries = sorted(ready - started for started, ready, _ in platform.restarts)
resumed = sorted(processing - started for started, _, processing in platform.restarts)
print(f"orders={options.orders} parallel={options.parallel} kill_every={options.kill_every or 'never'} "
      f"cds={'on' if options.cds else 'off'} "
      f"payment_check={'on' if options.payment_check else 'off'} elapsed={elapsed:.0f}s kills={len(kills)}")
print(f"statuses={statuses} paid={len(latencies)} paid_settled_automatically={paid_and_settled}/{len(latencies)}")
print(f"duplicates: keys_delivered_twice={keys_twice} orders_settled_twice={twice} payments_refunded_twice={refunded_twice}")
print(f"paid->settled p50={pct(0.5):.2f}s p95={pct(0.95):.2f}s max={latencies[-1] if latencies else 0:.2f}s")
for name, values in by_source.items():
    print(f"  {name}: p50={pct(0.5, values):.2f}s p95={pct(0.95, values):.2f}s max={values[-1] if values else 0:.2f}s")
if recoveries:
    print(f"restart->ready p50={recoveries[len(recoveries) // 2]:.1f}s max={recoveries[-1]:.1f}s; "
          f"restart->fulfilment processing p50={resumed[len(resumed) // 2]:.1f}s max={resumed[-1]:.1f}s")
platform.stop()
sys.exit(0 if paid_and_settled == len(latencies) and keys_twice == twice == refunded_twice == 0 else 1)
