// SPDX-License-Identifier: MIT
#include <QDir>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/MainWindow.h"
#include "test_db.h"
#include "views/runs/RunTableModel.h"

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
    auto* table = w.findChild<QTableView*>();
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
    auto* stack = w.findChild<QStackedWidget*>();
    QVERIFY(stack);
    auto* label = qobject_cast<QLabel*>(stack->currentWidget());
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("etlab-cli train --preset smoke-dense")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("new/etlab.db"))));
    saveScreenshot(w, QStringLiteral("mainwindow-empty.png"));
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
