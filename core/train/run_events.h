// SPDX-License-Identifier: MIT
#pragma once

// What a training run reports and how it is started, torch-free: progress events, the result, the
// observer that receives them (and may stop the run), and the options a front end gives. The trainer
// (core/train) produces them; the engine (core/engine) and every front end consume them.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/store/records.h"

namespace etlab {

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

}  // namespace etlab
