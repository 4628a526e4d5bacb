// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/attention/multi_head_attention.h"
#include "core/config/run_config.h"
#include "core/lora/lora_linear.h"

namespace etlab {

/// What a Transformer is built from: the run's model and attention options as configured (no copy of
/// them), plus what the data decides (vocabulary, classes) and the dense kernel chosen for this
/// process. Positions are rotary (RoPE): relative, no learned table to outgrow, and applied to q and k
/// before any attention kind, so block-sparse kernels need no special casing; model.max_len only bounds
/// the precomputed tables. With model.patch > 0 the model is a ViT over the 784 pixels of a 28×28 image
/// (patches embedded by a linear layer, learned CLS and position embeddings, rotary positions still
/// applied); with model.arch "encoder_decoder" a decoder stack (causal self-attention, cross-attention
/// to the encoder's output, feed-forward) follows, sharing the embedding and the output head.
struct TransformerOptions {
  ModelOptions model;
  AttentionOptions attention;
  int64_t vocab_size = 259;
  int64_t num_classes = 0;  ///< 0 = language-model head only
  DenseKernel dense_kernel = DenseKernel::Sdpa;

  int64_t max_len() const { return model.max_len > 0 ? model.max_len : 1025; }
  bool causal() const { return model.causal(); }
  std::string pooling() const { return model.resolved_pooling(); }
  /// Decoder blocks of an encoder-decoder (0 for every other architecture).
  int64_t decoder_layers() const;
};

/// TransformerOptions for a run configuration (vocabulary and classes come from the data).
TransformerOptions transformer_options_for(const RunConfig& config, int64_t vocab_size, int64_t num_classes);

/// Per-forward requests for recording attention (probes) and the results.
struct TraceRequest {
  bool want_probs = false;
  bool want_pooled = false;
  std::vector<AttentionTrace> layers;  ///< filled by forward, one per layer
};

struct ModelOutput {
  torch::Tensor logits;    ///< [B, C] for classification, [B, N, V] for language modelling
  torch::Tensor aux_loss;  ///< router distillation loss summed over layers (undefined when none)
};

class TransformerBlockImpl : public torch::nn::Module {
 public:
  TransformerBlockImpl(const TransformerOptions& o, int64_t layer_index);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, bool causal, const RotaryCache& rope,
                        AttentionTrace* trace, torch::Tensor* aux);

  torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
  MultiHeadAttention attn{nullptr};
  LoraLinear ffn_in{nullptr}, ffn_out{nullptr};
  torch::nn::Dropout drop{nullptr};
};
TORCH_MODULE(TransformerBlock);

/// A decoder block of the encoder-decoder: causal self-attention, cross-attention over the encoder's
/// output (same attention family; no rotary positions across the two sequences), feed-forward.
class DecoderBlockImpl : public torch::nn::Module {
 public:
  DecoderBlockImpl(const TransformerOptions& o, int64_t layer_index);
  torch::Tensor forward(const torch::Tensor& y, const torch::Tensor& y_valid, const torch::Tensor& memory,
                        const torch::Tensor& memory_valid, const RotaryCache& rope, torch::Tensor* aux);

  torch::nn::LayerNorm ln1{nullptr}, ln_cross{nullptr}, ln2{nullptr};
  MultiHeadAttention self_attn{nullptr}, cross_attn{nullptr};
  LoraLinear ffn_in{nullptr}, ffn_out{nullptr};
  torch::nn::Dropout drop{nullptr};
};
TORCH_MODULE(DecoderBlock);

/// Encoder (bidirectional) or decoder-only (causal) transformer with a classification head (pooling:
/// CLS or mean for encoders, mean or last token for decoders) and/or a language-model head; with
/// options.model.patch > 0 a ViT over 28×28 images.
class TransformerImpl : public torch::nn::Module {
 public:
  explicit TransformerImpl(const TransformerOptions& options);

  /// tokens [B, N] int64, valid [B, N] bool (undefined = all valid). `lm` selects the LM head even
  /// when a classification head exists.
  ModelOutput forward(const torch::Tensor& tokens, const torch::Tensor& valid, TraceRequest* trace = nullptr, bool lm = false);

  /// Encoder-decoder (decoder_layers > 0): source [B, N] and decoder input [B, T] with their valid masks;
  /// logits [B, T, V] for the next target token. `trace` records the encoder's layers.
  ModelOutput forward_seq2seq(const torch::Tensor& source, const torch::Tensor& source_valid, const torch::Tensor& target,
                              const torch::Tensor& target_valid, TraceRequest* trace = nullptr);

  /// Learned-sparse warm-up: all layers attend densely while their routers learn.
  void set_dense_mode(bool dense);

  /// Every LoRA-capable linear: (module type such as "q" or "ffn_in", layer, module). An encoder-decoder's
  /// decoder self-attention counts as layers L … L+D-1 and its cross-attention as L+D … L+2D-1.
  struct Adaptable {
    std::string type;
    int64_t layer;
    LoraLinear module;
  };
  std::vector<Adaptable> adaptable();

  TransformerOptions options;
  torch::nn::Embedding embed{nullptr};     ///< text models
  torch::nn::Linear patch_embed{nullptr};  ///< ViT
  torch::Tensor cls_token, pos_embed;      ///< ViT: [1, 1, d] (CLS pooling only) and [positions, d]
  torch::nn::ModuleList blocks{nullptr};
  torch::nn::ModuleList dec_blocks{nullptr};  ///< encoder-decoder only
  torch::nn::LayerNorm ln_f{nullptr};
  torch::nn::LayerNorm ln_dec{nullptr};       ///< encoder-decoder: after the decoder
  torch::nn::Linear cls_head{nullptr};
  torch::nn::Linear lm_head{nullptr};  ///< only when embeddings are not tied
  torch::nn::Dropout drop{nullptr};
  RotaryCache rope;

 private:
  /// The encoder (or decoder-only) blocks over x, recording into `trace` and summing aux losses into `out`.
  torch::Tensor run_blocks(torch::Tensor x, const torch::Tensor& mask, bool causal, TraceRequest* trace, ModelOutput& out);
};
TORCH_MODULE(Transformer);

/// Attaches LoRA adapters to the configured targets and freezes what LoRA leaves frozen: every base
/// weight except the task head and (unless it is itself adapted or frozen by config) the router.
void apply_lora(Transformer& model, const LoraOptions& lora, bool freeze_router);

/// Freezes or unfreezes the learned routers' own weights.
void set_router_trainable(Transformer& model, bool trainable);

/// Parameter accounting: totals and per module type aggregated over layers ("attn.q", "attn.q.lora",
/// "embed", "head", ...).
struct ParamCounts {
  int64_t total = 0, trainable = 0;
  std::vector<std::tuple<std::string, int64_t, int64_t>> modules;  ///< (name, total, trainable)
};
ParamCounts count_parameters(torch::nn::Module& model);

}  // namespace etlab
