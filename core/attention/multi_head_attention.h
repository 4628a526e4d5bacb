// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/lora/lora_linear.h"

namespace etlab {

/// Settings shared by the three attention families (see RunConfig's "attention" section).
struct AttentionSettings {
  std::string kind = "dense";  ///< dense | learned_sparse | fixed_sparse
  int64_t block = 64;
  int64_t topk = 0;            ///< 0 = auto: ceil(c * log2(n / block)), own block included
  double c = 1.0;
  std::string pattern = "local";
  int64_t global_blocks = 1, random_blocks = 1;
  int64_t router_dim = 16, router_samples = 4;
  DenseKernel dense_kernel = DenseKernel::Sdpa;
  int64_t layer_index = 0;     ///< seeds fixed random patterns per layer

  /// Key blocks per query block for n keys, clamped to [1, blocks].
  int64_t resolve_topk(int64_t n) const;
};

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

/// Multi-head attention with rotary positions over one of the three families. Learned sparse
/// attention ("the Smith method") selects, per query block and head, the top-k key blocks by a
/// learned router (block-mean-pooled projections of the layer input); the router learns from an
/// auxiliary distillation loss towards the block mass that exact attention would give, computed on a
/// few sampled query rows per block (O(n * samples * n / block) work, no n x n tensor).
///
///   MultiHeadAttention attn(256, 4, settings);
///   torch::Tensor aux;
///   auto y = attn->forward(x, x, valid, valid, /*causal=*/false, rope, nullptr, &aux);
class MultiHeadAttentionImpl : public torch::nn::Module {
 public:
  MultiHeadAttentionImpl(int64_t d_model, int64_t heads, AttentionSettings settings);

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

  AttentionSettings settings;
  int64_t d_model, heads, head_dim;
  bool dense_mode = false;  ///< learned_sparse warm-up: attend densely while the router learns
  bool rotary = true;       ///< false for cross-attention: source and target positions are not one axis
  LoraLinear q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr};
  LoraLinear router_q{nullptr}, router_k{nullptr};
};
TORCH_MODULE(MultiHeadAttention);

}  // namespace etlab
