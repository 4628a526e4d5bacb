#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""End-to-end tests of etlab-cli's contract, through real processes and a real SQLite file.

Usage: test_cli.py PATH/TO/etlab-cli   (ctest runs it; standard library only)
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = None
TINY = {
    "task": {"dataset": "listops", "max_len": 64, "min_len": 16, "train_size": 200, "val_size": 40, "test_size": 40},
    "model": {"layers": 1, "d_model": 32, "heads": 2, "ffn": 64, "dropout": 0.1},
    "attention": {"kind": "learned_sparse", "block": 16, "topk": 2},
    "train": {"steps": 24, "batch": 8, "warmup": 2, "eval_every": 10, "log_every": 2, "seed": 3,
              "deterministic": True, "threads": 2},
    "probe": {"examples": 1, "prob_steps": 1},
}


def run(*args, check=True, **kw):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}{p.stdout}")
    return p


def lines(stdout):
    return [json.loads(l) for l in stdout.splitlines() if l.strip()]


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "runs.db")
        self.cfg = os.path.join(self.dir.name, "tiny.json")
        with open(self.cfg, "w") as f:
            json.dump(TINY, f)

    def tearDown(self):
        self.dir.cleanup()

    def test_version_presets_keys(self):
        self.assertIn("etlab-cli", run("--version").stdout)
        presets = json.loads(run("presets", "--json").stdout)
        names = {p["name"] for p in presets}
        self.assertTrue({"smoke-dense", "smoke-sparse", "smoke-lora", "bert-base-shape"} <= names)
        self.assertTrue(all(p["description"] for p in presets))
        keys = {k["key"] for k in json.loads(run("keys", "--json").stdout)}
        self.assertIn("lora.targets", keys)
        for sub in ["train", "resume", "infer", "params", "runs", "presets", "keys"]:
            self.assertEqual(run(sub, "--help").returncode, 0)
        self.assertEqual(run("bench", "attention", "--help").returncode, 0)

    def test_params(self):
        p = json.loads(run("params", "--preset", "bert-base-shape", "--json").stdout)
        self.assertTrue(100_000_000 < p["total"] < 112_000_000, p["total"])
        self.assertEqual(p["total"], sum(m["total"] for m in p["modules"]))
        lora = json.loads(run("params", "--preset", "sentiment-lora", "--json").stdout)
        self.assertLess(lora["trainable"] * 20, lora["total"])

    def test_rejected_config_writes_nothing(self):
        p = run("train", "--config", self.cfg, "--db", self.db, "--set", "lora.r=0", "--set", "attention.block=999",
                "--json", check=False)
        self.assertEqual(p.returncode, 2)
        err = json.loads(p.stdout.strip().splitlines()[-1])
        fields = {i["field"] for i in err["issues"]}
        self.assertEqual(fields, {"lora.r", "attention.block"})
        self.assertFalse(os.path.exists(self.db))
        p = run("train", "--preset", "no-such-preset", "--db", self.db, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("unknown preset", p.stderr)
        self.assertFalse(os.path.exists(self.db))

    def test_train_runs_infer(self):
        out = lines(run("train", "--config", self.cfg, "--db", self.db, "--set", "train.steps=12", "--json").stdout)
        result = out[-1]
        self.assertEqual(result["event"], "result")
        self.assertEqual(result["status"], "finished")
        self.assertIn("test/accuracy", result["metrics"])
        runs = json.loads(run("runs", "--db", self.db, "--json").stdout)
        self.assertEqual(len(runs), 1)
        for key in ["id", "status", "preset", "created"]:
            self.assertIn(key, runs[0])
        self.assertEqual(runs[0]["id"], result["run_id"])
        inf = json.loads(run("infer", "--db", self.db, "--run", result["run_id"][:8], "--text", "[MAX 2 9 ]", "--json").stdout)
        self.assertAlmostEqual(sum(inf["probabilities"].values()), 1.0, places=4)
        self.assertEqual(len(inf["selections"]), 2)  # 1 layer x 2 heads
        bad = run("infer", "--db", self.db, "--run", result["run_id"], "--text", "hello world", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("vocabulary", bad.stderr)
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(db.execute("SELECT count(*) FROM metrics WHERE key='train/loss'").fetchone()[0], 12)

    def test_sigterm_then_resume_in_new_process_is_bit_identical(self):
        straight = lines(run("train", "--config", self.cfg, "--db", self.db, "--json").stdout)
        reference = [e["loss"] for e in straight if e["event"] == "step"]
        p = subprocess.Popen([CLI, "train", "--config", self.cfg, "--db", self.db, "--json"], stdout=subprocess.PIPE,
                             text=True)
        run_id, stopped_at = None, None
        for line in p.stdout:
            e = json.loads(line)
            if e["event"] == "start":
                run_id = e["run_id"]
            if e["event"] == "step" and e["step"] == 13 and stopped_at is None:
                p.send_signal(signal.SIGTERM)
                stopped_at = 13
        p.stdout.close()
        self.assertEqual(p.wait(), 130)
        with sqlite3.connect(self.db) as db:
            status, step = db.execute("SELECT status, step FROM runs WHERE id=?", (run_id,)).fetchone()
        self.assertEqual(status, "cancelled")
        self.assertGreaterEqual(step, 13)
        resumed = lines(run("resume", run_id, "--db", self.db, "--json").stdout)
        self.assertEqual(resumed[-1]["status"], "finished")
        losses = [e["loss"] for e in resumed if e["event"] == "step"]
        self.assertEqual(losses, reference[step:])
        with sqlite3.connect(self.db) as db:
            stored = [r[0] for r in db.execute("SELECT value FROM metrics WHERE run_id=? AND key='train/loss' ORDER BY step",
                                               (run_id,))]
        self.assertEqual(stored, reference)

    def test_bench_attention_json(self):
        rows = lines(run("bench", "attention", "--seq", "256,512", "--block", "64", "--repeats", "2", "--json",
                         "--db", self.db).stdout)
        self.assertEqual({(r["method"], r["n"]) for r in rows},
                         {(m, n) for m in ["dense", "learned_sparse", "fixed_sparse"] for n in [256, 512]})
        for r in rows:
            for key in ["time_ms", "peak_bytes", "ideal_ratio", "kernel"]:
                self.assertIn(key, r)
            self.assertGreater(r["time_ms"], 0)
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM benchmarks").fetchone()[0], 6)


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
