// SPDX-License-Identifier: MIT
#include "core/train/param_groups.h"

#include <stdexcept>

namespace etlab {

Registry<ParamGroupPolicy>& param_group_policies() {
  static Registry<ParamGroupPolicy>* r = [] {
    auto* reg = new Registry<ParamGroupPolicy>("parameter-group policy");
    reg->add({"decay_matrices", "AdamW weight decay on matrices, none on biases and norms",
              [](const RunConfig&) { return true; },
              [](torch::nn::Module& model, const RunConfig& cfg) {
                ParamGroup decay{{}, cfg.train.weight_decay, 1.0}, no_decay{{}, 0.0, 1.0};
                for (auto& p : model.parameters())
                  if (p.requires_grad()) (p.dim() >= 2 ? decay : no_decay).params.push_back(p);
                return std::vector<ParamGroup>{decay, no_decay};
              }});
    return reg;
  }();
  return *r;
}

std::vector<ParamGroup> optimizer_groups(torch::nn::Module& model, const RunConfig& config) {
  const ParamGroupPolicy* chosen = nullptr;
  for (const ParamGroupPolicy* p : param_group_policies().all())
    if (p->applies(config)) chosen = p;
  if (!chosen) throw std::logic_error("no parameter-group policy applies to this run");
  return chosen->groups(model, config);
}

}  // namespace etlab
