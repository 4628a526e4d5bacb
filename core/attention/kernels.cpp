// SPDX-License-Identifier: MIT
#include "core/attention/kernels.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <limits>
#include <mutex>
#include <stdexcept>

#include <torch/version.h>

#include "core/attention/block_sparse_cpu.h"

namespace etlab {

namespace F = torch::nn::functional;
using torch::indexing::Slice;

namespace {

// A finite "minus infinity": a query whose keys are all masked (padding rows only) then gets a
// uniform, finite distribution instead of NaN, and masked entries still get exactly zero weight.
double masked_score(const torch::Tensor& t) {
  switch (t.scalar_type()) {
    case torch::kDouble: return std::numeric_limits<double>::lowest();
    case torch::kHalf: return -65504.0;
    case torch::kBFloat16: return -3.3895313892515355e38;  // bf16's lowest finite value
    default: return static_cast<double>(std::numeric_limits<float>::lowest());
  }
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

bool fused_applies(const torch::Tensor& q, bool want_probs);

double time_ms(const std::function<void()>& fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

std::string to_string(DenseKernel kernel) {
  switch (kernel) {
    case DenseKernel::Math: return "math";
    case DenseKernel::Fused: return std::string("block_sparse_cpu(") + cpu::block_sparse_isa() + "):all";
    default:
#if TORCH_VERSION_MAJOR >= 2
      return "sdpa";
#else
      return "sdpa(_scaled_dot_product_attention)";
#endif
  }
}

std::string config_name(DenseKernel kernel) {
  return kernel == DenseKernel::Math ? "math" : kernel == DenseKernel::Fused ? "fused" : "sdpa";
}

DenseKernel auto_dense_kernel(bool libtorch_only) {
  static std::once_flag once;
  static DenseKernel best = DenseKernel::Sdpa, best_libtorch = DenseKernel::Sdpa;
  std::call_once(once, [] {
    // The kernels, interleaved, on a representative shape (forward and backward, as in training);
    // the median of 5 decides.
    torch::AutoGradMode grad_on(true);  // callers may be inside a no-grad region
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(1234);
    auto make = [&] { return torch::randn({1, 4, 512, 64}, gen).set_requires_grad(true); };
    auto q = make(), k = make(), v = make();
    const std::vector<DenseKernel> kernels{DenseKernel::Sdpa, DenseKernel::Math, DenseKernel::Fused};
    std::vector<std::vector<double>> times(kernels.size());
    for (int i = 0; i < 6; ++i) {
      for (size_t m = 0; m < kernels.size(); ++m) {
        const double t = time_ms([&] { dense_attention(q, k, v, {}, false, kernels[m]).sum().backward(); });
        if (i > 0) times[m].push_back(t);  // run 0 is the warm-up
      }
    }
    std::vector<double> median;
    for (auto& t : times) {
      std::sort(t.begin(), t.end());
      median.push_back(t[t.size() / 2]);
    }
    best_libtorch = median[0] <= median[1] ? DenseKernel::Sdpa : DenseKernel::Math;
    best = median[2] < std::min(median[0], median[1]) ? DenseKernel::Fused : best_libtorch;
  });
  return libtorch_only ? best_libtorch : best;
}

DenseKernel dense_kernel_from(const std::string& name) {
  if (name == "sdpa") return DenseKernel::Sdpa;
  if (name == "math") return DenseKernel::Math;
  if (name == "fused") return DenseKernel::Fused;
  return auto_dense_kernel();
}

DenseKernel effective_dense_kernel(const torch::Tensor& q, DenseKernel kernel) {
  return kernel == DenseKernel::Fused && !fused_applies(q, false) ? DenseKernel::Sdpa : kernel;
}

torch::Tensor dense_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const torch::Tensor& key_valid, bool causal, DenseKernel kernel, torch::Tensor* probs) {
  if (probs || kernel == DenseKernel::Math) return math_attention(q, k, v, key_valid, causal, probs);
  if (kernel == DenseKernel::Fused && fused_applies(q, false)) {
    // Every allowed key block for every query block: exact attention through the fused kernel.
    const int64_t B = q.size(0), H = q.size(1);
    const BlockGeometry g(q.size(2), k.size(2), kFusedDenseBlock);
    auto allowed = allowed_blocks(g, key_valid, B, causal, q.options());
    auto indices = torch::arange(g.mk, q.options().dtype(torch::kLong)).view({1, 1, 1, g.mk}).expand({B, H, g.mq, g.mk});
    return block_sparse_attention(q, k, v, key_valid, causal, kFusedDenseBlock, indices.contiguous(),
                                  allowed.unsqueeze(1).expand({B, H, g.mq, g.mk}).contiguous(), nullptr, SparseKernel::Fused);
  }
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

PatternSelection pattern_selection(const AttentionKind& kind, const nlohmann::json& params, const PatternGeometry& g,
                                   const torch::Tensor& allowed) {
  if (!kind.pattern) throw std::logic_error("attention kind '" + kind.name + "' has no static pattern");
  BlockPattern pattern = kind.pattern(params, g);
  if (static_cast<int64_t>(pattern.priority.size()) != g.heads * g.mq * g.mk)
    throw std::logic_error("attention kind '" + kind.name + "': its pattern is not [heads, query blocks, key blocks]");
  // Patterns are drawn on the CPU (small: heads x Mq x Mk) and moved to the device of `allowed`.
  auto own = own_blocks(BlockGeometry(g.nq, g.nk, g.block), torch::TensorOptions());
  auto prio = torch::from_blob(pattern.priority.data(), {g.heads, g.mq, g.mk}, torch::kFloat).clone();
  auto scores = prio.to(allowed.device()).unsqueeze(0).expand({allowed.size(0), g.heads, g.mq, g.mk});
  auto [indices, valid] = select_top_blocks(scores, allowed, own.to(allowed.device()), std::max<int64_t>(1, pattern.k));
  return {indices, valid, pattern.tokens};
}

namespace {

bool fused_applies(const torch::Tensor& q, bool want_probs) {
  return !want_probs && q.device().is_cpu() && q.scalar_type() == torch::kFloat && q.dim() == 4;
}

cpu::BlockSparseProblem make_problem(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                     const torch::Tensor& indices, const torch::Tensor& index_valid,
                                     const torch::Tensor& key_valid, bool causal, int64_t block, int64_t window, int64_t sinks) {
  cpu::BlockSparseProblem p;
  p.batch = q.size(0);
  p.heads = q.size(1);
  p.nq = q.size(2);
  p.nk = k.size(2);
  p.dim = q.size(3);
  p.block = block;
  p.topk = indices.size(-1);
  p.causal = causal;
  p.window = window;
  p.sinks = sinks;
  p.scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(p.dim)));
  p.q = q.data_ptr<float>();
  p.k = k.data_ptr<float>();
  p.v = v.data_ptr<float>();
  p.indices = indices.data_ptr<int64_t>();
  p.index_valid = index_valid.data_ptr<bool>();
  p.key_valid = key_valid.defined() && key_valid.numel() > 0 ? key_valid.data_ptr<bool>() : nullptr;
  p.threads = at::in_parallel_region() ? 1 : at::get_num_threads();
  return p;
}

// The fused kernel reads raw memory: every shape is checked first, with the problem named.
void check_fused_inputs(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& indices,
                        const torch::Tensor& valid, const torch::Tensor& key_valid, int64_t block) {
  auto fail = [](const std::string& what) { throw std::invalid_argument("block-sparse attention: " + what); };
  if (block < 1) fail("block must be at least 1");
  if (q.dim() != 4 || k.dim() != 4 || v.dim() != 4) fail("q, k and v must be [batch, heads, n, d]");
  for (const auto* t : {&k, &v})
    if (t->scalar_type() != torch::kFloat || !t->device().is_cpu()) fail("k and v must be fp32 on the CPU like q");
  const int64_t B = q.size(0), H = q.size(1), D = q.size(3), nk = k.size(2);
  if (k.size(0) != B || k.size(1) != H || k.size(3) != D || !v.sizes().equals(k.sizes()))
    fail("k and v must be [" + std::to_string(B) + ", " + std::to_string(H) + ", n_k, " + std::to_string(D) + "]");
  const int64_t mq = (q.size(2) + block - 1) / block;
  if (indices.dim() != 4 || indices.size(0) != B || indices.size(1) != H || indices.size(2) != mq)
    fail("indices must be [" + std::to_string(B) + ", " + std::to_string(H) + ", " + std::to_string(mq) + ", k]");
  if (!valid.sizes().equals(indices.sizes())) fail("index_valid must have the shape of indices");
  if (key_valid.numel() != 0 && (key_valid.dim() != 2 || key_valid.size(0) != B || key_valid.size(1) != nk))
    fail("key_valid must be [" + std::to_string(B) + ", " + std::to_string(nk) + "]");
}

// The fused kernel as an autograd function: the forward keeps only the output and one log-sum-exp per
// row; the backward recomputes the probabilities block by block.
struct FusedBlockSparse : public torch::autograd::Function<FusedBlockSparse> {
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& q_in, const torch::Tensor& k_in,
                               const torch::Tensor& v_in, const torch::Tensor& indices_in, const torch::Tensor& valid_in,
                               const torch::Tensor& key_valid_in, bool causal, int64_t block, int64_t window, int64_t sinks) {
    check_fused_inputs(q_in, k_in, v_in, indices_in, valid_in, key_valid_in, block);
    auto q = q_in.contiguous(), k = k_in.contiguous(), v = v_in.contiguous();
    auto indices = indices_in.to(torch::kLong).contiguous();
    auto valid = valid_in.to(torch::kBool).contiguous();
    auto key_valid = key_valid_in.to(torch::kBool).contiguous();  // empty: every key is real
    RECORD_FUNCTION("etlab::block_sparse_cpu_forward", std::vector<c10::IValue>());
    auto out = torch::empty_like(q);
    auto lse = torch::empty({q.size(0), q.size(1), q.size(2)}, q.options());
    const auto problem = make_problem(q, k, v, indices, valid, key_valid, causal, block, window, sinks);
    auto scratch = torch::empty({cpu::block_sparse_forward_scratch(problem)}, q.options());
    cpu::block_sparse_forward(problem, out.data_ptr<float>(), lse.data_ptr<float>(), scratch.data_ptr<float>());
    ctx->save_for_backward({q, k, v, out, lse, indices, valid, key_valid});
    ctx->saved_data["causal"] = causal;
    ctx->saved_data["block"] = block;
    ctx->saved_data["window"] = window;
    ctx->saved_data["sinks"] = sinks;
    return out;
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
    RECORD_FUNCTION("etlab::block_sparse_cpu_backward", std::vector<c10::IValue>());
    const auto saved = ctx->get_saved_variables();
    const auto &q = saved[0], &k = saved[1], &v = saved[2], &out = saved[3], &lse = saved[4];
    auto dout = grads[0].to(torch::kFloat).contiguous();
    auto dq = torch::empty_like(q), dk = torch::empty_like(k), dv = torch::empty_like(v);
    const auto p = make_problem(q, k, v, saved[5], saved[6], saved[7], ctx->saved_data["causal"].toBool(),
                                ctx->saved_data["block"].toInt(), ctx->saved_data["window"].toInt(),
                                ctx->saved_data["sinks"].toInt());
    auto scratch = torch::empty({cpu::block_sparse_backward_scratch(p)}, q.options());
    cpu::block_sparse_backward(p, out.data_ptr<float>(), dout.data_ptr<float>(), lse.data_ptr<float>(), dq.data_ptr<float>(),
                               dk.data_ptr<float>(), dv.data_ptr<float>(), scratch.data_ptr<float>());
    return {dq, dk, dv, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(),
            torch::Tensor()};
  }
};

}  // namespace

std::string sparse_kernel_name(const torch::Tensor& q, SparseKernel kernel, bool want_probs) {
  if (kernel != SparseKernel::Gather && fused_applies(q, want_probs))
    return std::string("block_sparse_cpu(") + cpu::block_sparse_isa() + ")";
  return "block_sparse_gather";
}

torch::Tensor block_sparse_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                     const torch::Tensor& key_valid, bool causal, int64_t block,
                                     const torch::Tensor& indices, const torch::Tensor& index_valid, torch::Tensor* probs,
                                     SparseKernel kernel, const TokenWindow& tokens) {
  if (kernel == SparseKernel::Fused && !fused_applies(q, probs != nullptr))
    throw std::invalid_argument("the fused block-sparse kernel needs fp32 tensors on the CPU and no probabilities");
  if (kernel != SparseKernel::Gather && fused_applies(q, probs != nullptr))
    // Autograd functions take no undefined tensors in LibTorch 1.13: "all keys real" travels as an empty one.
    return FusedBlockSparse::apply(q, k, v, indices, index_valid,
                                   key_valid.defined() ? key_valid : torch::empty({0}, q.options().dtype(torch::kBool)),
                                   causal, block, tokens.active() ? tokens.window : 0, tokens.active() ? tokens.sinks : 0);
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
  if (tokens.active()) {
    // The window inside the chosen blocks: i - W < j (and j - i < W without causality), sinks always kept.
    auto qpos = (torch::arange(g.mq * block, long_opts) + g.offset).view({1, 1, g.mq, block, 1});
    auto d = qpos - kpos.unsqueeze(3);  // [B, H, Mq, block, K*block]
    auto inside = d < tokens.window;
    if (!causal) inside = inside.logical_and(d > -tokens.window);
    mask = mask.logical_and(inside.logical_or(kpos.unsqueeze(3) < tokens.sinks));
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
