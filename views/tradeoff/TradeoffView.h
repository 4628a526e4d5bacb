// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFutureWatcher>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "core/store/records.h"

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QGraphicsSimpleTextItem;
class QLabel;
class QTabWidget;

namespace etlab {

// --- the math (free functions, no Qt widgets) ----------------------------------------------------

/// Least-squares slope of log(y) against log(n): the exponent p of y ≈ c·n^p. Pairs with a
/// non-positive or non-finite value are ignored; NaN when fewer than two distinct n remain.
double fitLogLogSlope(const std::vector<double>& n, const std::vector<double>& y);

/// Indices of the Pareto-optimal points when both x and y are minimised: no other point is at least as
/// good in both and better in one. Identical points are all kept; NaNs are ignored. Sorted by x
/// ascending (ties by y).
std::vector<size_t> paretoFront(const std::vector<double>& x, const std::vector<double>& y);

/// The n at which curve A becomes lower (faster) than curve B, going up in n: the first place where
/// log yA − log yB changes from ≥ 0 to < 0. Both curves are taken as piecewise linear in (log n, log y)
/// over the range they share, so the crossing is interpolated in log space (exact for power laws).
/// nullopt when there is no such place in that range (A lower throughout, or never lower).
std::optional<double> crossover(const std::vector<double>& nA, const std::vector<double>& yA,
                                const std::vector<double>& nB, const std::vector<double>& yB);

/// Colour-blind-safe (Okabe–Ito) colour for the i-th series; yellow comes last (weak on white).
QColor okabeIto(int i);

// --- data --------------------------------------------------------------------------------------

/// Everything the view shows, read off the UI thread.
struct TradeoffData {
  QString dbPath, error;
  std::vector<RunRecord> runs;              ///< finished runs
  std::vector<BenchmarkRecord> benchmarks;  ///< every benchmark row
};

/// Reads the finished runs and every benchmark row (blocking; call from a worker thread).
TradeoffData loadTradeoffData(const QString& dbPath);

/// What the runs scatter's x axis shows.
enum class TradeoffX {
  WallSeconds,      ///< training wall time (lower is better)
  TokensPerSecond,  ///< training throughput (higher is better)
  SpeedupVsDense,   ///< throughput over the newest finished dense run of the same task (higher is better)
};

/// One plotted run.
struct TradeoffRunPoint {
  QString runId, name, method, task;
  double x = 0.0;         ///< in the unit of the chosen TradeoffX
  double memoryMiB = 0.0;  ///< peak memory / 2^20
  int64_t peakBytes = 0;
  double accuracy = -1.0;  ///< test accuracy in [0, 1]; negative when the run has none
  bool onFront = false;    ///< on the Pareto front of the plotted points
};

/// One method's benchmark curve for one mode and device (newest row per n), sorted by n.
struct TradeoffCurve {
  QString method, kernel;  ///< method, or "method · preset" when whole-model rows of several presets share the view
  int style = 0;            ///< colour and marker index
  std::vector<double> n, timeMs, peakBytes, spreadMs;
  double timeSlope = 0.0, memorySlope = 0.0;  ///< fitLogLogSlope of each (NaN: fewer than two lengths)
};

// --- the widget --------------------------------------------------------------------------------

/// The speed–memory trade-off view. Two tabs: a scatter of the finished runs (time or speed against
/// peak memory, coloured by method, labelled with test accuracy, with the Pareto front as a step
/// line), and sequence-length curves from the attention benchmarks (time and peak memory against n,
/// log–log, with fitted slopes and the n where learned sparse attention overtakes dense).
class TradeoffView : public QWidget {
  Q_OBJECT

 public:
  enum Mode { RunsMode = 0, CurvesMode = 1 };

  explicit TradeoffView(QWidget* parent = nullptr);
  ~TradeoffView() override;

  /// Loads the database asynchronously; `loaded(ok)` fires when the view is filled (ok: it could be
  /// read, even when it holds nothing to plot yet).
  void setDatabase(const QString& dbPath);
  const TradeoffData& data() const { return *m_data; }

  Mode mode() const;
  void setMode(Mode mode);
  TradeoffX xMetric() const;
  void setXMetric(TradeoffX x);
  bool logAxes() const;
  void setLogAxes(bool on);
  /// The benchmark mode ("fwd", "fwdbwd") and device the curves show; unknown values are ignored.
  void setBenchmarkSelection(const QString& mode, const QString& device);
  QString benchmarkMode() const;
  QString benchmarkDevice() const;
  QStringList benchmarkModes() const;    ///< offered by the mode combo
  QStringList benchmarkDevices() const;  ///< offered by the device combo

  /// What is plotted now.
  const std::vector<TradeoffRunPoint>& runPoints() const { return m_points; }
  const std::vector<TradeoffCurve>& curves() const { return m_curves; }
  std::optional<double> crossoverN() const { return m_crossover; }
  QString crossoverText() const;
  /// The empty-state message of a mode (empty when it has something to plot).
  QString message(Mode mode) const;
  /// The texts shown next to the run points (accuracy), in runPoints() order ("" where none).
  QStringList pointLabels() const;

  QChart* runsChart() const;
  QChart* timeChart() const;
  QChart* memoryChart() const;
  QChartView* runsChartView() const { return m_runsView; }

  /// Writes the visible chart(s) as png (at `dpi`), svg or pdf, or the plotted points as csv, by the
  /// file's suffix. An existing file is not overwritten.
  bool exportTo(const QString& path, int dpi = 150, QString* error = nullptr) const;

 public Q_SLOTS:
  /// Emits runActivated for runPoints()[index] (what a click on a point does).
  void activatePoint(int index);

 Q_SIGNALS:
  void loaded(bool ok);
  void runActivated(const QString& runId);

 private:
  void onLoaded();
  void rebuildRuns();
  void rebuildCurves();
  void placeLabels();
  void fillBenchmarkCombos();
  int methodIndex(const QString& method) const;
  void onPointClicked(const QPointF& value);
  void onPointHovered(const QPointF& value, bool state);

  std::shared_ptr<TradeoffData> m_data;
  QFutureWatcher<TradeoffData>* m_watcher;
  QHash<QString, int> m_methodOrder;  ///< colour and marker per method, shared by both tabs
  std::vector<TradeoffRunPoint> m_points;
  std::vector<TradeoffCurve> m_curves;
  std::optional<double> m_crossover;
  QString m_crossoverText, m_runsMessageText, m_curvesMessageText;
  std::vector<QGraphicsSimpleTextItem*> m_labels;  ///< parallel to m_points

  QTabWidget* m_tabs;
  QComboBox *m_x, *m_benchMode, *m_device;
  QCheckBox* m_log;
  QChartView *m_runsView, *m_timeView, *m_memView;
  QLabel *m_runsMessage, *m_runsNote, *m_curvesMessage, *m_crossoverLabel;
};

}  // namespace etlab
