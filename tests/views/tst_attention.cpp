// SPDX-License-Identifier: MIT
// The attention heatmap explorer: pixels, colour maps, a real run's attention, exports, frame rate.
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

#include "core/store/run_store.h"
#include "views/attention/AttentionExplorer.h"
#include "views/attention/Heatmap.h"
#include "views/attention/HeatmapView.h"

using namespace etlab;

namespace {

QString screenshotDir() { return qEnvironmentVariable("ETLAB_SCREENSHOT_DIR"); }

void saveScreenshot(QWidget& w, const QString& name) {
  const QString dir = screenshotDir();
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w.grab().save(dir + QStringLiteral("/") + name);
}

// The real smoke-sparse run of the schema-v1 fixture, migrated in a temporary copy.
QString fixtureDatabase(const QTemporaryDir& dir) {
  const QString path = dir.filePath(QStringLiteral("fixture.db"));
  QFile::copy(QStringLiteral(ETLAB_FIXTURES_DIR "/store/schema-v1.db"), path);
  QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
  RunStore migrate(path.toStdString());
  return path;
}

QString sparseRun(const QString& db) {
  RunStore store(db.toStdString(), true);
  RunFilter f;
  f.preset = "smoke-sparse";
  return QString::fromStdString(store.list_runs(f).at(0).id);
}

}  // namespace

class TestAttention : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void colourMapsAreTheirPublishedEndpoints() {
    QCOMPARE(colorAt(ColorMap::Viridis, 0.0) & 0xffffff, 0x440154u);
    QCOMPARE(colorAt(ColorMap::Viridis, 1.0) & 0xffffff, 0xfde725u);
    QCOMPARE(colorAt(ColorMap::Cividis, 0.0) & 0xffffff, 0x00224eu);
    QCOMPARE(colorAt(ColorMap::Cividis, 1.0) & 0xffffff, 0xfee838u);
    // Sequential maps get brighter monotonically (luminance), so order survives grey-scale printing.
    double last = -1;
    for (int i = 0; i <= 20; ++i) {
      const QColor c = QColor::fromRgb(colorAt(ColorMap::Cividis, i / 20.0));
      const double y = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
      QVERIFY(y > last);
      last = y;
    }
  }

  void heatmapPixelsMatchAKnownMask() {
    HeatmapData d;
    d.rows = d.cols = 8;
    d.block = 4;
    d.q_blocks = d.k_blocks = 2;
    d.selected = {1, 0, 1, 1};  // query block 0 -> key block 0; query block 1 -> both
    QImage img = renderHeatmap(d, ColorMap::Viridis);
    QCOMPARE(img.size(), QSize(8, 8));
    const QRgb on = colorAt(ColorMap::Viridis, 1.0) | 0xff000000u, off = colorAt(ColorMap::Viridis, 0.0) | 0xff000000u;
    for (int r = 0; r < 8; ++r)
      for (int c = 0; c < 8; ++c) {
        const bool expected = (r < 4 && c < 4) || r >= 4;
        QCOMPARE(img.pixel(c, r), expected ? on : off);
      }
    // Probabilities with the selection overlaid: unattended cells are dimmed to a third.
    d.values.assign(64, 0.5f);
    img = renderHeatmap(d, ColorMap::Viridis, 1.0);
    const QRgb half = colorAt(ColorMap::Viridis, 128 / 255.0);
    QCOMPARE(img.pixel(1, 1) & 0xffffff, half & 0xffffff);
    QCOMPARE(img.pixel(6, 1), qRgb(qRed(half) / 3, qGreen(half) / 3, qBlue(half) / 3));
    // Difference of two selections: +1 orange where only A attends, -1 blue where only B does.
    HeatmapData b = d;
    b.values.clear();
    b.selected = {1, 1, 0, 1};
    HeatmapData a = d;
    a.values.clear();
    const HeatmapData diff = differenceOf(a, b);
    QVERIFY(diff.signedValues);
    QCOMPARE(diff.valueAt(5, 1), 1.0);
    QCOMPARE(diff.valueAt(1, 5), -1.0);
    QCOMPARE(diff.valueAt(0, 0), 0.0);
  }

  void explorerShowsARealRunAndExportsIt() {
    QTemporaryDir dir;
    const QString db = fixtureDatabase(dir);
    const QString run = sparseRun(db);
    AttentionExplorer explorer;
    explorer.resize(1100, 720);
    explorer.show();
    QSignalSpy loaded(&explorer, &AttentionExplorer::loaded);
    QSignalSpy shown(&explorer, &AttentionExplorer::matrixShown);
    explorer.setRun(db, run);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.at(0).at(0).toBool(), true);
    const auto& idx = explorer.index();
    QCOMPARE(idx.steps, (std::vector<int64_t>{20, 40}));
    QVERIFY(idx.layers >= 1 && idx.heads >= 1);
    QVERIFY(shown.wait(20000));
    // Layer 0, head 0 of probe 0 has probabilities: the view shows them with the block overlay.
    explorer.select(0, 1, 0, 0);
    QVERIFY(shown.wait(20000));
    const auto& fig = explorer.heatmap()->figure();
    QVERIFY(fig.data.hasValues());
    QVERIFY(fig.data.hasSelection());
    QCOMPARE(fig.data.rowLabels.size(), int(fig.data.rows));
    QVERIFY(!fig.image.isNull());
    saveScreenshot(explorer, QStringLiteral("attention-explorer.png"));

    // Exports parse, and the CSV holds the stored values.
    const QString png = dir.filePath(QStringLiteral("a.png")), svg = dir.filePath(QStringLiteral("a.svg")),
                  pdf = dir.filePath(QStringLiteral("a.pdf")), csv = dir.filePath(QStringLiteral("a.csv"));
    QString error;
    QVERIFY2(explorer.exportTo(png, 200, &error), qPrintable(error));
    QVERIFY2(explorer.exportTo(svg, 0, &error), qPrintable(error));
    QVERIFY2(explorer.exportTo(pdf, 0, &error), qPrintable(error));
    QVERIFY2(explorer.exportTo(csv, 0, &error), qPrintable(error));
    QVERIFY(!explorer.exportTo(png, 200, &error)) ;
    QVERIFY(error.contains(QStringLiteral("already exists")));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), qRound(560 * 200 / 72.0));
    QVERIFY(QSvgRenderer(svg).isValid());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.trimmed().endsWith("%%EOF"));
    RunStore store(db.toStdString(), true);
    const auto stored = store.probabilities(run.toStdString(), 0, 40, 0, 0).at(0);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    QCOMPARE(csvFile.readLine().trimmed(), QByteArray("query,key,value,selected"));
    int checked = 0;
    while (!csvFile.atEnd()) {
      const auto cells = QString::fromUtf8(csvFile.readLine().trimmed()).split(QLatin1Char(','));
      const int r = cells[0].toInt(), c = cells[1].toInt();
      QCOMPARE(cells[2].toFloat(), stored.values[static_cast<size_t>(r * stored.cols + c)]);
      ++checked;
    }
    QVERIFY(checked > 0);

    // Difference between the two recorded steps.
    explorer.setDifferenceStep(0);
    QVERIFY(shown.wait(20000));
    QVERIFY(explorer.heatmap()->figure().data.signedValues);
    saveScreenshot(explorer, QStringLiteral("attention-difference.png"));
  }

  // Two selected runs: the difference between them at the same step, on the same probe inputs.
  void differenceBetweenTwoRuns() {
    QTemporaryDir dir;
    const QString db = fixtureDatabase(dir);
    RunStore store(db.toStdString(), true);
    RunFilter f;
    f.preset = "smoke-dense";
    const QString dense = QString::fromStdString(store.list_runs(f).at(0).id);
    const QString sparse = sparseRun(db);
    AttentionExplorer explorer;
    QSignalSpy loaded(&explorer, &AttentionExplorer::loaded), compared(&explorer, &AttentionExplorer::compareLoaded),
        shown(&explorer, &AttentionExplorer::matrixShown);
    explorer.setRun(db, sparse);
    QVERIFY(loaded.wait(20000));
    explorer.setCompareRun(db, dense);
    QVERIFY(compared.wait(20000));
    QVERIFY(compared.at(0).at(0).toBool());
    explorer.select(0, 0, 0, 0);  // step 20, layer 0, head 0: both runs stored probabilities there
    QVERIFY(shown.wait(20000));
    explorer.showRunDifference();
    QVERIFY(shown.wait(20000));
    const auto& fig = explorer.heatmap()->figure();
    QVERIFY2(fig.data.signedValues, qPrintable(fig.title));
    QVERIFY(fig.title.contains(dense.left(8)));
    const auto mine = store.probabilities(sparse.toStdString(), 0, 20, 0, 0).at(0);
    const auto theirs = store.probabilities(dense.toStdString(), 0, 20, 0, 0).at(0);
    QCOMPARE(fig.data.rows, mine.rows);
    for (int64_t c : {int64_t{0}, mine.cols / 2, mine.cols - 1})
      QCOMPARE(fig.data.valueAt(3, c), static_cast<double>(static_cast<float>(mine.values[static_cast<size_t>(3 * mine.cols + c)] -
                                                                              theirs.values[static_cast<size_t>(3 * theirs.cols + c)])));
  }

  // Zoom and pan at n = 4096 repaint from the cached image; the frame rate is reported, not asserted.
  void zoomAndPanFrameRateAt4096() {
    HeatmapFigure fig;
    fig.data.rows = fig.data.cols = 4096;
    fig.data.values.resize(4096u * 4096u);
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (auto& v : fig.data.values) v = u(rng);
    fig.vmax = 1.0;
    QElapsedTimer render;
    render.start();
    fig.image = renderHeatmap(fig.data, ColorMap::Viridis, 1.0);
    const qint64 renderMs = render.elapsed();
    HeatmapView view;
    view.resize(900, 800);
    view.setFigure(fig);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view) || true);
    QElapsedTimer clock;
    clock.start();
    int frames = 0;
    for (; frames < 90; ++frames) {
      if (frames < 45) view.zoomBy(1.08, QPointF(450, 400));
      else view.setViewRect(view.viewRect().translated(7, 5));
      view.repaint();
    }
    const double fps = frames * 1000.0 / std::max<qint64>(1, clock.elapsed());
    qInfo("heatmap n=4096: first render %lld ms, zoom/pan %.0f frames per second (%d frames)", renderMs, fps, frames);
    QVERIFY(view.viewRect().width() < 4096);
  }
};

QTEST_MAIN(TestAttention)
#include "tst_attention.moc"
