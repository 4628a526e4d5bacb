#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""kill -9 of real `etlab-cli train` processes at random moments, against one database.

Each iteration starts a training run (resuming the previous victim half of the time), kills it with
SIGKILL after a random delay, and checks what the store promises: the file passes SQLite's integrity
check, every run that finished before is unchanged (status, metric rows, checkpoint files and their
SHA-256), and the killed run reads as interrupted and resumes from its last checkpoint. At the end every
interrupted run is resumed to completion and its train/loss rows are counted: one per step, none twice.

Usage: test_faults.py PATH/TO/etlab-cli [ITERATIONS] [SEED]   (ctest runs 20; label slow)
"""
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

from etlab_e2e import Cli, tiny

TINY = tiny(train={"steps": 120, "log_every": 1, "threads": 1}, probe={"prob_steps": 2})
CLI = None
cli = None  # the Cli of the binary under test, set in __main__


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def wait_for_start(p):
    """Reads the process's output up to its start line (or its end); returns the lines read."""
    lines = []
    for line in p.stdout:
        lines.append(line)
        if line.startswith('{"') and '"start"' in line:
            break
    return lines


def wait_for_step(p, rng):
    """Reads the process's output until a training step drawn at random among those it has left (or its
    end), then waits a moment within that step; returns the lines read."""
    lines, target = [], None
    for line in p.stdout:
        lines.append(line)
        if not line.startswith('{"'):
            continue
        event = json.loads(line)
        if event.get("event") != "step":
            continue
        if target is None:
            target = rng.randint(event["step"], TINY["train"]["steps"])
        if event["step"] >= target:
            time.sleep(rng.uniform(0.0, 0.05))
            break
    return lines


def finished_state(db, folder):
    """Everything a finished run owns: status, metric rows and checkpoint files with their hashes."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity check failed"
        state = {}
        for (rid,) in con.execute("SELECT id FROM runs WHERE status = 'finished'"):
            metrics = con.execute("SELECT COUNT(*) FROM metrics WHERE run_id = ?", (rid,)).fetchone()[0]
            files = {p: sha(os.path.join(folder, p)) for (p,) in
                     con.execute("SELECT path FROM checkpoints WHERE run_id = ?", (rid,))}
            state[rid] = (metrics, files)
        return state
    finally:
        con.close()


def main():
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261129)
    with tempfile.TemporaryDirectory() as tmp:
        db, cfg = os.path.join(tmp, "runs.db"), os.path.join(tmp, "tiny.json")
        with open(cfg, "w") as f:
            json.dump(TINY, f)
        # Three kills in four land at a training step drawn at random; the fourth at a random moment from
        # the launch (start-up, evaluation and the final checkpoints included), within how long a run
        # takes on this machine.
        t0 = time.monotonic()
        p = subprocess.Popen([CLI, "train", "--config", cfg, "--db", db, "--json"], stdout=subprocess.PIPE, text=True)
        wait_for_start(p)
        startup = time.monotonic() - t0
        p.communicate()
        life = time.monotonic() - t0 - startup
        assert p.returncode == 0, "the first run failed"
        before = finished_state(db, tmp)
        # Where each kill landed: before the run existed (process start, data loading), inside it, or
        # after it ended (the process had already exited).
        landed = {"start-up": 0, "inside a run": 0, "after the end": 0}
        resumed_kills = 0
        for i in range(iterations):
            interrupted = [r["id"] for r in cli.runs(db) if r["status"] == "interrupted"]
            resuming = bool(interrupted) and rng.random() < 0.5
            if resuming:
                args = ["resume", rng.choice(interrupted)]
            else:
                args = ["train", "--config", cfg, "--set", f"train.seed={100 + i}"]
            p = subprocess.Popen([CLI, *args, "--db", db, "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            early = []
            if rng.random() < 0.25:
                time.sleep(rng.uniform(0.05, startup + life))
            else:
                early = wait_for_step(p, rng)
            finished = p.poll() is not None
            p.kill()
            out, _ = p.communicate()
            # The CLI prints its start line once the run is in the database and owned.
            started = any(l.startswith('{"') and '"start"' in l for l in early + out.splitlines())
            where = "after the end" if finished else ("inside a run" if started else "start-up")
            landed[where] += 1
            resumed_kills += resuming and where == "inside a run"
            after = finished_state(db, tmp)
            for rid, state in before.items():
                assert after.get(rid) == state, f"iteration {i}: finished run {rid} changed: {state} -> {after.get(rid)}"
            before = after
            statuses = {r["id"]: r["status"] for r in cli.runs(db)}
            assert all(s in ("finished", "interrupted") for s in statuses.values()), statuses
        # Every interrupted run resumes to the end; each step's loss is stored exactly once.
        for r in cli.runs(db):
            if r["status"] == "interrupted":
                p = cli("resume", r["id"], "--db", db, check=False)
                assert p.returncode == 0 or "no checkpoint" in p.stderr, p.stderr
        con = sqlite3.connect(db)
        rows = con.execute("SELECT r.id, r.status, COUNT(m.step), COUNT(DISTINCT m.step) FROM runs r LEFT JOIN metrics m "
                           "ON m.run_id = r.id AND m.key = 'train/loss' GROUP BY r.id").fetchall()
        con.close()
        complete = [r for r in rows if r[1] == "finished"]
        for rid, status, n, distinct in complete:
            assert n == distinct == TINY["train"]["steps"], f"run {rid}: {n} loss rows, {distinct} distinct steps"
        never_checkpointed = [r for r in rows if r[1] != "finished"]
        print(f"{iterations} kill -9: {landed['inside a run']} inside a run ({resumed_kills} of them during a resume), "
              f"{landed['start-up']} during start-up, {landed['after the end']} after the process had ended; "
              f"{len(complete)} runs finished with {sum(r[2] for r in complete)} loss rows, one per step; "
              f"{len(never_checkpointed)} killed before their first checkpoint; integrity ok after every kill")
        assert landed["inside a run"] >= iterations // 2, "too few kills landed inside a run to mean anything"


if __name__ == "__main__":
    CLI = sys.argv[1]
    cli = Cli(CLI)
    main()
