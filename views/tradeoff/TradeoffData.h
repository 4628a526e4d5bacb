// SPDX-License-Identifier: MIT
// What the trade-off view shows, apart from the widget: the runs and benchmark rows read from the
// store, and the arithmetic on them (log-log slopes, the Pareto front, where two curves cross).
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/store/records.h"
#include "views/common/Palette.h"  // okabeIto, the series colours

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

/// log yA − log yB at every n of either curve inside the range both cover, each curve taken as piecewise
/// linear in (log n, log y); pairs of (log n, difference), empty when the curves share no range.
std::vector<std::pair<double, double>> logDifference(const std::vector<double>& nA, const std::vector<double>& yA,
                                                     const std::vector<double>& nB, const std::vector<double>& yB);

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

}  // namespace etlab
