// SPDX-License-Identifier: MIT
// Engine calls that do not train: environment, parameter counts, inference.
#include "core/engine/engine.h"

#include <optional>

#include <torch/torch.h>

#include "core/config/presets.h"
#include "core/data/corpora.h"
#include "core/data/data_cache.h"
#include "core/data/dataset.h"
#include "core/model/transformer.h"
#include "core/store/run_store.h"
#include "core/train/session.h"

namespace etlab {

ParamReport count_params(const RunConfig& requested, const EngineOptions& options, RunStore* store) {
  (void)options;
  RunConfig config = requested;
  if (config.train.phase == "finetune") {
    // Count the model the fine-tune will really train: the base's architecture.
    std::optional<RunConfig> base;
    if (!config.train.base.empty()) {
      if (!store) throw std::runtime_error("train.base: give --db so that the base run can be looked up");
      if (auto run = store->find_run(config.train.base)) {
        base.emplace();
        parse_run_config(nlohmann::json::parse(run->config_json), *base);
      }
    } else if (const Preset* p = find_preset(config.train.base_preset)) {
      base.emplace();
      parse_run_config(p->config, *base);
    }
    if (!base) throw std::runtime_error("train.base: cannot find the base to count its parameters");
    adopt_base_model(config, *base);
  }
  const int64_t vocab = config.model.vocab_size > 0 ? config.model.vocab_size : tokenizer_vocab(tokenizer_for(config.task));
  const int64_t classes = config.task.objective == "lm" ? 0 : class_count(config.task);
  Transformer model(transformer_options_for(config, vocab, classes));
  if (config.lora.enabled) apply_lora(model, config.lora, config.train.freeze_router);
  else if (config.train.freeze_router) set_router_trainable(model, false);
  const auto counts = count_parameters(*model);
  ParamReport r;
  r.total = counts.total;
  r.trainable = counts.trainable;
  for (const auto& [name, total, trainable] : counts.modules) r.modules.push_back({name, total, trainable});
  return r;
}

InferResult infer(RunStore& store, const std::string& run_id, const std::string& text, const EngineOptions& options) {
  auto run = store.find_run(run_id);
  if (!run) throw std::runtime_error("no run '" + run_id + "' in " + store.path());
  if (run->status != "finished") throw std::runtime_error("run " + run->id + " is " + run->status + "; only finished runs can infer");
  RunConfig cfg;
  auto issues = parse_run_config(nlohmann::json::parse(run->config_json), cfg);
  if (!issues.empty()) throw std::runtime_error("run " + run->id + " has an invalid configuration: " + format_issues(issues));
  if (cfg.model.patch > 0)
    throw std::runtime_error("run " + run->id + " is an image model (a ViT over 28x28 pixels); inference takes text runs");
  if (cfg.task.objective == "seq2seq")
    throw std::runtime_error("run " + run->id + " is an encoder-decoder (sequence to sequence); inference takes classification "
                             "and language-model runs");
  const auto env = nlohmann::json::parse(run->environment_json);
  const std::vector<std::string> classes = env.value("classes", std::vector<std::string>{});

  DataCache cache(options.data_dir);
  auto tokenizer = make_tokenizer(tokenizer_for(cfg.task), cache);
  const bool lm = cfg.task.objective == "lm";
  const bool prepend_cls = !lm && !cfg.model.causal() && cfg.model.resolved_pooling() == "cls";
  apply_threads(options.threads >= 0 ? options.threads : 0);

  torch::manual_seed(static_cast<uint64_t>(cfg.train.seed));  // parameters no checkpoint holds start as in training
  Transformer model(transformer_options_for(cfg, tokenizer->vocab_size(), static_cast<int64_t>(classes.size())));
  const std::string weights = checkpoint_of(store, run->id, "model"), adapter = checkpoint_of(store, run->id, "adapter");
  if (!adapter.empty()) {
    const std::string base = base_weights_of(store, *run);
    if (base.empty()) throw std::runtime_error("run " + run->id + " is a LoRA run whose base weights are gone");
    load_weights_into(*model, base, nullptr, &cfg.model.family());
    apply_lora(model, cfg.lora, cfg.train.freeze_router);
    load_weights_into(*model, adapter, nullptr, &cfg.model.family());
  } else if (!weights.empty()) {
    load_weights_into(*model, weights, nullptr, &cfg.model.family());
  } else {
    throw std::runtime_error("run " + run->id + " has no saved weights");
  }
  model->eval();
  torch::NoGradGuard no_grad;

  std::vector<int32_t> ids;
  try {
    ids = encode_for_model(text, *tokenizer, cfg.task.max_len, prepend_cls);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(std::string("the text does not fit this run's ") + tokenizer->name() + " vocabulary: " + e.what());
  }
  Example ex;
  ex.tokens = ids;
  if (lm) ex.tokens.push_back(tokenizer->eos_id());  // make_batch drops the last id of an LM window
  auto batch = make_batch({&ex}, tokenizer->pad_id(), lm, torch::Device(torch::kCPU));
  TraceRequest trace;
  auto out = model->forward(batch.tokens, batch.valid, &trace, lm);

  InferResult r;
  r.run_id = run->id;
  for (int32_t id : ids) r.pieces.push_back(tokenizer->piece(id));
  if (lm) {
    auto probs = torch::softmax(out.logits[0][static_cast<int64_t>(ids.size()) - 1], -1);
    auto top = probs.topk(5);
    for (int64_t i = 0; i < 5; ++i) {
      const auto id = std::get<1>(top)[i].item<int64_t>();
      r.classes.push_back(tokenizer->piece(static_cast<int32_t>(id)));
      r.probabilities.push_back(std::get<0>(top)[i].item<double>());
    }
    r.predicted = 0;
  } else {
    auto probs = torch::softmax(out.logits[0], -1);
    r.classes = classes;
    for (int64_t i = 0; i < probs.size(0); ++i) r.probabilities.push_back(probs[i].item<double>());
    r.predicted = probs.argmax().item<int64_t>();
  }
  for (size_t layer = 0; layer < trace.layers.size(); ++layer) {
    const auto& t = trace.layers[layer];
    for (int64_t h = 0; h < t.selection.size(1); ++h) {
      SelectionRecord s;
      s.step = run->step;
      s.layer = static_cast<int>(layer);
      s.head = static_cast<int>(h);
      s.q_blocks = t.selection.size(2);
      s.k_blocks = t.selection.size(3);
      s.block = t.block;
      s.bits = pack_bits(t.selection[0][h]);
      r.selections.push_back(std::move(s));
    }
  }
  return r;
}

}  // namespace etlab
