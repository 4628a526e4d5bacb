// SPDX-License-Identifier: MIT
#include "app/gui/MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QPushButton>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <set>

#include <nlohmann/json.hpp>

#include "app/gui/JobManager.h"
#include "app/gui/NewRunDialog.h"
#include "app/gui/TryItDialog.h"
#include "core/config/version.h"
#include "core/store/run_store.h"
#include "views/attention/AttentionExplorer.h"
#include "views/curves/CurvesView.h"
#include "views/spectra/SpectraView.h"
#include "views/study/ReviewView.h"
#include "views/tradeoff/TradeoffView.h"
#include "views/common/ChartExport.h"
#include "views/runs/RunTableModel.h"

namespace etlab {

namespace {

// How to reach etlab-cli from a terminal: its bare name when it is on PATH, else the program the jobs run.
QString cliCommand() {
  const QString name = QStringLiteral("etlab-cli");
  return QStandardPaths::findExecutable(name).isEmpty() ? JobManager::cliPath() : name;
}

constexpr int kMaxRecent = 8;

}  // namespace

MainWindow::MainWindow(const QString& dbPath, QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("etlab — Efficient Transformer Lab"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/etlab.svg")));
  setAcceptDrops(true);
  m_model = new RunTableModel(this);
  m_proxy = new RunFilterProxy(this);
  m_proxy->setSourceModel(m_model);

  QWidget* browser = buildRunBrowser();

  m_attention = new AttentionExplorer(this);
  m_details = new QTextBrowser(this);
  m_details->setOpenLinks(false);
  m_tabs = new QTabWidget(this);
  m_curves = new CurvesView(this);
  m_spectra = new SpectraView(this);
  m_tradeoff = new TradeoffView(this);
  m_review = new ReviewView(this);
  connect(m_review, &ReviewView::runsActivated, this, &MainWindow::selectRuns);
  connect(m_spectra, &SpectraView::startRunRequested, this, [this](const QString& runId, int rank) {
    const int row = m_model->rowOf(runId);
    NewRunDialog dialog(this);
    if (row >= 0) dialog.setPreset(QString::fromStdString(m_model->run(row).preset));
    dialog.setField(QStringLiteral("lora.enabled"), QStringLiteral("true"));
    dialog.setField(QStringLiteral("lora.r"), QString::number(rank));
    if (dialog.exec() == QDialog::Accepted) startJob(dialog.cliArguments(), dialog.summary());
  });
  connect(m_tradeoff, &TradeoffView::runActivated, this, [this](const QString& id) {
    selectRun(id);
    m_tabs->setCurrentWidget(m_details);
  });
  m_tabs->addTab(m_details, tr("Details"));
  m_tabs->addTab(m_curves, tr("Curves && Compare"));
  m_tabs->addTab(m_attention, tr("Attention"));
  m_tabs->addTab(m_spectra, tr("Rank Spectra"));
  m_tabs->addTab(m_tradeoff, tr("Speed vs Memory"));
  m_tabs->addTab(m_review, tr("Review Study"));
  m_tabs->setDocumentMode(true);

  m_split = new QSplitter(Qt::Vertical, this);
  m_split->addWidget(browser);
  m_split->addWidget(m_tabs);
  m_split->setStretchFactor(0, 2);
  m_split->setStretchFactor(1, 3);
  setCentralWidget(m_split);

  buildJobs();

  buildMenus();

  m_status = new QLabel(this);
  statusBar()->addPermanentWidget(m_status, 1);

  // Runs started by etlab-cli elsewhere show up without a manual refresh.
  m_poll = new QTimer(this);
  m_poll->setInterval(5000);
  connect(m_poll, &QTimer::timeout, this, &MainWindow::refresh);
  m_poll->start();

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
  if (!m_split->restoreState(settings.value(QStringLiteral("mainWindow/split")).toByteArray()))
    m_split->setSizes({320, 380});
  setTheme(static_cast<Theme>(settings.value(QStringLiteral("view/theme"), 0).toInt()));
  if (!openDatabase(dbPath)) m_dbPath = dbPath;
}

// The run browser: the filters above the run table, or the first-launch page while there are no runs.
QWidget* MainWindow::buildRunBrowser() {
  m_table = new QTableView(this);
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(RunTableModel::Created, Qt::DescendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setAlternatingRowColors(true);
  m_table->setWordWrap(false);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);

  // Filters: free text, status, method, tag, configuration conditions.
  m_filter = new QLineEdit(this);
  m_filter->setPlaceholderText(tr("Filter runs (any column, notes, id)"));
  m_filter->setClearButtonEnabled(true);
  connect(m_filter, &QLineEdit::textChanged, m_proxy, &RunFilterProxy::setText);
  m_statusFilter = new QComboBox(this);
  m_statusFilter->addItem(tr("any status"), QString());
  for (const char* s : {"queued", "running", "finished", "failed", "cancelled", "interrupted"})
    m_statusFilter->addItem(RunTableModel::statusText(s), QString::fromLatin1(s));
  connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
          [this] { m_proxy->setStatus(m_statusFilter->currentData().toString()); });
  m_methodFilter = new QComboBox(this);
  connect(m_methodFilter, &QComboBox::currentIndexChanged, this,
          [this] { m_proxy->setMethod(m_methodFilter->currentData().toString()); });
  m_tag = new QLineEdit(this);
  m_tag->setPlaceholderText(tr("tag"));
  m_tag->setClearButtonEnabled(true);
  m_tag->setMaximumWidth(110);
  connect(m_tag, &QLineEdit::textChanged, m_proxy, &RunFilterProxy::setTag);
  m_where = new QLineEdit(this);
  m_where->setPlaceholderText(tr("config, e.g. lora.r=8 attention.block=64"));
  m_where->setClearButtonEnabled(true);
  m_where->setToolTip(tr("Conditions on the run configuration, KEY=VALUE separated by spaces; all must hold"));
  connect(m_where, &QLineEdit::textChanged, this, [this](const QString& text) {
    const bool ok = m_proxy->setConfigConditions(text);
    m_where->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
    m_where->setToolTip(ok ? tr("Conditions on the run configuration, KEY=VALUE separated by spaces; all must hold")
                           : tr("Each condition must be KEY=VALUE, e.g. lora.r=8"));
  });
  auto* filters = new QHBoxLayout;
  filters->addWidget(m_filter, 2);
  filters->addWidget(m_statusFilter);
  filters->addWidget(m_methodFilter);
  filters->addWidget(m_tag);
  filters->addWidget(m_where, 2);

  m_empty = new QLabel(tr("<h3>No runs yet</h3><p>Start with the demo: it trains a dense, a learned-sparse and a LoRA "
                          "model on ListOps (smoke-sized, about a minute each on a laptop CPU), so every view fills.</p>"
                          "<p>Or choose <b>File › New Run…</b>, or train from a terminal:</p>"
                          "<pre>%1 train --preset smoke-dense</pre>")
                           .arg(cliCommand().toHtmlEscaped()),
                       this);
  m_empty->setAlignment(Qt::AlignCenter);
  m_empty->setWordWrap(true);
  m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* demo = new QPushButton(tr("Run the demo comparison"), this);
  demo->setObjectName(QStringLiteral("demoButton"));
  connect(demo, &QPushButton::clicked, this, &MainWindow::startDemo);
  auto* emptyPage = new QWidget(this);
  auto* emptyLayout = new QVBoxLayout(emptyPage);
  emptyLayout->addStretch();
  emptyLayout->addWidget(m_empty);
  emptyLayout->addWidget(demo, 0, Qt::AlignHCenter);
  emptyLayout->addStretch();
  m_stack = new QStackedWidget(this);
  m_stack->setObjectName(QStringLiteral("runStack"));
  m_stack->addWidget(emptyPage);
  m_stack->addWidget(m_table);

  auto* browser = new QWidget(this);
  auto* browserLayout = new QVBoxLayout(browser);
  browserLayout->setContentsMargins(0, 0, 0, 0);
  browserLayout->addLayout(filters);
  browserLayout->addWidget(m_stack);
  return browser;
}

// The job manager, its dock (shown with the first job) and what a finished job refreshes.
void MainWindow::buildJobs() {
  m_jobs = new JobManager(this);
  m_jobs->setMaxParallel(QSettings().value(QStringLiteral("jobs/parallel"), 1).toInt());
  m_jobsPanel = new JobsPanel(m_jobs, this);
  auto* dock = new QDockWidget(tr("Jobs"), this);
  dock->setObjectName(QStringLiteral("jobsDock"));
  dock->setWidget(m_jobsPanel);
  addDockWidget(Qt::BottomDockWidgetArea, dock);
  dock->hide();  // shown with the first job
  connect(m_jobs, &JobManager::jobChanged, dock, &QDockWidget::show);
  m_refreshSoon = new QTimer(this);
  m_refreshSoon->setSingleShot(true);
  m_refreshSoon->setInterval(400);
  connect(m_refreshSoon, &QTimer::timeout, this, &MainWindow::refresh);
  connect(m_jobs, &JobManager::runsChanged, m_refreshSoon, qOverload<>(&QTimer::start));
  connect(m_jobs, &JobManager::jobFinished, this, [this](int id) {
    const Job* j = m_jobs->job(id);
    if (!j) return;
    statusBar()->showMessage(tr("Job “%1” %2").arg(j->label, stateName(j->state)) +
                                 (j->message.isEmpty() ? QString() : QStringLiteral(": ") + j->message),
                             10000);
    // A new run's views are worth refreshing once it ends.
    if (!j->runId.isEmpty() && (j->runId == m_shownRun || m_shownRuns.contains(j->runId))) {
      m_shownRun.clear();
      m_shownRuns.clear();
      onSelectionChanged();
    }
    m_tradeoff->setDatabase(m_dbPath);
  });
  connect(m_jobsPanel, &JobsPanel::resumeRequested, this,
          [this](const QString& id) { startJob({QStringLiteral("resume"), id}, tr("resume %1").arg(id.left(8))); });
}

bool MainWindow::openDatabase(const QString& path) {
  if (!m_model->reload(path, m_showBin)) {
    QMessageBox::warning(this, tr("Cannot open database"),
                         tr("%1 could not be opened:\n%2").arg(QDir::toNativeSeparators(path), m_model->errorString()));
    return false;
  }
  const bool switched = path != m_dbPath;
  m_dbPath = path;
  m_jobs->setDatabase(path);
  m_tradeoff->setDatabase(path);
  if (switched) {
    m_shownRun.clear();
    m_shownRuns.clear();
    m_lastDeleted.clear();
    m_undoAction->setEnabled(false);
  }
  rememberRecent(path);
  fillFilterChoices();
  m_table->resizeColumnsToContents();
  updateStatus();
  // Something to look at straight away: the newest run.
  if (m_proxy->rowCount() > 0 && selectedRunIds().isEmpty())
    selectRun(m_proxy->index(0, 0).data(RunTableModel::RunIdRole).toString());
  return true;
}

void MainWindow::refresh() {
  if (m_dbPath.isEmpty()) return;
  const QStringList selected = selectedRunIds();
  const int before = m_model->rowCount();
  if (!m_model->reload(m_dbPath, m_showBin)) statusBar()->showMessage(m_model->errorString(), 5000);
  fillFilterChoices();
  if (before == 0 && m_model->rowCount() > 0) m_table->resizeColumnsToContents();
  if (!selected.isEmpty()) {
    // Keep the whole selection (the views show all of it).
    const QSignalBlocker block(m_table->selectionModel());
    m_table->selectionModel()->clear();
    for (const QString& id : selected) {
      const int row = m_model->rowOf(id);
      if (row < 0) continue;
      const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
      if (index.isValid()) m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
  } else if (m_proxy->rowCount() > 0) {
    selectRun(m_proxy->index(0, 0).data(RunTableModel::RunIdRole).toString());  // the newest run
  }
  if (!m_shownRun.isEmpty() && m_model->rowOf(m_shownRun) >= 0) showDetails(m_shownRun);
  updateStatus();
}

void MainWindow::fillFilterChoices() {
  const QString current = m_methodFilter->currentData().toString();
  std::set<QString> methods;
  for (int r = 0; r < m_model->rowCount(); ++r) methods.insert(QString::fromStdString(m_model->run(r).method));
  const QSignalBlocker block(m_methodFilter);
  m_methodFilter->clear();
  m_methodFilter->addItem(tr("any method"), QString());
  for (const auto& m : methods)
    if (!m.isEmpty()) m_methodFilter->addItem(m, m);
  const int i = m_methodFilter->findData(current);
  m_methodFilter->setCurrentIndex(i < 0 ? 0 : i);
  if (i < 0 && !current.isEmpty()) m_proxy->setMethod(QString());
}

QStringList MainWindow::selectedRunIds() const {
  QStringList ids;
  for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
    ids << i.data(RunTableModel::RunIdRole).toString();
  return ids;
}

void MainWindow::selectRun(const QString& runId) {
  const int row = m_model->rowOf(runId);
  if (row < 0) return;
  const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
  if (!index.isValid()) return;
  m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_table->setCurrentIndex(index);
  m_table->scrollTo(index);
}

void MainWindow::onSelectionChanged() {
  const QStringList ids = selectedRunIds();
  m_restoreAction->setEnabled(m_showBin && !ids.isEmpty());
  m_deleteAction->setEnabled(!m_showBin && !ids.isEmpty());
  if (ids.isEmpty() || ids == m_shownRuns) return;  // filtering keeps the selection: nothing to reload
  m_shownRuns = ids;
  m_curves->setRuns(m_dbPath, ids);  // several selected runs are overlaid and compared
  m_spectra->setRuns(m_dbPath, ids);
  m_attention->setCompareRun(m_dbPath, ids.size() > 1 ? ids.at(1) : QString());  // "difference to run …"
  if (ids.front() == m_shownRun) return;
  m_shownRun = ids.front();
  showDetails(ids.front());
  m_attention->setRun(m_dbPath, ids.front());
}

bool MainWindow::exportCurrentView(const QString& path, QString* error, int dpi) {
  QWidget* current = m_tabs->currentWidget();
  if (current == m_attention) return m_attention->exportTo(path, dpi, error);
  if (current == m_curves) return m_curves->exportTo(path, dpi, error);
  if (current == m_spectra) return m_spectra->exportTo(path, dpi, error);
  if (current == m_tradeoff) return m_tradeoff->exportTo(path, dpi, error);
  if (current == m_review) return m_review->exportChart(path, dpi, error);
  if (error) *error = tr("the Details view has no chart; choose Curves, Attention, Rank Spectra or Speed vs Memory");
  return false;
}

void MainWindow::chooseExport() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export view"), QFileInfo(m_dbPath).absolutePath(), chartFileFilter());
  if (path.isEmpty()) return;
  int dpi = QSettings().value(QStringLiteral("export/dpi"), 200).toInt();
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("png")) {
    bool ok = false;
    dpi = QInputDialog::getInt(this, tr("Export view"), tr("Resolution of the PNG image (dots per inch):"), dpi, 72, 1200, 50, &ok);
    if (!ok) return;
    QSettings().setValue(QStringLiteral("export/dpi"), dpi);
  }
  QString error;
  if (!exportCurrentView(path, &error, dpi)) QMessageBox::warning(this, tr("Export view"), error);
  else statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::chooseDatabase() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open etlab database"), QFileInfo(m_dbPath).absolutePath(),
                                                    tr("etlab databases (*.db *.sqlite);;All files (*)"));
  if (!path.isEmpty()) openDatabase(path);
}

void MainWindow::rememberRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recentDatabases")).toStringList();
  const QString abs = QFileInfo(path).absoluteFilePath();
  recent.removeAll(abs);
  recent.prepend(abs);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(QStringLiteral("recentDatabases"), recent);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  for (const QString& path : QSettings().value(QStringLiteral("recentDatabases")).toStringList())
    m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openDatabase(path); });
  m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  for (const QUrl& url : e->mimeData()->urls())
    if (url.isLocalFile()) {
      e->acceptProposedAction();
      return;
    }
}

void MainWindow::dropEvent(QDropEvent* e) {
  const auto urls = e->mimeData()->urls();
  if (urls.isEmpty() || !urls.front().isLocalFile()) return;
  const QString path = urls.front().toLocalFile();
  QMessageBox box(QMessageBox::Question, tr("Database dropped"),
                  tr("What should happen with %1?").arg(QDir::toNativeSeparators(path)), QMessageBox::Cancel, this);
  auto* open = box.addButton(tr("Open it"), QMessageBox::AcceptRole);
  auto* merge = box.addButton(tr("Merge its runs into this database"), QMessageBox::ActionRole);
  box.exec();
  if (box.clickedButton() == open) openDatabase(path);
  else if (box.clickedButton() == merge) mergeDatabase(path, false);
}

void MainWindow::closeEvent(QCloseEvent* e) {
  if (m_jobs->activeCount() > 0) {
    const auto answer = QMessageBox::question(
        this, tr("Training in progress"),
        tr("%n training job(s) are running. Stop them now? They are saved and can be resumed later.", nullptr,
           m_jobs->activeCount()),
        QMessageBox::Yes | QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
      e->ignore();
      return;
    }
    m_jobs->cancelAll();
  }
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/split"), m_split->saveState());
  QMainWindow::closeEvent(e);
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
  m_stack->setCurrentIndex(n == 0 && !m_showBin ? 0 : 1);
  m_tabs->setVisible(n > 0 || m_showBin);  // the first-launch guide gets the whole window
  m_status->setText(m_showBin ? tr("%n run(s) in the bin of %1", nullptr, n).arg(QDir::toNativeSeparators(m_dbPath))
                              : tr("%n run(s) in %1", nullptr, n).arg(QDir::toNativeSeparators(m_dbPath)));
}

}  // namespace etlab
