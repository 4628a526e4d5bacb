// SPDX-License-Identifier: MIT
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
