#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The bad-input corpus (tests/fixtures/bad_inputs/corpus.json) through the real etlab-cli.

Every case must exit non-zero with a message that names its field and says what is wrong, and must
leave the database exactly as it was: same runs, same metric rows, same bytes on disk, no new files
beside it. The GUI half of the corpus runs in tst_jobs (newRunDialogNamesEveryBadInputOfTheCorpus).

Usage: test_bad_inputs.py PATH/TO/etlab-cli   (ctest runs it; standard library only)
"""
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import unittest

from etlab_e2e import Cli

RUN = None  # Cli(etlab-cli), set in main
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "fixtures"))
CORPUS = os.path.join(FIXTURES, "bad_inputs", "corpus.json")


def fill(value, subs):
    if isinstance(value, str):
        for k, v in subs.items():
            value = value.replace("{" + k + "}", v)
        return value
    if isinstance(value, list):
        return [fill(v, subs) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, subs) for k, v in value.items()}
    return value


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class BadInputCorpus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.tmp = cls.dir.name
        cls.db = os.path.join(cls.tmp, "runs.db")
        with open(os.path.join(cls.tmp, "notes.txt"), "w") as f:
            f.write("a user's notes, not a database\n")
        os.mkdir(os.path.join(cls.tmp, "empty-cache"))
        cls.configs_dir = tempfile.TemporaryDirectory()
        cls.configs = cls.configs_dir.name
        # One real run, so that "nothing written" is checked against a database that has content.
        RUN("train", "--preset", "smoke-dense", "--db", cls.db, "--set", "train.steps=2", "--set", "train.warmup=1",
            "--set", "train.eval_every=2", "--set", "probe.examples=1", "--threads", "1")
        with open(CORPUS) as f:
            cls.cases = json.load(f)["cases"]

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()
        cls.configs_dir.cleanup()

    def snapshot(self):
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            runs = con.execute("SELECT id, status FROM runs ORDER BY id").fetchall()
            metrics = con.execute("SELECT COUNT(*) FROM metrics").fetchone()[0]
        finally:
            con.close()
        files = sorted(os.path.relpath(os.path.join(d, f), self.tmp)
                       for d, _, fs in os.walk(self.tmp) for f in fs if not f.endswith(("-wal", "-shm")))
        return runs, metrics, sha256(self.db), files, sha256(os.path.join(self.tmp, "notes.txt"))

    def command(self, case, subs):
        if "argv" in case:
            return fill(case["argv"], subs), False
        preset = case.get("preset", "smoke-dense")
        args = ["train", "--db", self.db, "--json", "--threads", "1"]
        if "set" in case:
            args[1:1] = ["--preset", preset]
            for s in fill(case["set"], subs):
                args += ["--set", s]
        else:
            path = os.path.join(self.configs, case["id"] + ".json")
            with open(path, "w") as f:
                f.write(case["config_text"] if "config_text" in case else json.dumps(case["config"]))
            args[1:1] = ["--config", path]
        return args, True

    def test_corpus_is_large_enough(self):
        self.assertGreaterEqual(len(self.cases), 40)
        self.assertEqual(len({c["id"] for c in self.cases}), len(self.cases), "case ids are unique")

    def test_every_case_is_refused_by_name_and_writes_nothing(self):
        subs = {"fixtures": FIXTURES, "tmp": self.tmp, "db": self.db}
        before = self.snapshot()
        failures = []
        for case in self.cases:
            args, structured = self.command(case, subs)
            env = dict(os.environ)
            env.update(fill(case.get("env", {}), subs))
            p = RUN(*args, check=False, timeout=120, env=env)
            said = p.stderr + p.stdout
            problem = None
            if p.returncode == 0:
                problem = "exited 0"
            elif "Segmentation" in said or p.returncode < 0:
                problem = f"crashed ({p.returncode})"
            elif structured and case["field"]:
                last = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {}
                issues = last.get("issues", [])
                if not any(i["field"] == case["field"] and case["words"] in i["message"] for i in issues):
                    problem = f"no issue on {case['field']} saying {case['words']!r}: {said.strip()[:400]}"
            elif case["field"] not in said or case["words"] not in said:
                problem = f"message lacks {case['field']!r} or {case['words']!r}: {said.strip()[:400]}"
            after = self.snapshot()
            if after != before:
                problem = (problem or "") + f" | the database or its folder changed: {before} -> {after}"
                before = after
            if problem:
                failures.append(f"{case['id']}: {problem}")
        self.assertEqual(failures, [], "\n".join(failures))
        print(f"{len(self.cases)} bad inputs refused by name, database unchanged", file=sys.stderr)


class HostileInputs(unittest.TestCase):
    """A database or configuration from someone else: no command runs, nothing outside the chosen
    folders is read or written, text meant as SQL stays text."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.tmp = self.dir.name
        self.sentinel = os.path.join(self.tmp, "outside", "precious.txt")
        os.makedirs(os.path.dirname(self.sentinel))
        with open(self.sentinel, "w") as f:
            f.write("the user's file\n")
        self.db = os.path.join(self.tmp, "shared", "theirs.db")
        p = RUN("train", "--preset", "smoke-dense", "--db", self.db, "--json", "--threads", "1", "--set", "train.steps=2",
                "--set", "train.warmup=1", "--set", "train.eval_every=2",
                "--set", "name=$(touch " + self.tmp + "/pwned); `touch " + self.tmp + "/pwned2`")
        self.run_id = json.loads(p.stdout.strip().splitlines()[-1])["run_id"]

    def tearDown(self):
        self.dir.cleanup()

    def cli(self, *args):
        return RUN(*args, check=False)

    def test_text_is_never_a_command_or_sql(self):
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "pwned")), "a run name was run as a command")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "pwned2")))
        evil = "x'); DROP TABLE runs; --"
        for args in (["rename", self.run_id[:8], evil], ["tag", self.run_id[:8], evil], ["note", self.run_id[:8], evil]):
            self.assertEqual(self.cli(*args, "--db", self.db).returncode, 0)
        shown = json.loads(self.cli("show", self.run_id[:8], "--db", self.db, "--json").stdout)
        self.assertEqual((shown["name"], shown["tags"], shown["notes"]), (evil, [evil], evil))
        p = self.cli("runs", "--db", self.db, "--where", "task.dataset') OR 1=1 --=x")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("may hold only letters", p.stderr)
        self.assertEqual(len(json.loads(self.cli("runs", "--db", self.db, "--search", evil, "--json").stdout)), 1)

    def test_paths_inside_a_shared_database_stay_under_its_folder(self):
        outside = os.path.relpath(self.sentinel, os.path.join(self.tmp, "shared"))  # ../outside/precious.txt
        con = sqlite3.connect(self.db)
        con.execute("UPDATE checkpoints SET path = ? WHERE run_id = ?", (outside, self.run_id))
        con.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (self.run_id,))
        con.commit()
        con.close()
        before = sha256(self.sentinel)
        for args, status in ((["resume", self.run_id[:8]], "interrupted"),
                             (["infer", "--run", self.run_id[:8], "--text", "[MAX 1 2]"], "finished")):
            con = sqlite3.connect(self.db)
            con.execute("UPDATE runs SET status = ? WHERE id = ?", (status, self.run_id))
            con.commit()
            con.close()
            p = self.cli(*args, "--db", self.db)
            self.assertNotEqual(p.returncode, 0, args)
            self.assertIn("inside the database", p.stderr, args)
        for args in (["delete", self.run_id[:8]], ["bin", "--empty"], ["prune", "--keep", "none"], ["vacuum"]):
            self.cli(*args, "--db", self.db)
        self.assertTrue(os.path.exists(self.sentinel), "a path in the database reached outside its folder")
        self.assertEqual(sha256(self.sentinel), before)
        # Merged into the user's own database, the same rows bring no file from outside either.
        home = os.path.join(self.tmp, "mine", "etlab.db")
        rep = json.loads(self.cli("merge", "--from", self.db, "--into", home, "--json").stdout or "{}")
        self.assertEqual(rep.get("checkpoints", 0), 0, rep)
        for d, _, fs in os.walk(os.path.dirname(home)):
            for f in fs:
                with open(os.path.join(d, f), "rb") as fh:
                    self.assertNotIn(b"the user's file", fh.read(), f"{f} holds the outside file")


if __name__ == "__main__":
    RUN = Cli(sys.argv.pop(1))
    unittest.main(verbosity=2)
