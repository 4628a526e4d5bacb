# SPDX-License-Identifier: MIT
"""Data-parallel scaling on this machine, measured side by side in one sitting (not part of CI).

Trains the same job (same global batch, steps and data) three ways and prints training tokens/s and
wall time of each, with ratios against the single process:
  1 process,  T threads, batch 2b
  1 process,  T/2 threads, batch 2b   (what one rank gets)
  2 processes (etlab-cli launch), T/2 threads each, batch b each
Each arm runs `--repeats` times, interleaved; the median is reported. The data set is cut to 4,000
training and 64 evaluation examples so that set-up and evaluation stay small beside training.

usage: bench_distributed.py ETLAB_CLI [--preset listops-dense] [--steps 60] [--batch 8] [--threads 2]
                                      [--repeats 3] [--out results.json]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}{p.stdout[-2000:]}")
    result = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")][-1]
    assert result.get("event") == "result" and result["status"] == "finished", result
    return result["metrics"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--preset", default="listops-dense")
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--batch", type=int, default=8, help="per rank (the single process trains twice this)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out")
    a = ap.parse_args()
    half = max(1, a.threads // 2)
    tmp = tempfile.mkdtemp(prefix="etlab-bench-dist-")
    common = ["--preset", a.preset, "--json", "--set", f"train.steps={a.steps}", "--set", f"train.eval_every={a.steps}",
              "--set", f"train.warmup={a.steps // 10}", "--set", "task.train_size=4000", "--set", "task.val_size=64",
              "--set", "task.test_size=64",
              "--set", "train.eval_batches=1", "--set", "probe.examples=0", "--set", "probe.spectra=false"]
    arms = {
        f"1 process x {a.threads} threads, batch {2 * a.batch}":
            lambda db: [a.cli, "train", *common, "--set", f"train.batch={2 * a.batch}", "--threads", str(a.threads), "--db", db],
        f"1 process x {half} threads, batch {2 * a.batch}":
            lambda db: [a.cli, "train", *common, "--set", f"train.batch={2 * a.batch}", "--threads", str(half), "--db", db],
        f"2 processes x {half} threads, batch {a.batch} each (Gloo)":
            lambda db: [a.cli, "launch", "--nproc", "2", "--", "train", *common, "--set", f"train.batch={a.batch}",
                        "--threads", str(half), "--db", db],
    }
    measured = {name: [] for name in arms}
    for rep in range(a.repeats):
        for name, cmd in arms.items():
            m = run(cmd(os.path.join(tmp, f"r{rep}-{len(measured[name])}-{abs(hash(name))}.db")))
            measured[name].append({"tokens_per_second": m["tokens_per_second"], "wall_seconds": m["wall_seconds"]})
            print(f"  {name}: {m['tokens_per_second']:.0f} tokens/s, {m['wall_seconds']:.1f} s", file=sys.stderr)
    base = statistics.median(x["tokens_per_second"] for x in measured[next(iter(arms))])
    rows = []
    for name, xs in measured.items():
        tps = statistics.median(x["tokens_per_second"] for x in xs)
        wall = statistics.median(x["wall_seconds"] for x in xs)
        rows.append({"arm": name, "tokens_per_second": tps, "wall_seconds": wall, "vs_first": tps / base, "repeats": len(xs)})
    print(f"| arm ({a.preset}, {a.steps} steps, global batch {2 * a.batch}) | tokens/s | wall s | vs first |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['arm']} | {r['tokens_per_second']:.0f} | {r['wall_seconds']:.1f} | {r['vs_first']:.2f}× |")
    if a.out:
        with open(a.out, "w") as f:
            json.dump({"preset": a.preset, "steps": a.steps, "batch_per_rank": a.batch, "threads": a.threads, "rows": rows}, f,
                      indent=2)


if __name__ == "__main__":
    main()
