// SPDX-License-Identifier: MIT
#pragma once

// The engine's public, torch-free interface: the CLI (and anything else) trains, resumes, counts,
// infers and benchmarks through these calls without including LibTorch.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/run_config.h"
#include "core/data/dataset.h"
#include "core/measure/bench.h"
#include "core/measure/environment.h"
#include "core/store/records.h"
#include "core/train/run_events.h"

namespace etlab {

class RunStore;

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

}  // namespace etlab
