// SPDX-License-Identifier: MIT
// Building a training session: base run, data, model, optimizer (train_run / resume_run, in core/engine, use it).
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/attention/kernels.h"
#include "core/data/data_cache.h"
#include "core/measure/environment.h"
#include "core/store/run_store.h"
#include "core/train/param_groups.h"
#include "core/train/session.h"

namespace etlab {

namespace {

struct BaseModel {
  std::string run_id;
  std::string checkpoint;  ///< absolute path of the base weights
};

// Finds the base of a fine-tuning run and adopts its architecture and tokenizer, so that the weights fit.
BaseModel resolve_base(RunConfig& cfg, RunStore& store) {
  BaseModel base;
  std::optional<RunRecord> run;
  if (!cfg.train.base.empty()) {
    if (std::filesystem::exists(cfg.train.base)) {
      base.checkpoint = std::filesystem::absolute(cfg.train.base).string();
      return base;
    }
    run = store.find_run(cfg.train.base);
    if (!run) throw std::runtime_error("train.base: no run or checkpoint file '" + cfg.train.base + "' in " + store.path());
  } else {
    run = store.latest_finished(cfg.train.base_preset);
    if (!run)
      throw std::runtime_error("train.base_preset: no finished run of preset '" + cfg.train.base_preset + "' in " + store.path() +
                               "; train one first: etlab-cli train --preset " + cfg.train.base_preset);
  }
  if (run->status != "finished")
    throw std::runtime_error("train.base: run " + run->id + " is " + run->status + ", not finished");
  base.checkpoint = checkpoint_of(store, run->id, "model");
  if (base.checkpoint.empty())
    throw std::runtime_error("train.base: run " + run->id + " has no full-model checkpoint (LoRA runs cannot be a base)");
  base.run_id = run->id;

  RunConfig base_cfg;
  auto issues = parse_run_config(nlohmann::json::parse(run->config_json), base_cfg);
  if (!issues.empty()) throw std::runtime_error("base run " + run->id + " has an invalid configuration: " + format_issues(issues));
  adopt_base_model(cfg, base_cfg);
  return base;
}

}  // namespace

void adopt_base_model(RunConfig& cfg, const RunConfig& base_cfg) {
  // The architecture and vocabulary are the base's; positions are rotary, so a longer max_len is fine.
  const auto max_len = std::max(cfg.model.max_len, base_cfg.model.max_len);
  const auto dropout = cfg.model.dropout;
  const auto pooling = cfg.model.pooling;
  cfg.model = base_cfg.model;
  cfg.model.max_len = max_len;
  cfg.model.dropout = dropout;
  cfg.model.pooling = pooling == "cls" && base_cfg.model.causal() ? "mean" : pooling;
  if (tokenizer_for(base_cfg.task) != tokenizer_for(cfg.task) && cfg.task.tokenizer != "auto")
    throw std::runtime_error("task.tokenizer: the base run uses the " + tokenizer_for(base_cfg.task) +
                             " tokenizer; a fine-tune must use the same");
  if (base_cfg.task.tokenizer != "auto") cfg.task.tokenizer = base_cfg.task.tokenizer;
  if (tokenizer_for(base_cfg.task) != tokenizer_for(cfg.task))
    throw std::runtime_error("task.dataset: the base run's " + tokenizer_for(base_cfg.task) + " vocabulary does not fit " +
                             cfg.task.dataset + ", which needs the " + tokenizer_for(cfg.task) + " tokenizer");
  cfg.json["model"] = base_cfg.json["model"];
  cfg.json["model"]["max_len"] = cfg.model.max_len;
  cfg.json["model"]["dropout"] = cfg.model.dropout;
  cfg.json["model"]["pooling"] = cfg.model.pooling;
  cfg.json["task"]["tokenizer"] = cfg.task.tokenizer;
}

std::unique_ptr<Session> prepare_session(RunConfig cfg, RunStore& store, RunObserver& obs, const EngineOptions& options,
                                         std::string* base_checkpoint) {
  if (options.threads >= 0) cfg.train.threads = options.threads;
  if (!options.device.empty()) cfg.train.device = options.device;
  cfg.json["train"]["threads"] = cfg.train.threads;
  cfg.json["train"]["device"] = cfg.train.device;
  if (cfg.attention.dense_impl == "auto") {
    apply_threads(cfg.train.threads);  // the race runs at the run's thread count
    // Fix the measured choice in the stored configuration, so that a resumed run (another process,
    // another measurement) computes exactly the same way.
    cfg.attention.dense_impl = config_name(auto_dense_kernel(/*libtorch_only=*/cfg.train.device == "cuda"));
    cfg.json["attention"]["dense_impl"] = cfg.attention.dense_impl;
  }
  if (cfg.train.device == "cuda" && !torch::cuda::is_available())
    throw std::runtime_error("train.device: CUDA was requested but this LibTorch build has no usable GPU");

  auto s = std::make_unique<Session>();
  if (!cfg.train.router_from.empty()) {
    const auto from = store.find_run(cfg.train.router_from);
    if (!from) throw std::runtime_error("train.router_from: no run '" + cfg.train.router_from + "' in " + store.path());
    if (from->status != "finished")
      throw std::runtime_error("train.router_from: run " + from->id + " is " + from->status + ", not finished");
    s->router_checkpoint = checkpoint_of(store, from->id, "model");
    if (s->router_checkpoint.empty())
      throw std::runtime_error("train.router_from: run " + from->id + " has no full-model checkpoint");
    cfg.train.router_from = from->id;  // the full id, so that the stored configuration pins it
    cfg.json["train"]["router_from"] = from->id;
  }
  if (cfg.train.phase == "finetune") {
    const BaseModel base = resolve_base(cfg, store);
    s->base_run_id = base.run_id;
    *base_checkpoint = base.checkpoint;
  }
  s->store = &store;
  s->observer = &obs;
  s->device = cfg.train.device == "cuda" ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  s->threads = apply_threads(cfg.train.threads);
  at::globalContext().setDeterministicAlgorithms(cfg.train.deterministic, false);

  DataCache cache(options.data_dir);
  s->tokenizer = make_tokenizer(tokenizer_for(cfg.task), cache);
  // A ViT prepends its own learned CLS vector in front of the patches.
  s->prepend_cls = cfg.task.objective != "lm" && !cfg.model.causal() && cfg.model.resolved_pooling() == "cls" && cfg.model.patch == 0 &&
                   cfg.task.objective != "seq2seq";
  s->data = build_dataset(cfg.task, *s->tokenizer, cache, s->prepend_cls);
  if (!s->data.lm && !s->data.seq2seq && s->data.class_names.size() < 2)
    throw std::runtime_error("task.dataset: '" + cfg.task.dataset + "' yielded fewer than two classes");
  if (cfg.model.vocab_size > 0 && cfg.model.vocab_size < s->data.vocab_size)
    throw std::runtime_error("model.vocab_size " + std::to_string(cfg.model.vocab_size) + " is smaller than the " +
                             s->data.tokenizer + " tokenizer's vocabulary (" + std::to_string(s->data.vocab_size) + ")");
  s->config = std::move(cfg);
  for (int64_t i = 0; i < s->config.probe.examples && i < static_cast<int64_t>(s->data.test.size()); ++i) {
    const Example& e = s->data.test[static_cast<size_t>(i)];
    s->probes.push_back({static_cast<int>(i), "test", e.text, e.label, e.tokens});
  }
  return s;
}

void build_model(Session& s, const std::string& base_checkpoint) {
  const auto& cfg = s.config;
  torch::manual_seed(static_cast<uint64_t>(cfg.train.seed));
  s.model = Transformer(transformer_options_for(cfg, s.data.vocab_size, static_cast<int64_t>(s.data.class_names.size())));
  if (!base_checkpoint.empty()) {
    // A fine-tune gets a fresh task head even when its base had one of the same shape (a ViT base
    // trained on another image set): the base's classes are not the fine-tune's.
    std::vector<torch::Tensor> fresh_head;
    if (s.model->cls_head)
      for (auto& p : s.model->cls_head->parameters()) fresh_head.push_back(p.detach().clone());
    std::vector<std::string> missing;
    load_weights_into(*s.model, base_checkpoint, &missing, &cfg.model.family());
    if (s.model->cls_head) {
      torch::NoGradGuard no_grad;
      auto params = s.model->cls_head->parameters();
      for (size_t i = 0; i < params.size(); ++i) params[i].copy_(fresh_head[i]);
    }
    std::string unfit;
    for (const auto& name : missing)
      // New parts of a fine-tuned model: the task head and a router the dense base never had.
      if (name.rfind("cls_head.", 0) != 0 && name.rfind("lm_head.", 0) != 0 && name.find(".router_") == std::string::npos)
        unfit += (unfit.empty() ? "" : ", ") + name;
    if (!unfit.empty())
      throw std::runtime_error("train.base: " + base_checkpoint + " does not fit this model (missing or differently shaped: " +
                               unfit.substr(0, 300) + ")");
    if (!cfg.lora.enabled)
      for (auto& a : s.model->adaptable())
        if (a.type != "router_q" && a.type != "router_k")
          s.base_weights[a.type + ":" + std::to_string(a.layer)] = a.module->weight.detach().clone();
  }
  if (!s.router_checkpoint.empty()) {
    // Only the router: every parameter named *.router_* must be in the checkpoint with the same shape.
    torch::serialize::InputArchive archive;
    archive.load_from(s.router_checkpoint);
    torch::NoGradGuard no_grad;
    int64_t copied = 0;
    std::string unfit;
    for (auto& p : s.model->named_parameters()) {
      if (p.key().find(".router_") == std::string::npos) continue;
      torch::Tensor t;
      if (archive.try_read("p/" + cfg.model.family().stored_name(p.key()), t) && t.sizes() == p.value().sizes()) {
        p.value().copy_(t);
        ++copied;
      } else {
        unfit += (unfit.empty() ? "" : ", ") + p.key();
      }
    }
    if (copied == 0 || !unfit.empty())
      throw std::runtime_error("train.router_from: the router of " + s.router_checkpoint + " does not fit this model (" +
                               (unfit.empty() ? std::string("it has none") : "missing or differently shaped: " + unfit.substr(0, 300)) +
                               "); layers, d_model, heads and attention.router_dim must match");
  }
  if (cfg.lora.enabled) {
    apply_lora(s.model, cfg.lora, cfg.train.freeze_router);
    // PiSSA and OLoRA adapters start on a part of W: the learned update is the change from there.
    if (lora_init_impls().at(cfg.lora.init).moves_base)
      for (auto& a : s.model->adaptable())
        if (a.module->has_lora()) s.lora_initial_delta[a.type + ":" + std::to_string(a.layer)] = a.module->delta_weight().detach().clone();
  } else if (cfg.train.freeze_router) {
    set_router_trainable(s.model, false);
  }
  s.model->to(s.device);
  for (auto& [key, w] : s.lora_initial_delta) w = w.to(s.device);
  for (auto& [key, w] : s.base_weights) w = w.to(s.device);

  std::vector<torch::optim::OptimizerParamGroup> groups;
  const auto base_opts = torch::optim::AdamWOptions(cfg.train.lr).weight_decay(cfg.train.weight_decay);
  s.lr_scales.clear();
  for (auto& g : optimizer_groups(*s.model, cfg)) {
    auto opts = base_opts;
    opts.weight_decay(g.weight_decay).lr(cfg.train.lr * g.lr_scale);
    groups.emplace_back(std::move(g.params), std::make_unique<torch::optim::AdamWOptions>(opts));
    s.lr_scales.push_back(g.lr_scale);
  }
  s.optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), base_opts);
}

}  // namespace etlab
