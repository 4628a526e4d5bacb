// SPDX-License-Identifier: MIT
// MainWindow: the review study (File → Review Study runs it as a job; its table opens in the Review
// Study tab when it finishes; File → Open Review Report… shows an earlier one).
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelection>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

#include "app/gui/JobManager.h"
#include "app/gui/MainWindow.h"
#include "views/curves/CurvesView.h"
#include "views/runs/RunTableModel.h"
#include "views/study/ReviewView.h"

namespace etlab {

int MainWindow::startReviewStudy(const QString& budget) {
  if (!m_reviewConnected) {
    m_reviewConnected = true;
    connect(m_jobs, &JobManager::jobFinished, this, [this](int id) {
      const auto it = m_reviewFolders.find(id);
      const Job* job = m_jobs->job(id);
      if (it == m_reviewFolders.end() || !job) return;
      if (job->state != Job::State::Finished) {
        statusBar()->showMessage(tr("Review study stopped: %1").arg(job->message));
        return;
      }
      const QString json = QDir(it->second).filePath(QStringLiteral("review.json"));
      QString error;
      if (openReviewReport(json, &error))
        statusBar()->showMessage(tr("Review study written to %1").arg(QDir(it->second).filePath(QStringLiteral("review.md"))));
      else
        statusBar()->showMessage(tr("Review study finished, but its report cannot be shown: %1").arg(error));
    });
  }
  const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
  const QString out = QFileInfo(m_dbPath).absoluteDir().filePath(QStringLiteral("review-%1-%2").arg(budget, stamp));
  const int id = startJob({QStringLiteral("study"), QStringLiteral("review"), QStringLiteral("--budget"), budget,
                           QStringLiteral("--out"), out},
                          tr("review study (%1)").arg(budget));
  m_reviewFolders[id] = out;
  return id;
}

bool MainWindow::openReviewReport(const QString& path, QString* error) {
  QString why;
  if (!m_review->loadReport(path, &why)) {
    if (error) *error = why;
    return false;
  }
  QSettings().setValue(QStringLiteral("review/lastFolder"), QFileInfo(path).absolutePath());
  m_tabs->setCurrentWidget(m_review);
  return true;
}

void MainWindow::chooseReviewReport() {
  const QString start = QSettings().value(QStringLiteral("review/lastFolder"), QFileInfo(m_dbPath).absolutePath()).toString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open review report"), start,
                                                    tr("Review study reports (review.json);;JSON (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  QString error;
  if (!openReviewReport(path, &error)) QMessageBox::warning(this, tr("Open review report"), error);
}

void MainWindow::selectRuns(const QStringList& runIds) {
  QItemSelection selection;
  QModelIndex first;
  int missing = 0;
  for (const QString& id : runIds) {
    const int row = m_model->rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
      ++missing;
      continue;
    }
    selection.select(index, index);
    if (!first.isValid()) first = index;
  }
  if (!first.isValid()) {
    statusBar()->showMessage(tr("None of these %n run(s) is in the table (another database, the bin, or filtered out)", "",
                                static_cast<int>(runIds.size())),
                             8000);
    return;
  }
  m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_table->scrollTo(first);
  if (missing > 0)
    statusBar()->showMessage(tr("%n run(s) not shown (another database, the bin, or filtered out)", "", missing), 8000);
  m_tabs->setCurrentWidget(m_curves);
}

}  // namespace etlab
