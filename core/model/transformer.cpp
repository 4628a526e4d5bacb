// SPDX-License-Identifier: MIT
#include "core/model/transformer.h"

#include <map>
#include <regex>

namespace etlab {

int64_t TransformerOptions::decoder_layers() const {
  if (!model.family().decoder_stack) return 0;
  return model.decoder_layers > 0 ? model.decoder_layers : model.layers;
}

namespace {

// The family's structure, as etlab builds it: the entries that ask for anything else (an imported
// architecture before its pieces exist) are refused by name rather than built wrongly.
void check_structure(const ModelFamily& f) {
  std::string missing;
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) missing += (missing.empty() ? "" : ", ") + what;
  };
  need(f.norm == "layernorm", "norm " + f.norm);
  need(f.norm_placement == "pre", "norm placement " + f.norm_placement);
  need(f.mlp == "two_layer", "MLP " + f.mlp);
  need(f.activation == "gelu", "activation " + f.activation);
  need(f.positions == "rope" || f.positions == "rope+learned", "positions " + f.positions);
  need(f.biases, "projections without biases");
  need(f.kv_heads == 0, "grouped-query attention");
  if (!missing.empty())
    throw std::invalid_argument("model family '" + f.name + "' needs what etlab does not build yet: " + missing);
}

torch::nn::LayerNorm layer_norm(const TransformerOptions& o) {
  return torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.model.d_model}).eps(o.model.family().norm_eps));
}

}  // namespace

TransformerOptions transformer_options_for(const RunConfig& c, int64_t vocab_size, int64_t num_classes) {
  TransformerOptions o;
  o.model = c.model;
  o.attention = c.attention;
  o.vocab_size = c.model.vocab_size > 0 ? c.model.vocab_size : vocab_size;
  o.num_classes = c.task.objective == "lm" ? 0 : num_classes;
  o.dense_kernel = dense_kernel_from(c.attention.dense_impl);
  return o;
}

TransformerBlockImpl::TransformerBlockImpl(const TransformerOptions& o, int64_t layer_index) {
  const auto& m = o.model;
  ln1 = register_module("ln1", layer_norm(o));
  attn = register_module("attn", MultiHeadAttention(m.d_model, m.heads, o.attention, layer_index, o.dense_kernel));
  ln2 = register_module("ln2", layer_norm(o));
  ffn_in = register_module("ffn_in", LoraLinear(m.d_model, m.ffn));
  ffn_out = register_module("ffn_out", LoraLinear(m.ffn, m.d_model));
  drop = register_module("drop", torch::nn::Dropout(m.dropout));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, bool causal,
                                            const RotaryCache& rope, AttentionTrace* trace, torch::Tensor* aux) {
  auto h = ln1->forward(x);
  auto y = x + drop->forward(attn->forward(h, h, valid, valid, causal, rope, trace, aux));
  auto f = ffn_out->forward(torch::gelu(ffn_in->forward(ln2->forward(y))));
  return y + drop->forward(f);
}

namespace {
constexpr int64_t kImageSide = 28;
}

DecoderBlockImpl::DecoderBlockImpl(const TransformerOptions& o, int64_t layer_index) {
  const auto& m = o.model;
  const int64_t self_layer = m.layers + layer_index, cross_layer = m.layers + o.decoder_layers() + layer_index;
  ln1 = register_module("ln1", layer_norm(o));
  self_attn = register_module("self_attn", MultiHeadAttention(m.d_model, m.heads, o.attention, self_layer, o.dense_kernel));
  ln_cross = register_module("ln_cross", layer_norm(o));
  cross_attn = register_module("cross_attn", MultiHeadAttention(m.d_model, m.heads, o.attention, cross_layer, o.dense_kernel));
  cross_attn->rotary = false;
  ln2 = register_module("ln2", layer_norm(o));
  ffn_in = register_module("ffn_in", LoraLinear(m.d_model, m.ffn));
  ffn_out = register_module("ffn_out", LoraLinear(m.ffn, m.d_model));
  drop = register_module("drop", torch::nn::Dropout(m.dropout));
}

torch::Tensor DecoderBlockImpl::forward(const torch::Tensor& y, const torch::Tensor& y_valid, const torch::Tensor& memory,
                                        const torch::Tensor& memory_valid, const RotaryCache& rope, torch::Tensor* aux) {
  torch::Tensor a1, a2;
  auto h = ln1->forward(y);
  auto x = y + drop->forward(self_attn->forward(h, h, y_valid, y_valid, /*causal=*/true, rope, nullptr, &a1));
  auto c = ln_cross->forward(x);
  x = x + drop->forward(cross_attn->forward(c, memory, y_valid, memory_valid, /*causal=*/false, rope, nullptr, &a2));
  auto f = ffn_out->forward(torch::gelu(ffn_in->forward(ln2->forward(x))));
  if (aux) {
    if (a1.defined()) *aux = a1;
    if (a2.defined()) *aux = aux->defined() ? *aux + a2 : a2;
  }
  return x + drop->forward(f);
}

TransformerImpl::TransformerImpl(const TransformerOptions& o)
    : options(o), rope(o.max_len(), o.model.d_model / o.model.heads, o.model.rope_base) {
  const auto& m = o.model;
  check_structure(m.family());
  const int64_t d = m.d_model, decoder_layers = o.decoder_layers();
  if (m.patch > 0) {
    if (kImageSide % m.patch != 0) throw std::invalid_argument("model.patch " + std::to_string(m.patch) + " does not divide 28");
    const bool cls = o.pooling() == "cls";
    const int64_t side = kImageSide / m.patch, positions = side * side + (cls ? 1 : 0);
    patch_embed = register_module("patch_embed", torch::nn::Linear(m.patch * m.patch, d));
    pos_embed = register_parameter("pos_embed", torch::randn({positions, d}) * 0.02);
    if (cls) cls_token = register_parameter("cls_token", torch::randn({1, 1, d}) * 0.02);
  } else {
    embed = register_module("embed", torch::nn::Embedding(o.vocab_size, d));
    torch::NoGradGuard no_grad;
    embed->weight.normal_(0.0, 0.02);
  }
  blocks = register_module("blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < m.layers; ++i) blocks->push_back(TransformerBlock(o, i));
  ln_f = register_module("ln_f", layer_norm(o));
  drop = register_module("drop", torch::nn::Dropout(m.dropout));
  if (decoder_layers > 0) {
    if (m.patch > 0) throw std::invalid_argument("a ViT has no decoder");
    dec_blocks = register_module("dec_blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < decoder_layers; ++i) dec_blocks->push_back(DecoderBlock(o, i));
    ln_dec = register_module("ln_dec", layer_norm(o));
  }
  if (o.num_classes > 0) cls_head = register_module("cls_head", torch::nn::Linear(d, o.num_classes));
  if (!m.tie_embeddings) lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(d, o.vocab_size).bias(false)));
}

torch::Tensor TransformerImpl::run_blocks(torch::Tensor x, const torch::Tensor& mask, bool causal, TraceRequest* trace,
                                          ModelOutput& out) {
  if (trace) trace->layers.assign(blocks->size(), AttentionTrace{});
  for (size_t i = 0; i < blocks->size(); ++i) {
    AttentionTrace* t = nullptr;
    if (trace) {
      t = &trace->layers[i];
      t->want_probs = trace->want_probs;
      t->want_pooled = trace->want_pooled;
    }
    torch::Tensor aux;
    x = blocks[i]->as<TransformerBlock>()->forward(x, mask, causal, rope, t, &aux);
    if (aux.defined()) out.aux_loss = out.aux_loss.defined() ? out.aux_loss + aux : aux;
  }
  return x;
}

ModelOutput TransformerImpl::forward(const torch::Tensor& tokens, const torch::Tensor& valid, TraceRequest* trace, bool lm) {
  if (tokens.size(1) > options.max_len())
    throw std::invalid_argument("input of " + std::to_string(tokens.size(1)) + " tokens exceeds model.max_len " +
                                std::to_string(options.max_len()));
  ModelOutput out;
  torch::Tensor x;
  torch::Tensor mask = valid;
  if (patch_embed) {
    // [B, 784] intensities → [B, side², patch²] patches in row-major order.
    const int64_t p = options.model.patch, side = kImageSide / p, B = tokens.size(0);
    if (tokens.size(1) != kImageSide * kImageSide)
      throw std::invalid_argument("a ViT reads 784 pixels per image, got " + std::to_string(tokens.size(1)));
    auto pixels = tokens.to(pos_embed.scalar_type()).clamp(0, 255) / 255.0;
    auto patches = pixels.view({B, side, p, side, p}).permute({0, 1, 3, 2, 4}).reshape({B, side * side, p * p});
    x = patch_embed->forward(patches);
    if (cls_token.defined()) x = torch::cat({cls_token.expand({B, 1, options.model.d_model}), x}, 1);
    x = drop->forward(x + pos_embed.unsqueeze(0));
    mask = torch::Tensor();  // every image has all its patches
  } else {
    x = drop->forward(embed->forward(tokens));
  }
  x = run_blocks(x, mask, options.causal(), trace, out);
  x = ln_f->forward(x);
  if (lm || options.num_classes == 0) {
    if (!embed) throw std::invalid_argument("a ViT has no language-model head");
    out.logits = lm_head ? lm_head->forward(x) : torch::matmul(x, embed->weight.t());
    return out;
  }
  torch::Tensor pooled;
  const auto pooling = options.pooling();
  if (pooling == "cls") {
    pooled = x.select(1, 0);
  } else if (pooling == "last") {
    auto last = mask.defined() ? mask.to(torch::kLong).sum(1) - 1 : torch::full({x.size(0)}, x.size(1) - 1, torch::kLong);
    pooled = x.gather(1, last.clamp_min(0).view({-1, 1, 1}).expand({x.size(0), 1, x.size(2)})).squeeze(1);
  } else {
    auto w = mask.defined() ? mask.to(x.scalar_type()).unsqueeze(-1) : torch::ones({x.size(0), x.size(1), 1}, x.options());
    pooled = (x * w).sum(1) / w.sum(1).clamp_min(1.0);
  }
  out.logits = cls_head->forward(drop->forward(pooled));
  return out;
}

ModelOutput TransformerImpl::forward_seq2seq(const torch::Tensor& source, const torch::Tensor& source_valid, const torch::Tensor& target,
                                             const torch::Tensor& target_valid, TraceRequest* trace) {
  if (!dec_blocks) throw std::invalid_argument("forward_seq2seq needs an encoder-decoder (model.arch \"encoder_decoder\")");
  for (const auto& t : {source, target})
    if (t.size(1) > options.max_len())
      throw std::invalid_argument("input of " + std::to_string(t.size(1)) + " tokens exceeds model.max_len " +
                                  std::to_string(options.max_len()));
  ModelOutput out;
  auto memory = drop->forward(embed->forward(source));
  memory = run_blocks(memory, source_valid, /*causal=*/false, trace, out);
  memory = ln_f->forward(memory);
  auto y = drop->forward(embed->forward(target));
  for (auto& b : *dec_blocks) {
    torch::Tensor aux;
    y = b->as<DecoderBlock>()->forward(y, target_valid, memory, source_valid, rope, &aux);
    if (aux.defined()) out.aux_loss = out.aux_loss.defined() ? out.aux_loss + aux : aux;
  }
  y = ln_dec->forward(y);
  out.logits = lm_head ? lm_head->forward(y) : torch::matmul(y, embed->weight.t());
  return out;
}

void TransformerImpl::set_dense_mode(bool dense) {
  for (auto& b : *blocks) b->as<TransformerBlock>()->attn->dense_mode = dense;
  if (dec_blocks)
    for (auto& b : *dec_blocks) {
      b->as<DecoderBlock>()->self_attn->dense_mode = dense;
      b->as<DecoderBlock>()->cross_attn->dense_mode = dense;
    }
}

std::vector<TransformerImpl::Adaptable> TransformerImpl::adaptable() {
  std::vector<Adaptable> out;
  for (size_t i = 0; i < blocks->size(); ++i) {
    auto b = blocks[i]->as<TransformerBlock>();
    const auto layer = static_cast<int64_t>(i);
    out.push_back({"q", layer, b->attn->q});
    out.push_back({"k", layer, b->attn->k});
    out.push_back({"v", layer, b->attn->v});
    out.push_back({"o", layer, b->attn->o});
    if (b->attn->router_q) {
      out.push_back({"router_q", layer, b->attn->router_q});
      out.push_back({"router_k", layer, b->attn->router_k});
    }
    out.push_back({"ffn_in", layer, b->ffn_in});
    out.push_back({"ffn_out", layer, b->ffn_out});
  }
  if (dec_blocks) {
    const auto L = static_cast<int64_t>(blocks->size()), D = static_cast<int64_t>(dec_blocks->size());
    for (int64_t i = 0; i < D; ++i) {
      auto b = dec_blocks[static_cast<size_t>(i)]->as<DecoderBlock>();
      for (const auto& [attn, layer] : {std::pair{b->self_attn, L + i}, std::pair{b->cross_attn, L + D + i}}) {
        out.push_back({"q", layer, attn->q});
        out.push_back({"k", layer, attn->k});
        out.push_back({"v", layer, attn->v});
        out.push_back({"o", layer, attn->o});
        if (attn->router_q) {
          out.push_back({"router_q", layer, attn->router_q});
          out.push_back({"router_k", layer, attn->router_k});
        }
      }
      out.push_back({"ffn_in", L + i, b->ffn_in});
      out.push_back({"ffn_out", L + i, b->ffn_out});
    }
  }
  return out;
}

void set_router_trainable(Transformer& model, bool trainable) {
  for (auto& a : model->adaptable()) {
    if (a.type != "router_q" && a.type != "router_k") continue;
    // An adapted router trains its adapters (by the distillation loss), never its base weights.
    a.module->weight.set_requires_grad(trainable && !a.module->has_lora());
    if (a.module->has_lora()) {
      a.module->lora_A.set_requires_grad(trainable);
      a.module->lora_B.set_requires_grad(trainable);
    }
  }
}

void apply_lora(Transformer& model, const LoraOptions& lora, bool freeze_router) {
  for (auto& p : model->parameters()) p.set_requires_grad(false);
  for (auto& a : model->adaptable())
    if (lora.targets_module(a.type)) a.module->attach_lora(lora);
  if (model->cls_head)
    for (auto& p : model->cls_head->parameters()) p.set_requires_grad(true);
  set_router_trainable(model, !freeze_router);
}

ParamCounts count_parameters(torch::nn::Module& model) {
  static const std::regex layer_index(R"(\.\d+\.)");
  std::map<std::string, std::pair<int64_t, int64_t>> groups;
  ParamCounts c;
  for (const auto& item : model.named_parameters()) {
    const int64_t n = item.value().numel();
    const bool trainable = item.value().requires_grad();
    c.total += n;
    if (trainable) c.trainable += n;
    // "blocks.3.attn.q.lora_A" -> "attn.q.lora"; "blocks.3.ln1.weight" -> "ln1"
    std::string name = std::regex_replace("." + item.key() + ".", layer_index, ".");
    name = name.substr(1, name.size() - 2);
    if (name.rfind("blocks.", 0) == 0) name = name.substr(7);
    const auto dot = name.rfind('.');
    const std::string leaf = dot == std::string::npos ? name : name.substr(dot + 1);
    std::string group = dot == std::string::npos ? name : name.substr(0, dot);
    if (leaf == "lora_A" || leaf == "lora_B") group += ".lora";
    auto& g = groups[group];
    g.first += n;
    if (trainable) g.second += n;
  }
  for (const auto& [name, counts] : groups) c.modules.emplace_back(name, counts.first, counts.second);
  return c;
}

}  // namespace etlab
