// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace etlab {

/// Colour-blind-safe sequential maps (piecewise-linear through matplotlib's published samples), and a
/// diverging blue–white–orange map for differences.
enum class ColorMap { Viridis, Cividis, Diverging };

/// The colour of `t` in [0, 1] (clamped).
QRgb colorAt(ColorMap map, double t);
QString colorMapName(ColorMap map);

/// One attention matrix as the views draw it: probabilities (rows x cols), a block selection, or both.
struct HeatmapData {
  int64_t rows = 0, cols = 0;
  std::vector<float> values;  ///< rows * cols, row-major; empty when only a selection is known
  bool pooled = false;        ///< values are block-pooled (one cell per block pair)
  // Block selection (q_blocks x k_blocks, row-major; empty when none): which key blocks each query block attended.
  int64_t block = 0, q_blocks = 0, k_blocks = 0;
  std::vector<uint8_t> selected;
  QStringList rowLabels, colLabels;  ///< token per query / key position (may be empty)
  bool signedValues = false;         ///< a difference: values in [-1, 1], drawn with the diverging map

  bool hasValues() const { return !values.empty(); }
  bool hasSelection() const { return !selected.empty(); }
  /// Whether query position `r` attended key position `c` (true when no selection is stored).
  bool isSelected(int64_t r, int64_t c) const;
  /// Value at a cell (selection as 1/0 when there are no values).
  double valueAt(int64_t r, int64_t c) const;
  float maxValue() const;
};

/// One pixel per cell. With both values and a selection, cells outside the selected blocks are dimmed
/// (the overlay); with a selection only, selected blocks are bright and the rest dark. `vmax` <= 0
/// scales to the data's maximum.
QImage renderHeatmap(const HeatmapData& data, ColorMap map, double vmax = 0.0, bool overlay = true);

/// A vertical colour bar from 0 (bottom) to 1 (top).
QImage renderLegend(ColorMap map, int width, int height);

/// The difference a - b of two matrices of the same shape (values, or selections when either lacks values).
/// Returns an empty HeatmapData (rows == 0) when the shapes differ.
HeatmapData differenceOf(const HeatmapData& a, const HeatmapData& b);

}  // namespace etlab
