"""Holds N order-status streams (SSE) open, like N buyers with their order page open.

usage: python3 hold_streams.py BASE_URL ORDER_ID TOKEN N SECONDS
Prints how many streams were opened and stayed open, and how many status events they received.
"""
import asyncio
import sys
from urllib.parse import urlparse


async def hold(host, port, path, seconds, stats):
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        stats["opened"] += 1
        end = asyncio.get_event_loop().time() + seconds
        while True:
            remaining = end - asyncio.get_event_loop().time()
            if remaining <= 0:
                break
            try:
                line = await asyncio.wait_for(reader.readline(), timeout=remaining)
            except asyncio.TimeoutError:
                break
            if not line:
                stats["closed"] += 1
                return
            if line.startswith(b"event:status"):
                stats["events"] += 1
        writer.close()
    except OSError:
        stats["failed"] += 1


async def main():
    base, order, token, n, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    url = urlparse(base)
    path = f"/api/orders/{order}/updates?token={token}"
    stats = {"opened": 0, "closed": 0, "failed": 0, "events": 0}
    await asyncio.gather(*(hold(url.hostname, url.port, path, seconds, stats) for _ in range(n)))
    print(stats)


asyncio.run(main())
