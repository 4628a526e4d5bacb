// SPDX-License-Identifier: MIT
#pragma once

// The settings of a learned router (the learned_sparse kind's own keys), torch-free: the trainer,
// the schema's LoRA checks and the router modules read them here, from one declaration.

#include <cstdint>

#include <nlohmann/json.hpp>

namespace etlab {

struct AttentionOptions;

struct RouterSettings {
  int64_t dim = 16;                 ///< attention.router_dim: projection width per head
  int64_t samples = 4;              ///< attention.router_samples: query rows per block for the router's target
  double loss_weight = 1.0;         ///< attention.router_loss_weight: weight of the distillation loss
  int64_t dense_warmup_steps = 0;   ///< attention.dense_warmup_steps: dense steps while the router learns
};

/// The router settings of a run's attention options (defaults where a key is absent).
RouterSettings router_settings(const AttentionOptions& attention);
/// The same from a complete, resolved configuration.
RouterSettings router_settings_in(const nlohmann::json& config);

}  // namespace etlab
