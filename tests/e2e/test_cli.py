#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""End-to-end tests of etlab-cli's contract, through real processes and a real SQLite file.

Usage: test_cli.py PATH/TO/etlab-cli   (ctest runs it; standard library only)
"""
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from etlab_e2e import Cli, json_lines as lines, tiny

CLI = None
run = None  # the Cli of the binary under test, set in __main__
TINY = tiny(train={"deterministic": True})


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
        for sub in ["train", "resume", "infer", "params", "runs", "presets", "keys", "show", "rename", "note", "tag",
                    "untag", "delete", "restore", "bin", "prune", "vacuum", "export-runs", "merge", "export"]:
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

    def test_kill9_then_resume_from_last_checkpoint(self):
        straight = lines(run("train", "--config", self.cfg, "--db", self.db, "--json").stdout)
        reference = [e["loss"] for e in straight if e["event"] == "step"]
        p = subprocess.Popen([CLI, "train", "--config", self.cfg, "--db", self.db, "--json"], stdout=subprocess.PIPE,
                             text=True)
        run_id = None
        for line in p.stdout:
            e = json.loads(line)
            if e["event"] == "start":
                run_id = e["run_id"]
            if e["event"] == "step" and e["step"] == 15:
                p.kill()  # SIGKILL: no handler runs, nothing is flushed
                break
        p.stdout.close()
        p.wait()
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        runs = {r["id"]: r for r in json.loads(run("runs", "--db", self.db, "--json").stdout)}
        self.assertEqual(runs[run_id]["status"], "interrupted", "the owner's lock is gone, so the run is interrupted at once")
        self.assertEqual(sum(r["status"] == "finished" for r in runs.values()), 1, "the completed run is still there")
        resumed = lines(run("resume", run_id[:8], "--db", self.db, "--json").stdout)
        self.assertEqual(resumed[-1]["status"], "finished")
        start = next(e for e in resumed if e["event"] == "start")
        self.assertEqual(start["resumed_from_step"], 10, "the last checkpoint was written at the evaluation of step 10")
        losses = [e["loss"] for e in resumed if e["event"] == "step"]
        self.assertEqual(losses, reference[10:])
        with sqlite3.connect(self.db) as db:
            stored = [r[0] for r in db.execute("SELECT value FROM metrics WHERE run_id=? AND key='train/loss' ORDER BY step",
                                               (run_id,))]
        self.assertEqual(stored, reference)

    def test_disk_full_while_training_keeps_the_database_valid(self):
        run("train", "--config", self.cfg, "--db", self.db)
        with sqlite3.connect(self.db) as db:
            kept = db.execute("SELECT COUNT(*) FROM metrics").fetchone()[0]
        # Room for this model's checkpoints (the optimizer state is the largest file, about 190 KB) but not
        # for the write-ahead log to grow through 200 steps of metrics.
        largest = max(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(self.dir.name) for f in fs)
        limit = largest + 16 * 1024

        def small_disk():  # every file this process writes stops growing at `limit` bytes (EFBIG, as ENOSPC)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        p = subprocess.run([CLI, "train", "--config", self.cfg, "--db", self.db, "--set", "train.steps=200"],
                           preexec_fn=small_disk, capture_output=True, text=True, timeout=300)
        self.assertNotEqual(p.returncode, 0, "the limit was never reached")
        self.assertIn("the disk may be full", p.stderr)
        self.assertIn("etlab-cli resume", p.stderr)
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertGreaterEqual(db.execute("SELECT COUNT(*) FROM metrics").fetchone()[0], kept)
        runs = {r["id"]: r for r in json.loads(run("runs", "--db", self.db, "--json").stdout)}
        self.assertEqual(sorted(r["status"] for r in runs.values()), ["finished", "interrupted"])
        stopped = next(i for i, r in runs.items() if r["status"] == "interrupted")
        self.assertIn(stopped[:8], p.stderr)
        # Resumed on the same full disk, it stops again the same way and says so.
        again = subprocess.run([CLI, "resume", stopped[:8], "--db", self.db], preexec_fn=small_disk, capture_output=True,
                               text=True, timeout=300)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("the disk may be full", again.stderr)
        self.assertIn(f"etlab-cli resume {stopped[:8]}", again.stderr)
        # With room again, the interrupted run carries on from its last checkpoint to the end.
        resumed = lines(run("resume", stopped[:8], "--db", self.db, "--json", "--threads", "2").stdout)
        self.assertEqual(resumed[-1]["status"], "finished")

    def test_two_trainings_and_a_reader_share_one_file(self):
        procs = [subprocess.Popen([CLI, "train", "--config", self.cfg, "--db", self.db, "--set", f"train.seed={s}",
                                   "--set", "train.threads=1", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for s in (1, 2)]
        reads = 0
        while any(p.poll() is None for p in procs):
            if os.path.exists(self.db):
                r = run("runs", "--db", self.db, "--json", check=False)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertNotIn("locked", r.stdout + r.stderr)
                for entry in json.loads(r.stdout):
                    self.assertIn(entry["status"], ("running", "finished"))
                reads += 1
        for p in procs:
            out, err = p.communicate()
            self.assertEqual(p.returncode, 0, err)
            self.assertNotIn("locked", err)
        self.assertGreater(reads, 0)
        with sqlite3.connect(self.db) as db:
            rows = db.execute("SELECT run_id, count(*) FROM metrics WHERE key='train/loss' GROUP BY run_id").fetchall()
        self.assertEqual(sorted(n for _, n in rows), [24, 24])

    def test_store_commands(self):
        rid = lines(run("train", "--config", self.cfg, "--db", self.db, "--set", "train.steps=12", "--json").stdout)[-1]["run_id"]
        short = rid[:8]
        run("tag", short, "baseline", "paper", "--db", self.db)
        run("rename", short, "first", "try", "--db", self.db)
        run("note", short, "lr looked high", "--db", self.db)
        shown = json.loads(run("show", short, "--db", self.db, "--json").stdout)
        self.assertEqual(shown["name"], "first try")
        self.assertEqual(shown["tags"], ["baseline", "paper"])
        self.assertEqual(shown["notes"], "lr looked high")
        self.assertEqual(shown["artefacts"]["metrics"] > 0, True)
        self.assertGreater(shown["artefacts"]["selections"], 0)
        self.assertGreaterEqual(shown["artefacts"]["checkpoints"], 2)  # final weights, resumable state, best weights
        self.assertIn("train/loss", {m["key"] for m in shown["metrics"]})
        self.assertIn("run ", run("show", short, "--db", self.db).stdout)
        self.assertEqual(len(json.loads(run("runs", "--db", self.db, "--tag", "paper", "--json").stdout)), 1)
        self.assertEqual(len(json.loads(run("runs", "--db", self.db, "--where", "attention.block=16", "--json").stdout)), 1)
        self.assertEqual(len(json.loads(run("runs", "--db", self.db, "--where", "attention.block=32", "--json").stdout)), 0)
        self.assertEqual(len(json.loads(run("runs", "--db", self.db, "--where", "attention.kind=learned_sparse",
                                            "--json").stdout)), 1)
        bad = run("runs", "--db", self.db, "--where", "nonsense", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("KEY=VALUE", bad.stderr)
        csv_text = run("export", short, "--db", self.db, "--key", "train/loss").stdout.splitlines()
        self.assertEqual(csv_text[0], "step,key,value,wall_seconds")
        self.assertEqual(len(csv_text), 13)
        # Exchange: export, then merge twice into another database.
        out = os.path.join(self.dir.name, "box", "export.db")
        os.makedirs(os.path.dirname(out))
        rep = json.loads(run("export-runs", "--db", self.db, "--runs", short, "--out", out, "--json").stdout)
        self.assertEqual(rep["copied"], [rid])
        self.assertGreaterEqual(rep["checkpoints"], 2)
        self.assertNotEqual(run("export-runs", "--db", self.db, "--runs", short, "--out", out, check=False).returncode, 0)
        home = os.path.join(self.dir.name, "home.db")
        first = json.loads(run("merge", "--from", out, "--into", home, "--json").stdout)
        second = json.loads(run("merge", "--from", out, "--into", home, "--json").stdout)
        self.assertEqual((first["copied"], second["skipped"], second["copied"]), ([rid], [rid], []))
        merged = json.loads(run("show", short, "--db", home, "--json").stdout)
        self.assertEqual(merged["artefacts"]["metrics"], shown["artefacts"]["metrics"])
        self.assertEqual(merged["tags"], ["baseline", "paper"])
        # The merged copy can still be used: inference reads its checkpoint in the new folder.
        run("infer", "--db", home, "--run", short, "--text", "[MAX 2 9 ]", "--json")
        # Retention, bin, undo.
        dry = json.loads(run("prune", "--db", self.db, "--keep", "last", "--dry-run", "--json").stdout)
        self.assertGreater(dry["bytes"], 0)
        run("delete", short, "--db", self.db)
        self.assertEqual(json.loads(run("runs", "--db", self.db, "--json").stdout), [])
        self.assertEqual(len(json.loads(run("bin", "--db", self.db, "--json").stdout)), 1)
        run("restore", short, "--db", self.db)
        self.assertEqual(len(json.loads(run("runs", "--db", self.db, "--json").stdout)), 1)
        run("delete", short, "--db", self.db)
        emptied = json.loads(run("bin", "--db", self.db, "--empty", "--json").stdout)
        self.assertEqual(emptied["runs"], 1)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, "runs-artifacts", rid)))
        self.assertIn("vacuum", run("vacuum", "--db", self.db).stdout)
        missing = run("show", short, "--db", self.db, check=False)
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("no run", missing.stderr)

    def test_bench_attention_json(self):
        rows = lines(run("bench", "attention", "--seq", "256,512", "--block", "64", "--repeats", "2", "--json",
                         "--db", self.db).stdout)
        # The exact baselines and every sparse kind of the registry (as `keys` lists them).
        keys = json.loads(run("keys", "--json").stdout)
        kinds = next(k["choices"] for k in keys if k["key"] == "attention.kind")
        sparse = [k for k in kinds if k != "dense"]
        self.assertTrue({"learned_sparse", "fixed_sparse"} <= set(sparse))
        methods = ["dense", "dense_blocks", "dense_chunked"] + sparse
        self.assertEqual({(r["method"], r["n"]) for r in rows}, {(m, n) for m in methods for n in [256, 512]})
        for r in rows:
            for key in ["time_ms", "peak_bytes", "ideal_ratio", "kernel", "gflops_per_s", "process_peak_rss_bytes"]:
                self.assertIn(key, r)
            self.assertGreater(r["time_ms"], 0)
            if r["method"] in sparse:
                self.assertAlmostEqual(r["ideal_ratio"], min(1.0, r["k"] * 64 / r["n"]), places=6)
                self.assertAlmostEqual(r["fraction_of_ideal"], r["speedup_vs_dense"] / r["ideal_speedup"], places=6)
                self.assertIn("memory_vs_chunked_dense", r)
            if r["method"] == "dense_blocks":
                self.assertLess(r["relative_error_vs_dense"], 1e-5, "the sparse kernel at k = all is exact")
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM benchmarks").fetchone()[0], 2 * len(methods))
        back = lines(run("bench", "attention", "--seq", "256", "--block", "64", "--repeats", "1", "--mode", "fwdbwd",
                         "--json").stdout)
        self.assertEqual({r["mode"] for r in back}, {"fwdbwd"})
        self.assertEqual(len(back), len(methods))
        text = run("bench", "attention", "--seq", "256,512", "--block", "64", "--repeats", "1").stdout
        self.assertIn("fitted log-log slopes", text)
        self.assertIn("crossover:", text)
        half = lines(run("bench", "attention", "--seq", "128", "--block", "32", "--repeats", "1", "--dtype", "bf16",
                         "--json").stdout)
        self.assertEqual({r["dtype"] for r in half}, {"bf16"})
        sparse = [r for r in half if r["method"] == "learned_sparse"][0]
        self.assertEqual(sparse["kernel"], "block_sparse_gather", "etlab's CPU kernel is fp32 only")
        exact = [r for r in half if r["method"] == "dense_blocks"][0]
        self.assertLess(exact["relative_error_vs_dense"], 0.05, "bf16 against the fp32 reference")
        fused = [r for r in rows if r["method"] == "learned_sparse"][0]
        self.assertTrue(fused["kernel"].startswith("block_sparse_cpu("), fused["kernel"])
        bad = run("bench", "attention", "--seq", "256", "--device", "cuda", check=False)
        if "no CUDA device" in bad.stderr:
            self.assertNotEqual(bad.returncode, 0)

    def test_bench_model_json(self):
        variants = ["dense", "learned_sparse", "lora", "lora_merged"]
        rows = lines(run("bench", "model", "--preset", "smoke-sparse", "--seq", "128", "--batch", "2", "--repeats", "1",
                         "--variants", ",".join(variants), "--json", "--db", self.db).stdout)
        got = {(r["method"], r["mode"]) for r in rows}
        expected = {(v, m) for v in variants for m in ["train_step", "inference"]} - {("lora_merged", "train_step")}
        self.assertEqual(got, expected, "merged LoRA is measured for inference only")
        by = {(r["method"], r["mode"]): r for r in rows}
        for r in rows:
            self.assertEqual(r["n"], 128)
            self.assertGreater(r["time_ms"], 0)
            self.assertGreater(r["peak_bytes"], 0)
            self.assertGreater(r["tokens_per_s"], 0)
            self.assertIn("speedup_vs_dense", r)
        lora, dense = by[("lora", "train_step")], by[("dense", "train_step")]
        self.assertLess(lora["params_trainable"], dense["params_trainable"] / 3, "LoRA trains a small share")
        self.assertEqual(dense["params_trainable"], dense["params_total"])
        self.assertEqual(by[("lora_merged", "inference")]["params_total"], lora["params_total"])
        self.assertLess(lora["state_bytes"], dense["state_bytes"], "no gradients or moments for frozen weights")
        self.assertTrue(by[("learned_sparse", "train_step")]["kernel"].startswith("block_sparse_"))
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM benchmarks WHERE mode IN ('train_step', 'inference')").fetchone()[0], 7)
        bad = run("bench", "model", "--preset", "smoke-sparse", "--variants", "dense,turbo", "--seq", "64", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("unknown variant 'turbo'", bad.stderr)
        missing = run("bench", "model", "--preset", "no-such-preset", check=False)
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("unknown preset 'no-such-preset'", missing.stderr)

if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    run = Cli(CLI)
    unittest.main(verbosity=2)
