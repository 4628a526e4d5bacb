// SPDX-License-Identifier: MIT
#include "app/gui/JobManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace etlab {

QString stateName(Job::State s) {
  switch (s) {
    case Job::State::Queued: return QCoreApplication::translate("JobManager", "queued");
    case Job::State::Running: return QCoreApplication::translate("JobManager", "running");
    case Job::State::Finished: return QCoreApplication::translate("JobManager", "finished");
    case Job::State::Failed: return QCoreApplication::translate("JobManager", "failed");
    case Job::State::Cancelled: return QCoreApplication::translate("JobManager", "cancelled");
    case Job::State::Crashed: return QCoreApplication::translate("JobManager", "crashed");
  }
  return {};
}

JobManager::JobManager(QObject* parent) : QObject(parent) {}

JobManager::~JobManager() {
  for (auto& [id, job] : m_jobs)
    if (job.process) {
      job.process->disconnect(this);
      job.process->terminate();
      job.process->waitForFinished(15000);
    }
}

QString JobManager::cliPath() {
  const QString env = qEnvironmentVariable("ETLAB_CLI");
  if (!env.isEmpty()) return env;
  const QString name = QStringLiteral("etlab-cli");
  const QDir here(QCoreApplication::applicationDirPath());
  for (const QString& candidate : {here.filePath(name), here.filePath(QStringLiteral("../") + name)})
    if (QFileInfo(candidate).isExecutable()) return QDir::cleanPath(candidate);
  const QString onPath = QStandardPaths::findExecutable(name);
  return onPath.isEmpty() ? name : onPath;
}

void JobManager::setMaxParallel(int n) {
  m_maxParallel = std::max(1, n);
  startQueued();
}

int JobManager::submit(const QStringList& args, const QString& label, int after) {
  Job job;
  job.id = m_next++;
  job.label = label;
  job.args = args;
  job.db = m_db;
  job.after = after;
  m_jobs.emplace(job.id, job);
  Q_EMIT jobChanged(job.id);
  startQueued();
  return job.id;
}

const Job* JobManager::job(int id) const {
  auto it = m_jobs.find(id);
  return it == m_jobs.end() ? nullptr : &it->second;
}

QList<int> JobManager::jobIds() const {
  QList<int> ids;
  for (const auto& [id, j] : m_jobs) ids << id;
  return ids;
}

int JobManager::activeCount() const {
  int n = 0;
  for (const auto& [id, j] : m_jobs) n += j.state == Job::State::Running;
  return n;
}

void JobManager::startQueued() {
  for (auto& [id, job] : m_jobs) {
    if (activeCount() >= m_maxParallel) return;
    if (job.state != Job::State::Queued) continue;
    if (job.after > 0) {
      const Job* before = this->job(job.after);
      if (before && (before->state == Job::State::Queued || before->state == Job::State::Running)) continue;
      if (before && before->state != Job::State::Finished) {
        job.state = Job::State::Failed;
        job.message = tr("not started: “%1” did not finish").arg(before->label);
        Q_EMIT jobChanged(id);
        Q_EMIT jobFinished(id);
        continue;
      }
    }
    auto* p = new QProcess(this);
    job.process = p;
    job.state = Job::State::Running;
    const int jobId = id;
    connect(p, &QProcess::readyReadStandardOutput, this, [this, jobId, p] {
      auto& buf = m_buffers[jobId];
      buf += p->readAllStandardOutput();
      for (qsizetype nl; (nl = buf.indexOf('\n')) >= 0;) {
        const QByteArray line = buf.left(nl);
        buf.remove(0, nl + 1);
        auto it = m_jobs.find(jobId);
        if (it != m_jobs.end()) onLine(it->second, line);
      }
    });
    connect(p, &QProcess::readyReadStandardError, this, [this, jobId, p] {
      auto& err = m_stderr[jobId];
      err += p->readAllStandardError();
      if (err.size() > 8192) err = err.right(8192);
    });
    connect(p, &QProcess::finished, this, [this, jobId](int code, QProcess::ExitStatus status) {
      onFinished(jobId, code, status == QProcess::CrashExit);
    });
    connect(p, &QProcess::errorOccurred, this, [this, jobId, p](QProcess::ProcessError e) {
      if (e == QProcess::FailedToStart) {
        m_stderr[jobId] = tr("cannot start %1: %2").arg(cliPath(), p->errorString()).toUtf8();
        onFinished(jobId, -1, true);
      }
    });
    QStringList args = job.args;
    args << QStringLiteral("--json") << QStringLiteral("--db") << job.db;
    p->start(cliPath(), args);
    Q_EMIT jobChanged(jobId);
  }
}

void JobManager::onLine(Job& job, const QByteArray& line) {
  const auto e = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
  if (e.is_discarded() || !e.is_object()) return;
  const std::string event = e.value("event", "");
  if (event == "start") {
    job.runId = QString::fromStdString(e.value("run_id", ""));
    if (!job.runIds.contains(job.runId)) job.runIds << job.runId;
    job.step = e.value("resumed_from_step", 0);
    Q_EMIT runsChanged();
  } else if (event == "step") {
    job.step = e.value("step", 0);
    job.totalSteps = e.value("total_steps", 0);
    job.loss = e.value("loss", 0.0);
    job.etaSeconds = e.value("eta_s", -1.0);
    job.tokensPerSecond = e.value("tokens_per_s", 0.0);
  } else if (event == "result") {
    const std::string status = e.value("status", "");
    job.message = QString::fromStdString(e.value("reason", ""));
    if (status != "finished") job.message = QString::fromStdString(status) + (job.message.isEmpty() ? QString() : QStringLiteral(": ") + job.message);
    Q_EMIT runsChanged();
  } else if (e.contains("error")) {
    job.message = QString::fromStdString(e["error"].is_string() ? e["error"].get<std::string>() : e["error"].dump());
    if (e.contains("issues"))
      for (const auto& i : e["issues"])
        job.message += QStringLiteral("\n") + QString::fromStdString(i.value("field", "")) + QStringLiteral(": ") +
                       QString::fromStdString(i.value("message", ""));
  } else {
    return;
  }
  Q_EMIT jobChanged(job.id);
}

void JobManager::onFinished(int jobId, int exitCode, bool crashed) {
  auto it = m_jobs.find(jobId);
  if (it == m_jobs.end()) return;
  Job& job = it->second;
  if (job.process) {
    job.process->deleteLater();
    job.process = nullptr;
  }
  if (job.state == Job::State::Cancelled) {
    // cancel() already decided.
  } else if (crashed) {
    job.state = Job::State::Crashed;
    const QString tail = QString::fromUtf8(m_stderr[jobId]).trimmed().section(QLatin1Char('\n'), -3);
    job.message = tr("the training process crashed") + (tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
  } else if (exitCode == 0) {
    job.state = Job::State::Finished;
  } else if (exitCode == 130) {
    job.state = Job::State::Cancelled;
  } else {
    job.state = Job::State::Failed;
    if (job.message.isEmpty()) job.message = QString::fromUtf8(m_stderr[jobId]).trimmed().section(QLatin1Char('\n'), -3);
  }
  m_buffers.erase(jobId);
  m_stderr.erase(jobId);
  Q_EMIT jobChanged(jobId);
  Q_EMIT runsChanged();
  Q_EMIT jobFinished(jobId);
  startQueued();
}

void JobManager::cancel(int jobId) {
  auto it = m_jobs.find(jobId);
  if (it == m_jobs.end()) return;
  Job& job = it->second;
  if (job.state == Job::State::Queued) {
    job.state = Job::State::Cancelled;
    Q_EMIT jobChanged(jobId);
  } else if (job.state == Job::State::Running && job.process) {
    job.message = tr("stopping after the current step…");
    job.process->terminate();  // SIGTERM: etlab-cli saves a resumable state and exits
    Q_EMIT jobChanged(jobId);
  }
}

void JobManager::cancelAll(int msecs) {
  QList<QProcess*> running;
  for (auto& [id, job] : m_jobs) {
    if (job.state == Job::State::Queued) job.state = Job::State::Cancelled;
    if (job.state == Job::State::Running && job.process) {
      job.process->terminate();
      running << job.process;
    }
  }
  for (QProcess* p : running) p->waitForFinished(msecs);
}

JobsPanel::JobsPanel(JobManager* jobs, QWidget* parent) : QWidget(parent), m_jobs(jobs) {
  m_tree = new QTreeWidget(this);
  m_tree->setRootIsDecorated(false);
  m_tree->setHeaderLabels({tr("Job"), tr("State"), tr("Progress"), tr("Loss"), tr("ETA"), tr("Run"), QString()});
  m_tree->header()->setStretchLastSection(false);
  m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tree);
  connect(jobs, &JobManager::jobChanged, this, &JobsPanel::update);
}

void JobsPanel::update(int jobId) {
  const Job* job = m_jobs->job(jobId);
  if (!job) return;
  QTreeWidgetItem*& item = m_items[jobId];
  if (!item) {
    item = new QTreeWidgetItem(m_tree);
    auto* bar = new QProgressBar(m_tree);
    bar->setTextVisible(true);
    m_tree->setItemWidget(item, 2, bar);
    auto* button = new QPushButton(m_tree);
    m_tree->setItemWidget(item, 6, button);
    connect(button, &QPushButton::clicked, this, [this, jobId] {
      const Job* j = m_jobs->job(jobId);
      if (!j) return;
      if (j->state == Job::State::Running || j->state == Job::State::Queued) m_jobs->cancel(jobId);
      else if (!j->runId.isEmpty()) Q_EMIT resumeRequested(j->runId);
    });
  }
  item->setText(0, job->label);
  item->setText(1, stateName(job->state));
  item->setToolTip(1, job->message);
  item->setText(3, job->step > 0 ? QString::number(job->loss, 'f', 4) : QString());
  QString eta;
  if (job->state == Job::State::Running && job->etaSeconds >= 0) {
    const qint64 s = static_cast<qint64>(job->etaSeconds);
    eta = s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
  }
  item->setText(4, eta);
  item->setText(5, job->runId.left(8));
  if (auto* bar = qobject_cast<QProgressBar*>(m_tree->itemWidget(item, 2))) {
    bar->setRange(0, static_cast<int>(std::max<qint64>(1, job->totalSteps)));
    bar->setValue(static_cast<int>(std::min(job->step, std::max<qint64>(1, job->totalSteps))));
    bar->setFormat(job->totalSteps > 0 ? QStringLiteral("%1 / %2").arg(job->step).arg(job->totalSteps) : stateName(job->state));
  }
  if (auto* button = qobject_cast<QPushButton*>(m_tree->itemWidget(item, 6))) {
    const bool active = job->state == Job::State::Running || job->state == Job::State::Queued;
    const bool resumable = !active && job->state != Job::State::Finished && !job->runId.isEmpty();
    button->setText(active ? tr("Cancel") : tr("Resume"));
    button->setVisible(active || resumable);
  }
  m_tree->scrollToItem(item);
}

}  // namespace etlab
