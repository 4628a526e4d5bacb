// SPDX-License-Identifier: MIT
#pragma once

// `etlab-cli study review`: measures each claim of the literature review (../shared/REVIEW.md) on this
// machine and sets the measured value beside the claimed one, with a verdict by the rules of
// core/study/verdict.h. Torch-free: it trains and benchmarks through the engine's interface.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/engine.h"

namespace etlab {
class RunStore;
}

namespace etlab::study {

struct ReviewOptions {
  std::string budget = "smoke";  ///< smoke | quick | standard | full
  int64_t threads = 0;
  std::string data_dir;
  std::vector<std::string> gaps;  ///< research-gap studies to run too: combined, seq2seq, long_context, hardware,
                                  ///< rank_from_spectrum, router_transfer, vision, failure_predictor, or all
};

struct ClaimRow {
  std::string id;        ///< e.g. "sparse.inference_speed"
  std::string side;      ///< "learned sparse attention" | "LoRA"
  std::string claim;     ///< the review's wording
  std::string claimed;   ///< the claimed value
  std::string measured;  ///< measured value with its spread, or why it was not measured
  std::string verdict;   ///< verdict (see verdict.h), with the budget's mark
  std::string rule;      ///< the rule applied
  std::string setting;   ///< what was measured: task, n, model
  std::vector<std::string> runs;  ///< run ids behind it
  nlohmann::json values = nlohmann::json::object();  ///< the raw numbers
};

/// One research gap of the review run as a study: its question, a table, a chart, and a conclusion drawn
/// from the numbers by the stated rule.
struct GapResult {
  std::string id, title, question, preset, setting, rule, conclusion;
  std::vector<std::string> runs;
  std::vector<std::string> columns;              ///< the table's header
  std::vector<std::vector<std::string>> rows;     ///< the table, as text
  void add_row(const std::vector<std::pair<std::string, std::string>>& cells);
  nlohmann::json chart = nlohmann::json::object();  ///< {kind: lines|bars, title, x_label, y_label, log_x, log_y, categories, series}
  nlohmann::json values = nlohmann::json::object();
};

struct ReviewReport {
  std::string budget, mark;
  double seconds = 0.0;
  int64_t runs_trained = 0, runs_reused = 0;
  std::vector<ClaimRow> rows;
  std::vector<GapResult> gaps;
  std::string markdown() const;
  nlohmann::json to_json() const;
};

/// Runs (or reuses: same configuration and seed, finished) what `budget` needs and evaluates every
/// claim. Throws std::runtime_error for an unknown budget or when a run fails.
ReviewReport run_review(RunStore& store, const ReviewOptions& options, RunObserver& observer);

}  // namespace etlab::study
