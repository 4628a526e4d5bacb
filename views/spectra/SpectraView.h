// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFutureWatcher>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

#include "views/spectra/SpectraData.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QPainter;
class QRectF;

namespace etlab {

/// Rank spectra of weight updates: singular values of LoRA updates ((alpha/r) B A) or full fine-tunes
/// (W - W_base) of one or more runs overlaid, their cumulative energy with a rank suggestion, stable
/// rank over training, and the subspace similarity of two adapters. Exports PNG, SVG, PDF and CSV.
class SpectraView : public QWidget {
  Q_OBJECT

 public:
  explicit SpectraView(QWidget* parent = nullptr);
  ~SpectraView() override;

  /// Loads the runs (full ids or unique prefixes) asynchronously; `loaded()` fires when the view is filled.
  void setRuns(const QString& dbPath, const QStringList& runIds);

  /// Chooses module, layer and step (a step the runs do not have selects the nearest recorded one before it).
  void select(const QString& module, int layer, int64_t step);
  void setEnergyThreshold(double threshold);
  void setLogScale(bool log);
  /// Chooses the two runs (indices into the loaded runs) of the subspace-similarity heatmap.
  void setSubspaceRuns(int a, int b);

  QString currentModule() const;
  int currentLayer() const;
  int64_t currentStep() const;
  double energyThreshold() const;
  bool logScale() const;
  /// The smallest r whose cumulative energy reaches the threshold for the first run (0 when unknown).
  int suggestedRank() const;
  const std::vector<SpectraCurve>& curves() const { return m_curves; }
  const SubspaceFigure& subspace() const { return m_subspace; }
  const SpectraData& data() const { return *m_data; }
  /// The state message shown instead of the charts (empty when the charts are shown).
  QString message() const;
  /// The rank summary under the charts.
  QString rankText() const;
  /// The colour of the run at `runIndex` in every chart (Okabe–Ito, colour-blind safe).
  static QColor seriesColor(int runIndex);

  /// Writes the four charts as png, svg, pdf (by the file's suffix), or the shown singular values as csv
  /// (run,module,layer,step,index,singular_value; index from 1). Never overwrites an existing file.
  bool exportTo(const QString& path, int dpi = 150, QString* error = nullptr) const;

 Q_SIGNALS:
  void loaded(bool ok);
  /// "Start a LoRA run with the suggested rank" for the run whose spectrum suggested it.
  void startRunRequested(const QString& runId, int rank);

 private:
  void onLoaded();
  void fillLayersAndSteps();
  void refresh();
  void paintSingular(QPainter& p, const QRectF& box) const;
  void paintEnergy(QPainter& p, const QRectF& box) const;
  void paintEvolution(QPainter& p, const QRectF& box) const;
  void paintSubspace(QPainter& p, const QRectF& box) const;
  void paintAll(QPainter& p, const QRectF& box) const;

  std::shared_ptr<SpectraData> m_data;
  QFutureWatcher<SpectraData>* m_watcher;
  std::vector<SpectraCurve> m_curves;
  SubspaceFigure m_subspace;
  QComboBox *m_module, *m_layer, *m_step, *m_scale, *m_runA, *m_runB;
  QDoubleSpinBox* m_threshold;
  QLabel *m_message, *m_ranks, *m_subspaceLabel;
  QPushButton* m_startRun = nullptr;
  QWidget *m_charts, *m_subspaceControls;
  QWidget *m_singularChart, *m_energyChart, *m_evolutionChart, *m_subspaceChart;
};

}  // namespace etlab
