# SPDX-License-Identifier: MIT
"""What the end-to-end scripts share: the tiny training configuration and a runner for etlab-cli.

The scripts import it from their own folder (Python puts a script's folder first on sys.path).
"""
import copy
import json
import subprocess

# A run that trains in seconds on real data (ListOps, 64 tokens, one layer) with learned sparse attention.
TINY = {
    "task": {"dataset": "listops", "max_len": 64, "min_len": 16, "train_size": 200, "val_size": 40, "test_size": 40},
    "model": {"layers": 1, "d_model": 32, "heads": 2, "ffn": 64, "dropout": 0.1},
    "attention": {"kind": "learned_sparse", "block": 16, "topk": 2},
    "train": {"steps": 24, "batch": 8, "warmup": 2, "eval_every": 10, "log_every": 2, "seed": 3, "threads": 2},
    "probe": {"examples": 1, "prob_steps": 1},
}


def tiny(**sections):
    """TINY with some keys of its sections replaced: tiny(train={"steps": 120}, probe={"prob_steps": 2})."""
    cfg = copy.deepcopy(TINY)
    for section, values in sections.items():
        cfg[section].update(values)
    return cfg


class Cli:
    """Runs one etlab-cli binary; `check` raises with its stderr when it exits non-zero."""

    def __init__(self, path, timeout=300):
        self.path, self.timeout = path, timeout

    def __call__(self, *args, check=True, **kw):
        kw.setdefault("timeout", self.timeout)
        p = subprocess.run([self.path, *args], capture_output=True, text=True, **kw)
        if check and p.returncode != 0:
            raise AssertionError(f"{args} exited {p.returncode}: {p.stderr}{p.stdout}")
        return p

    def runs(self, db):
        """The database's runs as `etlab-cli runs --json` lists them."""
        return json.loads(self("runs", "--db", db, "--json").stdout)


def json_lines(stdout):
    """The JSON objects a --json command printed: every non-empty line must be one."""
    return [json.loads(l) for l in stdout.splitlines() if l.strip()]
