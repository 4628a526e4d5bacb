// SPDX-License-Identifier: MIT
// `etlab export` / `etlab report`: every view rendered without a window, through the app's own code.
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/HeadlessExport.h"
#include "core/store/run_store.h"

using namespace etlab;

namespace {

QString fixture(const QTemporaryDir& dir) {
  const QString db = dir.filePath(QStringLiteral("real.db"));
  QFile::copy(QStringLiteral(ETLAB_FIXTURES_DIR "/store/schema-v1.db"), db);
  QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
  return db;
}

QString runOf(const QString& db, const char* preset) {
  RunStore store(db.toStdString());
  RunFilter f;
  f.preset = preset;
  return QString::fromStdString(store.list_runs(f).at(0).id);
}

}  // namespace

class TestHeadless : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void exportsEveryViewInEveryFormat() {
    QTemporaryDir dir;
    const QString db = fixture(dir);
    const QString sparse = runOf(db, "smoke-sparse"), lora = runOf(db, "smoke-lora"), dense = runOf(db, "smoke-dense");
    struct Case {
      const char* view;
      QStringList runs;
    };
    const Case cases[] = {{"heatmap", {sparse.left(8)}}, {"curves", {dense, sparse, lora}}, {"spectrum", {lora}}, {"tradeoff", {}}};
    for (const auto& c : cases)
      for (const char* format : {"png", "svg", "pdf", "csv"}) {
        ExportRequest r;
        r.db = db;
        r.view = QString::fromLatin1(c.view);
        r.runs = c.runs;
        r.format = QString::fromLatin1(format);
        r.out = dir.filePath(QStringLiteral("%1.%2").arg(r.view, r.format));
        QString error;
        QVERIFY2(runHeadlessExport(r, &error), qPrintable(r.view + QStringLiteral(" ") + r.format + QStringLiteral(": ") + error));
        QVERIFY(QFileInfo(r.out).size() > 0);
        if (r.format == QStringLiteral("png")) QVERIFY(!QImage(r.out).isNull());
        if (r.format == QStringLiteral("svg")) QVERIFY(QSvgRenderer(r.out).isValid());
        if (r.format == QStringLiteral("pdf")) {
          QFile f(r.out);
          QVERIFY(f.open(QIODevice::ReadOnly));
          QVERIFY(f.readAll().startsWith("%PDF-"));
        }
      }
    // The trade-off view's sequence-length charts, from the fixture's benchmark rows.
    {
      ExportRequest t;
      t.db = db;
      t.view = QStringLiteral("tradeoff");
      t.tradeoff = QStringLiteral("lengths");
      t.format = QStringLiteral("csv");
      t.out = dir.filePath(QStringLiteral("lengths.csv"));
      QString why;
      QVERIFY2(runHeadlessExport(t, &why), qPrintable(why));
      QFile f(t.out);
      QVERIFY(f.open(QIODevice::ReadOnly));
      QVERIFY(f.readAll().contains("learned_sparse"));
      t.pass = QStringLiteral("fwdbwd");
      t.out = dir.filePath(QStringLiteral("none.csv"));
      QVERIFY(!runHeadlessExport(t, &why));
      QVERIFY2(why.contains(QStringLiteral("no fwdbwd benchmarks")), qPrintable(why));
    }
    // Layer, head and step choose the heatmap; bad ones are refused with the valid choices.
    ExportRequest r;
    r.db = db;
    r.view = QStringLiteral("heatmap");
    r.runs = {sparse};
    r.format = QStringLiteral("csv");
    r.layer = 1;
    r.head = 3;
    r.step = 20;
    r.out = dir.filePath(QStringLiteral("l1h3.csv"));
    QString error;
    QVERIFY2(runHeadlessExport(r, &error), qPrintable(error));
    QFile csv(r.out);
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    csv.readLine();
    int selected = 0;
    RunStore store(db.toStdString(), true);
    const auto sel = store.selections(sparse.toStdString(), 0, 20, 1, 3).at(0);
    while (!csv.atEnd()) {
      const auto cells = QString::fromUtf8(csv.readLine()).trimmed().split(QLatin1Char(','));
      const int q = cells[0].toInt(), k = cells[1].toInt();
      QCOMPARE(cells[3] == QStringLiteral("1"), sel.selected(q / sel.block, k / sel.block));
      selected += cells[3] == QStringLiteral("1");
    }
    QVERIFY(selected > 0);
    r.step = 7;
    r.out = dir.filePath(QStringLiteral("bad-step.csv"));
    QVERIFY(!runHeadlessExport(r, &error));
    QVERIFY2(error.contains(QStringLiteral("20, 40")), qPrintable(error));
    r.step = -1;
    r.layer = 9;
    QVERIFY(!runHeadlessExport(r, &error));
    QVERIFY(error.contains(QStringLiteral("does not exist")));
    r.layer = 0;
    r.out = dir.filePath(QStringLiteral("heatmap.png"));
    r.format = QStringLiteral("png");
    QVERIFY(!runHeadlessExport(r, &error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    r.runs = {QStringLiteral("ffffffff")};
    r.out = dir.filePath(QStringLiteral("none.png"));
    QVERIFY(!runHeadlessExport(r, &error));
    QVERIFY(error.contains(QStringLiteral("no run")));
  }

  void reportEmbedsEveryChart() {
    QTemporaryDir dir;
    const QString db = fixture(dir);
    QString error;
    QVERIFY2(writeReport(db, {runOf(db, "smoke-dense"), runOf(db, "smoke-sparse"), runOf(db, "smoke-lora")},
                         dir.filePath(QStringLiteral("report")), &error),
             qPrintable(error));
    QFile html(dir.filePath(QStringLiteral("report/index.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray text = html.readAll();
    QCOMPARE(text.count("data:image/png;base64,"), 4);
    QVERIFY(text.contains("smoke-sparse"));
    for (const char* f : {"curves.csv", "attention.csv", "spectra.csv", "tradeoff.csv"})
      QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("report/") + QString::fromLatin1(f))));
    QVERIFY(!writeReport(db, {runOf(db, "smoke-dense")}, dir.filePath(QStringLiteral("report")), &error));
    QVERIFY(error.contains(QStringLiteral("already holds a report")));
  }

  // The real binary, no window: the command line contract.
  void commandLineWithoutAWindow() {
    QTemporaryDir dir;
    const QString db = fixture(dir);
    QProcess p;
    p.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--view"),
                                             QStringLiteral("tradeoff"), QStringLiteral("--format"), QStringLiteral("svg"),
                                             QStringLiteral("--out"), dir.filePath(QStringLiteral("t.svg"))});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("t.svg"))).isValid());
    p.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--view"),
                                             QStringLiteral("nonsense"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.png"))});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("unknown view"));
  }
};

QTEST_MAIN(TestHeadless)
#include "tst_headless.moc"
