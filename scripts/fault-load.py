#!/usr/bin/env python3
"""The exchange's settlement load for scripts/network-fault-check.sh (Python 3 standard library only).

  fault-load.py setup  STATE URL CREDENTIALS PAIRS RUN    accounts and holdings for the load
  fault-load.py load   STATE PHASE OUT STOPFILE RATE      POST /settlements until STOPFILE exists
  fault-load.py wait   OUT SINCE COUNT TIMEOUT            until COUNT clean trades started after SINCE
  fault-load.py verify STATE PHASE OUT FAULT HEAL [PREVIOUS_OUT...]
                                                         the invariants after a fault, and its figures

Each pair (a seller and a buyer unit of Hubei) is driven by one worker, one trade after the other, so
trades of different workers never touch the same holding (no MVCC conflict of the load's own). A
trade that gets no answer, a 5xx, a 429 or a retryable 409 CONFLICT is sent again unchanged (same
tradeId, same body) until it gets a 2xx or its retry budget runs out: the registry answers a
settlement it already has with its first result ("replayed": true). Every trade is one JSON line in
OUT: id, pair, quantity, start and end (epoch seconds), attempts, the first answer, the final status
and code, the 2xx body.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

PRODUCT_VINTAGE = "2033"  # a vintage of the load's own: published here, nothing else uses it
PRODUCT = "CEA-" + PRODUCT_VINTAGE
FUNDS = 100_000  # tonnes each seller starts with
RETRY_BUDGET = 300.0  # seconds a trade is sent again before it counts as failed
CLEAN_LATENCY = 2.0  # a first-attempt 2xx answered within this is "clean" (normal service)


class Api:
    """The gateway's REST API as the identities of its credentials.json (or the units' own tokens)."""

    def __init__(self, url, credentials):
        self.url = url.rstrip("/")
        with open(credentials) as f:
            self.tokens = {i["name"]: i["token"] for i in json.load(f)["identities"]}

    def call(self, method, path, who, body=None, timeout=120):
        """(status, JSON answer or None, error text); status 0 when no HTTP answer came."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.tokens[who])
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null"), ""
        except urllib.error.HTTPError as e:
            try:
                answer = json.loads(e.read() or b"null")
            except ValueError:
                answer = None
            code = (answer or {}).get("error", {}).get("code", "") if isinstance(answer, dict) else ""
            return e.code, answer, code
        except (OSError, ValueError, http.client.HTTPException) as e:  # refused, reset, timed out: no answer
            return 0, None, "NO_ANSWER " + type(e).__name__

    def ok(self, method, path, who, body=None, want=(200, 201)):
        s, a, err = self.call(method, path, who, body)
        if s not in want:
            raise SystemExit("setup: %s %s as %s answered %s %s %s" % (method, path, who, s, err, a))
        return a


def setup(state_file, url, credentials, pairs, run):
    """A vintage of its own, one dealer unit funded by MEE through Hubei, PAIRS sellers funded by one batch settlement, PAIRS buyers."""
    api = Api(url, credentials)
    s, _, _ = api.call("GET", "/api/v1/parameters/" + PRODUCT_VINTAGE, "auditor")
    if s == 404:
        today = time.time()
        day = lambda d: time.strftime("%Y-%m-%d", time.gmtime(today + d * 86400))
        api.ok("PUT", "/api/v1/parameters/" + PRODUCT_VINTAGE, "mee", {
            "requestId": run + "-vintage", "copyFrom": "2024",
            "emissionsDeadline": day(60), "surrenderDeadline": day(120)})
    sellers = ["HB-%s-S%d" % (run, k) for k in range(pairs)]
    buyers = ["HB-%s-B%d" % (run, k) for k in range(pairs)]
    dealer = "HB-%s-D" % run
    errors = []

    def open_unit(uid):
        try:
            api.ok("POST", "/api/v1/accounts", "province-HB", {
                "id": uid, "type": "UNIT", "name": "Fault load " + uid, "province": "HB", "sector": "POWER"})
        except SystemExit as e:
            errors.append(str(e))

    threads = [threading.Thread(target=open_unit, args=(u,)) for u in [dealer] + sellers + buyers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(errors[0])
    total = FUNDS * pairs
    api.ok("POST", "/api/v1/issuances", "mee", {"requestId": run + "-iss", "product": PRODUCT, "quantity": total})
    api.ok("POST", "/api/v1/distributions", "mee", {
        "requestId": run + "-d1", "product": PRODUCT, "from": "MEE", "to": "PROVINCE-HB", "quantity": total})
    api.ok("POST", "/api/v1/distributions", "province-HB", {
        "requestId": run + "-d2", "product": PRODUCT, "from": "PROVINCE-HB", "to": dealer, "quantity": total})
    funding = [trade(run + "-fund-%d" % k, dealer, sellers[k], FUNDS) for k in range(pairs)]
    answer = api.ok("POST", "/api/v1/settlements/batch", "exchange", {"trades": funding}, want=(200,))
    bad = [r for r in answer["results"] if r["status"] != "SETTLED"]
    if bad:
        raise SystemExit("setup: funding the sellers failed: %s" % bad)
    state = {"url": url, "credentials": credentials, "run": run, "product": PRODUCT,
             "pairs": [{"seller": sellers[k], "buyer": buyers[k], "sellerStart": holding(api, sellers[k]),
                        "buyerStart": holding(api, buyers[k])} for k in range(pairs)]}
    with open(state_file, "w") as f:
        json.dump(state, f, indent=1)
    print("setup: %d pairs of Hubei units, each seller %d t of %s" % (pairs, FUNDS, PRODUCT))


def trade(trade_id, seller, buyer, quantity):
    return {"tradeId": trade_id, "product": PRODUCT, "seller": seller, "buyer": buyer, "quantity": quantity,
            "price": "88.00", "mode": "LISTED", "tradedAt": "2026-11-16T10:30:00+08:00"}


def holding(api, account):
    a = api.ok("GET", "/api/v1/accounts/" + account, "province-HB", want=(200,))
    return sum(h["quantity"] for h in a.get("holdings", []) if h["product"] == PRODUCT)


def retryable(status, code):
    """No answer, the ledger unreachable or busy, a conflict that wrote nothing: the same trade may be sent again."""
    return status == 0 or status >= 500 or status == 429 or (status == 409 and code == "CONFLICT")


def load(state_file, phase, out, stop_file, rate):
    """One worker per pair; together at most RATE new trades a second; stops starting trades when STOP_FILE exists."""
    with open(state_file) as f:
        state = json.load(f)
    api = Api(state["url"], state["credentials"])
    lock = threading.Lock()
    next_slot = [time.time()]
    sink = open(out, "a", buffering=1)

    def slot():
        with lock:
            t = max(next_slot[0], time.time())
            next_slot[0] = t + 1.0 / rate
        time.sleep(max(0.0, t - time.time()))

    def worker(k, pair):
        seq = 0
        while not os.path.exists(stop_file):
            slot()
            if os.path.exists(stop_file):
                break
            seq += 1
            quantity = 1 + (seq * 7 + k) % 13  # varying, so a trade applied twice or lost shows in the sums
            body = trade("%s-%s-%d-%d" % (state["run"], phase, k, seq), pair["seller"], pair["buyer"], quantity)
            rec = {"id": body["tradeId"], "pair": k, "quantity": quantity, "t0": time.time(), "attempts": 0,
                   "first": None, "errors": [], "status": 0, "code": "", "replayed": False, "answer": None}
            while True:
                rec["attempts"] += 1
                t = time.time()
                status, answer, code = api.call("POST", "/api/v1/settlements", "exchange", body)
                seen = "%d %s" % (status, code) if status not in (200, 201) else str(status)
                if rec["first"] is None:
                    rec["first"], rec["firstLatency"] = seen, time.time() - t
                if status in (200, 201):
                    rec.update(status=status, answer=answer, replayed=bool(answer.get("replayed")))
                    break
                rec["errors"].append(seen)
                rec.update(status=status, code=code)
                if not retryable(status, code) or time.time() - rec["t0"] > RETRY_BUDGET:
                    break
                time.sleep(min(2.0, 0.25 * 2 ** min(rec["attempts"], 3)))
            rec["t1"] = time.time()
            with lock:
                sink.write(json.dumps(rec) + "\n")

    workers = [threading.Thread(target=worker, args=(k, p)) for k, p in enumerate(state["pairs"])]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    sink.close()


def read_trades(*files):
    trades = []
    for name in files:
        if os.path.exists(name):
            with open(name) as f:
                trades += [json.loads(line) for line in f if line.strip()]
    return trades


def clean(t):
    return t["attempts"] == 1 and t["status"] in (200, 201) and t["t1"] - t["t0"] <= CLEAN_LATENCY


def wait(out, since, count, timeout):
    """Returns when COUNT clean trades started after SINCE have completed (0), or after TIMEOUT seconds (1)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if sum(1 for t in read_trades(out) if t["t0"] >= since and clean(t)) >= count:
            return 0
        time.sleep(0.5)
    return 1


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


def verify(state_file, phase, out, fault_at, heal_at, everything):
    """Checks this phase's trades on the ledger and the sums over every phase; prints the figures as one JSON line."""
    with open(state_file) as f:
        state = json.load(f)
    api = Api(state["url"], state["credentials"])
    mine = read_trades(out)
    violations = []
    on_ledger = {}  # trade id -> quantity, this phase
    for t in mine:
        s, a, code = api.call("GET", "/api/v1/settlements/" + t["id"], "exchange")
        if t["status"] in (200, 201):
            if s != 200 or a.get("quantity") != t["quantity"] or a.get("status") != "SETTLED":
                violations.append("%s answered %s but the ledger has %s %s" % (t["id"], t["status"], s, a or code))
                continue
            on_ledger[t["id"]] = t["quantity"]
        elif s == 404:
            continue  # errored and absent: allowed
        elif s == 200:
            on_ledger[t["id"]] = t["quantity"]
        else:
            violations.append("%s: reading it answered %s %s" % (t["id"], s, code))
            continue
        if t["attempts"] > 1 or t["status"] not in (200, 201):
            # it met an error: a replay (same tradeId, same body) must report the first result
            body = trade(t["id"], state["pairs"][t["pair"]]["seller"], state["pairs"][t["pair"]]["buyer"], t["quantity"])
            s2, a2, code2 = api.call("POST", "/api/v1/settlements", "exchange", body)
            if s2 != 201 or not a2.get("replayed"):
                violations.append("%s: its replay answered %s %s, not the first result" % (t["id"], s2, code2 or a2))
            elif any(a2.get(k) != a.get(k) for k in ("tradeId", "quantity", "seller", "buyer", "amount") if k in a):
                violations.append("%s: its replay %s differs from the ledger's %s" % (t["id"], a2, a))
    # exactly once: each seller lost and each buyer gained exactly the trades on the ledger, over every phase
    with open(out + ".ledger", "w") as f:
        json.dump(on_ledger, f)
    settled = {}
    for name in everything:
        with open(name + ".ledger") as f:
            settled.update(json.load(f))
    settled.update(on_ledger)
    pair_of = {t["id"]: t["pair"] for t in read_trades(out, *everything)}
    for k, p in enumerate(state["pairs"]):
        moved = sum(q for i, q in settled.items() if pair_of.get(i) == k)
        seller, buyer = holding(api, p["seller"]), holding(api, p["buyer"])
        if seller != p["sellerStart"] - moved or buyer != p["buyerStart"] + moved:
            violations.append("pair %d: seller %d t, buyer %d t; the trades on the ledger say %d and %d"
                              % (k, seller, buyer, p["sellerStart"] - moved, p["buyerStart"] + moved))
    s, audit, code = api.call("GET", "/api/v1/supply/audit", "auditor")
    if s != 200 or not audit.get("balanced"):
        violations.append("supply audit: %s %s" % (s, audit or code))
    # the fault's window: from the fault until it is healed or the client is served normally again
    during = [t for t in mine if t["t0"] >= fault_at]
    outage = [t for t in during if not clean(t)]
    recovered_at = None
    if outage:  # the end of the first trade after which every trade was clean
        last_bad = max(t["t0"] for t in outage)
        after = [t["t1"] for t in during if t["t0"] > last_bad and clean(t)]
        recovered_at = min(after) if after else max(t["t1"] for t in during)
    window_end = max(heal_at, recovered_at or heal_at)
    window = [t["t1"] - t["t0"] for t in during if t["t0"] <= window_end]
    codes = {}
    for t in mine:
        for e in t["errors"]:
            codes[e] = codes.get(e, 0) + 1
    figures = {
        "phase": phase, "attempted": len(mine),
        "succeeded": sum(1 for t in mine if t["status"] in (200, 201)),
        "retried": sum(1 for t in mine if t["attempts"] > 1),
        "failed": sum(1 for t in mine if t["status"] not in (200, 201)),
        "replayed": sum(1 for t in mine if t["replayed"]),
        "onLedger": len(on_ledger),
        "inWindow": len(window), "p50": percentile(window, 0.50), "p99": percentile(window, 0.99),
        "recoveredAfterFault": None if recovered_at is None else recovered_at - fault_at,
        "recoveredAfterHeal": None if recovered_at is None else max(0.0, recovered_at - heal_at),
        "errors": codes, "violations": violations}
    print(json.dumps(figures))
    return 1 if violations else 0


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "setup":
        setup(argv[2], argv[3], argv[4], int(argv[5]), argv[6])
    elif cmd == "load":
        load(argv[2], argv[3], argv[4], argv[5], float(argv[6]))
    elif cmd == "wait":
        return wait(argv[2], float(argv[3]), int(argv[4]), float(argv[5]))
    elif cmd == "verify":
        return verify(argv[2], argv[3], argv[4], float(argv[5]), float(argv[6]), argv[7:])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
