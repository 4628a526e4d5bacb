// SPDX-License-Identifier: MIT
#pragma once

#include <map>

#include <QMainWindow>

#include <functional>
#include <QString>
#include <QStringList>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace etlab {

class AttentionExplorer;
class CurvesView;
class SpectraView;
class TradeoffView;
class ReviewView;
class JobManager;
class JobsPanel;
class RunFilterProxy;
class RunTableModel;

/// The main window: the run browser (filters, rename, tags, notes, bin with undo) beside the views
/// of the selected run, over one database.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const QString& dbPath, QWidget* parent = nullptr);

  QString databasePath() const { return m_dbPath; }
  RunTableModel* runModel() const { return m_model; }
  RunFilterProxy* runProxy() const { return m_proxy; }
  QTableView* runTable() const { return m_table; }
  AttentionExplorer* attentionView() const { return m_attention; }
  CurvesView* curvesView() const { return m_curves; }
  SpectraView* spectraView() const { return m_spectra; }
  TradeoffView* tradeoffView() const { return m_tradeoff; }
  ReviewView* reviewView() const { return m_review; }
  QTabWidget* viewTabs() const { return m_tabs; }
  /// Ids of the selected runs (full UUIDs), in table order.
  QStringList selectedRunIds() const;
  void selectRun(const QString& runId);
  /// Selects several runs (those the table shows) and compares them in Curves & Compare.
  void selectRuns(const QStringList& runIds);
  /// Shows a review study's review.json in the Review Study tab; false with `error` when it cannot.
  bool openReviewReport(const QString& path, QString* error = nullptr);

  enum class Theme { System, Light, Dark };
  void setTheme(Theme theme);
  JobManager* jobs() const { return m_jobs; }
  /// Starts `etlab-cli ARGS` as a job on this database (train …, resume RUN).
  int startJob(const QStringList& args, const QString& label);
  /// The first-launch demo: dense vs learned-sparse vs LoRA on the smoke presets, one after another.
  void startDemo();
  /// `etlab-cli study review --budget BUDGET` as a job; the report goes to a new folder beside the
  /// database (returned through reviewFolder). Progress and cancel are the job panel's.
  int startReviewStudy(const QString& budget);
  QString reviewFolder(int jobId) const { return m_reviewFolders.count(jobId) ? m_reviewFolders.at(jobId) : QString(); }

 public Q_SLOTS:
  /// Opens another database; on failure keeps the current one and shows why.
  bool openDatabase(const QString& path);
  void refresh();
  /// Soft-deletes the selected runs; undoDelete() brings the last batch back.
  void deleteSelected();
  void undoDelete();
  bool renameRun(const QString& runId, const QString& name);
  bool setRunNotes(const QString& runId, const QString& notes);
  bool setRunTags(const QString& runId, const QStringList& tags);
  /// Merges another database's runs into this one in the background (asks first when interactive);
  /// backgroundWorkFinished() reports the outcome.
  bool mergeDatabase(const QString& path, bool ask = true);
  /// Exports the current view (PNG/SVG/PDF/CSV by suffix).
  bool exportCurrentView(const QString& path, QString* error = nullptr, int dpi = 200);

 Q_SIGNALS:
  void backgroundWorkFinished(bool ok, const QString& message);

 protected:
  void closeEvent(QCloseEvent* e) override;
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;

 private Q_SLOTS:
  void chooseDatabase();
  void chooseExport();
  void showAbout();
  void onSelectionChanged();
  void editName();
  void editTags();
  void editNotes();
  void toggleBin(bool show);
  void restoreSelected();
  void emptyBin();
  void newRun();
  void resumeSelected();
  void tryItSelected();
  void chooseReviewReport();

 private:
  void buildMenus();
  QWidget* buildRunBrowser();
  void buildJobs();
  void updateStatus();
  void updateRecentMenu();
  void rememberRecent(const QString& path);
  void showDetails(const QString& runId);
  void fillFilterChoices();
  bool withStore(const std::function<void(class RunStore&)>& action, const QString& what);
  /// Runs `work` on a worker thread; its returned text (or exception) is shown when it ends.
  void runInBackground(const QString& what, const std::function<QString()>& work);

  QString m_dbPath;
  QString m_shownRun;  ///< the run whose details and views are shown
  bool m_showBin = false;
  std::map<int, QString> m_reviewFolders;  ///< review-study jobs and their report folders
  bool m_reviewConnected = false;
  QStringList m_lastDeleted;
  RunTableModel* m_model = nullptr;
  RunFilterProxy* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QLineEdit *m_filter = nullptr, *m_where = nullptr, *m_tag = nullptr;
  QComboBox *m_statusFilter = nullptr, *m_methodFilter = nullptr;
  QLabel* m_empty = nullptr;
  QStackedWidget* m_stack = nullptr;
  QSplitter* m_split = nullptr;
  QTabWidget* m_tabs = nullptr;
  AttentionExplorer* m_attention = nullptr;
  CurvesView* m_curves = nullptr;
  SpectraView* m_spectra = nullptr;
  TradeoffView* m_tradeoff = nullptr;
  ReviewView* m_review = nullptr;
  QStringList m_shownRuns;  ///< the runs the multi-run views show
  QTextBrowser* m_details = nullptr;
  QLabel* m_status = nullptr;
  QTimer* m_poll = nullptr;
  QMenu* m_recentMenu = nullptr;
  JobManager* m_jobs = nullptr;
  JobsPanel* m_jobsPanel = nullptr;
  QTimer* m_refreshSoon = nullptr;
  QAction *m_resumeAction = nullptr;
  QAction *m_undoAction = nullptr, *m_binAction = nullptr, *m_restoreAction = nullptr, *m_deleteAction = nullptr;
};

}  // namespace etlab
