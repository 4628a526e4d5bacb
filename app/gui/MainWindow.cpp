// SPDX-License-Identifier: MIT
#include "app/gui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "core/config/version.h"
#include "views/runs/RunTableModel.h"

namespace etlab {

namespace {

// How to reach etlab-cli from a terminal: on PATH, beside this program, or in the build tree.
QString cliCommand() {
  const QString name = QStringLiteral("etlab-cli");
  if (!QStandardPaths::findExecutable(name).isEmpty()) return name;
  const QDir here(QCoreApplication::applicationDirPath());
  for (const QString& candidate : {here.filePath(name), here.filePath(QStringLiteral("../") + name)})
    if (QFileInfo(candidate).isExecutable()) return QDir::cleanPath(candidate);
  return name;
}

}  // namespace

MainWindow::MainWindow(const QString& dbPath, QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("etlab — Efficient Transformer Lab"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/etlab.svg")));
  m_model = new RunTableModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(Qt::UserRole);
  m_proxy->setFilterKeyColumn(-1);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

  m_table = new QTableView(this);
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(RunTableModel::Created, Qt::DescendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setAlternatingRowColors(true);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);

  m_filter = new QLineEdit(this);
  m_filter->setPlaceholderText(tr("Filter runs (status, preset, method, task…)"));
  m_filter->setClearButtonEnabled(true);
  connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

  m_empty = new QLabel(tr("<h3>No runs yet</h3><p>Train a first model from a terminal:</p>"
                          "<pre>%1 train --preset smoke-dense</pre>"
                          "<p>Runs appear here as they start.</p>")
                           .arg(cliCommand().toHtmlEscaped()),
                       this);
  m_empty->setAlignment(Qt::AlignCenter);
  m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_stack = new QStackedWidget(this);
  m_stack->addWidget(m_empty);
  m_stack->addWidget(m_table);

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->addWidget(m_filter);
  layout->addWidget(m_stack);
  setCentralWidget(central);

  auto* fileMenu = menuBar()->addMenu(tr("&File"));
  auto* open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabase);
  open->setShortcut(QKeySequence::Open);
  auto* reload = fileMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
  reload->setShortcut(QKeySequence::Refresh);
  fileMenu->addSeparator();
  auto* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
  quit->setShortcut(QKeySequence::Quit);
  auto* helpMenu = menuBar()->addMenu(tr("&Help"));
  helpMenu->addAction(tr("&About etlab"), this, &MainWindow::showAbout);

  m_status = new QLabel(this);
  statusBar()->addPermanentWidget(m_status, 1);

  // Runs started by etlab-cli elsewhere show up without a manual refresh.
  m_poll = new QTimer(this);
  m_poll->setInterval(5000);
  connect(m_poll, &QTimer::timeout, this, &MainWindow::refresh);
  m_poll->start();

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
  if (!openDatabase(dbPath)) m_dbPath = dbPath;
}

bool MainWindow::openDatabase(const QString& path) {
  if (!m_model->reload(path)) {
    QMessageBox::warning(this, tr("Cannot open database"),
                         tr("%1 could not be opened:\n%2").arg(QDir::toNativeSeparators(path), m_model->errorString()));
    return false;
  }
  m_dbPath = path;
  m_table->resizeColumnsToContents();
  updateStatus();
  return true;
}

void MainWindow::refresh() {
  if (m_dbPath.isEmpty()) return;
  if (!m_model->reload(m_dbPath)) statusBar()->showMessage(m_model->errorString(), 5000);
  updateStatus();
}

void MainWindow::chooseDatabase() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open etlab database"), QFileInfo(m_dbPath).absolutePath(),
                                                    tr("etlab databases (*.db *.sqlite);;All files (*)"));
  if (!path.isEmpty()) openDatabase(path);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About etlab"),
                     tr("<h3>etlab %1</h3><p>The Efficient Transformer Lab: learned sparse attention and LoRA, "
                        "measured on your own machine.</p><p>Qt %2 · git %3</p><p>MIT licence.</p>")
                         .arg(QString::fromStdString(version()), QString::fromLatin1(qVersion()),
                              QString::fromStdString(git_revision())));
}

void MainWindow::updateStatus() {
  const int n = m_model->rowCount();
  m_stack->setCurrentWidget(n == 0 ? static_cast<QWidget*>(m_empty) : m_table);
  m_status->setText(tr("%n run(s) in %1", nullptr, n).arg(QDir::toNativeSeparators(m_dbPath)));
}

}  // namespace etlab
