// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/attention/multi_head_attention.h"

namespace etlab {
namespace {

class AttentionTest : public ::testing::Test {
 protected:
  void SetUp() override { torch::manual_seed(7); }
};

double rel_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm().clamp_min(1e-12)).item<double>();
}

// Keys valid up to a per-sample length: [B, N] bool.
torch::Tensor lengths_mask(const std::vector<int64_t>& lengths, int64_t n) {
  auto m = torch::zeros({static_cast<int64_t>(lengths.size()), n}, torch::kBool);
  for (size_t i = 0; i < lengths.size(); ++i) m[static_cast<int64_t>(i)].slice(0, 0, lengths[i]).fill_(true);
  return m;
}

// The block-sparse path with every allowed block selected, through the same selection code as the
// learned router (random scores, top-k with k = all blocks).
torch::Tensor sparse_all_blocks(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                const torch::Tensor& valid, bool causal, int64_t block) {
  const BlockGeometry g(q.size(2), k.size(2), block);
  auto allowed = allowed_blocks(g, valid, q.size(0), causal, q.options());
  auto scores = torch::randn({q.size(0), q.size(1), g.mq, g.mk});
  auto sel = select_top_blocks(scores, allowed, own_blocks(g, q.options()), g.mk);
  return block_sparse_attention(q, k, v, valid, causal, block, sel.first, sel.second);
}

TEST_F(AttentionTest, SparseEqualsDenseAtFullK) {
  for (int64_t n : {16, 37, 64, 100, 129, 257}) {
    for (bool causal : {false, true}) {
      auto q = torch::randn({2, 3, n, 16}), k = torch::randn({2, 3, n, 16}), v = torch::randn({2, 3, n, 16});
      auto valid = lengths_mask({n, std::max<int64_t>(1, n - n / 3)}, n);
      auto dense = dense_attention(q, k, v, valid, causal, DenseKernel::Math);
      auto sparse = sparse_all_blocks(q, k, v, valid, causal, 16);
      // Compare real (non-padding) query rows; padding rows are discarded by every consumer.
      auto rows = valid.view({2, 1, n, 1}).expand_as(dense);
      EXPECT_LE(rel_error(sparse.masked_select(rows), dense.masked_select(rows)), 1e-5) << "n=" << n << " causal=" << causal;
    }
  }
}

TEST_F(AttentionTest, SparseEqualsDenseWithDifferentQueryAndKeyLengths) {
  for (auto [nq, nk] : std::vector<std::pair<int64_t, int64_t>>{{20, 70}, {33, 33}, {64, 130}}) {
    for (bool causal : {false, true}) {
      auto q = torch::randn({2, 2, nq, 8}), k = torch::randn({2, 2, nk, 8}), v = torch::randn({2, 2, nk, 8});
      auto valid = lengths_mask({nk, nk - 5}, nk);
      auto dense = dense_attention(q, k, v, valid, causal, DenseKernel::Math);
      auto sparse = sparse_all_blocks(q, k, v, valid, causal, 16);
      EXPECT_LE(rel_error(sparse, dense), 1e-5) << nq << "x" << nk << " causal=" << causal;
    }
  }
}

TEST_F(AttentionTest, CausalSparseNeverSeesTheFutureWithOffsets) {
  for (auto [nq, nk, block] : std::vector<std::tuple<int64_t, int64_t, int64_t>>{{4, 6, 4}, {10, 23, 4}, {7, 30, 8}, {16, 16, 4}}) {
    for (int64_t k : {1, 2}) {
      const BlockGeometry g(nq, nk, block);
      auto q = torch::randn({1, 2, nq, 8}), kk = torch::randn({1, 2, nk, 8}), v = torch::randn({1, 2, nk, 8});
      auto allowed = allowed_blocks(g, {}, 1, true, q.options());
      auto sel = select_top_blocks(torch::randn({1, 2, g.mq, g.mk}), allowed, own_blocks(g, q.options()), k);
      torch::Tensor probs;
      block_sparse_attention(q, kk, v, {}, true, block, sel.first, sel.second, &probs);
      auto full = expand_block_probs(probs, sel.first, g);  // [1, 2, nq, nk]
      for (int64_t i = 0; i < nq; ++i) {
        const int64_t pos = i + g.offset;
        EXPECT_NEAR(full[0].select(1, i).sum(-1).min().item<double>(), 1.0, 1e-5) << "row " << i << " has keys";
        if (pos + 1 < nk)
          EXPECT_EQ(full[0].select(1, i).slice(-1, pos + 1).abs().max().item<double>(), 0.0)
              << nq << "x" << nk << " B=" << block << " k=" << k << " query " << i;
      }
    }
  }
}

TEST_F(AttentionTest, SdpaAndMathAgree) {
  auto q = torch::randn({2, 4, 50, 16}), k = torch::randn({2, 4, 61, 16}), v = torch::randn({2, 4, 61, 16});
  auto valid = lengths_mask({61, 40}, 61);
  for (bool causal : {false, true})
    EXPECT_LE(rel_error(dense_attention(q, k, v, valid, causal, DenseKernel::Sdpa),
                        dense_attention(q, k, v, valid, causal, DenseKernel::Math)),
              1e-5);
}

TEST_F(AttentionTest, SparseGradientsEqualDenseAtFullK) {
  auto q = torch::randn({1, 2, 45, 8}, torch::requires_grad()), k = torch::randn({1, 2, 45, 8}, torch::requires_grad());
  auto v = torch::randn({1, 2, 45, 8}, torch::requires_grad());
  auto w = torch::randn({1, 2, 45, 8});
  (dense_attention(q, k, v, {}, true, DenseKernel::Math) * w).sum().backward();
  auto gq = q.grad().clone(), gk = k.grad().clone(), gv = v.grad().clone();
  q.grad().zero_(), k.grad().zero_(), v.grad().zero_();
  (sparse_all_blocks(q, k, v, {}, true, 16) * w).sum().backward();
  EXPECT_LE(rel_error(q.grad(), gq), 1e-5);
  EXPECT_LE(rel_error(k.grad(), gk), 1e-5);
  EXPECT_LE(rel_error(v.grad(), gv), 1e-5);
}

TEST_F(AttentionTest, SparseAttendsOnlyToSelectedBlocks) {
  // Values are the key's block index: the output of every query must be a mix of selected blocks only.
  const int64_t n = 128, block = 16;
  const BlockGeometry g(n, n, block);
  auto q = torch::randn({1, 1, n, 8}), k = torch::randn({1, 1, n, 8});
  auto v = torch::arange(n).div(block, "floor").to(torch::kFloat).view({1, 1, n, 1}).expand({1, 1, n, 8}).contiguous();
  auto idx = torch::tensor({3, 5}, torch::kLong).view({1, 1, 1, 2}).expand({1, 1, g.mq, 2}).contiguous();
  auto ok = torch::ones({1, 1, g.mq, 2}, torch::kBool);
  torch::Tensor probs;
  auto out = block_sparse_attention(q, k, v, {}, false, block, idx, ok, &probs);
  EXPECT_TRUE(((out >= 3 - 1e-5) & (out <= 5 + 1e-5)).all().item<bool>());
  auto full = expand_block_probs(probs, idx, g);
  auto mass = full.view({n, g.mk, block}).sum(-1);  // per query, per key block
  EXPECT_NEAR(mass.select(1, 3).add(mass.select(1, 5)).min().item<double>(), 1.0, 1e-5);
  EXPECT_NEAR(mass.sum().item<double>(), static_cast<double>(n), 1e-3);
}

TEST_F(AttentionTest, TopKKeepsOwnBlockAndRespectsAllowed) {
  const BlockGeometry g(96, 96, 16);  // 6 blocks
  auto allowed = allowed_blocks(g, {}, 1, /*causal=*/true, torch::TensorOptions());
  // Scores favour the last block, which causal attention forbids for early queries.
  auto scores = torch::arange(6).to(torch::kFloat).view({1, 1, 1, 6}).expand({1, 2, 6, 6}).contiguous();
  auto [idx, valid] = select_top_blocks(scores, allowed, own_blocks(g, torch::TensorOptions()), 2);
  auto mask = selection_mask(idx, valid, g.mk)[0][0];
  for (int64_t qb = 0; qb < 6; ++qb) {
    EXPECT_TRUE(mask[qb][qb].item<bool>()) << "own block " << qb;
    for (int64_t kb = qb + 1; kb < 6; ++kb) EXPECT_FALSE(mask[qb][kb].item<bool>()) << qb << "," << kb;
    EXPECT_EQ(mask[qb].sum().item<int64_t>(), std::min<int64_t>(2, qb + 1));
  }
}

TEST_F(AttentionTest, FixedPatternsSelectIntendedBlocks) {
  const BlockGeometry g(128, 128, 16);  // 8 blocks
  auto allowed = allowed_blocks(g, {}, 1, false, torch::TensorOptions());
  auto pick = [&](const std::string& pattern, int64_t k, bool causal, int64_t global, int64_t random) {
    auto al = allowed_blocks(g, {}, 1, causal, torch::TensorOptions());
    const nlohmann::json params = {{"pattern", pattern}, {"global_blocks", global}, {"random_blocks", random}};
    auto sel = pattern_selection(attention_kind(kinds::kFixedSparse), params, PatternGeometry(128, 128, 16, causal, 2, k, 10), al);
    return selection_mask(sel.indices, sel.valid, g.mk)[0];
  };
  auto local = pick("local", 3, false, 0, 0)[0];
  for (int64_t qb = 1; qb < 7; ++qb)
    for (int64_t kb = 0; kb < 8; ++kb) EXPECT_EQ(local[qb][kb].item<bool>(), std::abs(kb - qb) <= 1) << qb << "," << kb;
  auto causal_local = pick("local", 3, true, 0, 0)[0];
  for (int64_t qb = 2; qb < 8; ++qb)
    for (int64_t kb = 0; kb < 8; ++kb) EXPECT_EQ(causal_local[qb][kb].item<bool>(), kb <= qb && kb >= qb - 2);
  auto strided = pick("strided", 4, true, 0, 0)[0];  // stride = 8 / 4 = 2
  EXPECT_TRUE(strided[7][7].item<bool>());
  EXPECT_TRUE(strided[7][5].item<bool>());
  EXPECT_TRUE(strided[7][3].item<bool>());
  EXPECT_TRUE(strided[7][1].item<bool>());
  EXPECT_EQ(strided[7].sum().item<int64_t>(), 4);
  auto bigbird = pick("bigbird", 4, false, 1, 1);  // own + global + 1 random + 1 window
  for (int64_t h = 0; h < 2; ++h)
    for (int64_t qb = 0; qb < 8; ++qb) {
      EXPECT_TRUE(bigbird[h][qb][0].item<bool>()) << "global block";
      EXPECT_TRUE(bigbird[h][qb][qb].item<bool>()) << "own block";
      EXPECT_EQ(bigbird[h][qb].sum().item<int64_t>(), 4);
    }
  EXPECT_FALSE(bigbird[0].equal(bigbird[1])) << "random blocks differ per head";
  EXPECT_TRUE(pick("bigbird", 4, false, 1, 1).equal(bigbird)) << "patterns are fixed for a seed";
}

TEST_F(AttentionTest, PaddedBlocksAreNeverSelected) {
  const BlockGeometry g(80, 80, 16);  // 5 blocks; sample 1 has 20 real keys -> blocks 0, 1 only
  auto valid = lengths_mask({80, 20}, 80);
  auto allowed = allowed_blocks(g, valid, 2, false, torch::TensorOptions());
  auto [idx, ok] = select_top_blocks(torch::randn({2, 1, 5, 5}), allowed, own_blocks(g, torch::TensorOptions()), 5);
  auto mask = selection_mask(idx, ok, 5);
  EXPECT_EQ(mask[0][0].sum().item<int64_t>(), 25);
  // Real query blocks of sample 1 (0 and 1) see only blocks 0 and 1.
  EXPECT_EQ(mask[1][0].slice(0, 0, 2).slice(1, 2, 5).sum().item<int64_t>(), 0);
}

TEST_F(AttentionTest, AutoTopKFollowsLogFormula) {
  AttentionOptions s;
  s.block = 64;
  EXPECT_EQ(s.resolve_topk(4096), 6);   // ceil(log2(64))
  EXPECT_EQ(s.resolve_topk(1000), 4);   // ceil(log2(15.6))
  EXPECT_EQ(s.resolve_topk(64), 1);
  s.c = 2.0;
  EXPECT_EQ(s.resolve_topk(4096), 12);
  s.topk = 100;
  EXPECT_EQ(s.resolve_topk(4096), 64);  // clamped to the number of blocks
}

TEST_F(AttentionTest, ModuleSparseAtFullKEqualsDenseModule) {
  AttentionOptions dense;
  AttentionOptions learned = dense;
  learned.kind = kinds::kLearnedSparse;
  learned.block = 8;
  learned.topk = 1000;  // every block
  MultiHeadAttention a(32, 4, dense, 0, DenseKernel::Math), b(32, 4, learned, 0, DenseKernel::Math);
  torch::NoGradGuard no_grad;
  for (const auto& name : {"q", "k", "v", "o"})
    for (auto& p : a->named_modules()[name]->named_parameters()) b->named_modules()[name]->named_parameters()[p.key()].copy_(p.value());
  RotaryCache rope(128, 8, 10000.0);
  auto x = torch::randn({2, 43, 32});
  auto valid = lengths_mask({43, 30}, 43);
  for (bool causal : {false, true}) {
    auto ya = a->forward(x, x, valid, valid, causal, rope, nullptr, nullptr);
    auto yb = b->forward(x, x, valid, valid, causal, rope, nullptr, nullptr);
    auto rows = valid.unsqueeze(-1).expand_as(ya);
    EXPECT_LE(rel_error(yb.masked_select(rows), ya.masked_select(rows)), 1e-5);
  }
}

}  // namespace
}  // namespace etlab
