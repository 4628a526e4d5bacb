// SPDX-License-Identifier: MIT
// Training curves and the comparison table.
#include <QChart>
#include <QLegend>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"
#include "views/curves/CurvesView.h"

using namespace etlab;

namespace {

// Three runs: seeds 1 and 2 of one configuration, and a sparse variant.
QStringList makeRuns(const QString& db) {
  RunStore store(db.toStdString());
  QStringList ids;
  const char* kinds[] = {"dense", "dense", "learned_sparse"};
  for (int i = 0; i < 3; ++i) {
    RunRecord r;
    r.preset = "p";
    r.method = kinds[i];
    r.seed = i;
    r.config_json = nlohmann::json{{"attention", {{"kind", kinds[i]}, {"block", 32}}}, {"train", {{"seed", i + 1}, {"steps", 200}}}}.dump();
    const auto id = store.create_run(r, true);
    LogBatch b;
    for (int step = 1; step <= 200; ++step) {
      const double wall = 0.5 * step * (i + 1);
      b.metrics.push_back({step, "train/loss", 2.0 * std::exp(-step / 50.0) + 0.1 * (i + 1) + 0.05 * std::sin(step), wall});
      if (step % 10 == 0) b.metrics.push_back({step, "train/tokens_per_s", 1000.0 * (i + 1), wall});
    }
    b.evals.push_back({100, "val", "accuracy", 0.5 + 0.1 * i});
    b.evals.push_back({200, "val", "accuracy", 0.6 + 0.1 * i});
    b.step = 200;
    store.write_batch(id, b);
    store.finish_run(id, RunStatus::Finished, "",
                     RunTotals{nlohmann::json{{"test/accuracy", 0.6 + 0.1 * i}}.dump(), 100.0 * (i + 1), 1000.0, 1 << 20, 200});
    ids << QString::fromStdString(id);
  }
  return ids;
}

}  // namespace

class TestCurves : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void smoothingIsDebiasedExponentialAverage() {
    const std::vector<double> v = {1, 3, 5, 7};
    QCOMPARE(smoothSeries(v, 0.0), v);
    const auto s = smoothSeries({4, 4, 4}, 0.9);
    for (double x : s) QVERIFY(std::abs(x - 4.0) < 1e-12);  // debiasing: no ramp from zero
    const auto t = smoothSeries(v, 0.5);
    QCOMPARE(t[0], 1.0);
    QVERIFY(std::abs(t[1] - (0.5 * 0.5 * 1 + 0.5 * 3) / 0.75) < 1e-12);
  }

  void overlaysRunsAndComparesThem() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("curves.db"));
    const QStringList ids = makeRuns(db);
    CurvesView view;
    view.resize(1000, 760);
    view.show();
    QSignalSpy loaded(&view, &CurvesView::loaded);
    view.setRuns(db, ids);
    QVERIFY(loaded.wait(20000));
    QVERIFY(loaded.at(0).at(0).toBool());
    QVERIFY(view.data().keys.contains(QStringLiteral("val/accuracy")));
    view.setMetric(QStringLiteral("train/loss"));
    view.setSmoothing(0.0);
    QCOMPARE(view.chart()->series().size(), 3);  // one per run, no smoothing
    auto* first = qobject_cast<QLineSeries*>(view.chart()->series().at(0));
    QCOMPARE(first->count(), 200);
    view.setSmoothing(0.8);
    QCOMPARE(view.chart()->series().size(), 6);  // raw (faint) + smoothed per run
    // x by wall time: run 3 logged 1.5 s per step.
    view.setXAxis(CurvesView::XAxis::Time);
    auto* third = qobject_cast<QLineSeries*>(view.chart()->series().at(4));
    QVERIFY(std::abs(third->at(third->count() - 1).x() - 300.0) < 1e-9);
    // x by tokens: 3,000 tokens/s over 300 s.
    view.setXAxis(CurvesView::XAxis::Tokens);
    third = qobject_cast<QLineSeries*>(view.chart()->series().at(4));
    QVERIFY2(std::abs(third->at(third->count() - 1).x() - 900000.0) < 1e-6, qPrintable(QString::number(third->at(third->count() - 1).x())));
    view.setXAxis(CurvesView::XAxis::Step);

    // Comparison table: with "only differences", equal configuration rows are hidden.
    auto rowOf = [&](const QString& label) {
      for (int r = 0; r < view.table()->rowCount(); ++r)
        if (view.table()->verticalHeaderItem(r)->text() == label) return r;
      return -1;
    };
    view.setOnlyDifferences(true);
    QVERIFY(rowOf(QStringLiteral("config: attention.kind")) >= 0);
    QVERIFY(rowOf(QStringLiteral("config: train.seed")) >= 0);
    QCOMPARE(rowOf(QStringLiteral("config: attention.block")), -1);
    view.setOnlyDifferences(false);
    QVERIFY(rowOf(QStringLiteral("config: attention.block")) >= 0);
    const int seeds = rowOf(QStringLiteral("test/accuracy over seeds"));
    QVERIFY(seeds >= 0);
    QString cell;
    for (int c = 0; c < 3; ++c)
      if (view.table()->item(seeds, c) && view.table()->item(seeds, c)->text() != QStringLiteral("–"))
        cell = view.table()->item(seeds, c)->text();
    QVERIFY2(cell.startsWith(QStringLiteral("0.6500 ± 0.0707 (n=2)")), qPrintable(cell));
    const QString shots = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
    view.setSmoothing(0.6);
    QTest::qWait(200);  // the chart lays itself out on the event loop
    QVERIFY(!view.chart()->axes(Qt::Horizontal).isEmpty());
    QVERIFY(view.chart()->legend()->isVisible());
    if (!shots.isEmpty()) view.grab().save(shots + QStringLiteral("/curves.png"));

    // Exports.
    QString error;
    for (const char* name : {"c.png", "c.svg", "c.pdf", "c.csv"})
      QVERIFY2(view.exportTo(dir.filePath(QString::fromLatin1(name)), 150, &error), qPrintable(error));
    QVERIFY(!QImage(dir.filePath(QStringLiteral("c.png"))).isNull());
    QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("c.svg"))).isValid());
    QFile pdf(dir.filePath(QStringLiteral("c.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.readAll().startsWith("%PDF-"));
    QFile csv(dir.filePath(QStringLiteral("c.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    csv.readLine();
    const auto cells = QString::fromUtf8(csv.readLine()).trimmed().split(QLatin1Char(','));
    QCOMPARE(cells.value(1), QStringLiteral("1"));
    RunStore store(db.toStdString(), true);
    QCOMPARE(cells.value(2).toDouble(), store.metrics(cells.value(0).toStdString(), "train/loss").at(0).value);
  }
};

QTEST_MAIN(TestCurves)
#include "tst_curves.moc"
