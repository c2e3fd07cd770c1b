"""What one delivered order costs: CPU of the platform JVM and of PostgreSQL, PostgreSQL commits and rows.

usage: python3 bench/cost.py --database DB [--port 8080 | --pid PID] [--orders N]
                             [--idle 12] [--settle 12] [--statements] [--top 15] [--json FILE]
                             [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-user postgres]
                             -- COMMAND [ARG ...]

Runs COMMAND (a Gatling simulation, bench/e2e.py, ...) between two snapshots and divides what the run
cost by the orders it delivered: the rows of the order-status projection (`order_status`, order-query's
Flyway migration V3_0_0) that are DELIVERED after the run and were not before, or --orders N.

Method (Linux /proc, PostgreSQL's cumulative statistics; Python 3 standard library and the psql CLI):
- Platform JVM: utime + stime of /proc/<pid>/stat (all its threads), the pid given with --pid or found
  as the process listening on --port.
- PostgreSQL, the whole cluster: the postmaster's own utime + stime, plus its cutime + cstime (the CPU
  of every child it has already reaped: backends that came and went during the run), plus utime +
  stime of every child alive at the snapshot. A backend alive at the first snapshot and gone at the
  second moves from the third term into the second, so the difference between two snapshots counts
  exactly the CPU spent in between, without sampling. This is cluster-wide: on a machine where other
  databases are busy too, read the next figure.
- PostgreSQL, by database: a sampler reads every child of the postmaster every 0.25 s and attributes
  its CPU by the process title ("postgres: <user> <database> <client> <state>"): the backends of
  --database, those of other databases, and the background processes (WAL writer, checkpointer,
  autovacuum, ...). A backend that exits loses at most its last 0.25 s; the platform's pooled
  connections live through the run.
- Commits and rows: pg_stat_database (xact_commit, xact_rollback, tup_inserted / tup_updated /
  tup_deleted) of --database and pg_stat_user_tables per table (so the simulators' own schema,
  `simulator`, shows apart). This script's own snapshot transactions are subtracted.
- Statements (--statements): per-statement calls from pg_stat_statements, when the server preloads it
  (shared_preload_libraries); the extension is then created in --database if missing. When it is not
  preloaded the script says how to enable it and reports the rest.

Two corrections keep the figures honest:
- PostgreSQL publishes a busy connection's counters up to 10 s late (PGSTAT_IDLE_INTERVAL), so the
  final snapshot is taken --settle seconds (default 12) after COMMAND ends.
- An idle platform is not free (its event processors poll the event store), so the cost of --idle
  seconds of doing nothing is measured before COMMAND starts, and that idle rate times --settle is
  taken off the totals ("per order"); the "raw" column keeps it.

Also reported: the load generator's CPU (COMMAND and the children it waited for, e.g. Maven and the
Gatling JVM) and the end-to-end throughput (delivered orders / COMMAND's wall time).
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")
SAMPLE_SECONDS = 0.25
BACKGROUND = ("checkpointer", "background writer", "walwriter", "autovacuum", "logical replication",
              "stats collector", "archiver", "walsender", "walreceiver", "startup", "parallel worker")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="the platform's database")
    parser.add_argument("--port", type=int, default=8080, help="the platform's HTTP port (to find its pid)")
    parser.add_argument("--pid", type=int, help="the platform JVM's pid (instead of --port)")
    parser.add_argument("--orders", type=int, help="delivered orders to divide by (default: counted in order_status)")
    parser.add_argument("--idle", type=float, default=12, help="seconds of idle baseline before COMMAND (0: none)")
    parser.add_argument("--settle", type=float, default=12, help="seconds after COMMAND before the last snapshot")
    parser.add_argument("--statements", action="store_true", help="statement counts from pg_stat_statements")
    parser.add_argument("--top", type=int, default=15, help="statements and tables listed")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARG ...]")
    options = parser.parse_args()
    if options.command and options.command[0] == "--":
        options.command = options.command[1:]
    if not options.command:
        parser.error("the command to measure is missing (after --)")
    return options


# --- /proc -------------------------------------------------------------------------------------------

def proc_stat(pid):
    """(ppid, utime + stime, cutime + cstime, starttime) in clock ticks, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "; comm may hold spaces
    # fields[0] is field 3 (state): ppid = field 4, utime..cstime = fields 14..17, starttime = 22
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14]), int(fields[19])


def title(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return ""


def all_pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def pid_listening_on(port):
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                        inodes.add(parts[9])
        except FileNotFoundError:
            pass
    targets = {f"socket:[{inode}]" for inode in inodes}
    for pid in all_pids():
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") in targets:
                    return pid
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
    return None


def children_of(parent):
    found = {}
    for pid in all_pids():
        stat = proc_stat(pid)
        if stat and stat[0] == parent:
            found[pid] = stat
    return found


def postmaster_pid(data_directory):
    try:
        with open(os.path.join(data_directory, "postmaster.pid")) as f:
            return int(f.readline())
    except (OSError, ValueError):
        pass
    # not readable: the server process (".../bin/postgres -D ...") whose parent is not one
    for pid in all_pids():
        stat = proc_stat(pid)
        if stat and "bin/postgres" in title(pid).split(" ")[0] and "postgres" not in title(stat[0]):
            return pid
    return None


def cluster_ticks(postmaster):
    """The CPU of the whole cluster so far: the postmaster, its reaped children, its live children."""
    own = proc_stat(postmaster)
    if own is None:
        return None
    return own[1] + own[2] + sum(stat[1] + stat[2] for stat in children_of(postmaster).values())


def boot_ticks_now():
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) * TICK


class BackendSampler(threading.Thread):
    """Reads the postmaster's children every SAMPLE_SECONDS and attributes their CPU by process title."""

    def __init__(self, postmaster, database):
        super().__init__(daemon=True)
        self.postmaster, self.database = postmaster, database
        self.first, self.last, self.kind = {}, {}, {}
        self.started_at = boot_ticks_now()
        self.stopping = threading.Event()

    def classify(self, text):
        body = re.sub(r"^postgres:\s*", "", text)
        body = re.sub(r"^[^ ]+/[^ ]+:\s*", "", body)  # the cluster name, e.g. "15/main: "
        if body.startswith(BACKGROUND):
            return "background"
        parts = body.split()
        if len(parts) >= 2:
            return "database" if parts[1] == self.database else "other databases"
        return "background"

    def sample(self):
        for pid, stat in children_of(self.postmaster).items():
            key = (pid, stat[3])
            if key not in self.first:
                # alive before the run: count from now; born during it: count all of its CPU
                self.first[key] = stat[1] if stat[3] < self.started_at else 0
                self.kind[key] = self.classify(title(pid))
            self.last[key] = stat[1]

    def run(self):
        while not self.stopping.is_set():
            self.sample()
            self.stopping.wait(SAMPLE_SECONDS)

    def stop(self):
        self.stopping.set()
        self.join()
        self.sample()
        totals = {"database": 0, "other databases": 0, "background": 0}
        for key, last in self.last.items():
            totals[self.kind[key]] += last - self.first[key]
        return totals


# --- PostgreSQL --------------------------------------------------------------------------------------

def psql(options, sql, database=None):
    result = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", options.pg_host, "-p", str(options.pg_port),
         "-U", options.pg_user, "-d", database or options.database, "-c", sql],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"cost.py: psql failed: {result.stderr.strip()}")
    return result.stdout.strip()


def snapshot_sql(count_delivered, statements):
    """One statement (so one transaction, one commit of our own) that reads every counter at once."""
    parts = [
        "'db', (select json_build_object('commits', xact_commit, 'rollbacks', xact_rollback, "
        "'inserted', tup_inserted, 'updated', tup_updated, 'deleted', tup_deleted) "
        "from pg_stat_database where datname = current_database())",
        "'tables', (select coalesce(json_object_agg(schemaname || '.' || relname, "
        "json_build_array(n_tup_ins, n_tup_upd, n_tup_del)), '{}') from pg_stat_user_tables)",
    ]
    if count_delivered:
        parts.append("'delivered', (select count(*) from order_status where status = 'DELIVERED')")
    if statements:
        # one entry per statement: pg_stat_statements keeps one row per user and nesting level as well
        parts.append("'statements', (select coalesce(json_object_agg(queryid, json_build_array(calls, query)), '{}') "
                     "from (select queryid, sum(calls) as calls, min(query) as query from pg_stat_statements "
                     "where dbid = (select oid from pg_database where datname = current_database()) "
                     "and query not like '%pg_stat_statements%' group by queryid) s)")
    return "select json_build_object(" + ", ".join(parts) + ")"


def statements_available(options):
    preload = psql(options, "show shared_preload_libraries")
    if "pg_stat_statements" not in preload:
        print("cost.py: pg_stat_statements is not loaded (shared_preload_libraries = '%s'); statement counts "
              "left out. To enable it: psql -U postgres -c \"alter system set shared_preload_libraries = "
              "'pg_stat_statements'\", restart PostgreSQL (pg_ctlcluster 15 main restart), then run again "
              "with --statements (the extension is created in the database by this script)." % preload,
              file=sys.stderr)
        return False
    psql(options, "create extension if not exists pg_stat_statements")
    return True


# --- the run -----------------------------------------------------------------------------------------

class Snapshot:
    def __init__(self, options, jvm, postmaster, sql):
        self.at = time.monotonic()
        self.jvm = proc_stat(jvm)[1] if jvm and proc_stat(jvm) else None
        self.cluster = cluster_ticks(postmaster) if postmaster else None
        self.stats = json.loads(psql(options, sql))


def children_cpu_seconds():
    """CPU of every child this script has waited for so far (COMMAND, its own children, psql)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ms(ticks):
    return ticks * 1000.0 / TICK


def main():
    options = parse_args()
    jvm = options.pid or pid_listening_on(options.port)
    if jvm is None:
        raise SystemExit(f"cost.py: nothing listens on port {options.port}; give the platform's --pid")
    data_directory = psql(options, "show data_directory")
    postmaster = postmaster_pid(data_directory)
    if postmaster is None or proc_stat(postmaster) is None:
        print("cost.py: the PostgreSQL server is not a process of this machine; its CPU is left out",
              file=sys.stderr)
        postmaster = None
    statements = options.statements and statements_available(options)
    sql = snapshot_sql(options.orders is None, statements)
    print(f"cost.py: platform pid {jvm}, postmaster pid {postmaster}, database {options.database}", file=sys.stderr)

    idle_start = Snapshot(options, jvm, postmaster, sql) if options.idle > 0 else None
    if idle_start:
        print(f"cost.py: measuring {options.idle:.0f} s of idle platform first", file=sys.stderr)
        time.sleep(options.idle)
    start = Snapshot(options, jvm, postmaster, sql)
    sampler = BackendSampler(postmaster, options.database) if postmaster else None
    if sampler:
        sampler.start()
    print(f"cost.py: running {' '.join(options.command)}", file=sys.stderr, flush=True)
    before_command = children_cpu_seconds()
    exit_code = subprocess.call(options.command)
    load_generator = children_cpu_seconds() - before_command
    ended = Snapshot(options, jvm, postmaster, sql)
    print(f"cost.py: command exited {exit_code}; settling {options.settle:.0f} s for PostgreSQL's statistics",
          file=sys.stderr, flush=True)
    time.sleep(options.settle)
    end = Snapshot(options, jvm, postmaster, sql)
    by_kind = sampler.stop() if sampler else None

    report(options, idle_start, start, ended, end, by_kind, exit_code, load_generator)
    sys.exit(exit_code)


def delta(end, start, *path):
    a, b = end, start
    for key in path:
        a, b = a[key], b[key]
    return a - b


def report(options, idle_start, start, ended, end, by_kind, exit_code, load_generator):
    command_seconds = ended.at - start.at
    window = end.at - start.at
    delivered = options.orders if options.orders is not None else end.stats["delivered"] - start.stats["delivered"]
    own_transactions = 2  # the snapshots taken after `start` began: `start`'s own and `ended`'s

    def idle_rate(value):
        if idle_start is None or value is None:
            return 0.0
        return value / (start.at - idle_start.at)

    rows = []  # (label, window total, idle correction over the settle time, unit)

    def add(label, total, idle_total, unit, digits):
        if total is None:
            return
        rows.append((label, total, idle_rate(idle_total) * options.settle, unit, digits))

    jvm_idle = ms(start.jvm - idle_start.jvm) if idle_start and start.jvm is not None else None
    add("CPU, platform JVM", ms(end.jvm - start.jvm) if start.jvm is not None else None, jvm_idle, "ms", 1)
    if start.cluster is not None:
        cluster_idle = ms(start.cluster - idle_start.cluster) if idle_start else None
        add("CPU, PostgreSQL (whole cluster)", ms(end.cluster - start.cluster), cluster_idle, "ms", 1)
    if by_kind:
        rows.append((f"  of which backends of {options.database} (sampled)", ms(by_kind["database"]), 0.0, "ms", 1))
        rows.append(("  of which backends of other databases (sampled)", ms(by_kind["other databases"]), 0.0, "ms", 1))
        rows.append(("  of which background processes (sampled)", ms(by_kind["background"]), 0.0, "ms", 1))
    own_idle = 1 if idle_start else 0  # the idle window holds one snapshot transaction of ours
    add("PostgreSQL commits", delta(end.stats, start.stats, "db", "commits") - own_transactions,
        (delta(start.stats, idle_start.stats, "db", "commits") - own_idle) if idle_start else None, "", 2)
    add("PostgreSQL rollbacks", delta(end.stats, start.stats, "db", "rollbacks"),
        delta(start.stats, idle_start.stats, "db", "rollbacks") if idle_start else None, "", 2)
    for kind in ("inserted", "updated", "deleted"):
        add(f"rows {kind}", delta(end.stats, start.stats, "db", kind),
            delta(start.stats, idle_start.stats, "db", kind) if idle_start else None, "", 2)

    print()
    print(f"## Cost per delivered order — {delivered} orders delivered, command {command_seconds:.1f} s "
          f"({delivered / command_seconds if command_seconds else 0:.1f} orders/s end to end), exit code {exit_code}")
    print()
    if delivered <= 0:
        print("No order was delivered in the run: nothing to divide by (use --orders N).")
    print("| per delivered order | per order | raw (idle tail kept) | whole run |")
    print("|---|---|---|---|")
    figures = {}
    for label, total, idle_tail, unit, digits in rows:
        per = (total - idle_tail) / delivered if delivered > 0 else float("nan")
        raw = total / delivered if delivered > 0 else float("nan")
        figures[label.strip()] = {"perOrder": per, "raw": raw, "total": total, "idleTail": idle_tail}
        suffix = f" {unit}" if unit else ""
        print(f"| {label} | {per:,.{digits}f}{suffix} | {raw:,.{digits}f}{suffix} | {total:,.0f}{suffix} |")
    print(f"| load generator CPU (COMMAND and its children) | {1000 * load_generator / delivered if delivered > 0 else float('nan'):,.1f} ms | | {1000 * load_generator:,.0f} ms |")
    print()
    print(f"Window: {window:.1f} s (command {command_seconds:.1f} s + settle {options.settle:.0f} s); "
          + (f"idle baseline over {start.at - idle_start.at:.1f} s taken off for the settle time "
             f"(idle platform: {idle_rate(jvm_idle):.1f} ms JVM CPU/s, "
             f"{idle_rate(delta(start.stats, idle_start.stats, 'db', 'commits') - own_idle):.1f} commits/s)."
             if idle_start else "no idle baseline (--idle 0): per order = raw."))

    tables = []
    for name, (ins, upd, dele) in end.stats["tables"].items():
        before = start.stats["tables"].get(name, [0, 0, 0])
        changed = (ins - before[0], upd - before[1], dele - before[2])
        if any(changed):
            tables.append((name, *changed))
    tables.sort(key=lambda t: -(t[1] + t[2] + t[3]))
    if tables and delivered > 0:
        print()
        print("| table | inserted / updated / deleted per order |")
        print("|---|---|")
        for name, ins, upd, dele in tables[:options.top]:
            print(f"| {name} | {ins / delivered:.2f} / {upd / delivered:.2f} / {dele / delivered:.2f} |")
        simulator = [t for t in tables if t[0].startswith("simulator.")]
        if simulator:
            s = [sum(t[i] for t in simulator) / delivered for i in (1, 2, 3)]
            print(f"| (the simulators' schema, all tables) | {s[0]:.2f} / {s[1]:.2f} / {s[2]:.2f} |")

    statements = []
    if "statements" in end.stats and delivered > 0:
        for query_id, (calls, query) in end.stats["statements"].items():
            before = start.stats["statements"].get(query_id, [0, ""])[0]
            if calls - before:
                statements.append((calls - before, " ".join(query.split())))
        statements.sort(reverse=True)
        total_calls = sum(c for c, _ in statements)
        print()
        print(f"Statements: {total_calls / delivered:.1f} per order ({total_calls:,} in the window; "
              f"pg_stat_statements, --database only)")
        print()
        print("| calls per order | statement |")
        print("|---|---|")
        for calls, query in statements[:options.top]:
            print(f"| {calls / delivered:.2f} | `{query[:140]}` |")

    if options.json:
        with open(options.json, "w") as f:
            json.dump({"delivered": delivered, "commandSeconds": command_seconds, "settleSeconds": options.settle,
                       "exitCode": exit_code, "figures": figures, "loadGeneratorCpuMs": 1000 * load_generator,
                       "tables": tables, "statements": statements[:200]}, f, indent=2)


if __name__ == "__main__":
    main()
