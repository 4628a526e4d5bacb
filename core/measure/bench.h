// SPDX-License-Identifier: MIT
#pragma once

// The benchmark harness, torch-free to call: attention kernels side by side (`bench attention`) and
// whole-model variants of a preset (`bench model`). Every row is a BenchmarkRecord the store keeps.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/store/records.h"
#include "core/train/run_events.h"

namespace etlab {

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

/// Every variant `bench model` knows: dense, dense_libtorch, each benchmarked sparse kind of the
/// registry, lora, lora_merged, sparse_lora (the first learned kind with adapters).
std::vector<std::string> model_variants();
/// The variants run when none are named: all but sparse_lora.
std::vector<std::string> default_model_variants();

/// Whole-model costs of the variants of one preset, side by side: a training step (forward, backward,
/// AdamW step) and inference, on synthetic token ids of exactly n tokens (costs do not depend on the
/// values). Variants: dense (attention.dense_impl auto), dense_libtorch (LibTorch's best dense kernel),
/// every benchmarked sparse kind, lora (dense + adapters, unmerged), lora_merged (inference only),
/// sparse_lora (the learned kind + adapters).
struct BenchModelOptions {
  nlohmann::json config;  ///< the configuration measured (a preset's, with overrides)
  std::string label;      ///< recorded as "preset" (the preset's name or the file)
  std::vector<int64_t> lengths;  ///< empty: the preset's task.max_len
  std::vector<std::string> variants = default_model_variants();
  int64_t batch = 0;  ///< 0: the preset's train.batch
  int64_t threads = 0;
  int64_t repeats = 3;
  std::string device = "cpu";
  std::string profile_dir;  ///< when set: one more step per variant under LibTorch's profiler, a Chrome trace each
};
/// One record per (variant, n, mode) with mode "train_step" or "inference".
std::vector<BenchmarkRecord> bench_model(const BenchModelOptions& options, RunObserver* observer = nullptr);

}  // namespace etlab
