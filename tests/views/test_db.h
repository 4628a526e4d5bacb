// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTemporaryDir>

#include "core/store/run_store.h"

namespace etlab::test {

/// Writes a database with `count` runs of mixed status and accuracy into `dir`; returns its path.
inline QString makeDatabase(const QTemporaryDir& dir, int count) {
  const QString path = dir.filePath(QStringLiteral("runs.db"));
  RunStore store(path.toStdString());
  const char* methods[] = {"dense", "learned_sparse", "fixed_sparse:bigbird", "dense+lora"};
  for (int i = 0; i < count; ++i) {
    RunRecord r;
    r.preset = i % 2 ? "listops-sparse" : "listops-dense";
    r.method = methods[i % 4];
    r.task = "listops";
    r.created = "2026-11-2" + std::to_string(i % 10) + "T10:00:00.000Z";
    const auto id = store.create_run(r);
    if (i % 3 == 0) {
      store.set_status(id, RunStatus::Failed, "loss became NaN at step 12");
    } else {
      RunTotals t;
      t.summary_json = "{\"test/accuracy\": " + std::to_string(0.2 + 0.01 * i) + "}";
      t.step = 100 + i;
      t.wall_seconds = 10.0 * i;
      store.finish_run(id, RunStatus::Finished, "", t);
    }
  }
  return path;
}

}  // namespace etlab::test
