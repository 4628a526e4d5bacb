// SPDX-License-Identifier: MIT
// The speed–memory trade-off view: slope, Pareto and crossover math, a database of runs and
// benchmarks shown as a scatter and as sequence-length curves, click-through, exports, empty states.
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <functional>
#include <map>

#include "core/store/run_store.h"
#include "views/tradeoff/TradeoffView.h"

using namespace etlab;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

void saveScreenshot(QWidget& w, const QString& name) {
  const QString dir = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w.grab().save(dir + QStringLiteral("/") + name);
}

// Exported files are kept next to the screenshots, for people to look at.
void keepExport(const QString& path, const QString& name) {
  const QString dir = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  QFile::remove(dir + QStringLiteral("/") + name);
  QFile::copy(path, dir + QStringLiteral("/") + name);
}

// The benchmark laws: dense attention is quadratic, the sparse kernels n·log n.
double denseMs(double n) { return 1e-6 * n * n; }
double sparseMs(double n) { return 2e-4 * n * std::log2(n); }
double fixedMs(double n) { return 1.5e-4 * n * std::log2(n); }
double denseBytes(double n) { return 16.0 * n * n; }
double sparseBytes(double n) { return 2048.0 * n * std::log2(n); }
constexpr double kFwdBwdDense = 3.0, kFwdBwdSparse = 4.0;  // backward costs sparse relatively more

struct RunSpec {
  const char* method;
  const char* task;
  double wall, tps;
  double peakMiB;
  double accuracy;  // < 0: not recorded
  const char* created;
};

// Two tasks; on listops the front is dense+lora (fastest), learned_sparse A and B (least memory);
// dense and bigbird are dominated. "retrieval" has no dense run (no speed-up), one run has no memory.
const RunSpec kRuns[] = {
    {"dense", "listops", 600, 2000, 1800, 0.62, "2026-01-01T10:00:00.000Z"},
    {"learned_sparse", "listops", 320, 3750, 700, 0.61, "2026-01-02T10:00:00.000Z"},
    {"learned_sparse", "listops", 500, 2400, 500, 0.634, "2026-01-03T10:00:00.000Z"},
    {"fixed_sparse:bigbird", "listops", 350, 3430, 900, 0.55, "2026-01-04T10:00:00.000Z"},
    {"dense+lora", "listops", 250, 4800, 1200, 0.60, "2026-01-05T10:00:00.000Z"},
    {"dense", "text", 900, 5000, 300, 0.81, "2026-01-06T10:00:00.000Z"},
    {"learned_sparse", "text", 800, 5600, 260, -1, "2026-01-07T10:00:00.000Z"},
    {"learned_sparse", "retrieval", 700, 1500, 400, 0.7, "2026-01-08T10:00:00.000Z"},
    {"dense", "text", 950, 4100, 0, 0.8, "2026-01-09T10:00:00.000Z"},  // no peak memory recorded
};
constexpr int kPlottable = 8;  // all but the last

struct Db {
  QString path;
  std::map<QString, RunSpec> byId;
  QString failedId;
};

Db makeDatabase(const QTemporaryDir& dir) {
  Db db;
  db.path = dir.filePath(QStringLiteral("tradeoff.db"));
  RunStore store(db.path.toStdString());
  for (const auto& s : kRuns) {
    RunRecord r;
    r.preset = std::string(s.task) + "-" + s.method;
    r.method = s.method;
    r.task = s.task;
    r.created = s.created;
    const auto id = store.create_run(r);
    RunTotals t;
    t.summary_json = s.accuracy >= 0 ? "{\"test/accuracy\": " + std::to_string(s.accuracy) + ", \"test/loss\": 1.5}"
                                     : "{\"test/loss\": 1.5}";
    t.wall_seconds = s.wall;
    t.tokens_per_second = s.tps;
    t.peak_bytes = static_cast<int64_t>(s.peakMiB * kMiB);
    t.step = 1000;
    store.finish_run(id, RunStatus::Finished, "", t);
    db.byId[QString::fromStdString(id)] = s;
  }
  RunRecord failed;
  failed.method = "dense";
  failed.task = "listops";
  const auto fid = store.create_run(failed);
  store.set_status(fid, RunStatus::Failed, "loss became NaN");
  db.failedId = QString::fromStdString(fid);

  std::vector<BenchmarkRecord> rows;
  auto row = [](const char* method, const char* mode, const char* device, double n, double ms, double bytes,
                const char* created) {
    BenchmarkRecord b;
    b.method = method;
    b.kernel = std::string(method) == "dense" ? "sdpa" : "block_sparse_gather";
    b.mode = mode;
    b.device = device;
    b.created = created;
    b.n = static_cast<int64_t>(n);
    b.batch = 1;
    b.heads = 4;
    b.dim = 64;
    b.block = 64;
    b.k = 4;
    b.time_ms = ms;
    b.time_spread_ms = 0.05 * ms;
    b.peak_bytes = static_cast<int64_t>(bytes);
    return b;
  };
  // An older measurement that the newer one replaces.
  rows.push_back(row("dense", "fwd", "cpu", 1024, 99.0, 1.0, "2026-01-01T00:00:00.000Z"));
  for (double n = 512; n <= 8192; n *= 2) {
    const char* t = "2026-02-01T00:00:00.000Z";
    rows.push_back(row("dense", "fwd", "cpu", n, denseMs(n), denseBytes(n), t));
    rows.push_back(row("learned_sparse", "fwd", "cpu", n, sparseMs(n), sparseBytes(n), t));
    rows.push_back(row("fixed_sparse", "fwd", "cpu", n, fixedMs(n), 0.9 * sparseBytes(n), t));
    rows.push_back(row("dense", "fwdbwd", "cpu", n, kFwdBwdDense * denseMs(n), 2 * denseBytes(n), t));
    rows.push_back(row("learned_sparse", "fwdbwd", "cpu", n, kFwdBwdSparse * sparseMs(n), 2 * sparseBytes(n), t));
    // A device where sparse attention never catches up.
    rows.push_back(row("dense", "fwd", "cuda", n, 1e-9 * n * n, denseBytes(n), t));
    rows.push_back(row("learned_sparse", "fwd", "cuda", n, 1e-3 * n, sparseBytes(n), t));
  }
  store.add_benchmarks(rows);
  return db;
}

// Reference implementations, written independently of the view's.
double olsLogLog(const std::function<double(double)>& f) {
  std::vector<double> x, y;
  for (double n = 512; n <= 8192; n *= 2) {
    x.push_back(std::log(n));
    y.push_back(std::log(f(n)));
  }
  const double k = static_cast<double>(x.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  return (k * sxy - sx * sy) / (k * sxx - sx * sx);
}

// The true crossing of two continuous curves by bisection (f(lo) > g(lo), f(hi) < g(hi)).
double bisect(const std::function<double(double)>& f, const std::function<double(double)>& g, double lo, double hi) {
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) > g(mid) ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

std::vector<bool> bruteForceFront(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<bool> on(x.size(), true);
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = 0; j < x.size(); ++j)
      if (j != i && x[j] <= x[i] && y[j] <= y[i] && (x[j] < x[i] || y[j] < y[i])) on[i] = false;
  return on;
}

QXYSeries* seriesNamed(QChart* chart, const QString& prefix) {
  for (auto* s : chart->series())
    if (s->name() == prefix || s->name().startsWith(prefix + QStringLiteral("  "))) return static_cast<QXYSeries*>(s);
  return nullptr;
}

std::vector<QStringList> readCsv(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  std::vector<QStringList> rows;
  while (!f.atEnd()) rows.push_back(QString::fromUtf8(f.readLine().trimmed()).split(QLatin1Char(',')));
  return rows;
}

bool loadInto(TradeoffView& view, const QString& path, bool* ok) {
  QSignalSpy spy(&view, &TradeoffView::loaded);
  view.setDatabase(path);
  if (!spy.wait(20000)) return false;
  *ok = spy.at(0).at(0).toBool();
  return true;
}

}  // namespace

class TestTradeoff : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void slopeOfAPowerLaw() {
    std::vector<double> n, y;
    for (double v = 512; v <= 8192; v *= 2) {
      n.push_back(v);
      y.push_back(3.0 * v * v);
    }
    QVERIFY(std::abs(fitLogLogSlope(n, y) - 2.0) < 1e-9);
    for (auto& v : y) v = 0.5 / std::sqrt(v);  // y ∝ n^-1
    QVERIFY(std::abs(fitLogLogSlope(n, y) + 1.0) < 1e-9);
    // Non-positive values are ignored; a single length has no slope.
    n.push_back(16384);
    y.push_back(0.0);
    QVERIFY(std::abs(fitLogLogSlope(n, y) + 1.0) < 1e-9);
    QVERIFY(std::isnan(fitLogLogSlope({512, 512}, {1.0, 2.0})));
    QVERIFY(std::isnan(fitLogLogSlope({512}, {1.0})));
  }

  void paretoFrontOfAHandMadeSet() {
    //                       0    1    2    3    4    5    6    7
    const std::vector<double> x{5.0, 1.0, 2.0, 3.0, 4.0, 2.0, 6.0, 3.0};
    const std::vector<double> y{1.0, 9.0, 5.0, 5.0, 2.0, 7.0, 0.5, 5.0};
    // 3 and 7 are dominated by 2; 5 by 2; the rest trade off.
    QCOMPARE(paretoFront(x, y), (std::vector<size_t>{1, 2, 4, 0, 6}));
    const auto brute = bruteForceFront(x, y);
    for (size_t i = 0; i < x.size(); ++i) {
      const auto f = paretoFront(x, y);
      QCOMPARE(std::find(f.begin(), f.end(), i) != f.end(), bool(brute[i]));
    }
    // Identical points tie and both stay; a point equal in one coordinate and worse in the other does not.
    QCOMPARE(paretoFront({1, 1, 1, 2}, {3, 3, 4, 3}), (std::vector<size_t>{0, 1}));
    QVERIFY(paretoFront({}, {}).empty());
  }

  void crossoverOfTwoPowerLaws() {
    // a = 10 n (slower at small n) against b = 0.01 n^2: equal at n = 1000.
    std::vector<double> n, a, b;
    for (double v = 256; v <= 8192; v *= 2) {
      n.push_back(v);
      a.push_back(10.0 * v);
      b.push_back(0.01 * v * v);
    }
    const auto c = crossover(n, a, n, b);
    QVERIFY(c.has_value());
    QVERIFY2(std::abs(*c - 1000.0) < 1e-6, qPrintable(QString::number(*c, 'g', 12)));
    // Different grids: b sampled at other lengths, still exact for power laws.
    std::vector<double> n2, b2;
    for (double v = 300; v <= 9000; v *= 1.7) {
      n2.push_back(v);
      b2.push_back(0.01 * v * v);
    }
    const auto c2 = crossover(n, a, n2, b2);
    QVERIFY(c2.has_value());
    QVERIFY(std::abs(*c2 - 1000.0) < 1e-6);
    // The other way round (b never becomes faster than a as n grows) and disjoint ranges: none.
    QVERIFY(!crossover(n, b, n, a).has_value());
    QVERIFY(!crossover({10, 20}, {1, 2}, {100, 200}, {5, 1}).has_value());
    // Already lower at every n: no crossing in range.
    QVERIFY(!crossover(n, std::vector<double>(n.size(), 1e-9), n, b).has_value());
  }

  void emptyAndUnreadableDatabases() {
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.db"));
    { RunStore create(empty.toStdString()); }
    TradeoffView view;
    bool ok = false;
    QVERIFY(loadInto(view, empty, &ok));
    QVERIFY(ok);
    QVERIFY(view.runPoints().empty());
    QVERIFY(view.message(TradeoffView::RunsMode).contains(QStringLiteral("No finished runs")));
    QVERIFY(view.message(TradeoffView::CurvesMode).contains(QStringLiteral("No attention benchmarks")));
    QVERIFY(view.message(TradeoffView::CurvesMode).contains(QStringLiteral("etlab-cli bench attention")));
    QString error;
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("x.png")), 100, &error));
    QVERIFY(error.contains(QStringLiteral("nothing to export")));
    view.resize(900, 600);
    view.show();
    saveScreenshot(view, QStringLiteral("tradeoff-empty.png"));
    view.setMode(TradeoffView::CurvesMode);
    saveScreenshot(view, QStringLiteral("tradeoff-empty-curves.png"));

    QVERIFY(loadInto(view, dir.filePath(QStringLiteral("missing/none.db")), &ok));
    QVERIFY(!ok);
    QVERIFY(view.message(TradeoffView::RunsMode).startsWith(QStringLiteral("Cannot read the database")));
  }

  void runsScatterCurvesClicksAndExports() {
    QTemporaryDir dir;
    const Db db = makeDatabase(dir);
    TradeoffView view;
    view.resize(1200, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    bool ok = false;
    QVERIFY(loadInto(view, db.path, &ok));
    QVERIFY(ok);
    QVERIFY(view.message(TradeoffView::RunsMode).isEmpty());
    QVERIFY(view.message(TradeoffView::CurvesMode).isEmpty());

    // --- runs scatter: wall time against peak memory -------------------------------------------
    QCOMPARE(view.xMetric(), TradeoffX::WallSeconds);
    const auto& points = view.runPoints();
    QCOMPARE(int(points.size()), kPlottable);
    std::vector<double> xs, ys;
    for (const auto& p : points) {
      QVERIFY2(db.byId.count(p.runId), "only finished runs are plotted");
      QVERIFY(p.runId != db.failedId);
      const RunSpec& s = db.byId.at(p.runId);
      QCOMPARE(p.method, QString::fromLatin1(s.method));
      QCOMPARE(p.x, s.wall);
      QCOMPARE(p.memoryMiB, s.peakMiB);
      xs.push_back(s.wall);
      ys.push_back(s.peakMiB);
    }
    const auto front = bruteForceFront(xs, ys);
    int frontSize = 0;
    for (size_t i = 0; i < points.size(); ++i) {
      QCOMPARE(points[i].onFront, bool(front[i]));
      frontSize += front[i];
    }
    QVERIFY(frontSize >= 2 && frontSize < kPlottable);
    // Each method is one series whose points are its runs; the front is a step line through the front points.
    QChart* chart = view.runsChart();
    for (const char* m : {"dense", "learned_sparse", "fixed_sparse:bigbird", "dense+lora"}) {
      auto* s = qobject_cast<QScatterSeries*>(seriesNamed(chart, QString::fromLatin1(m)));
      QVERIFY2(s, m);
      int expected = 0;
      for (const auto& p : points)
        if (p.method == QString::fromLatin1(m)) {
          ++expected;
          QVERIFY(s->points().contains(QPointF(p.x, p.memoryMiB)));
        }
      QCOMPARE(int(s->points().size()), expected);
    }
    auto* frontLine = qobject_cast<QLineSeries*>(seriesNamed(chart, QStringLiteral("Pareto front")));
    QVERIFY(frontLine);
    for (const auto& p : points)
      QCOMPARE(frontLine->points().contains(QPointF(p.x, p.memoryMiB)), p.onFront);
    const auto fl = frontLine->points();
    for (int i = 1; i < fl.size(); ++i) {
      QVERIFY2(fl[i].x() == fl[i - 1].x() || fl[i].y() == fl[i - 1].y(), "a staircase: only horizontal or vertical steps");
      QVERIFY(fl[i].x() >= fl[i - 1].x() && fl[i].y() <= fl[i - 1].y());
    }
    // Labels are the test accuracy in percent (none where the run has none).
    const QStringList labels = view.pointLabels();
    QCOMPARE(labels.size(), kPlottable);
    for (size_t i = 0; i < points.size(); ++i) {
      const RunSpec& s = db.byId.at(points[i].runId);
      QCOMPARE(labels[int(i)], s.accuracy >= 0 ? QString::number(100 * s.accuracy, 'f', 1) + QStringLiteral("%") : QString());
    }
    QTest::qWait(50);
    saveScreenshot(view, QStringLiteral("tradeoff-runs.png"));

    // Clicking a point opens its run: through the mouse, and through the slot.
    QSignalSpy activated(&view, &TradeoffView::runActivated);
    const int target = 1;
    auto* lsSeries = seriesNamed(chart, points[target].method);
    const QPointF inChart = chart->mapToPosition(QPointF(points[target].x, points[target].memoryMiB), lsSeries);
    const QPoint inView = view.runsChartView()->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseClick(view.runsChartView()->viewport(), Qt::LeftButton, {}, inView);
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), points[target].runId);
    view.activatePoint(4);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), points[4].runId);
    view.activatePoint(99);  // out of range: nothing
    QCOMPARE(activated.count(), 2);

    // Exports of the scatter.
    QString error;
    const QString png = dir.filePath(QStringLiteral("runs.png")), svg = dir.filePath(QStringLiteral("runs.svg")),
                  pdf = dir.filePath(QStringLiteral("runs.pdf")), csv = dir.filePath(QStringLiteral("runs.csv"));
    QVERIFY2(view.exportTo(png, 144, &error), qPrintable(error));
    QVERIFY2(view.exportTo(svg, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(pdf, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(csv, 0, &error), qPrintable(error));
    QVERIFY(!view.exportTo(csv, 0, &error));
    QVERIFY(error.contains(QStringLiteral("already exists")));
    keepExport(png, QStringLiteral("tradeoff-export-runs.png"));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), view.runsChartView()->width() * 2);
    // The markers are drawn in their method's colour.
    const QRgb vermillion = okabeIto(1).rgb();
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) coloured += image.pixel(x, y) == vermillion;
    QVERIFY2(coloured > 50, qPrintable(QString::number(coloured)));
    QVERIFY(QSvgRenderer(svg).isValid());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF-"));
    auto rows = readCsv(csv);
    QCOMPARE(int(rows.size()), kPlottable + 1);
    QCOMPARE(rows[0], (QStringList{QStringLiteral("run_id"), QStringLiteral("name"), QStringLiteral("method"),
                                    QStringLiteral("task"), QStringLiteral("wall_seconds"), QStringLiteral("peak_bytes"),
                                    QStringLiteral("test_accuracy"), QStringLiteral("pareto")}));
    for (size_t r = 1; r < rows.size(); ++r) {
      const RunSpec& s = db.byId.at(rows[r][0]);
      QCOMPARE(rows[r][2], QString::fromLatin1(s.method));
      QCOMPARE(rows[r][4].toDouble(), s.wall);
      QCOMPARE(rows[r][5].toLongLong(), static_cast<qlonglong>(s.peakMiB * kMiB));
      if (s.accuracy >= 0) QCOMPARE(rows[r][6].toDouble(), s.accuracy);
      else QVERIFY(rows[r][6].isEmpty());
      QCOMPARE(rows[r][7] == QStringLiteral("1"), bool(front[r - 1]));
    }

    // Speed-up against the dense run of the same task: higher is better, runs without one are left out.
    view.setXMetric(TradeoffX::SpeedupVsDense);
    const auto& sp = view.runPoints();
    int expectedSpeedup = 0;
    for (const auto& s : kRuns) expectedSpeedup += std::string(s.task) != "retrieval" && s.peakMiB > 0;
    QCOMPARE(int(sp.size()), expectedSpeedup);
    std::vector<double> sx, sy;
    for (const auto& p : sp) {
      const RunSpec& s = db.byId.at(p.runId);
      // The newest finished dense run of the task is the reference.
      double ref = 0;
      const char* newest = "";
      for (const auto& d : kRuns)
        if (std::string(d.method) == "dense" && std::string(d.task) == s.task && std::string(d.created) > newest) {
          newest = d.created;
          ref = d.tps;
        }
      QCOMPARE(p.x, s.tps / ref);
      sx.push_back(-p.x);
      sy.push_back(p.memoryMiB);
    }
    const auto spFront = bruteForceFront(sx, sy);
    for (size_t i = 0; i < sp.size(); ++i) QCOMPARE(sp[i].onFront, bool(spFront[i]));
    QVERIFY(chart->axes(Qt::Horizontal).at(0)->titleText().contains(QStringLiteral("Speed-up")));
    QTest::qWait(50);
    saveScreenshot(view, QStringLiteral("tradeoff-runs-speedup.png"));

    // Log axes enclose every point.
    view.setXMetric(TradeoffX::WallSeconds);
    view.setLogAxes(true);
    auto* lx = qobject_cast<QLogValueAxis*>(chart->axes(Qt::Horizontal).at(0));
    auto* ly = qobject_cast<QLogValueAxis*>(chart->axes(Qt::Vertical).at(0));
    QVERIFY(lx && ly);
    for (const auto& p : view.runPoints()) {
      QVERIFY(lx->min() < p.x && p.x < lx->max());
      QVERIFY(ly->min() < p.memoryMiB && p.memoryMiB < ly->max());
    }
    QTest::qWait(50);
    saveScreenshot(view, QStringLiteral("tradeoff-runs-log.png"));
    view.setLogAxes(false);
    QVERIFY(qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).at(0)));

    // --- sequence-length curves -----------------------------------------------------------------
    view.setMode(TradeoffView::CurvesMode);
    QCOMPARE(view.benchmarkModes(), (QStringList{QStringLiteral("fwd"), QStringLiteral("fwdbwd")}));
    QCOMPARE(view.benchmarkDevices(), (QStringList{QStringLiteral("cpu"), QStringLiteral("cuda")}));
    view.setBenchmarkSelection(QStringLiteral("fwd"), QStringLiteral("cpu"));
    QCOMPARE(int(view.curves().size()), 3);
    const std::map<QString, std::pair<std::function<double(double)>, std::function<double(double)>>> laws{
        {QStringLiteral("dense"), {denseMs, denseBytes}},
        {QStringLiteral("learned_sparse"), {sparseMs, sparseBytes}},
        {QStringLiteral("fixed_sparse"), {fixedMs, [](double n) { return 0.9 * sparseBytes(n); }}}};
    for (const auto& [method, law] : laws) {
      auto* ts = seriesNamed(view.timeChart(), method);
      auto* ms = seriesNamed(view.memoryChart(), method);
      QVERIFY2(ts && ms, qPrintable(method));
      QCOMPARE(int(ts->points().size()), 5);  // 512 … 8192; the older dense n=1024 row is replaced
      for (const QPointF& p : ts->points()) QCOMPARE(p.y(), law.first(p.x()));
      for (const QPointF& p : ms->points()) QCOMPARE(p.y(), static_cast<double>(static_cast<int64_t>(law.second(p.x()))) / kMiB);
      // The legend shows the fitted slopes.
      const double timeSlope = olsLogLog(law.first);
      const double memSlope = olsLogLog([&](double n) { return static_cast<double>(static_cast<int64_t>(law.second(n))); });
      QVERIFY2(ts->name().endsWith(QStringLiteral("slope ") + QString::number(timeSlope, 'f', 2)), qPrintable(ts->name()));
      QVERIFY2(ms->name().endsWith(QStringLiteral("slope ") + QString::number(memSlope, 'f', 2)), qPrintable(ms->name()));
    }
    QVERIFY(seriesNamed(view.timeChart(), QStringLiteral("dense"))->name().endsWith(QStringLiteral("slope 2.00")));
    // The crossover: near the true crossing of the laws (interpolation in log space is nearly exact).
    QVERIFY(view.crossoverN().has_value());
    const double trueCross = bisect(sparseMs, denseMs, 512, 8192);
    QVERIFY2(std::abs(*view.crossoverN() / trueCross - 1) < 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(*view.crossoverN()).arg(trueCross)));
    QVERIFY(view.crossoverText().contains(QString::number(*view.crossoverN(), 'f', 0)));
    QVERIFY(seriesNamed(view.timeChart(), QStringLiteral("crossover n ≈ ") + QString::number(*view.crossoverN(), 'f', 0)));
    QTest::qWait(50);
    saveScreenshot(view, QStringLiteral("tradeoff-curves.png"));

    // Forward + backward: sparse pays relatively more, so the crossing moves to a larger n.
    view.setBenchmarkSelection(QStringLiteral("fwdbwd"), QStringLiteral("cpu"));
    QCOMPARE(int(view.curves().size()), 2);
    QVERIFY(view.crossoverN().has_value());
    const double trueCrossBwd = bisect([](double n) { return kFwdBwdSparse * sparseMs(n); },
                                       [](double n) { return kFwdBwdDense * denseMs(n); }, 512, 8192);
    QVERIFY(trueCrossBwd > trueCross);
    QVERIFY(std::abs(*view.crossoverN() / trueCrossBwd - 1) < 0.01);
    // A device where learned sparse never wins.
    view.setBenchmarkSelection(QStringLiteral("fwd"), QStringLiteral("cuda"));
    QCOMPARE(int(view.curves().size()), 2);
    QVERIFY(!view.crossoverN().has_value());
    QVERIFY2(view.crossoverText().contains(QStringLiteral("none in range")), qPrintable(view.crossoverText()));

    // Exports of the curves: both charts side by side, CSV of the plotted points.
    view.setBenchmarkSelection(QStringLiteral("fwd"), QStringLiteral("cpu"));
    QTest::qWait(50);
    const QString cpng = dir.filePath(QStringLiteral("curves.png")), csvg = dir.filePath(QStringLiteral("curves.svg")),
                  cpdf = dir.filePath(QStringLiteral("curves.pdf")), ccsv = dir.filePath(QStringLiteral("curves.csv"));
    QVERIFY2(view.exportTo(cpng, 72, &error), qPrintable(error));
    QVERIFY2(view.exportTo(csvg, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(cpdf, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(ccsv, 0, &error), qPrintable(error));
    keepExport(cpng, QStringLiteral("tradeoff-export-curves.png"));
    QImage curvesImage(cpng);
    QVERIFY(!curvesImage.isNull());
    QVERIFY(curvesImage.width() > 1.5 * curvesImage.height());  // two charts side by side
    QVERIFY(QSvgRenderer(csvg).isValid());
    QFile cpdfFile(cpdf);
    QVERIFY(cpdfFile.open(QIODevice::ReadOnly));
    QVERIFY(cpdfFile.readAll().startsWith("%PDF-"));
    rows = readCsv(ccsv);
    QCOMPARE(int(rows.size()), 1 + 3 * 5);
    QCOMPARE(rows[0].mid(0, 8), (QStringList{QStringLiteral("method"), QStringLiteral("kernel"), QStringLiteral("mode"),
                                             QStringLiteral("device"), QStringLiteral("n"), QStringLiteral("time_ms"),
                                             QStringLiteral("time_spread_ms"), QStringLiteral("peak_bytes")}));
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& law = laws.at(rows[r][0]);
      const double n = rows[r][4].toDouble();
      QCOMPARE(rows[r][2], QStringLiteral("fwd"));
      QCOMPARE(rows[r][3], QStringLiteral("cpu"));
      QCOMPARE(rows[r][5].toDouble(), law.first(n));
      QCOMPARE(rows[r][7].toLongLong(), static_cast<qlonglong>(law.second(n)));
    }
  }
};

QTEST_MAIN(TestTradeoff)
#include "tst_tradeoff.moc"
