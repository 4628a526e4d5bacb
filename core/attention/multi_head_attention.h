// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/attention/kinds/router.h"
#include "core/config/run_config.h"
#include "core/lora/lora_linear.h"

namespace etlab {

/// What one attention call attended to (filled only when requested).
struct AttentionTrace {
  bool want_probs = false;   ///< full probabilities [B, H, Nq, Nk]
  bool want_pooled = false;  ///< block-pooled probabilities [B, H, Mq, Mk]
  torch::Tensor selection;   ///< [B, H, Mq, Mk] bool, always
  torch::Tensor probs;
  torch::Tensor pooled;
  int64_t block = 0;
  std::string kernel;        ///< which implementation ran
};

/// Rotary position embedding tables: cos/sin [max_len, head_dim / 2].
struct RotaryCache {
  torch::Tensor cos, sin;
  RotaryCache() = default;
  RotaryCache(int64_t max_len, int64_t head_dim, double base);
  /// Rotates x [B, H, N, Dh] whose first position is `start`.
  torch::Tensor apply(const torch::Tensor& x, int64_t start) const;
};

/// Multi-head attention with rotary positions over any registered attention kind (attention_kinds()):
/// exact dense attention, a static block pattern, or a learned router. Learned sparse attention ("the
/// Smith method") selects, per query block and head, the top-k key blocks by a learned router
/// (block-mean-pooled projections of the layer input); the router learns from an auxiliary
/// distillation loss towards the block mass that exact attention would give, computed on a few sampled
/// query rows per block (O(n * samples * n / block) work, no n x n tensor).
///
///   MultiHeadAttention attn(256, 4, AttentionOptions{}, /*layer_index=*/0, DenseKernel::Math);
///   torch::Tensor aux;
///   auto y = attn->forward(x, x, valid, valid, /*causal=*/false, rope, nullptr, &aux);
class MultiHeadAttentionImpl : public torch::nn::Module {
 public:
  /// `layer_index` seeds a pattern's per-layer choices; throws std::invalid_argument for an unknown kind.
  MultiHeadAttentionImpl(int64_t d_model, int64_t heads, AttentionOptions options, int64_t layer_index,
                         DenseKernel dense_kernel);

  /// x_q [B, Nq, d], x_kv [B, Nk, d]; valid masks [B, N] bool (undefined = all valid). When `aux_loss`
  /// is non-null and the router is learned, receives the router's KL loss (a scalar).
  torch::Tensor forward(const torch::Tensor& x_q, const torch::Tensor& x_kv, const torch::Tensor& q_valid,
                        const torch::Tensor& k_valid, bool causal, const RotaryCache& rope, AttentionTrace* trace,
                        torch::Tensor* aux_loss);

  /// Router scores [B, H, Mq, Mk] for the given inputs (learned_sparse only).
  torch::Tensor router_scores(const torch::Tensor& x_q, const torch::Tensor& x_kv, const torch::Tensor& q_valid,
                              const torch::Tensor& k_valid, int64_t block);

  /// Whether any router parameter (its weights or its LoRA adapters) is being trained.
  bool router_learns() const;

  AttentionOptions options;
  const AttentionKind* kind;
  int64_t layer_index;
  DenseKernel dense_kernel;
  RouterSettings router;  ///< learned kinds only
  int64_t d_model, heads, head_dim;
  bool dense_mode = false;  ///< learned_sparse warm-up: attend densely while the router learns
  bool rotary = true;       ///< false for cross-attention: source and target positions are not one axis
  LoraLinear q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr};
  LoraLinear router_q{nullptr}, router_k{nullptr};
};
TORCH_MODULE(MultiHeadAttention);

}  // namespace etlab
