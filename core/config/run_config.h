// SPDX-License-Identifier: MIT
#pragma once

// A run's configuration as options structs, torch-free (the views read it too). Each setting is
// declared once: its field here (type and default) and its schema entry in run_config.cpp (path,
// range, help), which names the field it fills; a kind's own settings live in its registry entry and
// land in AttentionOptions::params. parse_run_config validates a JSON configuration and fills the
// structs directly.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/attention_kind.h"
#include "core/config/config_schema.h"
#include "core/config/lora_axes.h"
#include "core/config/model_family.h"

namespace etlab {

struct TaskOptions {
  std::string dataset = "listops";
  std::string objective = "classify";  // classify | lm | seq2seq
  std::string domain = "imdb";
  std::vector<std::string> eval_domains;
  std::string path;
  std::string tokenizer = "auto";
  int64_t max_len = 512;
  int64_t min_len = 1;
  int64_t listops_depth = 10;
  int64_t listops_args = 10;
  int64_t train_size = 0, val_size = 0, test_size = 0;
  std::vector<std::string> categories;
};

struct ModelOptions {
  std::string arch = "encoder";  ///< a model family's arch (model_archs())
  int64_t layers = 2, d_model = 128, heads = 4, ffn = 512;
  int64_t decoder_layers = 0;  ///< encoder_decoder: 0 = as many as layers
  double dropout = 0.1;
  int64_t max_len = 0;
  std::string pooling = "auto";
  int64_t vocab_size = 0;
  bool tie_embeddings = true;
  double rope_base = 10000.0;
  int64_t patch = 0;  ///< ViT patch side for the image data sets; 0 = text

  /// The model family these options build (model_families()).
  const ModelFamily& family() const { return model_family(arch, patch); }
  bool causal() const { return family().causal; }
  /// The pooling actually used: "auto" resolved by the family.
  std::string resolved_pooling() const { return pooling != "auto" ? pooling : family().default_pooling; }
};

struct AttentionOptions {
  std::string kind = kinds::kDense;  ///< an entry of attention_kinds()
  int64_t block = 64;
  int64_t topk = 0;  ///< 0 = auto: resolve_topk
  double c = 1.0;
  std::string dense_impl = "auto";
  /// The kinds' own settings by key name ("pattern", "router_dim", ...), as their schema entries
  /// declare them; param() falls back to the declared default.
  nlohmann::json params = nlohmann::json::object();

  const AttentionKind& info() const { return attention_kind(kind); }
  bool sparse() const { return info().sparse; }
  /// Key blocks per query block for a sequence of n keys (own block included), clamped to [1, blocks].
  int64_t resolve_topk(int64_t n) const { return etlab::resolve_topk(n, block, topk, c); }
  /// The key blocks a query block keeps at n: resolve_topk, or the pattern's own count for a kind that
  /// does not use topk (a window).
  int64_t blocks_per_query(int64_t n, bool causal, int64_t heads) const;
  /// A kind's setting "attention.<key>": the configured value or the key's declared default; throws
  /// std::invalid_argument when no kind declares the key.
  nlohmann::json param(const std::string& key) const;
  AttentionOptions& set(const std::string& key, nlohmann::json value) {
    params[key] = std::move(value);
    return *this;
  }
};

struct LoraOptions {
  bool enabled = false;
  int64_t r = 8;
  double alpha = 16.0, dropout = 0.0;
  std::vector<std::string> targets{"q", "v"};
  std::string init = "kaiming";  ///< an entry of lora_inits()
  bool rslora = false;
  std::string form = "plain";    ///< an entry of lora_forms()

  double scaling() const;
  bool targets_module(const std::string& name) const;
};

struct TrainOptions {
  std::string phase = "scratch";
  std::string base, base_preset;
  int64_t steps = 200, batch = 16;
  double lr = 1e-3, weight_decay = 0.01;
  int64_t warmup = 20;
  double min_lr_ratio = 0.1, clip = 1.0;
  int64_t accum = 1, eval_every = 50, eval_batches = 0, patience = 0;
  int64_t world_size = 1;  ///< data-parallel ranks (the effective batch is batch x accum x world_size)
  int64_t seed = 0;
  bool deterministic = false;
  int64_t threads = 0;
  std::string device = "cpu";
  int64_t checkpoint_every = 0, log_every = 10;
  bool keep_best = true;
  bool freeze_router = false;
  std::string router_from;  ///< run whose learned router this run starts from (empty: a fresh router)
};

struct ProbeOptions {
  int64_t examples = 4, prob_steps = 8, max_prob_tokens = 1024;
  bool spectra = true;
};

/// A validated, complete run configuration. Build it with `parse_run_config`; `json` keeps the
/// resolved JSON it came from (what the store records).
struct RunConfig {
  std::string preset, description, name;
  TaskOptions task;
  ModelOptions model;
  AttentionOptions attention;
  LoraOptions lora;
  TrainOptions train;
  ProbeOptions probe;
  nlohmann::json json;

  /// Short method label for run lists: dense, learned_sparse, fixed_sparse:local, +lora.
  std::string method() const;
};

/// Validates `config` (see validate_config) and, when it is valid, fills `out`.
std::vector<ConfigIssue> parse_run_config(const nlohmann::json& config, RunConfig& out);
/// What a configuration asks of how it is started: train.world_size other than 1 is a data-parallel
/// run, which only `train --distributed` (under a launcher) starts; `distributed` says whether it is.
std::vector<ConfigIssue> check_launch(const RunConfig& config, bool distributed);

}  // namespace etlab
