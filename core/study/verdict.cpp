// SPDX-License-Identifier: MIT
#include "core/study/verdict.h"

#include <algorithm>
#include <cmath>

namespace etlab::study {

Stats stats_of(const std::vector<double>& values) {
  Stats s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) return s;
  for (double v : values) s.mean += v;
  s.mean /= static_cast<double>(s.n);
  if (s.n > 1) {
    double ss = 0.0;
    for (double v : values) ss += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
    s.se = s.sd / std::sqrt(static_cast<double>(s.n));
  }
  return s;
}

double loglog_slope(const std::vector<double>& x, const std::vector<double>& y) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double m = static_cast<double>(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const double lx = std::log(x[i]), ly = std::log(std::max(y[i], 1e-300));
    sx += lx, sy += ly, sxx += lx * lx, sxy += lx * ly;
  }
  const double d = m * sxx - sx * sx;
  return d > 0 ? (m * sxy - sx * sy) / d : std::nan("");
}

std::string to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Supported: return "supported";
    case Verdict::Refuted: return "refuted";
    case Verdict::Inconclusive: return "inconclusive";
    case Verdict::InvalidReference: return "invalid reference";
    default: return "not measured";
  }
}

bool reference_valid(double reference_points, double majority_points) {
  return reference_points - majority_points >= kReferenceMargin;
}

Verdict at_least(const Stats& s, double threshold) {
  if (s.n == 0) return Verdict::NotMeasured;
  if (s.mean - 2.0 * s.se >= threshold) return Verdict::Supported;
  if (s.mean + 2.0 * s.se < threshold) return Verdict::Refuted;
  return Verdict::Inconclusive;
}

Verdict at_most(const Stats& s, double threshold) {
  if (s.n == 0) return Verdict::NotMeasured;
  if (s.mean + 2.0 * s.se <= threshold) return Verdict::Supported;
  if (s.mean - 2.0 * s.se > threshold) return Verdict::Refuted;
  return Verdict::Inconclusive;
}

double parity_margin(const Stats& a, const Stats& b) {
  const double pooled_se = std::sqrt(a.se * a.se + b.se * b.se);
  return std::max(1.0, 2.0 * pooled_se);
}

Verdict parity(const Stats& lora_points, const Stats& full_points) {
  if (lora_points.n == 0 || full_points.n == 0) return Verdict::NotMeasured;
  const double line = full_points.mean - parity_margin(lora_points, full_points);
  const double se_diff = std::sqrt(lora_points.se * lora_points.se + full_points.se * full_points.se);
  if (lora_points.mean >= line) return Verdict::Supported;
  if (lora_points.mean + 2.0 * se_diff < line) return Verdict::Refuted;
  return Verdict::Inconclusive;
}

std::string rules_markdown() {
  return "- A comparison counts only if its reference arm (dense attention, full fine-tuning) beats the "
         "majority-class baseline by at least 10 points; otherwise it reads \"invalid reference\". Imbalanced "
         "tasks are scored by macro-F1, balanced ones by accuracy.\n"
         "- \"At least T\": supported when mean - 2 SE >= T, refuted when mean + 2 SE < T, inconclusive when "
         "the interval straddles T (SE over seeds; with one seed the point value decides and the verdict is "
         "marked by its budget).\n"
         "- Parity (LoRA vs full fine-tuning, per task): LoRA mean >= full mean - max(1 point, 2 x pooled SE); "
         "a gap when LoRA mean + 2 SE(diff) stays below that line; inconclusive in between.\n"
         "- Complexity: the fitted log-log exponent of attention time against n; \"O(n log n)\" is supported "
         "when it is at most 1.5 (n log n over 512-4096 fits about 1.1-1.2, n^2 fits 2.0).\n"
         "- Verdicts of the smoke budget are marked \"smoke\" (tiny models, one seed, short n); quick budget "
         "verdicts are \"indicative\".\n";
}

}  // namespace etlab::study
