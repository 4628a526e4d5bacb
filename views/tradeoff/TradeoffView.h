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

#include "views/tradeoff/TradeoffData.h"

class QCheckBox;
class QAbstractAxis;
class QChart;
class QChartView;
class QComboBox;
class QScatterSeries;
class QGraphicsSimpleTextItem;
class QLabel;
class QLogValueAxis;
class QTabWidget;

namespace etlab {

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
  QStringList collectRunPoints(TradeoffX metric);
  std::vector<QScatterSeries*> addRunSeries(QChart* chart, QAbstractAxis* xAxis, QAbstractAxis* yAxis);
  void addRunLabels(QChart* chart, const std::vector<QScatterSeries*>& seriesOf);
  void rebuildCurves();
  void collectCurves(const QString& mode, const QString& device);
  void addCrossover(QChart* time, QLogValueAxis* x, QLogValueAxis* y);
  void placeLabels();
  void fillBenchmarkCombos();
  int methodIndex(const QString& method) const;  ///< colour, marker and legend place (registry order)
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
