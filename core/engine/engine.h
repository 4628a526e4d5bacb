// SPDX-License-Identifier: MIT
#pragma once

// The engine's public, torch-free interface: the CLI (and anything else) trains, resumes, counts,
// infers and benchmarks through these calls without including LibTorch.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/run_config.h"
#include "core/store/records.h"

namespace etlab {

class RunStore;

struct StepEvent {
  std::string run_id;
  int64_t step = 0, total_steps = 0;
  double loss = 0.0, aux_loss = 0.0, lr = 0.0, grad_norm = 0.0;
  double tokens_per_second = 0.0, elapsed_seconds = 0.0, eta_seconds = 0.0;
  bool dense_warmup = false;
};

struct EvalEvent {
  std::string run_id;
  int64_t step = 0;
  std::vector<EvalPoint> metrics;
};

struct RunResult {
  std::string run_id;
  RunStatus status = RunStatus::Failed;
  std::string reason;
  /// Interrupted because a write failed for want of space; `reason` already says so and what to do.
  bool write_failed = false;
  nlohmann::json summary = nlohmann::json::object();
};

/// Receives progress from a training run and may stop it. Called on the training thread.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void on_start(const std::string& run_id, const nlohmann::json& info) { (void)run_id; (void)info; }
  virtual void on_step(const StepEvent& event) { (void)event; }
  virtual void on_eval(const EvalEvent& event) { (void)event; }
  virtual void on_message(const std::string& text) { (void)text; }
  virtual void on_finish(const RunResult& result) { (void)result; }
  /// Polled before every micro-batch; returning true cancels the run within one step (it is saved
  /// and can be resumed).
  virtual bool should_stop() { return false; }
};

/// Where data and compute come from; empty fields mean defaults.
struct EngineOptions {
  std::string data_dir;  ///< data cache (default: default_data_dir())
  int64_t threads = -1;  ///< overrides train.threads when >= 0 (0 = all cores)
  std::string device;    ///< overrides train.device when set
  /// Data-parallel training (train_run only): this process is one rank of a job described by the
  /// launcher's environment (see core/dist/dist_env.h). Every rank calls train_run with the same
  /// configuration; rank 0 creates and writes the run, the others return its id and status.
  bool distributed = false;
  int64_t dist_timeout_s = 600;     ///< rendezvous and every collective give up after this long
  int64_t bucket_mb = 25;           ///< gradient all-reduce bucket size (PyTorch's default)
  std::string lr_scaling = "none";  ///< none | linear (train.lr times the number of ranks)
};

/// Trains one run described by `config` into `store`; returns its final status. Errors that happen
/// after the run was created end the run as failed with the reason; errors before it (bad data,
/// missing base run) throw std::runtime_error and write nothing.
RunResult train_run(const RunConfig& config, RunStore& store, RunObserver& observer, const EngineOptions& options = {});

/// Continues an interrupted, cancelled or failed run from its last full checkpoint.
RunResult resume_run(const std::string& run_id, RunStore& store, RunObserver& observer, const EngineOptions& options = {});

/// Parameter accounting for a configuration without training (builds the model, nothing else). A
/// fine-tune counts its base's architecture: `train.base_preset` is read from the built-in presets,
/// `train.base` from `store`.
struct ParamReport {
  int64_t total = 0, trainable = 0;
  std::vector<ModuleParams> modules;
};
ParamReport count_params(const RunConfig& config, const EngineOptions& options = {}, RunStore* store = nullptr);

/// A prediction plus what the model attended to for one input.
struct InferResult {
  std::string run_id;
  std::vector<std::string> classes;       ///< class names (classification)
  std::vector<double> probabilities;      ///< per class
  int64_t predicted = -1;
  std::vector<std::string> pieces;        ///< token labels of the input as the model saw it
  std::vector<SelectionRecord> selections;  ///< per layer and head, probe = 0, step = run's last step
};
InferResult infer(RunStore& store, const std::string& run_id, const std::string& text, const EngineOptions& options = {});

/// Bare side-by-side timing of the attention families (forward, batch 1).
struct BenchAttentionOptions {
  std::vector<int64_t> lengths{512, 1024, 2048};
  int64_t block = 64;
  int64_t topk = 0;  ///< 0 = auto
  int64_t heads = 4, dim = 64, batch = 1;
  int64_t threads = 0;
  int64_t repeats = 5;
  std::string mode = "fwd";    ///< fwd | fwdbwd (forward + backward to q, k, v)
  std::string device = "cpu";  ///< cpu | cuda
  std::string dtype = "fp32";  ///< fp32 | bf16 | fp16 (etlab's CPU kernel is fp32; others take the gather path)
  int64_t chunk = 256;         ///< query rows per chunk of the memory-lean exact baseline
};
std::vector<BenchmarkRecord> bench_attention(const BenchAttentionOptions& options, RunObserver* observer = nullptr);

/// Vocabulary size of a tokenizer ("byte", "bpe", ...) and number of classes of a task (the user's
/// file is read to count its labels).
int64_t tokenizer_vocab(const std::string& tokenizer);
int64_t class_count(const TaskConfig& task);

/// Whole-model costs of the variants of one preset, side by side: a training step (forward, backward,
/// AdamW step) and inference, on synthetic token ids of exactly n tokens (costs do not depend on the
/// values). Variants: dense (attention.dense_impl auto), dense_libtorch (LibTorch's best dense kernel),
/// learned_sparse, fixed_sparse, lora (dense + adapters, unmerged), lora_merged (inference only),
/// sparse_lora (learned-sparse + adapters).
struct BenchModelOptions {
  nlohmann::json config;  ///< the configuration measured (a preset's, with overrides)
  std::string label;      ///< recorded as "preset" (the preset's name or the file)
  std::vector<int64_t> lengths;  ///< empty: the preset's task.max_len
  std::vector<std::string> variants{"dense", "dense_libtorch", "learned_sparse", "fixed_sparse", "lora", "lora_merged"};
  int64_t batch = 0;  ///< 0: the preset's train.batch
  int64_t threads = 0;
  int64_t repeats = 3;
  std::string device = "cpu";
  std::string profile_dir;  ///< when set: one more step per variant under LibTorch's profiler, a Chrome trace each
};
/// One record per (variant, n, mode) with mode "train_step" or "inference".
std::vector<BenchmarkRecord> bench_model(const BenchModelOptions& options, RunObserver* observer = nullptr);

/// Facts recorded with every run: versions, device, threads, git revision, CPU.
nlohmann::json runtime_environment(int64_t threads, const std::string& device);

/// Threads a setting resolves to (0 = all cores) and applies them to LibTorch.
int64_t apply_threads(int64_t threads);

}  // namespace etlab
