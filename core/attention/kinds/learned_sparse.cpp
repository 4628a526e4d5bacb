// SPDX-License-Identifier: MIT
// learned_sparse (the review's "Smith" method): a learned router scores every query block against
// every key block and each query block keeps its top-k key blocks. The router (core/attention) learns
// from a distillation loss towards the block mass of exact attention.
#include "core/attention/kinds/router.h"
#include "core/config/attention_kind.h"
#include "core/config/run_config.h"

namespace etlab {

namespace {

RouterSettings from_params(const nlohmann::json& p) {
  RouterSettings r;
  r.dim = p.value("router_dim", r.dim);
  r.samples = p.value("router_samples", r.samples);
  r.loss_weight = p.value("router_loss_weight", r.loss_weight);
  r.dense_warmup_steps = p.value("dense_warmup_steps", r.dense_warmup_steps);
  return r;
}

}  // namespace

RouterSettings router_settings(const AttentionOptions& attention) { return from_params(attention.params); }

RouterSettings router_settings_in(const nlohmann::json& config) {
  const auto it = config.find("attention");
  return it == config.end() ? RouterSettings{} : from_params(*it);
}

AttentionKind learned_sparse_kind() {
  const RouterSettings d;
  AttentionKind k;
  k.name = kinds::kLearnedSparse;
  k.help = "block top-k chosen by a learned router (distilled from exact attention)";
  k.order = 1;
  k.learned = true;
  k.keys = {int_key("attention.router_dim", d.dim, 1, 4096, "learned_sparse: router projection width per head"),
            int_key("attention.router_samples", d.samples, 1, 4096,
                    "learned_sparse: query rows per block used to compute the router's target"),
            float_key("attention.router_loss_weight", d.loss_weight, 0.0, 1000.0,
                      "learned_sparse: weight of the router's distillation loss"),
            int_key("attention.dense_warmup_steps", d.dense_warmup_steps, 0, 1e9,
                    "learned_sparse: steps trained with dense attention while the router learns")};
  k.check = [](const KindCheckContext& c, std::vector<ConfigIssue>& out) {
    if (router_settings_in(c.config).dense_warmup_steps >= json_at(c.config, "train.steps")->get<int64_t>())
      out.push_back({"attention.dense_warmup_steps", "must be smaller than train.steps so that sparse attention is trained"});
  };
  return k;
}

}  // namespace etlab
