// SPDX-License-Identifier: MIT
// sliding_window: token-exact (transformers' Mistral mask: a query at i sees keys j with
// i - W < j <= i; |i - j| < W without causality), plus attention sinks, on the block kernel.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/attention/multi_head_attention.h"
#include "core/engine/engine.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

const AttentionKind& window_kind() { return attention_kind("sliding_window"); }

// The reference mask written from the definition, independently of the kernels' TokenWindow.
torch::Tensor reference_mask(int64_t nq, int64_t nk, int64_t window, int64_t sinks, bool causal) {
  auto mask = torch::zeros({nq, nk}, torch::kBool);
  auto m = mask.accessor<bool, 2>();
  for (int64_t q = 0; q < nq; ++q) {
    const int64_t i = q + nk - nq;  // the ends aligned, as for causal attention
    for (int64_t j = 0; j < nk; ++j) {
      const bool in_window = causal ? (j > i - window && j <= i) : (j > i - window && j < i + window);
      const bool sink = j < sinks && (!causal || j <= i);
      m[q][j] = in_window || sink;
    }
  }
  return mask;
}

torch::Tensor masked_dense(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask) {
  auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(q.size(-1)));
  return torch::matmul(torch::softmax(scores.masked_fill(mask.logical_not(), -1e30), -1), v);
}

PatternSelection select(int64_t nq, int64_t nk, int64_t block, int64_t window, int64_t sinks, bool causal, int64_t heads) {
  const BlockGeometry g(nq, nk, block);
  auto allowed = allowed_blocks(g, {}, 1, causal, torch::TensorOptions());
  return pattern_selection(window_kind(), {{"window", window}, {"sinks", sinks}}, PatternGeometry(nq, nk, block, causal, heads, 1, 0),
                           allowed);
}

double rel_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm().clamp_min(1.0)).item<double>();
}

TEST(SlidingWindowTest, EqualsMistralsMaskForwardAndBackward) {
  torch::manual_seed(9);
  struct Case {
    int64_t nq, nk, block, window, sinks;
  };
  for (const Case c : {Case{100, 100, 16, 24, 0}, Case{100, 100, 16, 16, 0}, Case{77, 77, 8, 5, 2}, Case{40, 90, 16, 33, 4},
                       Case{64, 64, 16, 200, 0}, Case{129, 129, 32, 1, 1},
                       Case{128, 128, 16, 4, 40}}) {  // sinks reaching past the first window, in both directions
    for (bool causal : {true, false}) {
      const auto sel = select(c.nq, c.nk, c.block, c.window, c.sinks, causal, 2);
      const auto mask = reference_mask(c.nq, c.nk, c.window, c.sinks, causal);
      auto q = torch::randn({1, 2, c.nq, 16}, torch::requires_grad()), k = torch::randn({1, 2, c.nk, 16}, torch::requires_grad());
      auto v = torch::randn({1, 2, c.nk, 16}, torch::requires_grad());
      auto w = torch::randn({1, 2, c.nq, 16});
      auto ref = masked_dense(q, k, v, mask);
      (ref * w).sum().backward();
      const auto gq = q.grad().clone(), gk = k.grad().clone(), gv = v.grad().clone();
      for (SparseKernel kernel : {SparseKernel::Fused, SparseKernel::Gather}) {
        for (auto* t : {&q, &k, &v}) t->mutable_grad() = torch::Tensor();
        auto out = block_sparse_attention(q, k, v, {}, causal, c.block, sel.indices, sel.valid, nullptr, kernel, sel.tokens);
        const std::string at = std::to_string(c.nq) + "x" + std::to_string(c.nk) + " B=" + std::to_string(c.block) +
                               " W=" + std::to_string(c.window) + " sinks=" + std::to_string(c.sinks) + (causal ? " causal" : "") +
                               (kernel == SparseKernel::Fused ? " fused" : " gather");
        EXPECT_LE(rel_error(out, ref), 1e-5) << at;
        (out * w).sum().backward();
        EXPECT_LE(rel_error(q.grad(), gq), 1e-4) << at;
        EXPECT_LE(rel_error(k.grad(), gk), 1e-4) << at;
        EXPECT_LE(rel_error(v.grad(), gv), 1e-4) << at;
      }
    }
  }
}

TEST(SlidingWindowTest, AttendsToExactlyTheWindowAndTheSinks) {
  torch::manual_seed(10);
  const int64_t n = 90, block = 16, window = 21, sinks = 3;
  for (bool causal : {true, false}) {
    const auto sel = select(n, n, block, window, sinks, causal, 1);
    auto q = torch::randn({1, 1, n, 8}), k = torch::randn({1, 1, n, 8}), v = torch::randn({1, 1, n, 8});
    torch::Tensor probs;
    block_sparse_attention(q, k, v, {}, causal, block, sel.indices, sel.valid, &probs, SparseKernel::Auto, sel.tokens);
    const auto seen = expand_block_probs(probs, sel.indices, BlockGeometry(n, n, block))[0][0] > 0;  // [n, n]
    EXPECT_TRUE(seen.equal(reference_mask(n, n, window, sinks, causal))) << (causal ? "causal" : "bidirectional");
  }
}

TEST(SlidingWindowTest, IsNotTheBlockGranularLocalPattern) {
  // The same blocks kept, but a window of 12 tokens is not a window of whole 16-token blocks.
  torch::manual_seed(11);
  const int64_t n = 96, block = 16;
  auto q = torch::randn({1, 1, n, 8}), k = torch::randn({1, 1, n, 8}), v = torch::randn({1, 1, n, 8});
  const auto sel = select(n, n, block, 12, 0, true, 1);
  EXPECT_EQ(sel.indices.size(-1), 2) << "a 12-token window reaches 2 blocks of 16";
  const BlockGeometry g(n, n, block);
  auto allowed = allowed_blocks(g, {}, 1, true, torch::TensorOptions());
  const auto local = pattern_selection(attention_kind(kinds::kFixedSparse), {{"pattern", "local"}},
                                       PatternGeometry(n, n, block, true, 1, 2, 0), allowed);
  EXPECT_TRUE(selection_mask(sel.indices, sel.valid, g.mk).equal(selection_mask(local.indices, local.valid, g.mk)));
  auto windowed = block_sparse_attention(q, k, v, {}, true, block, sel.indices, sel.valid, nullptr, SparseKernel::Auto, sel.tokens);
  auto blocks = block_sparse_attention(q, k, v, {}, true, block, local.indices, local.valid);
  EXPECT_GT((windowed - blocks).abs().max().item<double>(), 1e-3);
}

TEST(SlidingWindowTest, ValidatesItsKeysAndTrainsThroughTrainRun) {
  nlohmann::json cfg = {
      {"task", {{"dataset", "listops"}, {"max_len", 64}, {"min_len", 60}, {"train_size", 160}, {"val_size", 32}, {"test_size", 32}}},
      {"model", {{"layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64}, {"dropout", 0.0}}},
      {"attention", {{"kind", "sliding_window"}, {"block", 16}, {"window", 0}}},
      {"train", {{"steps", 6}, {"batch", 8}, {"warmup", 1}, {"eval_every", 3}, {"seed", 2}, {"threads", 1}}},
      {"probe", {{"examples", 1}}}};
  RunConfig rc;
  auto issues = parse_run_config(cfg, rc);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues.front().field, "attention.window");
  cfg["attention"]["window"] = 8;
  cfg["attention"]["sinks"] = 1;
  issues = parse_run_config(cfg, rc);
  ASSERT_TRUE(issues.empty()) << format_issues(issues);
  EXPECT_EQ(rc.method(), "sliding_window:w8,s1");
  // Cross-attention relates two sequences: no window there.
  auto seq2seq = cfg;
  seq2seq["task"] = {{"dataset", "brown_tagging"}, {"objective", "seq2seq"}, {"max_len", 64}};
  seq2seq["model"]["arch"] = "encoder_decoder";
  RunConfig refused;
  issues = parse_run_config(seq2seq, refused);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues.front().field, "attention.kind");
  TempDb db;
  RunObserver quiet;
  const auto result = train_run(rc, *db.store, quiet);
  ASSERT_EQ(result.status, RunStatus::Finished) << result.reason;
  const auto sel = db.store->selections(result.run_id, 0);
  ASSERT_FALSE(sel.empty());
  // A window of 8 and the sink block: block 3 (positions 48-63) keeps blocks 2, 3 (the window) and 0
  // (the sink), never block 1.
  EXPECT_TRUE(sel.front().selected(3, 0));
  EXPECT_FALSE(sel.front().selected(3, 1));
  EXPECT_TRUE(sel.front().selected(3, 2));
}

}  // namespace
}  // namespace etlab
