// SPDX-License-Identifier: MIT
// etlab's fused CPU block-sparse kernel against the gather path (itself checked against dense attention
// in test_attention.cpp): outputs and gradients on partial selections, every instruction set this CPU
// has, one and two threads (two threads on one (batch, head) pair take the split backward).
#include <ATen/Parallel.h>
#include <gtest/gtest.h>

#include <limits>
#include <torch/torch.h>

#include "core/attention/block_sparse_cpu.h"
#include "core/attention/kernels.h"

namespace etlab {
namespace {

double rel_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm().clamp_min(1e-12)).item<double>();
}

struct Case {
  int64_t batch, heads, nq, nk, dim, block, k;
  bool causal, padding;
};

struct ThreadsGuard {
  int saved = at::get_num_threads();
  ~ThreadsGuard() { at::set_num_threads(saved); }
};

struct IsaGuard {
  std::string saved = cpu::block_sparse_isa();
  ~IsaGuard() { cpu::block_sparse_use_isa(saved); }
};

// Runs one case with both kernels and compares outputs and gradients on the real query rows.
void check_case(const Case& c, uint64_t seed) {
  torch::manual_seed(seed);
  auto q = torch::randn({c.batch, c.heads, c.nq, c.dim}, torch::requires_grad());
  auto k = torch::randn({c.batch, c.heads, c.nk, c.dim}, torch::requires_grad());
  auto v = torch::randn({c.batch, c.heads, c.nk, c.dim}, torch::requires_grad());
  torch::Tensor key_valid;
  if (c.padding) {
    key_valid = torch::ones({c.batch, c.nk}, torch::kBool);
    for (int64_t b = 1; b < c.batch; ++b) key_valid[b].slice(0, c.nk - c.nk / (2 + b)).fill_(false);
  }
  const BlockGeometry g(c.nq, c.nk, c.block);
  auto allowed = allowed_blocks(g, key_valid, c.batch, c.causal, q.options());
  auto scores = torch::randn({c.batch, c.heads, g.mq, g.mk});
  auto [idx, ok] = select_top_blocks(scores, allowed, own_blocks(g, q.options()), c.k);
  // Drop some of the non-own selections, so invalid entries are exercised too.
  if (idx.size(-1) > 1) {
    auto drop = torch::rand(ok.sizes()) < 0.25;
    drop.select(-1, 0).fill_(false);
    ok = ok.logical_and(drop.logical_not());
  }
  // Weights on the outputs: zero on padding query rows (self-attention: query row r is real when key r is).
  auto w = torch::randn({c.batch, c.heads, c.nq, c.dim});
  torch::Tensor rows;
  if (c.padding && c.nq == c.nk) {
    rows = key_valid.view({c.batch, 1, c.nq, 1}).expand_as(w);
    w = w * rows;
  }
  auto run = [&](SparseKernel kernel) {
    for (auto* t : {&q, &k, &v})
      if (t->grad().defined()) t->mutable_grad().zero_();
    auto out = block_sparse_attention(q, k, v, key_valid, c.causal, c.block, idx, ok, nullptr, kernel);
    (out * w).sum().backward();
    return std::vector<torch::Tensor>{out.detach().clone(), q.grad().clone(), k.grad().clone(), v.grad().clone()};
  };
  const auto ref = run(SparseKernel::Gather);
  const auto mine = run(SparseKernel::Fused);
  const std::string what = "case " + std::to_string(c.batch) + "x" + std::to_string(c.heads) + " nq=" + std::to_string(c.nq) +
                           " nk=" + std::to_string(c.nk) + " d=" + std::to_string(c.dim) + " B=" + std::to_string(c.block) +
                           " k=" + std::to_string(c.k) + (c.causal ? " causal" : "") + (c.padding ? " padding" : "") +
                           " isa=" + cpu::block_sparse_isa() + " threads=" + std::to_string(at::get_num_threads());
  auto out_ref = rows.defined() ? ref[0].masked_select(rows) : ref[0];
  auto out_mine = rows.defined() ? mine[0].masked_select(rows) : mine[0];
  EXPECT_LE(rel_error(out_mine, out_ref), 2e-6) << what;
  EXPECT_LE(rel_error(mine[1], ref[1]), 2e-5) << "dq " << what;
  EXPECT_LE(rel_error(mine[2], ref[2]), 2e-5) << "dk " << what;
  EXPECT_LE(rel_error(mine[3], ref[3]), 2e-5) << "dv " << what;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {2, 3, 128, 128, 64, 32, 2, false, false},  // whole blocks, AVX tiles only
      {1, 1, 200, 200, 64, 64, 2, false, false},  // partial last block, one pair (split backward at 2 threads)
      {2, 2, 150, 150, 16, 16, 4, true, true},    // causal with padding
      {2, 2, 70, 70, 24, 16, 3, false, true},     // head dim not a multiple of 16: scalar column tail
      {1, 2, 40, 100, 8, 16, 3, true, false},     // cross lengths: causal offset 60
      {3, 1, 96, 96, 32, 48, 1, false, true},     // block not a multiple of 16, only the own block
      {1, 3, 257, 257, 64, 64, 5, true, false},   // k = all blocks
  };
  return all;
}

TEST(BlockSparseCpu, FusedMatchesGatherOnEveryIsaAndThreadCount) {
  ThreadsGuard threads;
  IsaGuard isa_guard;
  int isas = 0;
  for (const char* isa : {"baseline", "avx2", "avx512"}) {
    if (!cpu::block_sparse_use_isa(isa)) continue;
    ++isas;
    for (int t : {1, 2}) {
      at::set_num_threads(t);
      uint64_t seed = 11;
      for (const auto& c : cases()) check_case(c, seed++);
    }
  }
  EXPECT_GE(isas, 1);
}

TEST(BlockSparseCpu, FusedDenseKernelEqualsMathWithGradients) {
  torch::manual_seed(5);
  for (auto [nq, nk] : std::vector<std::pair<int64_t, int64_t>>{{100, 100}, {70, 200}, {256, 256}}) {
    for (bool causal : {false, true}) {
      auto q = torch::randn({2, 2, nq, 32}, torch::requires_grad()), k = torch::randn({2, 2, nk, 32}, torch::requires_grad());
      auto v = torch::randn({2, 2, nk, 32}, torch::requires_grad());
      auto key_valid = torch::ones({2, nk}, torch::kBool);
      key_valid[1].slice(0, nk - nk / 4).fill_(false);
      auto w = torch::randn({2, 2, nq, 32});
      std::vector<torch::Tensor> got[2];
      for (int m = 0; m < 2; ++m) {
        for (auto* t : {&q, &k, &v})
          if (t->grad().defined()) t->mutable_grad().zero_();
        auto out = dense_attention(q, k, v, key_valid, causal, m == 0 ? DenseKernel::Math : DenseKernel::Fused);
        (out * w).sum().backward();
        got[m] = {out.detach().clone(), q.grad().clone(), k.grad().clone(), v.grad().clone()};
      }
      for (size_t i = 0; i < 4; ++i)
        EXPECT_LE(rel_error(got[1][i], got[0][i]), 2e-5) << "tensor " << i << " nq=" << nq << " nk=" << nk << " causal=" << causal;
    }
  }
  EXPECT_EQ(dense_kernel_from("fused"), DenseKernel::Fused);
  EXPECT_EQ(config_name(DenseKernel::Fused), "fused");
}

TEST(BlockSparseCpu, ExpOfMaskedScoresIsExactlyZeroAndRowsWithoutKeysAreZero) {
  // One query block whose only selected block is pure padding: no visible key, so a zero output and
  // zero, finite gradients (the gather path would average garbage there).
  const int64_t n = 32, block = 16;
  auto q = torch::randn({1, 1, n, 16}, torch::requires_grad()), k = torch::randn({1, 1, n, 16}, torch::requires_grad());
  auto v = torch::randn({1, 1, n, 16}, torch::requires_grad());
  auto key_valid = torch::ones({1, n}, torch::kBool);
  key_valid[0].slice(0, block).fill_(false);  // block 1 is padding
  auto idx = torch::tensor({0, 1}, torch::kLong).view({1, 1, 2, 1});
  auto ok = torch::ones({1, 1, 2, 1}, torch::kBool);
  auto out = block_sparse_attention(q, k, v, key_valid, false, block, idx, ok, nullptr, SparseKernel::Fused);
  EXPECT_EQ(out.slice(2, block).abs().max().item<float>(), 0.0f);
  EXPECT_GT(out.slice(2, 0, block).abs().max().item<float>(), 0.0f);
  out.sum().backward();
  EXPECT_TRUE(torch::isfinite(q.grad()).all().item<bool>());
  EXPECT_EQ(q.grad().slice(2, block).abs().max().item<float>(), 0.0f);
  EXPECT_EQ(k.grad().slice(2, block).abs().max().item<float>(), 0.0f);
}

TEST(BlockSparseCpu, NanPropagatesAndBadShapesAreRefused) {
  auto q = torch::randn({1, 2, 64, 16}), k = torch::randn({1, 2, 64, 16}), v = torch::randn({1, 2, 64, 16});
  q[0][1][5][3].fill_(std::numeric_limits<float>::quiet_NaN());
  const BlockGeometry g(64, 64, 16);
  auto idx = torch::arange(g.mk).view({1, 1, 1, g.mk}).expand({1, 2, g.mq, g.mk}).contiguous();
  auto ok = torch::ones({1, 2, g.mq, g.mk}, torch::kBool);
  auto out = block_sparse_attention(q, k, v, {}, false, 16, idx, ok, nullptr, SparseKernel::Fused);
  EXPECT_TRUE(torch::isnan(out[0][1][5]).all().item<bool>()) << "a NaN score must not be hidden";
  EXPECT_TRUE(torch::isfinite(out[0][0]).all().item<bool>());
  // Selections broadcast over heads, or a wrong key mask, are refused before any memory is read.
  EXPECT_THROW(block_sparse_attention(k, k, v, {}, false, 16, idx.slice(1, 0, 1), ok.slice(1, 0, 1), nullptr, SparseKernel::Fused),
               std::invalid_argument);
  EXPECT_THROW(block_sparse_attention(k, k, v, torch::ones({1, 10}, torch::kBool), false, 16, idx, ok, nullptr,
                                      SparseKernel::Fused),
               std::invalid_argument);
  EXPECT_THROW(block_sparse_attention(k, k, v.slice(2, 0, 32), {}, false, 16, idx, ok, nullptr, SparseKernel::Fused),
               std::invalid_argument);
}

TEST(BlockSparseCpu, AutoPicksFusedForFloatOnCpuAndGatherOtherwise) {
  auto f = torch::zeros({1, 1, 4, 4});
  EXPECT_EQ(sparse_kernel_name(f, SparseKernel::Auto), std::string("block_sparse_cpu(") + cpu::block_sparse_isa() + ")");
  EXPECT_EQ(sparse_kernel_name(f, SparseKernel::Auto, /*want_probs=*/true), "block_sparse_gather");
  EXPECT_EQ(sparse_kernel_name(f.to(torch::kDouble), SparseKernel::Auto), "block_sparse_gather");
  EXPECT_EQ(sparse_kernel_name(f, SparseKernel::Gather), "block_sparse_gather");
  EXPECT_THROW(block_sparse_attention(f.to(torch::kDouble), f, f, {}, false, 4, torch::zeros({1, 1, 1, 1}, torch::kLong),
                                      torch::ones({1, 1, 1, 1}, torch::kBool), nullptr, SparseKernel::Fused),
               std::invalid_argument);
  EXPECT_FALSE(cpu::block_sparse_use_isa("sse9"));
}

TEST(BlockSparseCpu, DoublePrecisionStillWorksThroughTheGatherPath) {
  auto q = torch::randn({1, 2, 40, 8}, torch::kDouble), k = torch::randn({1, 2, 40, 8}, torch::kDouble);
  auto v = torch::randn({1, 2, 40, 8}, torch::kDouble);
  const BlockGeometry g(40, 40, 16);
  auto allowed = allowed_blocks(g, {}, 1, false, q.options());
  auto sel = select_top_blocks(torch::randn({1, 2, g.mq, g.mk}), allowed, own_blocks(g, q.options()), g.mk);
  auto sparse = block_sparse_attention(q, k, v, {}, false, 16, sel.first, sel.second);
  EXPECT_LE(rel_error(sparse, dense_attention(q, k, v, {}, false, DenseKernel::Math)), 1e-10);
}

}  // namespace
}  // namespace etlab
