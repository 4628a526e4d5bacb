// SPDX-License-Identifier: MIT
// What the GUI suites that start real etlab-cli jobs share: a tiny training configuration and a wait.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

namespace etlab::test {

// A tiny ListOps model: a few seconds per 100 steps on one core.
inline QString writeTinyConfig(const QTemporaryDir& dir) {
  const QString path = dir.filePath(QStringLiteral("tiny.json"));
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(R"({"task": {"dataset": "listops", "max_len": 64, "min_len": 16, "train_size": 200, "val_size": 40, "test_size": 40},
             "model": {"layers": 1, "d_model": 32, "heads": 2, "ffn": 64},
             "attention": {"kind": "learned_sparse", "block": 16, "topk": 2},
             "train": {"steps": 30, "batch": 8, "warmup": 2, "eval_every": 10, "log_every": 5, "threads": 1},
             "probe": {"examples": 1, "prob_steps": 1}})");
  return path;
}

// Spins the event loop until `done` holds or `msecs` pass; returns whether it holds.
inline bool waitFor(const std::function<bool()>& done, int msecs) {
  QElapsedTimer t;
  t.start();
  while (!done() && t.elapsed() < msecs) QTest::qWait(50);
  return done();
}

}  // namespace etlab::test
