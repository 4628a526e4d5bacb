// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QString>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace etlab {

class RunTableModel;

/// The main window: wires the run browser to a database. (Later issues add the views.)
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const QString& dbPath, QWidget* parent = nullptr);

  QString databasePath() const { return m_dbPath; }
  RunTableModel* runModel() const { return m_model; }

 public Q_SLOTS:
  /// Opens another database; on failure keeps the current one and shows why.
  bool openDatabase(const QString& path);
  void refresh();

 private Q_SLOTS:
  void chooseDatabase();
  void showAbout();

 private:
  void updateStatus();

  QString m_dbPath;
  RunTableModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QLineEdit* m_filter = nullptr;
  QLabel* m_empty = nullptr;
  QStackedWidget* m_stack = nullptr;
  QLabel* m_status = nullptr;
  QTimer* m_poll = nullptr;
};

}  // namespace etlab
