// SPDX-License-Identifier: MIT
// The Details view: a data-parallel run shows a panel per rank and the job's facts; a run of one
// process shows none.
#include <QDir>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "core/store/run_store.h"
#include "views/runs/RunDetails.h"

using etlab::RunDetails;
using etlab::RunRecord;
using etlab::RunStore;

class TestRunDetails : public QObject {
  Q_OBJECT

 private:
  // A finished run of two ranks as rank 0 records it: the job's facts in the environment, every rank's
  // throughput and memory as "rankN/..." metrics.
  static std::string distributedRun(RunStore& store) {
    RunRecord r;
    r.name = "two ranks";
    r.method = "dense";
    r.task = "listops";
    r.environment_json = R"({"distributed": {"world_size": 2, "backend": "gloo", "per_rank_batch": 4, "accum": 1,
      "effective_batch": 8, "lr": 0.001, "lr_scaling": "none", "bucket_mb": 25, "launcher": "etlab-cli launch"}})";
    const auto id = store.create_run(r, true);
    etlab::LogBatch b;
    for (int step = 1; step <= 4; ++step) {
      b.metrics.push_back({step, "train/loss", 2.0 / step, 0.1 * step});
      b.metrics.push_back({step, "rank0/tokens_per_s", 1000.0 + step, 0.1 * step});
      b.metrics.push_back({step, "rank1/tokens_per_s", 3000.0 - step, 0.1 * step});
      b.metrics.push_back({step, "rank0/peak_bytes", 2.0 * 1048576, 0.1 * step});
      b.metrics.push_back({step, "rank1/peak_bytes", 3.0 * 1048576, 0.1 * step});
      b.metrics.push_back({step, "rank0/peak_rss_bytes", 100.0 * 1048576, 0.1 * step});
      b.metrics.push_back({step, "rank1/peak_rss_bytes", 120.0 * 1048576, 0.1 * step});
    }
    b.step = 4;
    store.write_batch(id, b);
    etlab::RunTotals t;
    t.step = 4;
    t.summary_json = R"({"world_size": 2, "effective_batch": 8, "ranks_identical_checks": 4})";
    store.finish_run(id, etlab::RunStatus::Finished, "", t);
    return id;
  }

 private Q_SLOTS:
  void aDistributedRunHasAPanelPerRank() {
    QTemporaryDir dir;
    RunStore store(dir.filePath(QStringLiteral("d.db")).toStdString());
    const auto id = distributedRun(store);
    const QString h = RunDetails::html(store, *store.find_run(id));
    QVERIFY2(h.contains(QStringLiteral("Data-parallel job: 2 ranks")), qPrintable(h));
    QVERIFY(h.contains(QStringLiteral("Effective batch 8 (4 a rank × 1 accumulated × 2 ranks)")));
    QVERIFY(h.contains(QStringLiteral("started by etlab-cli launch")));
    QVERIFY(h.contains(QStringLiteral("identical on every rank, bit for bit, at all 4 comparisons")));
    // One row per rank with its last throughput, its share of the job's, and its peaks.
    QVERIFY2(h.contains(QStringLiteral("<td>0</td><td align=right>1004</td><td align=right>25%</td><td align=right>1004</td>"
                                       "<td align=right>2.0</td><td align=right>100.0</td>")),
             qPrintable(h));
    QVERIFY(h.contains(QStringLiteral("<td>1</td><td align=right>2996</td><td align=right>75%</td><td align=right>2999</td>"
                                      "<td align=right>3.0</td><td align=right>120.0</td>")));
    // The ranks' series are in the panel, not repeated among the run's metrics.
    QVERIFY(h.contains(QStringLiteral("<td>train/loss</td>")));
    QVERIFY(!h.contains(QStringLiteral("<td>rank0/tokens_per_s</td>")));

    const QString shots = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
      QDir().mkpath(shots);
      QTextBrowser view;
      view.resize(900, 560);
      view.setHtml(h);
      view.show();
      QTest::qWait(100);
      view.grab().save(shots + QStringLiteral("/details-distributed.png"));
    }
  }

  void aRunOfOneProcessHasNoRankPanel() {
    QTemporaryDir dir;
    RunStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    RunRecord r;
    r.method = "dense";
    const auto id = store.create_run(r, true);
    etlab::LogBatch b;
    b.step = 1;
    b.metrics.push_back({1, "train/loss", 1.5, 0.1});
    store.write_batch(id, b);
    store.finish_run(id, etlab::RunStatus::Finished, "", etlab::RunTotals{});
    const QString h = RunDetails::html(store, *store.find_run(id));
    QVERIFY(h.contains(QStringLiteral("<td>train/loss</td>")));
    QVERIFY(!h.contains(QStringLiteral("Data-parallel")));
  }
};

QTEST_MAIN(TestRunDetails)
#include "tst_rundetails.moc"
