// SPDX-License-Identifier: MIT
// MainWindow, part two: what the Run menu does to runs (details, rename, tags, notes, the bin,
// merging) and the jobs it starts (new run, demo, resume, try it).
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/JobManager.h"
#include "app/gui/MainWindow.h"
#include "app/gui/NewRunDialog.h"
#include "app/gui/TryItDialog.h"
#include "core/store/run_store.h"
#include "views/runs/RunDetails.h"
#include "views/runs/RunTableModel.h"

namespace etlab {

void MainWindow::showDetails(const QString& runId) {
  try {
    RunStore store(m_dbPath.toStdString(), true);
    const auto r = store.find_run(runId.toStdString());
    if (!r) return;
    m_details->setHtml(RunDetails::html(store, *r));
  } catch (const std::exception& e) {
    m_details->setPlainText(QString::fromStdString(e.what()));
  }
}

bool MainWindow::withStore(const std::function<void(RunStore&)>& action, const QString& what) {
  try {
    RunStore store(m_dbPath.toStdString());
    action(store);
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, what, QString::fromStdString(e.what()));
    return false;
  }
}

bool MainWindow::renameRun(const QString& runId, const QString& name) {
  const bool ok = withStore([&](RunStore& s) { s.rename_run(runId.toStdString(), name.trimmed().toStdString()); }, tr("Rename"));
  refresh();
  return ok;
}

bool MainWindow::setRunNotes(const QString& runId, const QString& notes) {
  const bool ok = withStore([&](RunStore& s) { s.set_notes(runId.toStdString(), notes.toStdString()); }, tr("Notes"));
  refresh();
  return ok;
}

bool MainWindow::setRunTags(const QString& runId, const QStringList& tags) {
  const bool ok = withStore(
      [&](RunStore& s) {
        const std::string id = runId.toStdString();
        for (const auto& old : s.tags(id)) s.remove_tag(id, old);
        for (const QString& t : tags)
          if (!t.trimmed().isEmpty()) s.add_tag(id, t.trimmed().toStdString());
      },
      tr("Tags"));
  refresh();
  return ok;
}

void MainWindow::editName() {
  const QStringList ids = selectedRunIds();
  if (ids.size() != 1) return;
  const int row = m_model->rowOf(ids.front());
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Rename run"), tr("Name:"), QLineEdit::Normal,
                                             QString::fromStdString(m_model->run(row).name), &ok);
  if (ok) renameRun(ids.front(), name);
}

void MainWindow::editTags() {
  const QStringList ids = selectedRunIds();
  if (ids.size() != 1) return;
  bool ok = false;
  const QString text = QInputDialog::getText(this, tr("Tags"), tr("Tags, separated by commas:"), QLineEdit::Normal,
                                             m_model->tags(m_model->rowOf(ids.front())).join(QStringLiteral(", ")), &ok);
  if (ok) setRunTags(ids.front(), text.split(QLatin1Char(','), Qt::SkipEmptyParts));
}

void MainWindow::editNotes() {
  const QStringList ids = selectedRunIds();
  if (ids.size() != 1) return;
  bool ok = false;
  const QString text = QInputDialog::getMultiLineText(this, tr("Notes"), tr("Notes on this run:"),
                                                      QString::fromStdString(m_model->run(m_model->rowOf(ids.front())).notes), &ok);
  if (ok) setRunNotes(ids.front(), text);
}

void MainWindow::deleteSelected() {
  const QStringList ids = selectedRunIds();
  if (ids.isEmpty() || m_showBin) return;
  QStringList done;
  withStore(
      [&](RunStore& s) {
        for (const QString& id : ids) {
          s.delete_run(id.toStdString());
          done << id;
        }
      },
      tr("Move to bin"));
  if (!done.isEmpty()) {
    m_lastDeleted = done;
    m_undoAction->setEnabled(true);
    statusBar()->showMessage(tr("%n run(s) moved to the bin — Undo with %1", nullptr, static_cast<int>(done.size()))
                                 .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)),
                             8000);
  }
  refresh();
}

void MainWindow::undoDelete() {
  if (m_lastDeleted.isEmpty()) return;
  withStore(
      [&](RunStore& s) {
        for (const QString& id : m_lastDeleted) s.restore_run(id.toStdString());
      },
      tr("Undo delete"));
  m_lastDeleted.clear();
  m_undoAction->setEnabled(false);
  refresh();
}

void MainWindow::toggleBin(bool show) {
  m_showBin = show;
  m_binAction->setChecked(show);
  refresh();
  onSelectionChanged();
}

void MainWindow::restoreSelected() {
  const QStringList ids = selectedRunIds();
  withStore(
      [&](RunStore& s) {
        for (const QString& id : ids) s.restore_run(id.toStdString());
      },
      tr("Restore"));
  refresh();
}

void MainWindow::emptyBin() {
  CleanupReport dry;
  if (!withStore([&](RunStore& s) { dry = s.empty_bin(true); }, tr("Empty bin"))) return;
  if (dry.runs == 0) {
    QMessageBox::information(this, tr("Empty bin"), tr("The bin is empty."));
    return;
  }
  const auto answer = QMessageBox::question(
      this, tr("Empty bin"),
      tr("Remove %n run(s) and their %1 checkpoint file(s) (%2 MB) for good? This cannot be undone.", nullptr,
         static_cast<int>(dry.runs))
          .arg(dry.files)
          .arg(static_cast<double>(dry.bytes) / 1e6, 0, 'f', 1));
  if (answer != QMessageBox::Yes) return;
  const QString db = m_dbPath;
  runInBackground(tr("Empty bin"), [db]() -> QString {
    RunStore store(db.toStdString());
    const auto done = store.empty_bin();
    return QCoreApplication::translate("etlab::MainWindow", "Removed %1 run(s) and %2 file(s), %3 MB freed")
        .arg(done.runs)
        .arg(done.files)
        .arg(static_cast<double>(done.bytes) / 1e6, 0, 'f', 1);
  });
}

bool MainWindow::mergeDatabase(const QString& path, bool ask) {
  if (ask && QMessageBox::question(this, tr("Merge database"),
                                   tr("Import the runs of %1 into %2? Runs already present are skipped; %1 is not changed.")
                                       .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(m_dbPath))) !=
                 QMessageBox::Yes)
    return false;
  // Copying runs and their checkpoint files can take a while: off the UI thread, on its own connection.
  const QString db = m_dbPath;
  runInBackground(tr("Merge database"), [db, path]() -> QString {
    RunStore store(db.toStdString());
    const auto report = store.merge_from(path.toStdString());
    QString message = QCoreApplication::translate("etlab::MainWindow", "Merged: %1 run(s) added, %2 already present, %3 checkpoint file(s) copied")
                          .arg(report.copied.size())
                          .arg(report.skipped.size())
                          .arg(report.checkpoints);
    if (!report.missing_files.empty() || !report.invalid.empty())
      message += QCoreApplication::translate("etlab::MainWindow", "; %1 checkpoint file(s) and %2 run(s) left out")
                     .arg(report.missing_files.size())
                     .arg(report.invalid.size());
    return message;
  });
  return true;
}

void MainWindow::runInBackground(const QString& what, const std::function<QString()>& work) {
  statusBar()->showMessage(tr("%1…").arg(what));
  auto* watcher = new QFutureWatcher<QPair<bool, QString>>(this);
  connect(watcher, &QFutureWatcher<QPair<bool, QString>>::finished, this, [this, watcher, what] {
    const auto [ok, message] = watcher->result();
    watcher->deleteLater();
    if (ok) statusBar()->showMessage(message, 10000);
    else QMessageBox::warning(this, what, message);
    refresh();
    Q_EMIT backgroundWorkFinished(ok, message);
  });
  watcher->setFuture(QtConcurrent::run([work]() -> QPair<bool, QString> {
    try {
      return {true, work()};
    } catch (const std::exception& e) {
      return {false, QString::fromStdString(e.what())};
    }
  }));
}

int MainWindow::startJob(const QStringList& args, const QString& label) {
  m_jobs->setDatabase(m_dbPath);
  return m_jobs->submit(args, label);
}

void MainWindow::startDemo() {
  // smoke-lora fine-tunes the newest smoke-dense run: it waits for that job, however many run side by side.
  auto demo = [this](const char* preset) {
    return QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QString::fromLatin1(preset), QStringLiteral("--set"),
                       QStringLiteral("name=demo ") + QString::fromLatin1(preset)};
  };
  m_jobs->setDatabase(m_dbPath);
  const int dense = m_jobs->submit(demo("smoke-dense"), tr("demo: %1").arg(QStringLiteral("smoke-dense")));
  m_jobs->submit(demo("smoke-sparse"), tr("demo: %1").arg(QStringLiteral("smoke-sparse")));
  m_jobs->submit(demo("smoke-lora"), tr("demo: %1").arg(QStringLiteral("smoke-lora")), dense);
}

void MainWindow::newRun() {
  NewRunDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted) return;
  startJob(dialog.cliArguments(), dialog.summary());
}

void MainWindow::tryItSelected() {
  const QStringList ids = selectedRunIds();
  if (ids.size() != 1) {
    statusBar()->showMessage(tr("Select one finished run to try"), 5000);
    return;
  }
  const int row = m_model->rowOf(ids.front());
  if (row < 0 || m_model->run(row).status != "finished") {
    statusBar()->showMessage(tr("Only finished runs can be tried"), 5000);
    return;
  }
  auto* dialog = new TryItDialog(m_dbPath, ids.front(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
}

void MainWindow::resumeSelected() {
  for (const QString& id : selectedRunIds()) {
    const int row = m_model->rowOf(id);
    if (row < 0) continue;
    const std::string status = m_model->run(row).status;
    if (status == "interrupted" || status == "cancelled" || status == "failed")
      startJob({QStringLiteral("resume"), id}, tr("resume %1").arg(id.left(8)));
    else
      statusBar()->showMessage(tr("Run %1 is %2: only interrupted, cancelled or failed runs resume")
                                   .arg(id.left(8), QString::fromStdString(status)),
                               6000);
  }
}

}  // namespace etlab
