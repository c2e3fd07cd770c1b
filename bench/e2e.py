"""End to end: N buyers place an order and pay at once; how long until every order is delivered.

usage: python3 e2e.py BASE_URL ADMIN_PASSWORD N [PARALLEL] [POLL_SECONDS]

The buyer pays at BASE_URL's bundled PSP simulator, or at E2E_PSP_URL (e.g. http://localhost:8095) when the
simulators run as a process of their own (the platform started with CARDFLOW_PSP_URL pointing there).
"""
import base64
import json
import os
import sys
import time
import uuid
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, password, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
parallel = int(sys.argv[4]) if len(sys.argv) > 4 else 16
POLL = float(sys.argv[5]) if len(sys.argv) > 5 else 0.25
psp = os.environ.get("E2E_PSP_URL", base)
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()


def call(method, path, body=None, headers=None, content_type="application/json", at=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request((at or base) + path, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
        return json.loads(text) if text and text[:1] in (b"{", b"[") else text


product = call("POST", "/admin/api/products",
               {"name": "Bench", "price": "1.00", "currency": "EUR", "source": "POOL"},
               {"Authorization": auth})["productId"]
keys = "\n".join(f"BENCH-{uuid.uuid4()}" for _ in range(n)).encode()
call("POST", f"/admin/api/products/{product}/card-keys", keys, {"Authorization": auth}, "text/plain")
while True:
    stock = [p for p in call("GET", "/api/products") if p["productId"] == product]
    if stock and stock[0]["available"] == n:
        break
    time.sleep(0.2)


def buy(i):
    accepted = call("POST", "/api/orders", {"productId": product, "quantity": 1, "email": f"e2e{i}@example.com"},
                    {"Idempotency-Key": str(uuid.uuid4())})
    order, token = accepted["orderId"], accepted["accessToken"]
    headers = {"Authorization": "Bearer " + token}
    while True:
        view = call("GET", f"/api/orders/{order}", headers=headers)
        if view.get("payment"):
            break
        time.sleep(POLL)
    call("POST", f"/simulator/psp/v1/payments/{view['payment']['paymentId']}/complete", b"", at=psp)
    paid = time.time()
    while True:
        view = call("GET", f"/api/orders/{order}", headers=headers)
        if view["status"] == "DELIVERED":
            return time.time() - paid
        time.sleep(POLL)


start = time.time()
with ThreadPoolExecutor(parallel) as pool:
    latencies = sorted(pool.map(buy, range(n)))
elapsed = time.time() - start
print(f"orders={n} parallel={parallel} elapsed={elapsed:.1f}s throughput={n / elapsed:.1f} orders/s "
      f"paid-to-delivered p50={latencies[n // 2] * 1000:.0f}ms p95={latencies[int(n * 0.95) - 1] * 1000:.0f}ms "
      f"max={latencies[-1] * 1000:.0f}ms")
