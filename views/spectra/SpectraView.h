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

#include "core/store/records.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QPainter;
class QRectF;

namespace etlab {

/// The LoRA paper's subspace similarity between the top right-singular vectors of two adapters:
/// phi(i, j) = ||U_A[:i]^T U_B[:j]||_F^2 / min(i, j) for i = 1..a.rows, j = 1..b.rows (rows of each
/// record are the vectors). Returns n_i * n_j values, row-major (entry (i-1) * n_j + (j-1)), clamped to
/// [0, 1]. When the vectors live in spaces of different sizes (a.cols != b.cols) or either record is
/// empty or malformed, returns nothing and sets *n_i = *n_j = 0.
std::vector<double> subspaceSimilarity(const AdapterVectorsRecord& a, const AdapterVectorsRecord& b, int* n_i, int* n_j);

/// Cumulative energy of a spectrum: entry k is sum_{t<=k} sigma_t^2 / sum_t sigma_t^2 (all zero for a zero update).
std::vector<double> cumulativeEnergy(const std::vector<float>& singular);

/// The smallest rank r (1-based) whose cumulative energy reaches `threshold`; 0 when the spectrum is empty or zero.
int rankForEnergy(const std::vector<float>& singular, double threshold);

/// Everything the view knows of one run (loaded off the UI thread).
struct SpectraRun {
  QString runId;         ///< full id
  QString label;         ///< "1a2b3c4d lora r=4": id prefix, kind, adapter rank when configured
  QString kind;          ///< lora | full | empty when the run recorded no spectra
  int loraR = 0;         ///< lora.r of the configuration (0 when absent)
  QString error;         ///< why this run could not be read
  std::vector<SpectrumRecord> spectra;
  std::vector<AdapterVectorsRecord> vectors;
};

struct SpectraData {
  QString dbPath, error;
  std::vector<SpectraRun> runs;
};

/// Reads the spectra and adapter vectors of the runs (blocking; call from a worker thread).
SpectraData loadSpectra(const QString& dbPath, const QStringList& runIds);

/// One run's spectrum at the chosen module, layer and step, as drawn.
struct SpectraCurve {
  QString runId, label, kind;
  int runIndex = 0;  ///< position among the loaded runs (its colour)
  int64_t step = 0;  ///< the step of the record shown (the chosen one, or the run's last step before it)
  std::vector<float> singular;
  std::vector<double> energy;  ///< cumulativeEnergy(singular)
  double stableRank = 0.0, effectiveRank = 0.0;
  int rankAtThreshold = 0;
};

/// The subspace-similarity heatmap between two adapters (empty `phi` with a `message` when it cannot be drawn).
struct SubspaceFigure {
  QString labelA, labelB, message;
  int64_t stepA = 0, stepB = 0;
  int n_i = 0, n_j = 0;
  std::vector<double> phi;
};

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
