// SPDX-License-Identifier: MIT
#include "core/attention/multi_head_attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace etlab {

namespace F = torch::nn::functional;

namespace {

constexpr double kRouterMask = -1e9;  // finite: masked log-probabilities times zero targets stay zero

// Mean of x [B, H, N, r] over the valid positions of each block -> [B, H, M, r].
torch::Tensor block_mean(const torch::Tensor& x, const torch::Tensor& valid, int64_t block) {
  const int64_t B = x.size(0), H = x.size(1), N = x.size(2), r = x.size(3);
  const int64_t M = (N + block - 1) / block, padded = M * block;
  auto w = valid.defined() ? valid.to(x.scalar_type()) : torch::ones({B, N}, x.options());
  if (padded > N) w = F::pad(w, F::PadFuncOptions({0, padded - N}));
  auto xp = padded > N ? F::pad(x, F::PadFuncOptions({0, 0, 0, padded - N})) : x;
  auto wb = w.view({B, 1, M, block, 1});
  auto sum = (xp.view({B, H, M, block, r}) * wb).sum(3);
  return sum / wb.sum(3).clamp_min(1.0);
}

// Block mass [B, H, Mq, Mk] that exact attention puts on each key block, averaged over a few query
// rows per block, and which query blocks have any valid row [B, Mq]. No gradients.
std::pair<torch::Tensor, torch::Tensor> router_target(const torch::Tensor& q, const torch::Tensor& k,
                                                      const torch::Tensor& q_valid, const torch::Tensor& k_valid,
                                                      bool causal, const BlockGeometry& g, int64_t samples) {
  torch::NoGradGuard no_grad;
  const int64_t B = q.size(0), H = q.size(1);
  const int64_t S = std::max<int64_t>(1, std::min(samples, g.block));
  auto lopts = q.options().dtype(torch::kLong);
  auto j = torch::arange(S, lopts);
  auto rows = (torch::arange(g.mq, lopts).view({g.mq, 1}) * g.block + (j * g.block + g.block / 2).div(S, "floor").view({1, S}))
                  .clamp_max(g.nq - 1)
                  .reshape({-1});
  auto qs = q.index_select(2, rows);
  auto scores = torch::matmul(qs, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(q.size(-1)));
  torch::Tensor mask;
  if (k_valid.defined()) mask = k_valid.view({B, 1, 1, g.nk});
  if (causal) {
    auto tri = (torch::arange(g.nk, lopts).view({1, g.nk}) <= (rows + g.offset).view({-1, 1})).view({1, 1, -1, g.nk});
    mask = mask.defined() ? mask.logical_and(tri) : tri;
  }
  if (mask.defined()) scores = scores.masked_fill(mask.logical_not(), std::numeric_limits<float>::lowest());
  auto p = torch::softmax(scores, -1);
  if (g.mk * g.block > g.nk) p = F::pad(p, F::PadFuncOptions({0, g.mk * g.block - g.nk}));
  auto mass = p.view({B, H, g.mq, S, g.mk, g.block}).sum(-1);  // [B, H, Mq, S, Mk]
  auto w = q_valid.defined() ? q_valid.index_select(1, rows).to(q.scalar_type()) : torch::ones({B, g.mq * S}, q.options());
  w = w.view({B, 1, g.mq, S, 1});
  auto wsum = w.sum(3);  // [B, 1, Mq, 1]
  auto target = (mass * w).sum(3) / wsum.clamp_min(1.0);
  return {target, wsum.view({B, g.mq}) > 0};
}

// Block-pooled probabilities from block-sparse probabilities [B, H, Mq, block, K*block]: mass per
// key block, averaged over the valid query rows of each block -> [B, H, Mq, Mk].
torch::Tensor pool_sparse_probs(const torch::Tensor& probs, const torch::Tensor& indices, const BlockGeometry& g) {
  torch::NoGradGuard no_grad;
  const int64_t B = probs.size(0), H = probs.size(1), K = indices.size(-1);
  auto per_block = probs.view({B, H, g.mq, g.block, K, g.block}).sum(-1);  // [B, H, Mq, block, K]
  auto row_ok = (torch::arange(g.mq * g.block, probs.options().dtype(torch::kLong)) < g.nq).to(probs.scalar_type());
  row_ok = row_ok.view({1, 1, g.mq, g.block, 1});
  auto mean = (per_block * row_ok).sum(3) / row_ok.sum(3).clamp_min(1.0);  // [B, H, Mq, K]
  return torch::zeros({B, H, g.mq, g.mk}, probs.options()).scatter_add(-1, indices, mean);
}

}  // namespace

RotaryCache::RotaryCache(int64_t max_len, int64_t head_dim, double base) {
  const int64_t half = head_dim / 2;
  auto inv = torch::pow(base, -torch::arange(half, torch::kDouble) * 2.0 / static_cast<double>(head_dim));
  auto angles = torch::arange(max_len, torch::kDouble).view({max_len, 1}) * inv.view({1, half});
  cos = torch::cos(angles).to(torch::kFloat);
  sin = torch::sin(angles).to(torch::kFloat);
}

torch::Tensor RotaryCache::apply(const torch::Tensor& x, int64_t start) const {
  const int64_t n = x.size(2), half = x.size(3) / 2;
  if (start < 0 || start + n > cos.size(0))
    throw std::invalid_argument("sequence of " + std::to_string(start + n) + " positions exceeds model.max_len " +
                                std::to_string(cos.size(0)));
  auto c = cos.slice(0, start, start + n).to(x.options()).view({1, 1, n, half});
  auto s = sin.slice(0, start, start + n).to(x.options()).view({1, 1, n, half});
  auto x1 = x.slice(3, 0, half), x2 = x.slice(3, half, 2 * half);
  return torch::cat({x1 * c - x2 * s, x1 * s + x2 * c}, 3);
}

MultiHeadAttentionImpl::MultiHeadAttentionImpl(int64_t d_model_, int64_t heads_, AttentionOptions o_, int64_t layer,
                                               DenseKernel dense)
    : options(std::move(o_)), kind(&attention_kind(options.kind)), layer_index(layer), dense_kernel(dense),
      router(router_settings(options)), d_model(d_model_), heads(heads_), head_dim(d_model_ / heads_) {
  if (d_model % heads != 0) throw std::invalid_argument("d_model must be a multiple of heads");
  if (kind->sparse && !kind->learned && !kind->pattern)
    throw std::invalid_argument("attention kind '" + kind->name + "' is sparse but has neither a learned router nor a pattern");
  q = register_module("q", LoraLinear(d_model, d_model));
  k = register_module("k", LoraLinear(d_model, d_model));
  v = register_module("v", LoraLinear(d_model, d_model));
  o = register_module("o", LoraLinear(d_model, d_model));
  if (kind->learned) {
    router_q = register_module("router_q", LoraLinear(d_model, heads * router.dim, false));
    router_k = register_module("router_k", LoraLinear(d_model, heads * router.dim, false));
  }
}

bool MultiHeadAttentionImpl::router_learns() const {
  if (!router_q) return false;
  for (const auto& p : router_q->parameters())
    if (p.requires_grad()) return true;
  for (const auto& p : router_k->parameters())
    if (p.requires_grad()) return true;
  return false;
}

torch::Tensor MultiHeadAttentionImpl::router_scores(const torch::Tensor& x_q, const torch::Tensor& x_kv,
                                                    const torch::Tensor& q_valid, const torch::Tensor& k_valid, int64_t block) {
  const int64_t B = x_q.size(0), r = router.dim;
  // The router reads a detached input: its distillation loss trains the router only, never the model.
  auto rq = router_q->forward(x_q.detach()).view({B, x_q.size(1), heads, r}).transpose(1, 2);
  auto rk = router_k->forward(x_kv.detach()).view({B, x_kv.size(1), heads, r}).transpose(1, 2);
  auto qs = block_mean(rq, q_valid, block), ks = block_mean(rk, k_valid, block);
  return torch::matmul(qs, ks.transpose(-1, -2)) / std::sqrt(static_cast<double>(r));
}

torch::Tensor MultiHeadAttentionImpl::forward(const torch::Tensor& x_q, const torch::Tensor& x_kv, const torch::Tensor& q_valid,
                                              const torch::Tensor& k_valid, bool causal, const RotaryCache& rope,
                                              AttentionTrace* trace, torch::Tensor* aux_loss) {
  const int64_t B = x_q.size(0), nq = x_q.size(1), nk = x_kv.size(1);
  auto qh = q->forward(x_q).view({B, nq, heads, head_dim}).transpose(1, 2);
  auto kh = k->forward(x_kv).view({B, nk, heads, head_dim}).transpose(1, 2);
  if (rotary) {
    qh = rope.apply(qh, nk - nq);
    kh = rope.apply(kh, 0);
  }
  auto vh = v->forward(x_kv).view({B, nk, heads, head_dim}).transpose(1, 2);
  const int64_t block = options.block;
  const BlockGeometry g(nq, nk, block);
  const bool want_full = trace && trace->want_probs;
  const bool want_pooled = trace && trace->want_pooled;
  torch::Tensor out, probs;

  torch::Tensor indices, index_valid, allowed;
  TokenWindow tokens;
  if (kind->sparse) {
    allowed = allowed_blocks(g, k_valid, B, causal, x_q.options());
    const int64_t topk = options.resolve_topk(nk);
    if (kind->learned) {
      const auto own = own_blocks(g, x_q.options());
      auto scores = router_scores(x_q, x_kv, q_valid, k_valid, block);
      std::tie(indices, index_valid) = select_top_blocks(scores, allowed, own, topk);
      if (aux_loss && is_training() && router_learns()) {
        auto [target, block_ok] = router_target(qh, kh, q_valid, k_valid, causal, g, router.samples);
        auto logp = torch::log_softmax(scores.masked_fill(allowed.unsqueeze(1).logical_not(), kRouterMask), -1);
        auto kl = (torch::xlogy(target, target) - target * logp).sum(-1);  // [B, H, Mq]
        auto w = block_ok.unsqueeze(1).to(kl.scalar_type());
        *aux_loss = (kl * w).sum() / (w.sum() * static_cast<double>(heads)).clamp_min(1.0);
      }
    } else {
      const PatternGeometry pg(nq, nk, block, causal, heads, topk, layer_index);
      auto sel = pattern_selection(*kind, options.params, pg, allowed);
      indices = sel.indices;
      index_valid = sel.valid;
      tokens = sel.tokens;
    }
  }

  const bool run_dense = !kind->sparse || dense_mode;
  if (run_dense) {
    out = dense_attention(qh, kh, vh, k_valid, causal, dense_kernel, (want_full || want_pooled) ? &probs : nullptr);
    if (trace) {
      trace->kernel = (want_full || want_pooled) ? "math" : to_string(effective_dense_kernel(qh, dense_kernel));
      if (want_full) trace->probs = probs.detach();
      if (want_pooled) trace->pooled = pool_probs_to_blocks(probs.detach(), g);
    }
  } else {
    out = block_sparse_attention(qh, kh, vh, k_valid, causal, block, indices, index_valid,
                                 (want_full || want_pooled) ? &probs : nullptr, SparseKernel::Auto, tokens);
    if (trace) {
      trace->kernel = sparse_kernel_name(qh, SparseKernel::Auto, want_full || want_pooled);
      if (want_full) trace->probs = expand_block_probs(probs.detach(), indices, g);
      if (want_pooled) trace->pooled = pool_sparse_probs(probs.detach(), indices, g);
    }
  }
  if (trace) {
    trace->block = block;
    if (indices.defined()) trace->selection = selection_mask(indices, index_valid, g.mk);
    else trace->selection = allowed_blocks(g, k_valid, B, causal, x_q.options()).unsqueeze(1).expand({B, heads, g.mq, g.mk});
  }
  return o->forward(out.transpose(1, 2).reshape({B, nq, d_model}));
}

}  // namespace etlab
