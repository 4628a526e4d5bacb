// SPDX-License-Identifier: MIT
#include "core/store/attention_stats.h"

#include <cmath>
#include <cstdlib>

namespace etlab {

double selection_density(const SelectionRecord& s) {
  if (s.q_blocks <= 0 || s.k_blocks <= 0) return 0.0;
  int64_t on = 0;
  for (int64_t qb = 0; qb < s.q_blocks; ++qb)
    for (int64_t kb = 0; kb < s.k_blocks; ++kb) on += s.selected(qb, kb);
  return static_cast<double>(on) / static_cast<double>(s.q_blocks * s.k_blocks);
}

double attention_entropy(const ProbRecord& p) {
  if (p.rows <= 0 || p.cols <= 0) return 0.0;
  double total = 0.0;
  for (int64_t i = 0; i < p.rows; ++i) {
    double h = 0.0, mass = 0.0;
    for (int64_t j = 0; j < p.cols; ++j) mass += p.values[static_cast<size_t>(i * p.cols + j)];
    if (mass <= 0.0) continue;
    for (int64_t j = 0; j < p.cols; ++j) {
      const double v = p.values[static_cast<size_t>(i * p.cols + j)] / mass;  // float16 storage: renormalise
      if (v > 0.0) h -= v * std::log(v);
    }
    total += h;
  }
  return total / static_cast<double>(p.rows);
}

double mean_attention_distance(const ProbRecord& p, int64_t block) {
  if (p.rows <= 0 || p.cols <= 0) return 0.0;
  const double scale = p.pooled ? static_cast<double>(block) : 1.0;
  // Causal alignment: query i sits at key position i + (cols - rows) for full maps.
  const int64_t offset = p.pooled ? 0 : p.cols - p.rows;
  double total = 0.0;
  for (int64_t i = 0; i < p.rows; ++i) {
    double d = 0.0, mass = 0.0;
    for (int64_t j = 0; j < p.cols; ++j) {
      const double v = p.values[static_cast<size_t>(i * p.cols + j)];
      d += v * static_cast<double>(std::llabs(j - (i + offset)));
      mass += v;
    }
    if (mass > 0.0) total += d / mass;
  }
  return scale * total / static_cast<double>(p.rows);
}

}  // namespace etlab
