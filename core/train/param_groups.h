// SPDX-License-Identifier: MIT
#pragma once

// The optimizer's parameter groups, one of LoRA's axes (PEFT's LoRA+ gives B its own learning rate):
// a policy turns the trainable parameters into AdamW groups with their weight decay and a learning-rate
// multiple. Policies are registry entries; the last registered one that applies to a run decides.

#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/config/registry.h"
#include "core/config/run_config.h"

namespace etlab {

struct ParamGroup {
  std::vector<torch::Tensor> params;
  double weight_decay = 0.0;
  double lr_scale = 1.0;  ///< the group's learning rate is the schedule's times this
};

struct ParamGroupPolicy {
  std::string name;
  std::string help;
  std::function<bool(const RunConfig&)> applies;
  std::function<std::vector<ParamGroup>(torch::nn::Module& model, const RunConfig&)> groups;
};

/// Built in: "decay_matrices" (AdamW's decay on matrices only, none on vectors), which always applies.
Registry<ParamGroupPolicy>& param_group_policies();

/// The groups for a run's trainable parameters (those with requires_grad), in model order within each group.
std::vector<ParamGroup> optimizer_groups(torch::nn::Module& model, const RunConfig& config);

}  // namespace etlab
