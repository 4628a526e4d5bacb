// SPDX-License-Identifier: MIT
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/MainWindow.h"
#include "test_db.h"
#include "core/store/run_store.h"
#include "views/runs/RunTableModel.h"
#include "views/study/ReviewView.h"

class TestMainWindow : public QObject {
  Q_OBJECT

  static void saveScreenshot(QWidget& w, const QString& name) {
    const QString dir = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name));
  }

 private Q_SLOTS:
  void listsTheRunsOfTheDatabase() {
    QTemporaryDir dir;
    const QString path = etlab::test::makeDatabase(dir, 9);
    etlab::MainWindow w(path);
    w.resize(1200, 600);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* table = w.runTable();
    QVERIFY(table);
    QVERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), 9);
    QCOMPARE(w.databasePath(), path);
    saveScreenshot(w, QStringLiteral("mainwindow-runs.png"));
  }

  void showsAGuideOnAnEmptyDatabase() {
    QTemporaryDir dir;
    etlab::MainWindow w(dir.filePath(QStringLiteral("new/etlab.db")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* stack = w.findChild<QStackedWidget*>(QStringLiteral("runStack"));
    QVERIFY(stack);
    auto* label = stack->currentWidget()->findChild<QLabel*>();
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("etlab-cli train --preset smoke-dense")));
    auto* demo = stack->currentWidget()->findChild<QPushButton*>(QStringLiteral("demoButton"));
    QVERIFY(demo);
    QVERIFY(demo->isVisible());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("new/etlab.db"))));
    saveScreenshot(w, QStringLiteral("mainwindow-empty.png"));
  }

  void renamesTagsAnnotatesDeletesAndUndoes() {
    QTemporaryDir dir;
    const QString path = etlab::test::makeDatabase(dir, 6);
    etlab::MainWindow w(path);
    w.show();
    const QString id = QString::fromStdString(w.runModel()->run(0).id);
    QVERIFY(w.renameRun(id, QStringLiteral("  my baseline ")));
    QVERIFY(w.setRunTags(id, {QStringLiteral("paper"), QStringLiteral(" seed-1")}));
    QVERIFY(w.setRunNotes(id, QStringLiteral("lr too high?")));
    const int row = w.runModel()->rowOf(id);
    QCOMPARE(w.runModel()->data(w.runModel()->index(row, etlab::RunTableModel::Name)).toString(),
             QStringLiteral("my baseline ✎"));
    QCOMPARE(w.runModel()->tags(row), (QStringList{QStringLiteral("paper"), QStringLiteral("seed-1")}));
    {
      etlab::RunStore store(path.toStdString(), true);
      QCOMPARE(QString::fromStdString(store.find_run(id.toStdString())->notes), QStringLiteral("lr too high?"));
    }
    // Filter by tag, then by configuration, then by text.
    w.runProxy()->setTag(QStringLiteral("paper"));
    QCOMPARE(w.runProxy()->rowCount(), 1);
    w.runProxy()->setTag(QString());
    QVERIFY(!w.runProxy()->setConfigConditions(QStringLiteral("nonsense")));
    QVERIFY(w.runProxy()->setConfigConditions(QStringLiteral("train.seed=1")));
    QCOMPARE(w.runProxy()->rowCount(), 0);
    QVERIFY(w.runProxy()->setConfigConditions(QString()));
    w.runProxy()->setText(QStringLiteral("BASELINE"));
    QCOMPARE(w.runProxy()->rowCount(), 1);
    w.runProxy()->setText(QString());
    // Soft delete with undo.
    w.selectRun(id);
    QCOMPARE(w.selectedRunIds(), QStringList{id});
    w.deleteSelected();
    QCOMPARE(w.runModel()->rowCount(), 5);
    QCOMPARE(w.runModel()->rowOf(id), -1);
    w.undoDelete();
    QCOMPARE(w.runModel()->rowCount(), 6);
    QVERIFY(w.runModel()->rowOf(id) >= 0);
  }

  void mergesAnotherDatabaseInTheBackground() {
    QTemporaryDir dir;
    const QString path = etlab::test::makeDatabase(dir, 3);
    QTemporaryDir other;
    const QString source = etlab::test::makeDatabase(other, 4);
    etlab::MainWindow w(path);
    QSignalSpy done(&w, &etlab::MainWindow::backgroundWorkFinished);
    QVERIFY(w.mergeDatabase(source, false));
    QVERIFY(done.wait(30000));
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QVERIFY(done.at(0).at(1).toString().contains(QStringLiteral("4 run(s) added")));
    QCOMPARE(w.runModel()->rowCount(), 7);
    // A second merge adds nothing.
    QVERIFY(w.mergeDatabase(source, false));
    QVERIFY(done.wait(30000));
    QVERIFY(done.at(1).at(1).toString().contains(QStringLiteral("0 run(s) added")));
    QCOMPARE(w.runModel()->rowCount(), 7);
  }

  void sortsAndFiltersAThousandRunsQuickly() {
    QTemporaryDir dir;
    const QString path = etlab::test::makeDatabase(dir, 1000);
    etlab::MainWindow w(path);
    w.resize(1200, 700);
    w.show();
    QCOMPARE(w.runModel()->rowCount(), 1000);
    QElapsedTimer t;
    t.start();
    w.runTable()->sortByColumn(etlab::RunTableModel::TestAccuracy, Qt::DescendingOrder);
    const double sortMs = t.nsecsElapsed() / 1e6;
    auto* proxy = w.runProxy();
    const double top = proxy->data(proxy->index(0, etlab::RunTableModel::TestAccuracy), etlab::RunTableModel::SortRole).toDouble();
    const double bottom =
        proxy->data(proxy->index(proxy->rowCount() - 1, etlab::RunTableModel::TestAccuracy), etlab::RunTableModel::SortRole).toDouble();
    QVERIFY(top > bottom);
    t.restart();
    w.runProxy()->setText(QStringLiteral("sparse"));
    const int shown = w.runProxy()->rowCount();
    const double filterMs = t.nsecsElapsed() / 1e6;
    w.runProxy()->setText(QString());
    t.restart();
    w.runProxy()->setStatus(QStringLiteral("finished"));
    const double statusMs = t.nsecsElapsed() / 1e6;
    QCOMPARE(shown, 750);  // learned_sparse, fixed_sparse or preset listops-sparse: i % 4 != 0
    qInfo("1,000 runs in the GUI: sort %.2f ms, text filter %.2f ms, status filter %.2f ms", sortMs, filterMs, statusMs);
  }

  // Real runs (the schema-v1 fixture: smoke-dense, smoke-sparse, smoke-lora): every view fills and exports.
  void visitsEveryViewOfRealRunsAndExportsThem() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("real.db"));
    QVERIFY(QFile::copy(QStringLiteral(ETLAB_FIXTURES_DIR "/store/schema-v1.db"), db));
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    etlab::MainWindow w(db);
    w.resize(1280, 860);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.runModel()->rowCount(), 3);
    w.runTable()->selectAll();
    QCOMPARE(w.selectedRunIds().size(), 3);
    w.refresh();  // what the 5-second poll does
    QCOMPARE(w.selectedRunIds().size(), 3);
    const char* names[] = {"details", "curves", "attention", "spectra", "tradeoff", "review"};
    QCOMPARE(w.viewTabs()->count(), 6);
    for (int tab = 0; tab < w.viewTabs()->count(); ++tab) {
      w.viewTabs()->setCurrentIndex(tab);
      if (tab == 5) {  // the review study's view shows a review.json, here the smoke budget's
        QString error;
        QVERIFY2(w.openReviewReport(QStringLiteral(ETLAB_FIXTURES_DIR "/study/review-smoke.json"), &error), qPrintable(error));
        w.reviewView()->showChart(QStringLiteral("parity"));
      }
      if (tab == 2) {  // the attention view shows one run: the learned-sparse one
        w.runTable()->clearSelection();
        etlab::RunFilter f;
        f.preset = "smoke-sparse";
        w.selectRun(QString::fromStdString(etlab::RunStore(db.toStdString(), true).list_runs(f).at(0).id));
      }
      QTest::qWait(1500);  // views load off the UI thread
      saveScreenshot(w, QStringLiteral("view-%1.png").arg(QString::fromLatin1(names[tab])));
      for (const char* suffix : {"png", "svg", "pdf", "csv"}) {
        const QString out = dir.filePath(QStringLiteral("%1.%2").arg(QString::fromLatin1(names[tab]), QString::fromLatin1(suffix)));
        QString error;
        const bool ok = w.exportCurrentView(out, &error);
        if (tab == 0) {
          QVERIFY(!ok);
          QVERIFY(!error.isEmpty());
          continue;
        }
        QVERIFY2(ok, qPrintable(QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(names[tab]), QString::fromLatin1(suffix), error)));
        QVERIFY(QFileInfo(out).size() > 0);
      }
      if (tab == 2) w.runTable()->selectAll();  // back to all runs for the spectra
    }
  }

  void keepsTheCurrentDatabaseWhenAnotherCannotOpen() {
    QTemporaryDir dir;
    const QString good = etlab::test::makeDatabase(dir, 2);
    etlab::MainWindow w(good);
    const QString bad = dir.filePath(QStringLiteral("bad.db"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("garbage");
    f.close();
    // The warning box is modal; close it as soon as it appears.
    QTimer::singleShot(200, [] {
      for (QWidget* top : QApplication::topLevelWidgets())
        if (top->inherits("QMessageBox")) top->close();
    });
    QVERIFY(!w.openDatabase(bad));
    QCOMPARE(w.databasePath(), good);
    QCOMPARE(w.runModel()->rowCount(), 2);
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
