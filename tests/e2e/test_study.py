#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# `etlab-cli study review --budget smoke` end to end (label slow): every claim gets a row with a verdict
# by the written rules, Markdown and JSON are written, a second run reuses every run, and an existing
# report is never overwritten.
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

CLI = None
GUI = None  # the app, for `etlab report --review` (optional second argument)
IDS = ["sparse.accuracy_kept", "sparse.beats_fixed", "sparse.training_speed", "sparse.inference_speed", "sparse.memory",
       "sparse.complexity", "sparse.long_context", "sparse.global_context", "lora.trainable_params", "lora.memory",
       "lora.speed", "lora.parity", "lora.distribution_shift", "lora.rank"]
VERDICTS = ["supported", "refuted", "inconclusive", "invalid reference", "not measured"]


def run(*args, check=True):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=900)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}{p.stdout[-2000:]}")
    return p


class StudyTest(unittest.TestCase):
    def test_smoke_review(self):
        with tempfile.TemporaryDirectory() as d:
            db, out = os.path.join(d, "s.db"), os.path.join(d, "out")
            run("study", "review", "--budget", "smoke", "--db", db, "--out", out)
            report = json.load(open(os.path.join(out, "review.json")))
            self.assertEqual([c["id"] for c in report["claims"]], IDS)
            self.assertEqual(report["budget"], "smoke")
            self.assertEqual(report["runs_reused"], 0)
            self.assertEqual(report["runs_trained"], 17,
                             "spam at 2 lengths (dense, learned) + fixed; retrieval x 3 arms; a base; "
                             "3 tasks x (full, LoRA r=8) and r=1, 64 on the first")
            for c in report["claims"]:
                base = c["verdict"].replace(" (smoke)", "")
                self.assertIn(base, VERDICTS[:-1], c)  # every claim is measured, even at smoke
                self.assertTrue(c["verdict"].endswith("(smoke)"), c)
                self.assertTrue(c["measured"], c)
                self.assertNotEqual(c["rule"], "—", c)
            params = next(c for c in report["claims"] if c["id"] == "lora.trainable_params")
            self.assertLess(params["values"]["lora_trainable"], params["values"]["full_trainable"] / 10)
            cx = next(c for c in report["claims"] if c["id"] == "sparse.complexity")
            # The exponent itself is a timing on a shared, noisy machine (at smoke's short lengths it read
            # -0.33 once in CI): the test checks that it was fitted from a measured time at every length;
            # its size is the standard budget's finding (docs/STUDY.md), not a test's.
            self.assertTrue(math.isfinite(cx["values"]["exponent"]), cx)
            self.assertEqual(len(cx["values"]["learned_ms"]), len(cx["values"]["n"]), cx)
            self.assertGreaterEqual(len(cx["values"]["n"]), 2, cx)
            self.assertTrue(all(t > 0 for t in cx["values"]["learned_ms"]), cx)
            self.assertLess(cx["values"]["exponent"], cx["values"]["dense_exponent"])
            # Accuracy against n has a point per length of the sweep, the rank sweep one per rank.
            lc = next(c for c in report["claims"] if c["id"] == "sparse.long_context")
            self.assertEqual(lc["values"]["curve"]["n"], [256, 2560])
            rank = next(c for c in report["claims"] if c["id"] == "lora.rank")
            self.assertEqual(list(rank["values"]["curves"].values())[0]["r"], [1, 8, 64])
            parity = next(c for c in report["claims"] if c["id"] == "lora.parity")
            self.assertEqual(len(parity["values"]["tasks"]), 3)
            md = open(os.path.join(out, "review.md")).read()
            self.assertIn("Verdict rules (fixed before any run)", md)
            self.assertIn("| LoRA: 90% fewer trainable parameters |", md)
            # Every run id cited exists in the database.
            listed = json.loads(run("runs", "--db", db, "--json").stdout)
            ids = {r["id"] for r in listed}
            for c in report["claims"]:
                for rid in c["runs"]:
                    self.assertIn(rid, ids)
            # An existing report is not overwritten.
            again = run("study", "review", "--budget", "smoke", "--db", db, "--out", out, check=False)
            self.assertEqual(again.returncode, 2)
            self.assertIn("already exists", again.stderr)
            # A second report reuses every run (same configuration and seed); with the research-gap studies
            # it trains only their own runs (see below).
            out2 = os.path.join(d, "out2")
            run("study", "review", "--budget", "smoke", "--db", db, "--out", out2, "--gaps", "all")
            second = json.load(open(os.path.join(out2, "review.json")))
            # 4 combined arms, 4 router-transfer arms (its source is a combined arm), LoRA at the spectrum's
            # rank unless the sweep has it, the encoder-decoder's 3 arms and the ViT's 6
            self.assertIn(second["runs_trained"], (17, 18))
            self.assertGreaterEqual(second["runs_reused"], 17)
            self.assertEqual([g["id"] for g in second["gaps"]], ["combined", "seq2seq", "long_context", "hardware",
                                                               "rank_from_spectrum", "router_transfer", "vision",
                                                               "failure_predictor"])
            for g in second["gaps"]:
                self.assertTrue(g["conclusion"] and g["question"] and g["rule"], g)
                self.assertTrue(g["rows"] and all(len(r) == len(g["columns"]) for r in g["rows"]), g)
                self.assertTrue(g["chart"]["series"], g)
                for s in g["chart"]["series"]:
                    self.assertTrue(s["y"], s)
                for rid in g["runs"]:
                    self.assertIn(rid, {r["id"] for r in json.loads(run("runs", "--db", db, "--json").stdout)})
            combined = second["gaps"][0]
            self.assertEqual(len(combined["runs"]), 4)
            self.assertIn("multiplicative", combined["conclusion"])
            seq2seq = second["gaps"][1]
            self.assertEqual(len(seq2seq["runs"]), 3)
            self.assertIn("target tokens right", seq2seq["conclusion"] + " ".join(seq2seq["columns"]))
            vision = second["gaps"][6]
            self.assertEqual(len(vision["runs"]), 6)
            self.assertEqual(len(vision["rows"]), 6)
            self.assertIn("Fashion-MNIST", vision["conclusion"])
            self.assertIn("## Research gaps", open(os.path.join(out2, "review.md")).read())
            bad = run("study", "review", "--budget", "smoke", "--db", db, "--out", os.path.join(d, "x"), "--gaps", "nope",
                      check=False)
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("nope", bad.stderr + bad.stdout)
            self.assertFalse(os.path.exists(os.path.join(d, "x")))
            if GUI:
                # The HTML report: every claim and gap chart embedded, nothing fetched from elsewhere.
                html_dir = os.path.join(d, "html")
                p = subprocess.run([GUI, "report", "--review", os.path.join(out2, "review.json"), "--out", html_dir],
                                   capture_output=True, text=True, timeout=300,
                                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
                self.assertEqual(p.returncode, 0, p.stderr)
                html = open(os.path.join(html_dir, "index.html"), encoding="utf-8").read()
                self.assertEqual(html.count("data:image/png;base64,"), 12)
                self.assertIn("Research gaps", html)


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        gui = sys.argv.pop(1)  # empty when the GUI is not built
        GUI = os.path.abspath(gui) if gui else None
    unittest.main(verbosity=2)
