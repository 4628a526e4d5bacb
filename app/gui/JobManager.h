// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>

class QProcess;
class QTreeWidget;
class QTreeWidgetItem;

namespace etlab {

/// One training job: a child `etlab-cli` process streaming JSON lines.
struct Job {
  enum class State { Queued, Running, Finished, Failed, Cancelled, Crashed };
  int id = 0;
  QString label;
  QStringList args;  ///< etlab-cli arguments before --json and --db
  QString db;        ///< the database it was submitted for
  int after = 0;     ///< starts only once this job has finished (0: no wait)
  State state = State::Queued;
  QString runId;     ///< the current run (a sweep trains several one after another)
  QStringList runIds;
  qint64 step = 0, totalSteps = 0;
  double loss = 0.0, etaSeconds = -1.0, tokensPerSecond = 0.0;
  QString message;   ///< last status line (reason of a failure, stderr tail of a crash)
  QProcess* process = nullptr;
};

QString stateName(Job::State state);

/// Runs training in child processes, so that a crash in training never takes the window down and the
/// GUI and the CLI share one code path. Jobs queue; up to `maxParallel()` run side by side.
class JobManager : public QObject {
  Q_OBJECT

 public:
  explicit JobManager(QObject* parent = nullptr);
  ~JobManager() override;

  /// etlab-cli to run: $ETLAB_CLI, beside this program, in the build tree, or on PATH.
  static QString cliPath();

  void setDatabase(const QString& dbPath) { m_db = dbPath; }
  void setMaxParallel(int n);
  int maxParallel() const { return m_maxParallel; }

  /// Queues `etlab-cli ARGS --json --db DB` (the database set now); returns the job id. With `after`,
  /// the job waits until that job has finished, and fails without running when that one did not.
  int submit(const QStringList& args, const QString& label, int after = 0);
  /// Asks a running job to stop (SIGTERM: the run ends cancelled and resumable) or drops a queued one.
  void cancel(int jobId);
  /// Cancels every running job and waits up to `msecs` for them to save their state.
  void cancelAll(int msecs = 15000);
  const Job* job(int jobId) const;
  QList<int> jobIds() const;
  int activeCount() const;

 Q_SIGNALS:
  void jobChanged(int jobId);
  /// A run was created or progressed: the run table should refresh.
  void runsChanged();
  void jobFinished(int jobId);

 private:
  void startQueued();
  void onLine(Job& job, const QByteArray& line);
  void onFinished(int jobId, int exitCode, bool crashed);

  QString m_db;
  int m_maxParallel = 1;
  int m_next = 1;
  std::map<int, Job> m_jobs;
  std::map<int, QByteArray> m_buffers, m_stderr;
};

/// The jobs panel: one row per job with its progress, ETA and a Cancel/Resume button.
class JobsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit JobsPanel(JobManager* jobs, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return m_tree; }

 Q_SIGNALS:
  void resumeRequested(const QString& runId);

 private:
  void update(int jobId);
  JobManager* m_jobs;
  QTreeWidget* m_tree;
  std::map<int, QTreeWidgetItem*> m_items;
};

}  // namespace etlab
