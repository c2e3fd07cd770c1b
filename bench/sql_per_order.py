"""SQL statements and transactions per delivered order, from PostgreSQL's own statement log.

Turn the log on for the benchmark's database only (no restart; other databases are untouched):
    psql -c "alter database bench set log_statement = 'all'"
note the log's line count, run the load, then:
    python3 bench/sql_per_order.py LOGFILE DATABASE ORDERS [FROM_LINE]
LOGFILE is PostgreSQL's log (here /var/log/postgresql/postgresql-15-main.log, whose line prefix
'%m [%p] %q%u@%d ' names the backend and the database). Statements are grouped by their text with
literals and parameters taken out; transactions by the set of statements they ran. The simulators'
tables (schema "simulator") are counted apart: their cost is the outside world's, not the platform's.
"""
import collections
import re
import sys

LINE = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] \S+@(\S+) LOG:  (?:statement|execute [^:]*): (.*)$')


def shape(sql):
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\$\d+", "$", sql)
    sql = re.sub(r"\b\d+\b", "N", sql)
    return " ".join(sql.split())[:90]


def main():
    log, database, orders = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    statements = collections.Counter()
    transactions = collections.Counter()
    open_transactions = {}
    autocommit = {"platform": 0, "simulators": 0}
    explicit = {"platform": 0, "simulators": 0}
    entries = []  # (backend, sql), a statement's continuation lines joined to it
    with open(log, errors="replace") as lines:
        for number, line in enumerate(lines):
            if number < start:
                continue
            match = LINE.match(line)
            if match:
                entries.append((match.group(1), match.group(2), match.group(3)) if match.group(2) == database
                               else None)
            elif entries and entries[-1] is not None and not re.match(r"^\d{4}-\d\d-\d\d ", line):
                backend, db, sql = entries[-1]
                entries[-1] = (backend, db, sql + " " + line.strip())
            elif re.match(r"^\d{4}-\d\d-\d\d ", line):
                entries.append(None)  # another kind of log line (a DETAIL, another database)
    for entry in entries:
        if entry is None:
            continue
        backend, _, sql = entry
        if sql.startswith("BEGIN"):
            open_transactions[backend] = []
            continue
        if sql.startswith(("COMMIT", "ROLLBACK")):
            ran = open_transactions.pop(backend, None)
            if ran is not None:
                owner = "simulators" if ran and all("simulator." in s for s in ran) else "platform"
                explicit[owner] += 1
                kinds = sorted({shape(s)[:40] for s in ran if not s.startswith(("SAVEPOINT", "RELEASE"))})
                transactions[" | ".join(kinds)] += 1
            continue
        if sql.startswith(("SAVEPOINT", "RELEASE")) or not sql.strip():
            continue
        statements[("simulators" if "simulator." in sql else "platform", shape(sql))] += 1
        if backend in open_transactions:
            open_transactions[backend].append(sql)
        else:
            autocommit["simulators" if "simulator." in sql else "platform"] += 1
    platform = {k[1]: v for k, v in statements.items() if k[0] == "platform"}
    simulated = sum(v for k, v in statements.items() if k[0] == "simulators")
    print(f"orders: {orders}")
    print(f"platform: {sum(platform.values()) / orders:.1f} statements, "
          f"{explicit['platform'] / orders:.1f} transactions + {autocommit['platform'] / orders:.1f} single-statement "
          f"(autocommit) per order")
    print(f"simulators: {simulated / orders:.1f} statements, {explicit['simulators'] / orders:.1f} transactions + "
          f"{autocommit['simulators'] / orders:.1f} single-statement per order")
    print("\nstatements per order (platform):")
    for sql, count in sorted(platform.items(), key=lambda kv: -kv[1])[:30]:
        print(f"{count / orders:7.2f}  {sql}")
    print("\ntransactions per order, by the statements they ran:")
    for kinds, count in transactions.most_common(20):
        print(f"{count / orders:7.2f}  {kinds[:200]}")


if __name__ == "__main__":
    main()
