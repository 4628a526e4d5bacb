# SPDX-License-Identifier: MIT
"""Data-parallel training over c10d/Gloo on loopback, through real processes (label slow).

- 2 ranks x batch b follow 1 process x batch 2b's loss curve (deterministic mode), with the ranks'
  parameters compared bit for bit after every step; also with gradient accumulation and a parameter
  that no backward reaches (an untied language-model head on a classification task);
- cancelling the launcher stops every rank at the same step with the run saved as cancelled; early
  stopping, decided by rank 0 alone, stops every rank too;
- only rank 0 writes; the run records the effective batch, the ranks and their throughput;
- a rank killed mid-run (rank 1, then rank 0) ends the run as failed naming the rank, without a hang;
- a rank started without the launcher's environment is told which variable is missing.

usage: test_distributed.py ETLAB_CLI
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from etlab_e2e import Cli, json_lines, tiny

CLI_PATH = None

# Dense attention (one fixed kernel, not raced per process) without dropout: the run depends on the data
# and the arithmetic only.
EXACT = dict(model={"dropout": 0.0}, attention={"kind": "dense", "dense_impl": "math"})


def config(tmp, name, sparse=False, **train):
    """TINY with EXACT (or, with `sparse`, TINY's learned sparse attention, whose router may go without a
    gradient for a step: the all-reduce then looks for unused parameters)."""
    sections = {} if sparse else dict(EXACT)
    cfg = tiny(**sections, train={"steps": 12, "eval_every": 12, "log_every": 1, "deterministic": True, **train})
    path = os.path.join(tmp, name + ".json")
    with open(path, "w") as f:
        json.dump(cfg, f)
    return path


def losses(stdout):
    return [e["loss"] for e in json_lines(stdout) if e.get("event") == "step"]


def children(pid):
    """{rank: pid} of the launcher's children, read from /proc."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if ppid != pid:
                continue
            with open(f"/proc/{d}/environ", "rb") as f:
                env = dict(kv.split(b"=", 1) for kv in f.read().split(b"\0") if b"=" in kv)
            out[int(env[b"RANK"])] = int(d)
        except (OSError, ValueError, KeyError, IndexError):
            continue
    return out


class Distributed(unittest.TestCase):
    def setUp(self):
        self.cli = Cli(CLI_PATH, timeout=600)
        self.tmp = tempfile.mkdtemp(prefix="etlab-dist-")

    def same_curve(self, name, one_cfg, two_cfg):
        """Trains one process and two ranks; returns the two-rank database after comparing their losses."""
        one_db, two_db = os.path.join(self.tmp, name + "-one.db"), os.path.join(self.tmp, name + "-two.db")
        one = self.cli("train", "--config", one_cfg, "--db", one_db, "--json", "--threads", "1")
        two = self.cli("launch", "--nproc", "2", "--", "train", "--config", two_cfg, "--db", two_db, "--json", "--threads", "1")
        a, b = losses(one.stdout), losses(two.stdout)
        self.assertEqual(len(a), 12)
        self.assertEqual(len(b), 12, "rank 0 alone prints the job's steps")
        for step, (x, y) in enumerate(zip(a, b), 1):  # float32 sums in another order: about 1e-7 apart
            self.assertAlmostEqual(x, y, delta=1e-5 * max(1.0, abs(x)), msg=f"{name} step {step}: one process {x}, two ranks {y}")
        # The curve is not flat: equality above means something.
        self.assertGreater(max(a) - min(a), 1e-3)
        return two_db

    def test_two_ranks_follow_one_process_with_twice_the_batch(self):
        two_db = self.same_curve("plain", config(self.tmp, "one", batch=8), config(self.tmp, "two", batch=4))

        runs = self.cli.runs(two_db)
        self.assertEqual(len(runs), 1, "only rank 0 writes a run")
        run = json.loads(self.cli("show", runs[0]["id"], "--db", two_db, "--json").stdout)
        self.assertEqual(run["status"], "finished")
        self.assertEqual(run["config"]["train"]["world_size"], 2)
        self.assertEqual(run["config"]["train"]["batch"], 4)
        dist = run["environment"]["distributed"]
        self.assertEqual((dist["world_size"], dist["effective_batch"], dist["lr_scaling"]), (2, 8, "none"))
        self.assertEqual(dist["launcher"], "etlab-cli launch")
        self.assertEqual(run["summary"]["ranks_identical_checks"], 12, "parameters compared after every step")
        csv = self.cli("export", runs[0]["id"], "--db", two_db, "--what", "metrics", "--format", "csv").stdout
        for rank in (0, 1):
            self.assertIn(f"rank{rank}/tokens_per_s", csv)
            self.assertIn(f"rank{rank}/peak_bytes", csv)

    def test_accumulation_and_an_unused_parameter(self):
        # With untied embeddings a classifier still owns a language-model head that no backward reaches:
        # its gradient bucket must not hold up (or silently skip) the all-reduce.
        def cfg(name, batch):
            path = config(self.tmp, name, batch=batch, accum=2)
            with open(path) as f:
                c = json.load(f)
            c["model"]["tie_embeddings"] = False
            with open(path, "w") as f:
                json.dump(c, f)
            return path
        two_db = self.same_curve("accum", cfg("acc-one", 4), cfg("acc-two", 2))
        run = json.loads(self.cli("show", self.cli.runs(two_db)[0]["id"], "--db", two_db, "--json").stdout)
        self.assertEqual(run["environment"]["distributed"]["effective_batch"], 8)

    def test_cancelling_the_launcher_stops_every_rank_at_one_step(self):
        db = os.path.join(self.tmp, "cancel.db")
        cfg = config(self.tmp, "cancel", sparse=True, batch=4, steps=5000, eval_every=1000, log_every=5, deterministic=False)
        launcher = subprocess.Popen([CLI_PATH, "launch", "--nproc", "2", "--", "train", "--config", cfg, "--db", db, "--json",
                                     "--threads", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        steps = 0
        for line in launcher.stdout:
            if '"event":"step"' in line.replace(" ", ""):
                steps += 1
                if steps == 20:
                    break
        launcher.send_signal(signal.SIGINT)
        out, err = launcher.communicate(timeout=120)
        self.assertEqual(launcher.returncode, 130, err)
        run = json.loads(self.cli("show", self.cli.runs(db)[0]["id"], "--db", db, "--json").stdout)
        self.assertEqual(run["status"], "cancelled", run["reason"])
        self.assertLess(run["step"], 5000)
        self.assertGreaterEqual(run["step"], 20)
        self.assertGreater(run["artefacts"]["checkpoints"], 0, "rank 0 saved the state it stopped at")

    def test_early_stopping_decided_by_rank_zero_stops_every_rank(self):
        db = os.path.join(self.tmp, "early.db")
        # A learning rate that changes nothing: the second evaluation is no better than the first.
        cfg = config(self.tmp, "early", batch=4, steps=200, eval_every=2, patience=1, lr=1e-12, warmup=0)
        p = self.cli("launch", "--nproc", "2", "--", "train", "--config", cfg, "--db", db, "--json", "--threads", "1")
        run = json.loads(self.cli("show", self.cli.runs(db)[0]["id"], "--db", db, "--json").stdout)
        self.assertEqual(run["status"], "finished")
        self.assertIn("early stopping", run["reason"])
        self.assertEqual(run["step"], 4)
        self.assertEqual(len(losses(p.stdout)), 4)

    def kill_rank(self, rank):
        db = os.path.join(self.tmp, f"kill{rank}.db")
        cfg = config(self.tmp, f"kill{rank}", sparse=True, batch=4, steps=2000, eval_every=500, log_every=5, deterministic=False)
        launcher = subprocess.Popen([CLI_PATH, "launch", "--nproc", "2", "--grace", "20", "--", "train", "--config", cfg,
                                     "--db", db, "--json", "--threads", "1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        steps = 0
        for line in launcher.stdout:  # rank 0's JSON lines: kill once training is under way
            if '"event": "step"' in line or '"event":"step"' in line:
                steps += 1
                if steps == 20:
                    break
        self.assertEqual(steps, 20, "training did not start")
        pids = children(launcher.pid)
        self.assertEqual(sorted(pids), [0, 1])
        killed = time.monotonic()
        os.kill(pids[rank], signal.SIGKILL)
        out, err = launcher.communicate(timeout=120)
        took = time.monotonic() - killed
        self.assertEqual(launcher.returncode, 128 + signal.SIGKILL, err)
        self.assertLess(took, 60, "the job hung after a rank died")
        self.assertIn(f"rank {rank} (pid {pids[rank]}) was killed by signal 9", err)
        runs = self.cli.runs(db)
        self.assertEqual(len(runs), 1)
        run = json.loads(self.cli("show", runs[0]["id"], "--db", db, "--json").stdout)
        self.assertEqual(run["status"], "failed", run)
        self.assertIn(f"rank {rank} (pid {pids[rank]}) was killed by signal 9", run["reason"])
        return took

    def test_a_rank_that_dies_fails_the_run_naming_it(self):
        self.kill_rank(1)

    def test_rank_zero_dying_is_recorded_by_the_launcher(self):
        self.kill_rank(0)

    def test_a_rank_without_the_launchers_environment_is_told_what_is_missing(self):
        env = {k: v for k, v in os.environ.items() if k not in ("MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE")}
        db = os.path.join(self.tmp, "none.db")
        p = self.cli("train", "--config", config(self.tmp, "env"), "--db", db, "--distributed", check=False, env=env)
        self.assertEqual(p.returncode, 2)
        self.assertIn("MASTER_ADDR is not set", p.stderr)
        env.update(MASTER_ADDR="127.0.0.1", MASTER_PORT="29999", RANK="2", WORLD_SIZE="2")
        p = self.cli("train", "--config", config(self.tmp, "env"), "--db", db, "--distributed", check=False, env=env)
        self.assertEqual(p.returncode, 2)
        self.assertIn("RANK: 2 is not below WORLD_SIZE (2)", p.stderr)
        self.assertFalse(os.path.exists(db), "nothing is written")
        p = self.cli("train", "--config", config(self.tmp, "env"), "--db", db, "--sweep", "train.seed=1,2", "--distributed",
                     check=False, env=env)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--distributed trains one run", p.stderr)


if __name__ == "__main__":
    CLI_PATH = sys.argv.pop(1)
    unittest.main()
