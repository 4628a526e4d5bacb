// SPDX-License-Identifier: MIT
#include "core/attention/kernels.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <limits>
#include <mutex>

#include <torch/version.h>

#include "core/data/rng.h"

namespace etlab {

namespace F = torch::nn::functional;
using torch::indexing::Slice;

namespace {

// A finite "minus infinity": a query whose keys are all masked (padding rows only) then gets a
// uniform, finite distribution instead of NaN, and masked entries still get exactly zero weight.
double masked_score(const torch::Tensor& t) {
  return t.scalar_type() == torch::kDouble ? std::numeric_limits<double>::lowest()
                                           : static_cast<double>(std::numeric_limits<float>::lowest());
}

torch::Tensor pad_dim(const torch::Tensor& t, int64_t dim, int64_t to, double value = 0.0) {
  const int64_t extra = to - t.size(dim);
  if (extra <= 0) return t;
  std::vector<int64_t> pad(2 * static_cast<size_t>(t.dim() - dim), 0);
  pad[pad.size() - 1] = extra;  // F.pad lists the last dim first: (last_lo, last_hi, ..., dim_lo, dim_hi)
  pad[pad.size() - 2] = 0;
  return F::pad(t, F::PadFuncOptions(pad).value(value));
}

torch::Tensor pad_bool(const torch::Tensor& mask, int64_t to) {
  const int64_t extra = to - mask.size(-1);
  if (extra <= 0) return mask;
  auto tail = torch::zeros({mask.size(0), extra}, mask.options());
  return torch::cat({mask, tail}, 1);
}

// Bool mask [B or 1, 1, Nq or 1, Nk] of the keys each query may see, or undefined when all may.
torch::Tensor dense_mask(int64_t nq, int64_t nk, const torch::Tensor& key_valid, bool causal,
                         const torch::TensorOptions& device) {
  torch::Tensor mask;
  if (key_valid.defined()) mask = key_valid.view({key_valid.size(0), 1, 1, nk});
  if (causal) {
    auto qpos = torch::arange(nq, device.dtype(torch::kLong)).view({nq, 1}) + (nk - nq);
    auto kpos = torch::arange(nk, device.dtype(torch::kLong)).view({1, nk});
    auto tri = (kpos <= qpos).view({1, 1, nq, nk});
    mask = mask.defined() ? mask.logical_and(tri) : tri;
  }
  return mask;
}

torch::Tensor math_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                             const torch::Tensor& key_valid, bool causal, torch::Tensor* probs) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  auto scores = torch::matmul(q, k.transpose(-1, -2)) * scale;
  auto mask = dense_mask(q.size(2), k.size(2), key_valid, causal, q.options());
  if (mask.defined()) scores = scores.masked_fill(mask.logical_not(), masked_score(scores));
  auto p = torch::softmax(scores, -1);
  if (probs) *probs = p;
  return torch::matmul(p, v);
}

torch::Tensor sdpa_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                             const torch::Tensor& key_valid, bool causal) {
  torch::Tensor mask;
  if (key_valid.defined() || (causal && q.size(2) != k.size(2))) {
    // Explicit mask when LibTorch's own causal flag (top-left aligned) would differ from ours.
    mask = dense_mask(q.size(2), k.size(2), key_valid, causal, q.options());
    causal = false;
  }
#if TORCH_VERSION_MAJOR >= 2
  return at::scaled_dot_product_attention(q, k, v, mask.defined() ? c10::optional<at::Tensor>(mask) : c10::nullopt, 0.0, causal);
#else
  return std::get<0>(at::_scaled_dot_product_attention(
      q, k, v, mask.defined() ? c10::optional<at::Tensor>(mask) : c10::nullopt, 0.0, false, causal));
#endif
}

double time_ms(const std::function<void()>& fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

std::string to_string(DenseKernel kernel) {
#if TORCH_VERSION_MAJOR >= 2
  return kernel == DenseKernel::Sdpa ? "sdpa" : "math";
#else
  return kernel == DenseKernel::Sdpa ? "sdpa(_scaled_dot_product_attention)" : "math";
#endif
}

DenseKernel auto_dense_kernel() {
  static std::once_flag once;
  static DenseKernel chosen = DenseKernel::Sdpa;
  std::call_once(once, [] {
    // Both kernels, interleaved, on a representative shape; the median of 5 decides.
    torch::NoGradGuard no_grad;
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(1234);
    auto q = torch::randn({1, 4, 512, 64}, gen), k = torch::randn({1, 4, 512, 64}, gen), v = torch::randn({1, 4, 512, 64}, gen);
    std::vector<double> sdpa, math;
    for (int i = 0; i < 6; ++i) {
      const double a = time_ms([&] { sdpa_attention(q, k, v, {}, false); });
      const double b = time_ms([&] { math_attention(q, k, v, {}, false, nullptr); });
      if (i == 0) continue;  // warm-up
      sdpa.push_back(a);
      math.push_back(b);
    }
    std::sort(sdpa.begin(), sdpa.end());
    std::sort(math.begin(), math.end());
    chosen = sdpa[sdpa.size() / 2] <= math[math.size() / 2] ? DenseKernel::Sdpa : DenseKernel::Math;
  });
  return chosen;
}

DenseKernel dense_kernel_from(const std::string& name) {
  if (name == "sdpa") return DenseKernel::Sdpa;
  if (name == "math") return DenseKernel::Math;
  return auto_dense_kernel();
}

torch::Tensor dense_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const torch::Tensor& key_valid, bool causal, DenseKernel kernel, torch::Tensor* probs) {
  if (probs || kernel == DenseKernel::Math) return math_attention(q, k, v, key_valid, causal, probs);
  return sdpa_attention(q, k, v, key_valid, causal);
}

BlockGeometry::BlockGeometry(int64_t nq_, int64_t nk_, int64_t block_)
    : nq(nq_), nk(nk_), block(block_), mq((nq_ + block_ - 1) / block_), mk((nk_ + block_ - 1) / block_), offset(nk_ - nq_) {}

torch::Tensor allowed_blocks(const BlockGeometry& g, const torch::Tensor& key_valid, int64_t batch, bool causal,
                             const torch::TensorOptions& device) {
  const auto bool_opts = device.dtype(torch::kBool);
  torch::Tensor has_key;
  if (key_valid.defined()) has_key = pad_bool(key_valid, g.mk * g.block).view({batch, g.mk, g.block}).any(-1);
  else has_key = torch::ones({batch, g.mk}, bool_opts);
  auto allowed = has_key.unsqueeze(1).expand({batch, g.mq, g.mk});
  if (causal) {
    auto last_q = (torch::arange(g.mq, device.dtype(torch::kLong)) * g.block + (g.block - 1)).clamp_max(g.nq - 1) + g.offset;
    auto first_k = torch::arange(g.mk, device.dtype(torch::kLong)) * g.block;
    allowed = allowed.logical_and((first_k.view({1, g.mk}) <= last_q.view({g.mq, 1})).unsqueeze(0));
  }
  return allowed.contiguous();
}

torch::Tensor own_blocks(const BlockGeometry& g, const torch::TensorOptions& device) {
  // The block holding the position of the block's *first* query: every query of the block may see at
  // least that block's first key, so no row is left without keys under causal masking, whatever
  // the offset between query and key positions.
  auto first_q = torch::arange(g.mq, device.dtype(torch::kLong)) * g.block + g.offset;
  return first_q.clamp(0, g.nk - 1).div(g.block, "floor");
}

std::pair<torch::Tensor, torch::Tensor> select_top_blocks(const torch::Tensor& scores, const torch::Tensor& allowed,
                                                         const torch::Tensor& own, int64_t k) {
  torch::NoGradGuard no_grad;
  const int64_t mk = scores.size(-1);
  k = std::min(k, mk);
  auto allowed4 = allowed.dim() == 3 ? allowed.unsqueeze(1) : allowed;
  auto s = scores.detach().to(torch::kFloat).masked_fill(allowed4.logical_not(), -std::numeric_limits<float>::infinity());
  auto own_mask = F::one_hot(own, mk).to(torch::kBool).view({1, 1, own.size(0), mk});
  s = s.masked_fill(own_mask, std::numeric_limits<float>::infinity());
  auto top = s.topk(k, -1, /*largest=*/true, /*sorted=*/true);
  auto valid = std::get<0>(top) > -std::numeric_limits<float>::infinity();
  return {std::get<1>(top), valid};
}

std::pair<torch::Tensor, torch::Tensor> fixed_pattern_blocks(const std::string& pattern, const BlockGeometry& g,
                                                            const torch::Tensor& allowed, int64_t heads, int64_t k,
                                                            int64_t global_blocks, int64_t random_blocks, uint64_t seed,
                                                            bool causal) {
  const int64_t mq = g.mq, mk = g.mk;
  k = std::min(k, mk);
  // Patterns are built on the CPU (small: heads x Mq x Mk) and moved to the device of `allowed`.
  auto own = own_blocks(g, torch::TensorOptions());
  auto own_acc = own.accessor<int64_t, 1>();
  // Priority per (head, query block, key block): the pattern's blocks get descending priorities in
  // the order they should be kept; everything else stays at -inf. Then the top-k machinery applies.
  auto prio = torch::full({heads, mq, mk}, -std::numeric_limits<float>::infinity());
  auto p = prio.accessor<float, 3>();
  for (int64_t h = 0; h < heads; ++h) {
    SplitMix64 rng(seed * 1000003ULL + static_cast<uint64_t>(h));
    for (int64_t i = 0; i < mq; ++i) {
      const int64_t o = own_acc[i];
      float next = 1e6f;
      auto take = [&](int64_t j) {
        if (j >= 0 && j < mk && !(causal && j > o) && std::isinf(p[h][i][j])) p[h][i][j] = next--;
      };
      take(o);
      if (pattern == "bigbird") {
        for (int64_t j = 0; j < global_blocks; ++j) take(j);
        // Random blocks drawn among the blocks the query may see (fixed per layer, head, block).
        const int64_t limit = causal ? o + 1 : mk;
        for (int64_t r = 0, tries = 0; r < random_blocks && tries < 64 * (random_blocks + 1); ++tries) {
          const int64_t j = static_cast<int64_t>(rng.below(static_cast<uint64_t>(std::max<int64_t>(1, limit))));
          if (std::isinf(p[h][i][j])) { take(j); ++r; }
        }
      }
      if (pattern == "strided") {
        const int64_t stride = std::max<int64_t>(1, mk / std::max<int64_t>(1, k));
        for (int64_t d = 1; d < mk; ++d) {
          take(o - d * stride);
          if (!causal) take(o + d * stride);
        }
      }
      // local window (also fills bigbird's window and any slots a pattern left open)
      for (int64_t d = 1; d < mk; ++d) {
        take(o - d);
        if (!causal) take(o + d);
      }
    }
  }
  auto scores = prio.to(allowed.device()).unsqueeze(0).expand({allowed.size(0), heads, mq, mk});
  return select_top_blocks(scores, allowed, own.to(allowed.device()), k);
}

torch::Tensor block_sparse_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                     const torch::Tensor& key_valid, bool causal, int64_t block,
                                     const torch::Tensor& indices, const torch::Tensor& index_valid, torch::Tensor* probs) {
  const int64_t B = q.size(0), H = q.size(1), D = q.size(3);
  const BlockGeometry g(q.size(2), k.size(2), block);
  const int64_t K = indices.size(-1), KB = K * block;
  const double scale = 1.0 / std::sqrt(static_cast<double>(D));
  const auto long_opts = q.options().dtype(torch::kLong);

  auto qb = pad_dim(q, 2, g.mq * block).view({B, H, g.mq, block, D});
  auto kp = pad_dim(k, 2, g.mk * block).reshape({B * H * g.mk, block, D});
  auto vp = pad_dim(v, 2, g.mk * block).reshape({B * H * g.mk, block, D});
  // Gather whole key blocks by flat index: [B*H*Mq*K, block, D] -> [B, H, Mq, K*block, D].
  auto base = (torch::arange(B * H, long_opts) * g.mk).view({B, H, 1, 1});
  auto flat = (indices + base).reshape({-1});
  auto kg = kp.index_select(0, flat).view({B, H, g.mq, KB, D});
  auto vg = vp.index_select(0, flat).view({B, H, g.mq, KB, D});

  auto scores = torch::matmul(qb, kg.transpose(-1, -2)) * scale;  // [B, H, Mq, block, K*block]

  auto kpos = (indices.unsqueeze(-1) * block + torch::arange(block, long_opts)).view({B, H, g.mq, KB});
  auto kmask = (kpos < g.nk).logical_and(index_valid.unsqueeze(-1).expand({B, H, g.mq, K, block}).reshape({B, H, g.mq, KB}));
  if (key_valid.defined()) {
    auto kv = pad_bool(key_valid, g.mk * block);
    kmask = kmask.logical_and(kv.gather(1, kpos.view({B, -1})).view({B, H, g.mq, KB}));
  }
  auto mask = kmask.unsqueeze(3);  // [B, H, Mq, 1, K*block]
  if (causal) {
    auto qpos = (torch::arange(g.mq * block, long_opts) + g.offset).view({1, 1, g.mq, block, 1});
    mask = mask.logical_and(kpos.unsqueeze(3) <= qpos);
  }
  scores = scores.masked_fill(mask.logical_not(), masked_score(scores));
  auto p = torch::softmax(scores, -1);
  if (probs) *probs = p;
  auto out = torch::matmul(p, vg).view({B, H, g.mq * block, D});
  return out.slice(2, 0, g.nq);
}

torch::Tensor selection_mask(const torch::Tensor& indices, const torch::Tensor& index_valid, int64_t mk) {
  torch::NoGradGuard no_grad;
  auto sizes = indices.sizes().vec();
  sizes.back() = mk;
  auto mask = torch::zeros(sizes, indices.options().dtype(torch::kBool));
  return mask.scatter(-1, indices, index_valid);
}

torch::Tensor expand_block_probs(const torch::Tensor& probs, const torch::Tensor& indices, const BlockGeometry& g) {
  torch::NoGradGuard no_grad;
  const int64_t B = probs.size(0), H = probs.size(1), block = g.block, K = indices.size(-1);
  auto kpos = (indices.unsqueeze(-1) * block + torch::arange(block, indices.options())).view({B, H, g.mq, 1, K * block});
  auto full = torch::zeros({B, H, g.mq, block, g.mk * block}, probs.options());
  // Invalid (masked) entries carry zero probability, so adding them to any column changes nothing.
  full.scatter_add_(-1, kpos.expand({B, H, g.mq, block, K * block}), probs);
  return full.view({B, H, g.mq * block, g.mk * block}).slice(2, 0, g.nq).slice(3, 0, g.nk);
}

torch::Tensor pool_probs_to_blocks(const torch::Tensor& full_probs, const BlockGeometry& g) {
  torch::NoGradGuard no_grad;
  const int64_t B = full_probs.size(0), H = full_probs.size(1);
  auto p = pad_dim(pad_dim(full_probs, 2, g.mq * g.block), 3, g.mk * g.block);
  auto mass = p.view({B, H, g.mq * g.block, g.mk, g.block}).sum(-1);  // per query, per key block
  auto counts = torch::full({g.mq}, static_cast<double>(g.block), full_probs.options());
  counts.index_put_({g.mq - 1}, static_cast<double>(g.nq - (g.mq - 1) * g.block));
  return mass.view({B, H, g.mq, g.block, g.mk}).sum(3) / counts.view({1, 1, g.mq, 1});
}

}  // namespace etlab
