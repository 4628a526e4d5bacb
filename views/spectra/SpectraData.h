// SPDX-License-Identifier: MIT
// What the rank-spectra view shows, apart from the widget: the runs' spectra and adapter vectors read
// from the store, and the arithmetic on them (cumulative energy, rank for an energy, subspace similarity).
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

#include "core/store/records.h"

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

}  // namespace etlab
