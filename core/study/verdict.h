// SPDX-License-Identifier: MIT
#pragma once

// The verdict rules of `etlab-cli study review`, written down before any run (issue 6). Scores are in
// points (accuracy or macro-F1 times 100); ratios are plain numbers.

#include <string>
#include <vector>

namespace etlab::study {

struct Stats {
  double mean = 0.0, sd = 0.0, se = 0.0;  ///< sample standard deviation; se = sd / sqrt(n)
  int n = 0;
};
Stats stats_of(const std::vector<double>& values);

/// Least-squares slope of log(y) against log(x): a measured complexity exponent (NaN with fewer than
/// two distinct x).
double loglog_slope(const std::vector<double>& x, const std::vector<double>& y);

enum class Verdict { Supported, Refuted, Inconclusive, InvalidReference, NotMeasured };
std::string to_string(Verdict verdict);

/// A comparison counts only when its reference arm (dense, full fine-tuning) beats the majority-class
/// baseline by at least 10 points.
constexpr double kReferenceMargin = 10.0;
bool reference_valid(double reference_points, double majority_points);

/// "The measured quantity is at least `threshold`": supported when mean - 2 se >= threshold, refuted
/// when mean + 2 se < threshold, inconclusive when that interval straddles the threshold. With one
/// seed (se = 0) the point value decides; the report marks such verdicts by their budget.
Verdict at_least(const Stats& s, double threshold);
/// "At most `threshold`", the mirror image.
Verdict at_most(const Stats& s, double threshold);

/// Parity of LoRA with full fine-tuning on one task: parity when LoRA's mean >= full's mean -
/// max(1 point, 2 x pooled standard error); a gap when even LoRA's mean + 2 se of the difference stays
/// below that line; inconclusive in between.
Verdict parity(const Stats& lora_points, const Stats& full_points);
/// The margin parity allows: max(1 point, 2 x pooled standard error of the two arms).
double parity_margin(const Stats& a, const Stats& b);

/// The rules as text, for the report.
std::string rules_markdown();

}  // namespace etlab::study
