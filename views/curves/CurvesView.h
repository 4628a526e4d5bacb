// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <vector>

#include "core/store/records.h"
#include "core/store/run_store.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace etlab {

/// Exponential moving average with TensorBoard's debiasing (weight 0 = raw values).
std::vector<double> smoothSeries(const std::vector<double>& values, double weight);

/// Everything the curves and compare view shows of a set of runs. Loaded off the UI thread.
struct CurvesData {
  QString error;
  std::vector<RunRecord> runs;
  std::map<std::string, std::map<std::string, std::vector<SeriesPoint>>> series;  ///< run -> key -> points
  std::map<std::string, std::vector<MetricPoint>> throughput;  ///< run -> train/tokens_per_s points (for the tokens axis)
  std::map<std::string, std::vector<MetricSummary>> summaries;
  std::map<std::string, SeedGroup> seedGroups;  ///< run -> its group (same config but the seed), metric test/accuracy
  QStringList keys;                              ///< metric keys present in any run
};
CurvesData loadCurves(const QString& dbPath, const QStringList& runIds, int maxPoints);

/// Training curves of 2+ runs overlaid (smoothing; x by step, wall time or tokens) and a comparison
/// table of configuration and results with "show only differences" and mean ± std over seeds.
class CurvesView : public QWidget {
  Q_OBJECT

 public:
  enum class XAxis { Step, Time, Tokens };
  explicit CurvesView(QWidget* parent = nullptr);

  void setRuns(const QString& dbPath, const QStringList& runIds);
  void setMetric(const QString& key);
  void setXAxis(XAxis x);
  void setSmoothing(double weight);  ///< 0 … 0.99
  void setOnlyDifferences(bool only);
  const CurvesData& data() const { return m_data; }
  QChart* chart() const;
  QTableWidget* table() const { return m_table; }
  /// png/svg/pdf of the chart, csv of the plotted points (run,x,value,smoothed).
  bool exportTo(const QString& path, int dpi, QString* error = nullptr) const;

 Q_SIGNALS:
  void loaded(bool ok);

 private:
  void onLoaded();
  void rebuildChart();
  void rebuildTable();
  std::vector<std::pair<double, double>> points(const std::string& runId, bool smoothed) const;

  QFutureWatcher<CurvesData>* m_watcher;
  CurvesData m_data;
  QComboBox *m_metric, *m_x;
  QSlider* m_smooth;
  QLabel *m_smoothLabel, *m_message;
  QCheckBox* m_onlyDiff;
  QChartView* m_chartView;
  QTableWidget* m_table;
};

}  // namespace etlab
