// SPDX-License-Identifier: MIT
#include "views/attention/Heatmap.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace etlab {

namespace {

// matplotlib's viridis at t = 0, 0.1, ..., 1 and cividis at t = 0, 0.2, ..., 1 (their sRGB samples).
constexpr std::array<QRgb, 11> kViridis = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
                                           0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
constexpr std::array<QRgb, 6> kCividis = {0x00224e, 0x35456c, 0x666970, 0x948e77, 0xc8b866, 0xfee838};
// Blue (negative) - near white (0) - orange (positive): distinguishable with every common colour-vision deficiency.
constexpr std::array<QRgb, 5> kDiverging = {0x2166ac, 0x92c5de, 0xf7f7f7, 0xfdb863, 0xb35806};

template <size_t N>
QRgb interpolate(const std::array<QRgb, N>& stops, double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * static_cast<double>(N - 1);
  const size_t i = std::min(static_cast<size_t>(t), N - 2);
  const double f = t - static_cast<double>(i);
  auto mix = [f](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * f)); };
  const QRgb a = stops[i], b = stops[i + 1];
  return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

// 256-entry tables, so rendering a 4096 x 4096 map is a table lookup per cell.
const std::array<QRgb, 256>& table(ColorMap map) {
  static const auto build = [](ColorMap m) {
    std::array<QRgb, 256> t{};
    for (int i = 0; i < 256; ++i) t[static_cast<size_t>(i)] = colorAt(m, i / 255.0) | 0xff000000u;
    return t;
  };
  static const std::array<QRgb, 256> viridis = build(ColorMap::Viridis), cividis = build(ColorMap::Cividis),
                                     diverging = build(ColorMap::Diverging);
  switch (map) {
    case ColorMap::Cividis: return cividis;
    case ColorMap::Diverging: return diverging;
    default: return viridis;
  }
}

QRgb dim(QRgb c) {
  // Unselected cells: a third of their brightness, still readable as a value.
  return qRgb(qRed(c) / 3, qGreen(c) / 3, qBlue(c) / 3);
}

}  // namespace

QRgb colorAt(ColorMap map, double t) {
  switch (map) {
    case ColorMap::Cividis: return interpolate(kCividis, t);
    case ColorMap::Diverging: return interpolate(kDiverging, t);
    default: return interpolate(kViridis, t);
  }
}

QString colorMapName(ColorMap map) {
  switch (map) {
    case ColorMap::Cividis: return QCoreApplication::translate("Heatmap", "cividis");
    case ColorMap::Diverging: return QCoreApplication::translate("Heatmap", "difference (blue − / orange +)");
    default: return QCoreApplication::translate("Heatmap", "viridis");
  }
}

bool HeatmapData::isSelected(int64_t r, int64_t c) const {
  if (selected.empty() || block <= 0) return true;
  // Pooled maps have one cell per block; full maps one per token.
  const int64_t qb = pooled ? r : r / block, kb = pooled ? c : c / block;
  if (qb >= q_blocks || kb >= k_blocks) return false;
  return selected[static_cast<size_t>(qb * k_blocks + kb)] != 0;
}

double HeatmapData::valueAt(int64_t r, int64_t c) const {
  if (r < 0 || c < 0 || r >= rows || c >= cols) return 0.0;
  if (!values.empty()) return values[static_cast<size_t>(r * cols + c)];
  return isSelected(r, c) ? 1.0 : 0.0;
}

float HeatmapData::maxValue() const {
  float m = 0.0f;
  for (float v : values) m = std::max(m, std::abs(v));
  return m;
}

QImage renderHeatmap(const HeatmapData& d, ColorMap map, double vmax, bool overlay) {
  if (d.rows <= 0 || d.cols <= 0) return {};
  QImage img(static_cast<int>(d.cols), static_cast<int>(d.rows), QImage::Format_RGB32);
  const auto& lut = table(d.signedValues ? ColorMap::Diverging : map);
  const double scale = vmax > 0 ? vmax : (d.hasValues() ? std::max(1e-12f, d.maxValue()) : 1.0);
  for (int64_t r = 0; r < d.rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(static_cast<int>(r)));
    for (int64_t c = 0; c < d.cols; ++c) {
      double t;
      if (d.hasValues()) {
        const double v = d.values[static_cast<size_t>(r * d.cols + c)] / scale;
        t = d.signedValues ? 0.5 + 0.5 * v : v;
      } else {
        t = d.signedValues ? 0.5 : (d.isSelected(r, c) ? 1.0 : 0.0);
      }
      QRgb color = lut[static_cast<size_t>(std::clamp(std::lround(t * 255.0), 0L, 255L))];
      if (overlay && d.hasValues() && d.hasSelection() && !d.signedValues && !d.isSelected(r, c)) color = dim(color);
      line[c] = color;
    }
  }
  return img;
}

QImage renderLegend(ColorMap map, int width, int height) {
  QImage img(std::max(1, width), std::max(2, height), QImage::Format_RGB32);
  const auto& lut = table(map);
  for (int y = 0; y < img.height(); ++y) {
    const double t = 1.0 - static_cast<double>(y) / (img.height() - 1);
    const QRgb c = lut[static_cast<size_t>(std::lround(t * 255.0))];
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
    std::fill(line, line + img.width(), c);
  }
  return img;
}

HeatmapData differenceOf(const HeatmapData& a, const HeatmapData& b) {
  HeatmapData d;
  if (a.rows != b.rows || a.cols != b.cols || a.rows <= 0) return d;
  d.rows = a.rows;
  d.cols = a.cols;
  d.pooled = a.pooled;
  d.rowLabels = a.rowLabels;
  d.colLabels = a.colLabels;
  d.signedValues = true;
  d.values.resize(static_cast<size_t>(d.rows * d.cols));
  const bool useValues = a.hasValues() && b.hasValues();
  for (int64_t r = 0; r < d.rows; ++r)
    for (int64_t c = 0; c < d.cols; ++c)
      d.values[static_cast<size_t>(r * d.cols + c)] = static_cast<float>(
          useValues ? a.valueAt(r, c) - b.valueAt(r, c) : (a.isSelected(r, c) ? 1.0 : 0.0) - (b.isSelected(r, c) ? 1.0 : 0.0));
  return d;
}

}  // namespace etlab
