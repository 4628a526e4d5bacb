// SPDX-License-Identifier: MIT
#include "core/config/run_config.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace etlab {

using nlohmann::json;

namespace {

// Binding a key to the options field it fills: the field's type decides the key's type and the
// struct's default member initialiser is the key's default, so neither is written twice.
template <typename S, typename T>
std::function<void(RunConfig&, const json&)> filler(S RunConfig::*section, T S::*field) {
  return [section, field](RunConfig& c, const json& v) { (c.*section).*field = v.get<T>(); };
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, int64_t S::*field, double lo, double hi, const char* help) {
  FieldSpec f = int_key(path, static_cast<long long>(S{}.*field), lo, hi, help);
  f.fill = filler(section, field);
  return f;
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, double S::*field, double lo, double hi, const char* help) {
  FieldSpec f = float_key(path, S{}.*field, lo, hi, help);
  f.fill = filler(section, field);
  return f;
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, bool S::*field, const char* help) {
  FieldSpec f = bool_key(path, S{}.*field, help);
  f.fill = filler(section, field);
  return f;
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, std::string S::*field, const char* help) {
  FieldSpec f = string_key(path, S{}.*field, help);
  f.fill = filler(section, field);
  return f;
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, std::string S::*field, std::vector<std::string> choices, const char* help) {
  FieldSpec f = enum_key(path, S{}.*field, std::move(choices), help);
  f.fill = filler(section, field);
  return f;
}

template <typename S>
FieldSpec key(const char* path, S RunConfig::*section, std::vector<std::string> S::*field, std::vector<std::string> choices,
              double min_items, const char* help) {
  FieldSpec f = list_key(path, S{}.*field, std::move(choices), min_items, help);
  f.fill = filler(section, field);
  return f;
}

// A top-level string (preset, description, name).
FieldSpec top(const char* path, std::string RunConfig::*field, const char* help) {
  FieldSpec f = string_key(path, "", help);
  f.fill = [field](RunConfig& c, const json& v) { c.*field = v.get<std::string>(); };
  return f;
}

// An integer that also takes "auto", kept as 0 in its field.
template <typename S>
FieldSpec auto_key(const char* path, S RunConfig::*section, int64_t S::*field, double lo, double hi, const char* help) {
  FieldSpec f = auto_int_key(path, lo, hi, help);
  f.fill = [section, field](RunConfig& c, const json& v) { (c.*section).*field = v.is_number() ? v.get<int64_t>() : 0; };
  return f;
}

// A kind's own key ("attention.pattern") fills AttentionOptions::params["pattern"].
FieldSpec kind_key(FieldSpec f, const std::string& owner) {
  const std::string name = f.path.substr(f.path.find('.') + 1);
  f.owner = owner;
  f.fill = [name](RunConfig& c, const json& v) { c.attention.params[name] = v; };
  return f;
}

}  // namespace

std::vector<FieldSpec> build_config_fields() {
  const double big = 1e9;
  using T = TaskOptions;
  using M = ModelOptions;
  using A = AttentionOptions;
  using L = LoraOptions;
  using R = TrainOptions;
  using P = ProbeOptions;
  const auto task = &RunConfig::task;
  const auto model = &RunConfig::model;
  const auto attn = &RunConfig::attention;
  const auto lora = &RunConfig::lora;
  const auto train = &RunConfig::train;
  const auto probe = &RunConfig::probe;
  std::vector<FieldSpec> f;
  f.push_back(top("preset", &RunConfig::preset, "name of the preset this configuration came from"));
  f.push_back(top("description", &RunConfig::description, "one-line description"));
  f.push_back(top("name", &RunConfig::name, "run name shown in the run browser"));

  f.push_back(key("task.dataset", task, &T::dataset,
                  {"listops", "retrieval", "corpus", "sentiment", "spam", "sotu_party", "brown_genre", "reuters_corn",
                   "reuters_grain", "fortunes", "user", "fashion_mnist", "mnist", "brown_tagging"},
                  "data set (see README, 'Data sets')"));
  f.push_back(key("task.objective", task, &T::objective, {"classify", "lm", "seq2seq"},
                  "classification, language modelling, or sequence to sequence (brown_tagging, an encoder_decoder)"));
  f.push_back(key("task.domain", task, &T::domain, {"imdb", "yelp", "amazon"}, "sentiment training domain"));
  f.push_back(key("task.eval_domains", task, &T::eval_domains, {"imdb", "yelp", "amazon"}, 0,
                  "extra sentiment domains evaluated on their test split (distribution shift)"));
  f.push_back(key("task.path", task, &T::path, "user data file (.jsonl or .csv with text and label)"));
  f.push_back(key("task.tokenizer", task, &T::tokenizer, {"auto", "byte", "bpe"},
                  "auto: the data set's own vocabulary for listops/retrieval, bytes otherwise (listops also reads as bytes)"));
  f.push_back(key("task.max_len", task, &T::max_len, 8, 1 << 20, "sequence length in tokens (longer inputs are cut)"));
  f.push_back(key("task.min_len", task, &T::min_len, 1, 1 << 20, "shortest generated sequence (listops, retrieval)"));
  f.push_back(key("task.listops_depth", task, &T::listops_depth, 1, 20, "ListOps maximum tree depth"));
  f.push_back(key("task.listops_args", task, &T::listops_args, 2, 10, "ListOps maximum arguments per operator"));
  f.push_back(key("task.train_size", task, &T::train_size, 0, big, "training examples (0 = all; generated sets need > 0)"));
  f.push_back(key("task.val_size", task, &T::val_size, 0, big, "validation examples (0 = all)"));
  f.push_back(key("task.test_size", task, &T::test_size, 0, big, "test examples (0 = all)"));
  f.push_back(key("task.categories", task, &T::categories, {}, 0, "classes to keep (fortunes, brown_genre); empty = default"));

  f.push_back(key("model.arch", model, &M::arch, model_archs(),
                  "bidirectional encoder, causal decoder, or both with cross-attention (sequence to sequence)"));
  f.push_back(key("model.layers", model, &M::layers, 1, 96, "transformer blocks (the encoder's, for an encoder_decoder)"));
  f.push_back(key("model.decoder_layers", model, &M::decoder_layers, 0, 96,
                  "encoder_decoder: decoder blocks (0 = as many as model.layers)"));
  f.push_back(key("model.d_model", model, &M::d_model, 8, 16384, "model width"));
  f.push_back(key("model.heads", model, &M::heads, 1, 256, "attention heads"));
  f.push_back(key("model.ffn", model, &M::ffn, 8, 65536, "feed-forward width"));
  f.push_back(key("model.dropout", model, &M::dropout, 0.0, 0.9, "dropout probability"));
  f.push_back(key("model.max_len", model, &M::max_len, 0, 1 << 20, "longest input the model accepts (0 = task.max_len + 1)"));
  f.push_back(key("model.pooling", model, &M::pooling, {"auto", "cls", "mean", "last"},
                  "classification pooling (auto: cls for encoders, mean for decoders)"));
  f.push_back(key("model.vocab_size", model, &M::vocab_size, 0, 4000000, "vocabulary size (0 = the tokenizer's)"));
  f.push_back(key("model.tie_embeddings", model, &M::tie_embeddings, "share input embedding and LM output weights"));
  f.push_back(key("model.patch", model, &M::patch, 0, 28,
                  "ViT patch side in pixels for the 28x28 image sets (must divide 28); 0 = a text model"));
  f.push_back(key("model.rope_base", model, &M::rope_base, 2.0, 1e9, "rotary position base"));

  std::vector<std::string> kind_names;
  std::string sparse_kinds, topk_kinds;  // which kinds read block, topk and c (for their help)
  for (const AttentionKind* k : kinds_in_order()) {
    kind_names.push_back(k->name);
    if (k->sparse) sparse_kinds += (sparse_kinds.empty() ? "" : ", ") + k->name;
    if (k->sparse && k->uses_topk) topk_kinds += (topk_kinds.empty() ? "" : ", ") + k->name;
  }
  const std::string block_help = "block size B in tokens (" + sparse_kinds + ")";
  const std::string topk_help = "key blocks per query block, own block included; auto = ceil(c*log2(n/B)) (" + topk_kinds + ")";
  const std::string c_help = "constant c of topk=auto (" + topk_kinds + ")";
  f.push_back(key("attention.kind", attn, &A::kind, kind_names, "attention family"));
  f.push_back(key("attention.block", attn, &A::block, 1, 65536, block_help.c_str()));
  f.push_back(auto_key("attention.topk", attn, &A::topk, 1, big, topk_help.c_str()));
  f.push_back(key("attention.c", attn, &A::c, 1e-3, 64.0, c_help.c_str()));
  for (const AttentionKind* k : attention_kinds().all())
    for (const FieldSpec& spec : k->keys) f.push_back(kind_key(spec, k->name));
  f.push_back(key("attention.dense_impl", attn, &A::dense_impl, {"auto", "sdpa", "math", "fused"},
                  "dense kernel: LibTorch's SDPA, matmul-softmax-matmul, or etlab's fused block kernel over "
                  "every block (fp32 on the CPU); auto measures them once per process and keeps the fastest"));

  f.push_back(key("lora.enabled", lora, &L::enabled, "train LoRA adapters over frozen weights"));
  f.push_back(key("lora.r", lora, &L::r, 1, 65536, "adapter rank"));
  f.push_back(key("lora.alpha", lora, &L::alpha, 1e-6, 1e6, "scaling numerator: update = alpha/r * B A"));
  f.push_back(key("lora.dropout", lora, &L::dropout, 0.0, 0.9, "dropout on the adapter input"));
  f.push_back(key("lora.targets", lora, &L::targets, {"q", "k", "v", "o", "ffn_in", "ffn_out", "router_q", "router_k"}, 1,
                  "adapted matrices"));
  f.push_back(key("lora.init", lora, &L::init, lora_inits().names(), "adapter initialisation"));
  f.push_back(key("lora.rslora", lora, &L::rslora, "scale by alpha/sqrt(r) instead of alpha/r"));
  f.push_back(key("lora.form", lora, &L::form, lora_forms().names(), "how the adapter enters the layer's output"));

  f.push_back(key("train.phase", train, &R::phase, {"scratch", "pretrain", "finetune"}, "training phase"));
  f.push_back(key("train.base", train, &R::base, "finetune: base run id (or unique prefix) or checkpoint file"));
  f.push_back(key("train.base_preset", train, &R::base_preset, "finetune: use the newest finished run of this preset as base"));
  f.push_back(key("train.steps", train, &R::steps, 1, big, "optimizer steps"));
  f.push_back(key("train.batch", train, &R::batch, 1, 65536, "examples per micro-batch"));
  f.push_back(key("train.lr", train, &R::lr, 1e-12, 10.0, "peak learning rate"));
  f.push_back(key("train.weight_decay", train, &R::weight_decay, 0.0, 10.0, "AdamW weight decay"));
  f.push_back(key("train.warmup", train, &R::warmup, 0, big, "linear warm-up steps before the cosine decay"));
  f.push_back(key("train.min_lr_ratio", train, &R::min_lr_ratio, 0.0, 1.0, "final learning rate as a fraction of the peak"));
  f.push_back(key("train.clip", train, &R::clip, 0.0, 1e9, "gradient-norm clipping (0 = off)"));
  f.push_back(key("train.accum", train, &R::accum, 1, 4096, "micro-batches accumulated per optimizer step"));
  f.push_back(key("train.world_size", train, &R::world_size, 1, 1 << 20,
                  "data-parallel ranks, each with train.batch examples a micro-batch (set by --distributed from WORLD_SIZE)"));
  f.push_back(key("train.eval_every", train, &R::eval_every, 1, big, "evaluate every N steps"));
  f.push_back(key("train.eval_batches", train, &R::eval_batches, 0, big, "validation batches per evaluation (0 = whole split)"));
  f.push_back(key("train.patience", train, &R::patience, 0, big, "early stopping after N evaluations without improvement (0 = off)"));
  f.push_back(key("train.seed", train, &R::seed, 0, 2147483647.0, "random seed"));
  f.push_back(key("train.deterministic", train, &R::deterministic, "deterministic algorithms (bit-identical resume)"));
  f.push_back(key("train.threads", train, &R::threads, 0, 4096, "intra-op threads (0 = all cores)"));
  f.push_back(key("train.device", train, &R::device, {"cpu", "cuda"}, "compute device"));
  f.push_back(key("train.checkpoint_every", train, &R::checkpoint_every, 0, big, "checkpoint every N steps (0 = at each evaluation)"));
  f.push_back(key("train.keep_best", train, &R::keep_best, "also keep the weights of the best validation result (kind \"best\")"));
  f.push_back(key("train.log_every", train, &R::log_every, 1, big, "steps per logging interval (one database transaction)"));
  f.push_back(key("train.freeze_router", train, &R::freeze_router, "keep the learned router at its initial weights"));
  f.push_back(key("train.router_from", train, &R::router_from,
                  "start the learned router from another finished run's router (run id or unique prefix)"));

  f.push_back(key("probe.examples", probe, &P::examples, 0, 4, "held-out probe examples recorded with the run"));
  f.push_back(key("probe.prob_steps", probe, &P::prob_steps, 0, 8, "evaluation steps at which attention probabilities are stored"));
  f.push_back(key("probe.max_prob_tokens", probe, &P::max_prob_tokens, 0, 4096,
                  "full-resolution probabilities up to this length, block-pooled beyond"));
  f.push_back(key("probe.spectra", probe, &P::spectra, "record rank spectra of weight updates at evaluations"));
  return f;
}

json AttentionOptions::param(const std::string& key) const {
  if (auto it = params.find(key); it != params.end()) return *it;
  if (const FieldSpec* f = find_field("attention." + key); f && !f->owner.empty()) return f->default_value;
  throw std::invalid_argument("attention." + key + ": no attention kind declares this key");
}

int64_t AttentionOptions::blocks_per_query(int64_t n, bool causal, int64_t heads) const {
  const AttentionKind& k = info();
  const int64_t top = resolve_topk(n);
  if (k.uses_topk || !k.pattern) return top;
  return k.pattern(params, PatternGeometry(n, n, block, causal, heads, top, 0)).k;
}

double LoraOptions::scaling() const {
  return rslora ? alpha / std::sqrt(static_cast<double>(r)) : alpha / static_cast<double>(r);
}

bool LoraOptions::targets_module(const std::string& name) const {
  return enabled && std::find(targets.begin(), targets.end(), name) != targets.end();
}

std::string RunConfig::method() const {
  const AttentionKind& k = attention.info();
  std::string m = k.method ? k.method(attention.params) : k.name;
  if (lora.enabled) m += "+lora";
  else if (train.phase == "finetune") m += "+full_ft";
  return m;
}

std::vector<ConfigIssue> parse_run_config(const json& config, RunConfig& out) {
  json full;
  auto issues = validate_config(config, &full);
  if (!issues.empty()) return issues;
  RunConfig c;
  for (const auto& f : config_fields())
    if (f.fill) f.fill(c, *json_at(full, f.path));
  if (c.model.max_len == 0) c.model.max_len = c.task.max_len + 1;
  c.json = std::move(full);
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
