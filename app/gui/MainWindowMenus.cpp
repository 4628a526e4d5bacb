// SPDX-License-Identifier: MIT
// MainWindow: the menus, the tool bar and the colour theme.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenuBar>
#include <QPalette>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>

#include <utility>

#include "app/gui/JobManager.h"
#include "app/gui/MainWindow.h"
#include "core/store/run_store.h"
#include "views/attention/AttentionExplorer.h"
#include "views/curves/CurvesView.h"
#include "views/runs/RunTableModel.h"
#include "views/spectra/SpectraView.h"
#include "views/tradeoff/TradeoffView.h"

namespace etlab {

void MainWindow::buildMenus() {
  auto* fileMenu = menuBar()->addMenu(tr("&File"));
  auto* newRunAction = fileMenu->addAction(tr("&New Run…"), this, &MainWindow::newRun);
  newRunAction->setShortcut(QKeySequence::New);
  fileMenu->addAction(tr("Run the &Demo Comparison"), this, &MainWindow::startDemo);
  // The literature review's claims measured here (etlab-cli study review), at four budgets.
  auto* review = fileMenu->addMenu(tr("Review &Study"));
  const std::pair<const char*, QString> budgets[] = {{"smoke", tr("Smoke (about 2 minutes)")},
                                                      {"quick", tr("Quick (up to 30 minutes, indicative)")},
                                                      {"standard", tr("Standard (up to 2.5 hours, 3 seeds)")},
                                                      {"full", tr("Full (overnight)")}};
  for (const auto& [budget, label] : budgets)
    review->addAction(label, this, [this, b = QString::fromLatin1(budget)] { startReviewStudy(b); });
  fileMenu->addAction(tr("Open Review &Report…"), this, &MainWindow::chooseReviewReport);
  fileMenu->addSeparator();
  auto* open = fileMenu->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabase);
  open->setShortcut(QKeySequence::Open);
  m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
  fileMenu->addAction(tr("&Merge Database…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Merge runs from"), QFileInfo(m_dbPath).absolutePath(),
                                                      tr("etlab databases (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty()) mergeDatabase(path);
  });
  auto* exportView = fileMenu->addAction(tr("&Export View…"), this, &MainWindow::chooseExport);
  exportView->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));  // plain Ctrl+E is "end of line" in X11 line edits
  auto* reload = fileMenu->addAction(tr("Re&fresh"), this, &MainWindow::refresh);
  reload->setShortcut(QKeySequence::Refresh);
  fileMenu->addSeparator();
  auto* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
  quit->setShortcut(QKeySequence::Quit);

  auto* runMenu = menuBar()->addMenu(tr("&Run"));
  auto* rename = runMenu->addAction(tr("Re&name…"), this, &MainWindow::editName);
  rename->setShortcut(QKeySequence(Qt::Key_F2));
  auto* tags = runMenu->addAction(tr("&Tags…"), this, &MainWindow::editTags);
  tags->setShortcut(QKeySequence(tr("Ctrl+T")));
  auto* notes = runMenu->addAction(tr("N&otes…"), this, &MainWindow::editNotes);
  auto* experiment = runMenu->addAction(tr("E&xperiment…"), this, [this] {
    const QStringList ids = selectedRunIds();
    if (ids.isEmpty()) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Experiment"),
                                               tr("Group the %n selected run(s) under the experiment (empty: none):", nullptr,
                                                  static_cast<int>(ids.size())),
                                               QLineEdit::Normal, QString::fromStdString(m_model->run(m_model->rowOf(ids.front())).experiment), &ok);
    if (!ok) return;
    withStore([&](RunStore& s) {
      for (const QString& id : ids) s.set_experiment(id.toStdString(), name.trimmed().toStdString());
    }, tr("Experiment"));
    refresh();
    m_table->sortByColumn(RunTableModel::Experiment, Qt::AscendingOrder);  // groups the runs of each experiment
  });
  auto* tryIt = runMenu->addAction(tr("Tr&y It…"), this, &MainWindow::tryItSelected);
  tryIt->setShortcut(QKeySequence(tr("Ctrl+I")));
  m_resumeAction = runMenu->addAction(tr("Res&ume"), this, &MainWindow::resumeSelected);
  m_resumeAction->setShortcut(QKeySequence(tr("Ctrl+R")));
  auto* parallel = runMenu->addMenu(tr("Jobs Side by Side"));
  auto* parallelGroup = new QActionGroup(this);
  for (int n : {1, 2, 4}) {
    auto* a = parallel->addAction(tr("%n at a time", nullptr, n));
    a->setCheckable(true);
    a->setChecked(m_jobs->maxParallel() == n);
    parallelGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, n] {
      m_jobs->setMaxParallel(n);
      QSettings().setValue(QStringLiteral("jobs/parallel"), n);
    });
  }
  runMenu->addSeparator();
  m_deleteAction = runMenu->addAction(tr("Move to &Bin"), this, &MainWindow::deleteSelected);
  m_deleteAction->setShortcut(QKeySequence::Delete);
  m_undoAction = runMenu->addAction(tr("&Undo Delete"), this, &MainWindow::undoDelete);
  m_undoAction->setShortcut(QKeySequence::Undo);
  m_undoAction->setEnabled(false);
  runMenu->addSeparator();
  m_binAction = runMenu->addAction(tr("Show the B&in"));
  m_binAction->setCheckable(true);
  connect(m_binAction, &QAction::toggled, this, &MainWindow::toggleBin);
  m_restoreAction = runMenu->addAction(tr("&Restore from Bin"), this, &MainWindow::restoreSelected);
  m_restoreAction->setEnabled(false);
  runMenu->addAction(tr("&Empty Bin…"), this, &MainWindow::emptyBin);
  for (QAction* a : {tryIt, rename, tags, notes, experiment, m_resumeAction, m_deleteAction, m_restoreAction}) m_table->addAction(a);

  auto* viewMenu = menuBar()->addMenu(tr("&View"));
  auto* themeMenu = viewMenu->addMenu(tr("&Theme"));
  auto* group = new QActionGroup(this);
  const int current = QSettings().value(QStringLiteral("view/theme"), 0).toInt();
  const std::pair<QString, Theme> themes[] = {{tr("&System"), Theme::System}, {tr("&Light"), Theme::Light}, {tr("&Dark"), Theme::Dark}};
  for (const auto& [label, theme] : themes) {
    auto* a = themeMenu->addAction(label);
    a->setCheckable(true);
    a->setChecked(static_cast<int>(theme) == current);
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, theme = theme] {
      setTheme(theme);
      QSettings().setValue(QStringLiteral("view/theme"), static_cast<int>(theme));
    });
  }
  auto* languageMenu = viewMenu->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  const QString chosen = QSettings().value(QStringLiteral("view/language")).toString();
  const std::pair<QString, QString> choices[] = {{tr("System"), QString()},
                                                 {QStringLiteral("English"), QStringLiteral("en")},
                                                 {QStringLiteral("Deutsch"), QStringLiteral("de")},
                                                 {QStringLiteral("简体中文"), QStringLiteral("zh_CN")}};
  for (const auto& [label, code] : choices) {
    auto* a = languageMenu->addAction(label);
    a->setCheckable(true);
    a->setChecked(code == chosen);
    languages->addAction(a);
    connect(a, &QAction::triggered, this, [this, code = code] {
      QSettings().setValue(QStringLiteral("view/language"), code);
      statusBar()->showMessage(tr("The language changes when etlab starts again"), 8000);
    });
  }
  const std::pair<QString, QWidget*> views[] = {{tr("&Details"), m_details},        {tr("&Curves and Compare"), m_curves},
                                                {tr("&Attention"), m_attention},    {tr("Rank &Spectra"), m_spectra},
                                                {tr("Speed vs &Memory"), m_tradeoff}};
  int key = Qt::Key_1;
  for (const auto& [label, widget] : views)
    viewMenu->addAction(label, this, [this, w = widget] { m_tabs->setCurrentWidget(w); })
        ->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(key++)));

  auto* helpMenu = menuBar()->addMenu(tr("&Help"));
  helpMenu->addAction(tr("&About etlab"), this, &MainWindow::showAbout);

  // Icons from the platform style, so they match the desktop theme.
  const std::pair<QAction*, QStyle::StandardPixmap> icons[] = {
      {newRunAction, QStyle::SP_MediaPlay},  {open, QStyle::SP_DialogOpenButton},     {reload, QStyle::SP_BrowserReload},
      {exportView, QStyle::SP_DialogSaveButton}, {m_deleteAction, QStyle::SP_TrashIcon}, {m_undoAction, QStyle::SP_ArrowBack},
      {m_resumeAction, QStyle::SP_MediaSeekForward}, {quit, QStyle::SP_DialogCloseButton}};
  for (const auto& [action, pixmap] : icons) action->setIcon(style()->standardIcon(pixmap));
  auto* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addAction(newRunAction);
  bar->addAction(open);
  bar->addAction(reload);
  bar->addAction(exportView);
  bar->addSeparator();
  bar->addAction(m_deleteAction);
  bar->addAction(m_undoAction);
}

void MainWindow::setTheme(Theme theme) {
  // Qt 6.4 has no colour-scheme API: "System" keeps the platform's style and palette; Light and Dark
  // use Fusion with an explicit palette.
  static const QString platformStyle = QApplication::style()->name();
  static const QPalette platformPalette = QApplication::palette();
  if (theme == Theme::System) {
    QApplication::setStyle(QStyleFactory::create(platformStyle));
    QApplication::setPalette(platformPalette);
    return;
  }
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  QPalette p;
  if (theme == Theme::Dark) {
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6), accent(0x3d, 0x8e, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent.lighter(130));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
  } else {
    p = QApplication::style()->standardPalette();
  }
  QApplication::setPalette(p);
}

}  // namespace etlab
