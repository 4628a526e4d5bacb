// SPDX-License-Identifier: MIT
#pragma once

// Internal to the review study (core/study/review*.cpp): what each budget runs, the runner that trains
// or reuses runs, and the scoring helpers both sides share.

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/study/review.h"
#include "core/study/verdict.h"

namespace etlab::study::detail {

/// One fine-tuning task of the LoRA side: a `task` block and a short name.
struct FinetuneTask {
  std::string name;
  nlohmann::json task;
};

/// What one budget runs. Every budget runs the same plan; the larger ones train longer, at more lengths
/// and ranks, on more tasks and seeds.
struct Budget {
  std::string name, mark;
  std::vector<int64_t> seeds;

  // Sparse side. A local text task (byte-level spam) over a sweep of lengths, dense vs learned-sparse at
  // every length and the fixed local pattern at `text_n`; a global-context task (long-range retrieval);
  // ListOps where the budget affords it.
  std::vector<int64_t> text_lengths;  ///< the long-context sweep
  int64_t text_n = 2048;              ///< length of the accuracy and training-speed comparison
  int64_t text_steps = 200, text_tokens_per_step = 16384, text_d_model = 64;
  int64_t global_n = 1024, global_steps = 300, global_tokens_per_step = 16384;
  std::string listops_dense, listops_learned;  ///< presets; empty: ListOps is not run
  int64_t listops_steps = 0;                   ///< 0: the preset's
  std::vector<int64_t> bench_lengths;
  int64_t bench_n = 2048;

  // LoRA side.
  int64_t base_steps = 60, base_max_len = 128, finetune_steps = 60, max_len = 128, train_size = 0;
  bool tiny_base = false;
  std::vector<FinetuneTask> tasks;          ///< parity tasks (the first is sentiment with its shifted domains)
  std::vector<int64_t> ranks;               ///< the rank sweep
  std::vector<std::string> rank_tasks;      ///< names (from `tasks`) the sweep runs on
};

Budget budget_for(const std::string& name);

/// A configuration with what does not change the computation removed: two runs with equal fingerprints
/// are the same experiment.
nlohmann::json fingerprint(const nlohmann::json& config);

/// Trains a run, or reuses a finished one with the same fingerprint, and counts which.
struct Runner {
  RunStore& store;
  RunObserver& observer;
  EngineOptions engine;
  ReviewReport& report;
  std::string experiment;
  std::set<std::string> counted;  ///< runs already counted as trained or reused by this report
  RunRecord get(nlohmann::json config, const std::string& label);
};

nlohmann::json preset_config(const std::string& name);
double summary_value(const RunRecord& r, const std::string& key);
/// Macro-F1 on imbalanced tasks (majority class above 60%), accuracy otherwise, in points; `split` may
/// be a sentiment domain evaluated out of domain.
double score_points(const RunRecord& r, const std::string& split = "test");
/// What always predicting the majority class scores, in the same measure.
double majority_points(const RunRecord& r);
std::string fmt(double v, int digits = 2);
std::string with_spread(const Stats& s, int digits, const std::string& unit = "");
std::string marked(Verdict v, const Budget& b);
/// One series of a gap chart: {name, x, y, dashed} (bar charts leave x empty).
nlohmann::json series(const std::string& name, const std::vector<double>& x, const std::vector<double>& y, bool dashed = false);
/// Wall-clock milliseconds per optimizer step of a finished run.
double step_ms(const RunRecord& r);
/// "mean ± sd" over the seeds (the mean alone with one seed), for gap tables.
std::string mean_sd(const Stats& s, int digits);
/// A parity verdict against its reference in words: "at parity with dense", "below dense", or the verdict.
std::string versus(Verdict v, const std::string& reference);

/// Everything one side of the review needs.
struct Context {
  const Budget& budget;
  const ReviewOptions& options;
  Runner& runner;
  RunStore& store;
  RunObserver& observer;
  ReviewReport& report;
};

/// A fine-tune of `base_id` on `task`: full fine-tuning when rank is 0, LoRA on q, v with alpha = 2r otherwise.
nlohmann::json finetune_config(const Budget& b, const FinetuneTask& task, const std::string& base_id, int64_t seed, int64_t rank);

/// The sparse side's arms: byte-level spam at n (dense, learned_sparse, fixed_sparse) and the
/// long-range retrieval task.
nlohmann::json text_config(const Budget& b, const std::string& kind, int64_t n, int64_t seed);
nlohmann::json global_config(const Budget& b, const std::string& kind, int64_t seed);

void review_sparse_side(Context& c);
/// Returns the base language model the fine-tunes start from.
RunRecord review_lora_side(Context& c);
std::vector<std::string> known_gaps();
/// The parity rule's verdict in words ("at parity", "a gap", or the verdict).
std::string parity_words(Verdict v);
/// Learned sparse attention in a fine-tune of the (dense) base: a new router, the rest the base's.
nlohmann::json sparse_finetune_attention(const Budget& b);
/// The spam fine-tunes of gaps 1 and 4 (the same runs, reused).
FinetuneTask spam_task(const Budget& b);
/// Gap 4 (review_gap_transfer.cpp): the LoRA rank chosen from the measured spectrum against a fixed one.
GapResult gap_rank_from_spectrum(Context& c, const RunRecord& base);
/// Gap 4 (review_gap_transfer.cpp): a router trained on spam reused on State of the Union against its own.
GapResult gap_router_transfer(Context& c, const RunRecord& base);
/// Gap 5 (review_gap_vision.cpp): a small ViT on Fashion-MNIST and MNIST digits.
GapResult gap_vision(Context& c);
/// Gap 2 (review_gap_seq2seq.cpp): an encoder-decoder on Brown tagging as sequence to sequence.
GapResult gap_seq2seq(Context& c);
void review_gaps(Context& c, const RunRecord& base);

}  // namespace etlab::study::detail
