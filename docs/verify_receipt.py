#!/usr/bin/env python3
"""Check a cardflow receipt offline: its signature, and that its head closes its chain of entries.

    python3 verify_receipt.py receipt.json receipt-keys.json

receipt.json is what GET /api/orders/{id}/receipt returned (the order page's "Download receipt");
receipt-keys.json is what GET /api/receipt-keys returned, saved once from the shop you trust.
Needs Python 3.8+ and the `cryptography` package (pip install cryptography). Exit status 0: valid.
Whether the shop's stored history still matches the receipt is the online check
(POST /api/receipts/verify) or the audit: the receipt alone proves what the shop signed.
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import load_der_public_key


def main(receipt_path, keys_path):
    with open(receipt_path, encoding="utf-8") as f:
        receipt = json.load(f)
    with open(keys_path, encoding="utf-8") as f:
        keys = {k["keyId"]: k["publicKey"] for k in json.load(f)}

    entries = receipt["entries"]
    if not entries or receipt["head"] != entries[-1]["digest"]:
        print("INVALID: the head is not the digest of the last entry")
        return 1
    if receipt["keyId"] not in keys:
        print("INVALID: signed by key %s, which the shop does not publish" % receipt["keyId"])
        return 1
    public_key = load_der_public_key(base64.b64decode(keys[receipt["keyId"]]))
    signed = "%s\n%s\n%s" % (receipt["orderId"], receipt["head"], receipt["signedAt"])
    try:
        public_key.verify(base64.b64decode(receipt["signature"]), signed.encode("utf-8"))
    except InvalidSignature:
        print("INVALID: the signature does not match")
        return 1
    print("VALID: order %s, %d events, head %s, signed at %s by key %s"
          % (receipt["orderId"], len(entries), receipt["head"], receipt["signedAt"], receipt["keyId"]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
