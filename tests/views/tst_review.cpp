// SPDX-License-Identifier: MIT
// The review study in the app: the claims table and charts of a real review.json (the smoke budget's
// output, tests/fixtures/study/review-smoke.json), bad files refused with a reason, the runs behind a
// claim selected in the main window, and `etlab report --review` writing a self-contained page.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "app/gui/MainWindow.h"
#include "core/store/run_store.h"
#include "views/study/ReviewView.h"

using namespace etlab;

namespace {

const QString kFixture = QStringLiteral(ETLAB_FIXTURES_DIR "/study/review-smoke.json");

void saveScreenshot(QWidget& w, const QString& name) {
  const QString dir = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w.grab().save(dir + QStringLiteral("/") + name);
}

nlohmann::json fixtureJson() {
  QFile f(kFixture);
  f.open(QIODevice::ReadOnly);
  return nlohmann::json::parse(f.readAll().toStdString());
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
  QFile f(dir.filePath(name));
  f.open(QIODevice::WriteOnly);
  f.write(bytes);
  return f.fileName();
}

int csvRows(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return -1;
  return static_cast<int>(f.readAll().trimmed().split('\n').size()) - 1;  // without the header
}

}  // namespace

class TestReview : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void showsEveryClaimWithItsVerdict() {
    ReviewView view;
    QString error;
    QVERIFY2(view.loadReport(kFixture, &error), qPrintable(error));
    const auto j = fixtureJson();
    auto* model = view.table()->model();
    QCOMPARE(model->rowCount(), static_cast<int>(j["claims"].size()));
    QCOMPARE(model->rowCount(), 14);
    for (int row = 0; row < model->rowCount(); ++row) {
      const auto& c = j["claims"][static_cast<size_t>(row)];
      QCOMPARE(model->index(row, ReviewTableModel::VerdictColumn).data().toString(),
               QString::fromStdString(c["verdict"].get<std::string>()));
      QCOMPARE(model->index(row, ReviewTableModel::MeasuredColumn).data().toString(),
               QString::fromStdString(c["measured"].get<std::string>()));
      // the rule is the tooltip; the verdict cell is coloured by its first word
      QVERIFY(model->index(row, ReviewTableModel::ClaimColumn).data(Qt::ToolTipRole).toString().contains(
          QString::fromStdString(c["rule"].get<std::string>())));
      const QColor bg = model->index(row, ReviewTableModel::VerdictColumn).data(Qt::BackgroundRole).value<QColor>();
      QCOMPARE(bg, verdictColor(QString::fromStdString(c["verdict"].get<std::string>())));
    }
    QVERIFY(verdictColor(QStringLiteral("supported (smoke)")) != verdictColor(QStringLiteral("refuted (smoke)")));
    // the Research gaps page: every study's title and conclusion
    auto* gaps = view.findChild<QTextBrowser*>(QStringLiteral("reviewGaps"));
    QVERIFY(gaps);
    for (const auto& g : j["gaps"]) {
      QVERIFY(gaps->toPlainText().contains(QString::fromStdString(g["title"].get<std::string>())));
      QVERIFY(gaps->toPlainText().contains(QString::fromStdString(g["conclusion"].get<std::string>())));
    }
    view.resize(1200, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveScreenshot(view, QStringLiteral("review-view.png"));
  }

  void chartsComeFromTheReportAndExport() {
    ReviewView view;
    QVERIFY(view.loadReport(kFixture));
    const QStringList ids = view.chartIds();
    const auto j = fixtureJson();
    QStringList expected = {QStringLiteral("accuracy_n"), QStringLiteral("rank"), QStringLiteral("parity"), QStringLiteral("complexity")};
    for (const auto& g : j["gaps"]) expected << QStringLiteral("gap:") + QString::fromStdString(g["id"].get<std::string>());
    QCOMPARE(j["gaps"].size(), size_t{6});  // every gap study the smoke budget runs with --gaps all
    QCOMPARE(ids, expected);
    QCOMPARE(view.chartSelector()->count(), expected.size());
    view.resize(1000, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTemporaryDir dir;
    auto claim = [&j](const char* id) {
      for (const auto& c : j["claims"])
        if (c["id"] == id) return c;
      return nlohmann::json();
    };
    std::map<QString, int> points = {
        {QStringLiteral("accuracy_n"), static_cast<int>(claim("sparse.long_context")["values"]["curve"]["n"].size())},
        {QStringLiteral("rank"), static_cast<int>(claim("lora.rank")["values"]["curves"].begin().value()["r"].size())},
        {QStringLiteral("parity"), static_cast<int>(claim("lora.parity")["values"]["tasks"].size())},
        {QStringLiteral("complexity"), static_cast<int>(claim("sparse.complexity")["values"]["n"].size())}};
    // a gap chart's CSV has a row per point of every series
    for (const auto& g : j["gaps"]) {
      int n = 0;
      for (const auto& s : g["chart"]["series"]) n += static_cast<int>(s["y"].size());
      points[QStringLiteral("gap:") + QString::fromStdString(g["id"].get<std::string>())] = n;
    }
    for (const QString& id : ids) {
      view.showChart(id);
      QCOMPARE(view.currentChart(), id);
      QString error;
      const QString png = dir.filePath(id + QStringLiteral(".png")), csv = dir.filePath(id + QStringLiteral(".csv"));
      QVERIFY2(view.exportChart(png, 100, &error), qPrintable(error));
      QVERIFY(!QImage(png).isNull());
      QVERIFY2(view.exportChart(csv, 100, &error), qPrintable(error));
      QCOMPARE(csvRows(csv), points.at(id));
      saveScreenshot(view, QStringLiteral("review-chart-%1.png").arg(QString(id).replace(QLatin1Char(':'), QLatin1Char('-'))));
    }
    // an existing file is not overwritten
    QString error;
    QVERIFY(!view.exportChart(dir.filePath(QStringLiteral("complexity.png")), 100, &error));
    QVERIFY(!error.isEmpty());
  }

  void badFilesAreRefusedAndTheShownReportKept() {
    QTemporaryDir dir;
    ReviewView view;
    QVERIFY(view.loadReport(kFixture));
    auto j = fixtureJson();
    const QString notJson = writeFile(dir, QStringLiteral("a.json"), "{ claims: [");
    const QString noClaims = writeFile(dir, QStringLiteral("b.json"), R"({"budget": "smoke"})");
    j["claims"][0].erase("verdict");
    const QString noVerdict = writeFile(dir, QStringLiteral("c.json"), QByteArray::fromStdString(j.dump()));
    const struct {
      QString path;
      const char* says;
    } cases[] = {{dir.filePath(QStringLiteral("missing.json")), "cannot read"},
                 {notJson, "not valid JSON"},
                 {noClaims, "not a review study report"},
                 {noVerdict, "no id or verdict"}};
    for (const auto& c : cases) {
      QString error;
      QVERIFY(!view.loadReport(c.path, &error));
      QVERIFY2(error.contains(QString::fromLatin1(c.says)), qPrintable(error));
      QVERIFY2(error.contains(QFileInfo(c.path).fileName()), qPrintable(error));
      QCOMPARE(view.table()->model()->rowCount(), 14);  // what was shown stays
    }
  }

  // NaN is written as null; a report from someone else may carry markup. Neither may crash the view or
  // reach the HTML unescaped, and file names come only from safe characters.
  void nullsAndHostileTextAreSafe() {
    QTemporaryDir dir;
    auto j = fixtureJson();
    for (auto& c : j["claims"]) {
      if (c["id"] == "sparse.long_context") c["values"]["curve"]["dense"][0] = nullptr;
      if (c["id"] == "sparse.complexity") {
        c["values"]["dense_exponent"] = nullptr;
        c["values"]["exact_ms"] = nlohmann::json::array();
      }
      if (c["id"] == "lora.rank") c["values"]["curves"].begin().value()["full"] = nullptr;
    }
    j["seconds"] = nullptr;
    j["gaps"][0]["id"] = "\"><img src=x onerror=alert(1)>";
    j["gaps"][0]["title"] = "<script>alert(2)</script>";
    j["gaps"][1]["chart"]["series"][0]["y"][0] = nullptr;
    const QString path = writeFile(dir, QStringLiteral("hostile.json"), QByteArray::fromStdString(j.dump()));
    ReviewView view;
    QString error;
    QVERIFY2(view.loadReport(path, &error), qPrintable(error));
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.chartIds().contains(QStringLiteral("accuracy_n")));
    QVERIFY(view.chartIds().contains(QStringLiteral("complexity")));
    for (const QString& id : view.chartIds()) {
      view.showChart(id);
      QVERIFY2(view.exportChart(dir.filePath(QStringLiteral("c%1.png").arg(view.chartIds().indexOf(id))), 80, &error), qPrintable(error));
    }
    const QString out = dir.filePath(QStringLiteral("html"));
    QProcess p;
    p.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("report"), QStringLiteral("--review"), path, QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile f(out + QStringLiteral("/index.html"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    QVERIFY(!html.contains(QStringLiteral("<img src=x")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    for (const QString& name : QDir(out).entryList(QDir::Files))
      for (const QChar ch : name)
        QVERIFY2(ch.isLetterOrNumber() || ch == QLatin1Char('_') || ch == QLatin1Char('-') || ch == QLatin1Char('.'), qPrintable(name));
  }

  void mainWindowOpensTheReportAndSelectsItsRuns() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("r.db"));
    QFile::copy(QStringLiteral(ETLAB_FIXTURES_DIR "/store/schema-v1.db"), db);
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    QStringList ids;
    {
      RunStore store(db.toStdString());
      for (const auto& r : store.list_runs({})) ids << QString::fromStdString(r.id);
    }
    QVERIFY(ids.size() >= 2);
    // A report whose parity row cites two runs of this database (and one from elsewhere).
    auto j = fixtureJson();
    for (auto& c : j["claims"])
      if (c["id"] == "lora.parity") c["runs"] = {ids[0].toStdString(), ids[1].toStdString(), "ffffffff-0000-0000-0000-000000000000"};
    const QString path = writeFile(dir, QStringLiteral("review.json"), QByteArray::fromStdString(j.dump()));
    MainWindow w(db);
    w.resize(1200, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString error;
    QVERIFY2(w.openReviewReport(path, &error), qPrintable(error));
    QCOMPARE(w.viewTabs()->currentWidget(), static_cast<QWidget*>(w.reviewView()));
    saveScreenshot(w, QStringLiteral("review-mainwindow.png"));
    w.reviewView()->showChart(QStringLiteral("rank"));
    QCoreApplication::processEvents();
    saveScreenshot(w, QStringLiteral("review-mainwindow-chart.png"));
    // Double-click on the parity row's verdict: its runs are selected.
    int row = -1;
    for (int i = 0; i < w.reviewView()->table()->model()->rowCount(); ++i)
      if (w.reviewView()->table()->model()->index(i, 0).data(Qt::UserRole).toString() == QStringLiteral("lora.parity")) row = i;
    QVERIFY(row >= 0);
    QSignalSpy activated(w.reviewView(), &ReviewView::runsActivated);
    auto* table = w.reviewView()->table();
    const QModelIndex cell = table->model()->index(row, ReviewTableModel::RunsColumn);
    table->scrollTo(cell);
    QCoreApplication::processEvents();
    QVERIFY(table->viewport()->rect().contains(table->visualRect(cell).center()));
    const QPoint at = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);  // a real double-click starts with a press
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(w.selectedRunIds().size(), 2);
    QVERIFY(w.selectedRunIds().contains(ids[0]) && w.selectedRunIds().contains(ids[1]));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("1 run")));
    // A bad file leaves the window as it was, with the reason.
    QVERIFY(!w.openReviewReport(dir.filePath(QStringLiteral("nope.json")), &error));
    QVERIFY(error.contains(QStringLiteral("nope.json")));
  }

  void headlessReportIsSelfContained() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("html"));
    QProcess p;
    p.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("report"), QStringLiteral("--review"), kFixture, QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile f(out + QStringLiteral("/index.html"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    const auto j = fixtureJson();
    QCOMPARE(html.count(QStringLiteral("data:image/png;base64,")), 4 + static_cast<int>(j["gaps"].size()));  // claims, gaps
    QVERIFY(html.contains(QStringLiteral("<h2>Research gaps</h2>")));
    for (const auto& g : j["gaps"])
      QVERIFY(html.contains(QString::fromStdString(g["conclusion"].get<std::string>()).toHtmlEscaped()));
    int gapRows = 0;
    for (const auto& g : j["gaps"]) gapRows += 1 + static_cast<int>(g["rows"].size());
    QCOMPARE(html.count(QStringLiteral("<tr>")), 15 + gapRows);  // header + 14 claims, then each gap's table
    QVERIFY(html.contains(QStringLiteral("Verdict rules (fixed before any run)")));
    QVERIFY(html.contains(QStringLiteral("<li>A comparison counts only if")));
    QVERIFY(!html.contains(QStringLiteral("src=\"http")));  // nothing fetched from elsewhere
    for (const char* id : {"accuracy_n", "rank", "parity", "complexity"}) {
      QVERIFY(!QImage(out + QStringLiteral("/%1.png").arg(QString::fromLatin1(id))).isNull());
      QVERIFY(csvRows(out + QStringLiteral("/%1.csv").arg(QString::fromLatin1(id))) > 0);
    }
    // A second report into the same folder is refused; the first is kept.
    QProcess again;
    again.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("report"), QStringLiteral("--review"), kFixture, QStringLiteral("--out"), out});
    QVERIFY(again.waitForFinished(120000));
    QCOMPARE(again.exitCode(), 1);
    QVERIFY(QString::fromLocal8Bit(again.readAllStandardError()).contains(QStringLiteral("already holds a report")));
    // Not a review: the reason, exit 1, nothing written.
    QProcess bad;
    bad.start(QStringLiteral(ETLAB_GUI_PATH), {QStringLiteral("report"), QStringLiteral("--review"), QStringLiteral(ETLAB_FIXTURES_DIR "/store/schema-v1.db"),
                                               QStringLiteral("--out"), dir.filePath(QStringLiteral("bad"))});
    QVERIFY(bad.waitForFinished(120000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(QString::fromLocal8Bit(bad.readAllStandardError()).contains(QStringLiteral("not valid JSON")));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("bad"))).exists());
  }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
