// SPDX-License-Identifier: MIT
#include "core/config/run_config.h"

#include <algorithm>
#include <cmath>

namespace etlab {

using nlohmann::json;

int64_t AttentionConfig::resolve_topk(int64_t n) const {
  const int64_t blocks = std::max<int64_t>(1, (n + block - 1) / block);
  int64_t k = topk;
  if (k <= 0) {
    const double ratio = std::max(1.0, static_cast<double>(n) / static_cast<double>(block));
    k = static_cast<int64_t>(std::ceil(c * std::log2(ratio)));
  }
  return std::clamp<int64_t>(k, 1, blocks);
}

double LoraConfig::scaling() const {
  return rslora ? alpha / std::sqrt(static_cast<double>(r)) : alpha / static_cast<double>(r);
}

bool LoraConfig::targets_module(const std::string& name) const {
  return enabled && std::find(targets.begin(), targets.end(), name) != targets.end();
}

std::string RunConfig::method() const {
  std::string m = attention.kind;
  if (attention.kind == "fixed_sparse") m += ":" + attention.pattern;
  if (lora.enabled) m += "+lora";
  else if (train.phase == "finetune") m += "+full_ft";
  return m;
}

std::vector<ConfigIssue> parse_run_config(const json& config, RunConfig& out) {
  json full;
  auto issues = validate_config(config, &full);
  if (!issues.empty()) return issues;
  RunConfig c;
  c.json = full;
  c.preset = full["preset"];
  c.description = full["description"];
  c.name = full["name"];

  const json& t = full["task"];
  c.task.dataset = t["dataset"];
  c.task.objective = t["objective"];
  c.task.domain = t["domain"];
  c.task.eval_domains = t["eval_domains"].get<std::vector<std::string>>();
  c.task.path = t["path"];
  c.task.tokenizer = t["tokenizer"];
  c.task.max_len = t["max_len"];
  c.task.min_len = t["min_len"];
  c.task.listops_depth = t["listops_depth"];
  c.task.listops_args = t["listops_args"];
  c.task.train_size = t["train_size"];
  c.task.val_size = t["val_size"];
  c.task.test_size = t["test_size"];
  c.task.categories = t["categories"].get<std::vector<std::string>>();

  const json& m = full["model"];
  c.model.arch = m["arch"];
  c.model.layers = m["layers"];
  c.model.decoder_layers = m["decoder_layers"];
  c.model.d_model = m["d_model"];
  c.model.heads = m["heads"];
  c.model.ffn = m["ffn"];
  c.model.dropout = m["dropout"];
  c.model.max_len = m["max_len"];
  c.model.pooling = m["pooling"];
  c.model.vocab_size = m["vocab_size"];
  c.model.tie_embeddings = m["tie_embeddings"];
  c.model.rope_base = m["rope_base"];
  c.model.patch = m["patch"];
  if (c.model.max_len == 0) c.model.max_len = c.task.max_len + 1;

  const json& a = full["attention"];
  c.attention.kind = a["kind"];
  c.attention.block = a["block"];
  c.attention.topk = a["topk"].is_number() ? a["topk"].get<int64_t>() : 0;
  c.attention.c = a["c"];
  c.attention.pattern = a["pattern"];
  c.attention.global_blocks = a["global_blocks"];
  c.attention.random_blocks = a["random_blocks"];
  c.attention.router_dim = a["router_dim"];
  c.attention.router_samples = a["router_samples"];
  c.attention.router_loss_weight = a["router_loss_weight"];
  c.attention.dense_warmup_steps = a["dense_warmup_steps"];
  c.attention.dense_impl = a["dense_impl"];

  const json& l = full["lora"];
  c.lora.enabled = l["enabled"];
  c.lora.r = l["r"];
  c.lora.alpha = l["alpha"];
  c.lora.dropout = l["dropout"];
  c.lora.targets = l["targets"].get<std::vector<std::string>>();
  c.lora.init = l["init"];
  c.lora.rslora = l["rslora"];

  const json& tr = full["train"];
  c.train.phase = tr["phase"];
  c.train.base = tr["base"];
  c.train.base_preset = tr["base_preset"];
  c.train.steps = tr["steps"];
  c.train.batch = tr["batch"];
  c.train.lr = tr["lr"];
  c.train.weight_decay = tr["weight_decay"];
  c.train.warmup = tr["warmup"];
  c.train.min_lr_ratio = tr["min_lr_ratio"];
  c.train.clip = tr["clip"];
  c.train.accum = tr["accum"];
  c.train.world_size = tr["world_size"];
  c.train.eval_every = tr["eval_every"];
  c.train.eval_batches = tr["eval_batches"];
  c.train.patience = tr["patience"];
  c.train.seed = tr["seed"];
  c.train.deterministic = tr["deterministic"];
  c.train.threads = tr["threads"];
  c.train.device = tr["device"];
  c.train.checkpoint_every = tr["checkpoint_every"];
  c.train.keep_best = tr["keep_best"];
  c.train.log_every = tr["log_every"];
  c.train.freeze_router = tr["freeze_router"];
  c.train.router_from = tr["router_from"];

  const json& p = full["probe"];
  c.probe.examples = p["examples"];
  c.probe.prob_steps = p["prob_steps"];
  c.probe.max_prob_tokens = p["max_prob_tokens"];
  c.probe.spectra = p["spectra"];

  out = std::move(c);
  return {};
}

std::vector<ConfigIssue> check_launch(const RunConfig& c, bool distributed) {
  if (distributed || c.train.world_size == 1) return {};
  return {{"train.world_size", "is " + std::to_string(c.train.world_size) +
                                   ": it is set by --distributed from WORLD_SIZE (start the ranks with "
                                   "`etlab-cli launch --nproc N -- train ...`)"}};
}

}  // namespace etlab
