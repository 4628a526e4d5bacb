// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QMap>
#include <QWidget>

#include <array>
#include <map>
#include <memory>
#include <tuple>

#include "core/store/records.h"
#include "views/attention/HeatmapView.h"

class QComboBox;
class QLabel;
class QListWidget;
class QSlider;
class QCheckBox;

namespace etlab {

/// What the explorer knows of a run's attention: the probe set, and per (step, layer, head) the block
/// selection (always recorded) and whether probabilities were stored. Loaded off the UI thread.
struct AttentionIndex {
  QString dbPath, runId, error;
  std::vector<ProbeRecord> probes;
  std::vector<QStringList> labels;  ///< per probe: one printable token per position
  std::vector<int64_t> steps;
  int layers = 0, heads = 0;
  std::map<std::tuple<int, int64_t, int, int>, SelectionRecord> selections;  ///< (probe, step, layer, head)
  std::map<std::tuple<int, int64_t, int, int>, ProbRecord> probIndex;        ///< values not loaded
  std::map<int64_t, std::array<double, 3>> stats;  ///< step -> density, entropy, distance (run means)
};

/// Loads the index of a run (blocking; call from a worker thread).
AttentionIndex loadAttentionIndex(const QString& dbPath, const QString& runId);
/// The matrix of one (probe, step, layer, head): probabilities when stored (with the selection overlaid),
/// else the selection expanded to token resolution. Blocking.
HeatmapData loadAttentionMatrix(const AttentionIndex& index, int probe, int64_t step, int layer, int head);

/// The attention heatmap explorer: a layer x head grid of thumbnails, a large zoomable view of one,
/// a step slider over the run's evaluations on its fixed probe set, a difference view between two
/// steps, statistics, colour maps with a legend, and export of the view (PNG, SVG, PDF, CSV).
class AttentionExplorer : public QWidget {
  Q_OBJECT

 public:
  explicit AttentionExplorer(QWidget* parent = nullptr);
  /// Loads a run asynchronously; `loaded()` fires when the view is filled.
  void setRun(const QString& dbPath, const QString& runId);
  HeatmapView* heatmap() const { return m_view; }
  const AttentionIndex& index() const { return *m_index; }
  /// Chooses what the large view shows (indices into the recorded steps).
  void select(int probe, int stepIndex, int layer, int head);
  void setDifferenceStep(int stepIndex);  ///< -1: no difference view
  /// A second run to compare with ("difference to run …" at the same step); empty clears it.
  void setCompareRun(const QString& dbPath, const QString& runId);
  /// Shows the difference to the compare run (after compareLoaded()).
  void showRunDifference();
  void setColorMap(ColorMap map);
  /// Writes the large view as png, svg, pdf (by the file's suffix) or its matrix as csv.
  bool exportTo(const QString& path, int dpi = 150, QString* error = nullptr) const;

 Q_SIGNALS:
  void loaded(bool ok);
  void compareLoaded(bool ok);
  void matrixShown();

 private:
  void onIndexLoaded();
  void refreshThumbnails();
  void refreshMatrix();
  void updateStats();
  int64_t currentStep() const;

  void fillDifferenceChoices();

  std::shared_ptr<AttentionIndex> m_index, m_other;
  QFutureWatcher<AttentionIndex>* m_indexWatcher;
  QFutureWatcher<AttentionIndex>* m_otherWatcher;
  QFutureWatcher<HeatmapFigure>* m_matrixWatcher;
  int m_requestSerial = 0;
  HeatmapView* m_view;
  QListWidget* m_grid;
  QComboBox *m_probe, *m_colors, *m_diff;
  QSlider* m_step;
  QLabel *m_stepLabel, *m_stats, *m_message;
  int m_layer = 0, m_head = 0;
  ColorMap m_map = ColorMap::Viridis;
};

}  // namespace etlab
