// SPDX-License-Identifier: MIT
#include <QElapsedTimer>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

#include "test_db.h"
#include "views/runs/RunTableModel.h"

using etlab::RunTableModel;

class TestRunTableModel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsEveryRunOfARealDatabase() {
    QTemporaryDir dir;
    const QString path = etlab::test::makeDatabase(dir, 7);
    RunTableModel model;
    QVERIFY2(model.reload(path), qPrintable(model.errorString()));
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.columnCount(), int(RunTableModel::ColumnCount));
    int failed = 0, finished = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
      const QString status = model.data(model.index(row, RunTableModel::Status)).toString();
      failed += status == QStringLiteral("failed");
      finished += status == QStringLiteral("finished");
      if (status == QStringLiteral("failed"))
        QCOMPARE(model.data(model.index(row, RunTableModel::Status), Qt::ToolTipRole).toString(),
                 QStringLiteral("loss became NaN at step 12"));
    }
    QCOMPARE(failed, 3);
    QCOMPARE(finished, 4);
  }

  void sortsNumericallyThroughUserRole() {
    QTemporaryDir dir;
    RunTableModel model;
    QVERIFY(model.reload(etlab::test::makeDatabase(dir, 12)));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Qt::UserRole);
    proxy.sort(RunTableModel::TestAccuracy, Qt::DescendingOrder);
    const double top = proxy.data(proxy.index(0, RunTableModel::TestAccuracy), Qt::UserRole).toDouble();
    QVERIFY(qAbs(top - 0.31) < 1e-9);  // run 11 is finished with 0.2 + 0.11
    proxy.setFilterKeyColumn(RunTableModel::Method);
    proxy.setFilterFixedString(QStringLiteral("learned_sparse"));
    QCOMPARE(proxy.rowCount(), 3);
  }

  // The GUI's reader against three real training-like processes writing the same file.
  void readsWhileSeveralProcessesWrite() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.db"));
    QList<QProcess*> writers;
    for (int w = 0; w < 3; ++w) {
      auto* p = new QProcess(this);
      p->start(QStringLiteral(ETLAB_STORE_WRITER),
               {QStringLiteral("write"), path, QStringLiteral("8"), QStringLiteral("400"),
                dir.filePath(QStringLiteral("marker-%1").arg(w))});
      QVERIFY(p->waitForStarted());
      writers << p;
    }
    RunTableModel model;
    int reloads = 0, failures = 0;
    QString firstError;
    QElapsedTimer clock;
    clock.start();
    auto running = [&] {
      for (auto* p : writers)
        if (p->state() != QProcess::NotRunning) return true;
      return false;
    };
    while (running() && clock.elapsed() < 60000) {
      if (QFile::exists(path)) {
        if (!model.reload(path)) {
          ++failures;
          if (firstError.isEmpty()) firstError = model.errorString();
        }
        ++reloads;
      }
      QTest::qWait(10);
    }
    for (auto* p : writers) {
      if (p->state() != QProcess::NotRunning) QVERIFY(p->waitForFinished(60000));
      QCOMPARE(p->exitStatus(), QProcess::NormalExit);
      QCOMPARE(p->exitCode(), 0);
    }
    QVERIFY2(failures == 0, qPrintable(QStringLiteral("%1 of %2 reloads failed, first: %3").arg(failures).arg(reloads).arg(firstError)));
    QVERIFY(reloads > 0);
    QVERIFY(model.reload(path));
    QCOMPARE(model.rowCount(), 24);
    for (int row = 0; row < model.rowCount(); ++row)
      QCOMPARE(model.data(model.index(row, RunTableModel::Status)).toString(), QStringLiteral("finished"));
    qInfo("GUI reader: %d reloads while 3 processes wrote, none failed", reloads);
  }

  void reportsUnreadableFiles() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("notes.db"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    RunTableModel model;
    QVERIFY(!model.reload(bad));
    QVERIFY(model.errorString().contains(QStringLiteral("not an etlab database")));
    QFile again(bad);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("not a database"));
  }
};

QTEST_MAIN(TestRunTableModel)
#include "tst_runtablemodel.moc"
