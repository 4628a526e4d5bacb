// SPDX-License-Identifier: MIT
// The block kernels' token window (a sliding window and its sinks, masked inside the edge blocks): the
// fused CPU kernel and the gather path equal exact attention under the same token mask, forward and
// backward, causal or not, with padding and with query and key lengths that differ.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/attention/kernels.h"

namespace etlab {
namespace {

// Relative error, absolute where the reference is about zero (a window of one key: the scores, and so q
// and k, get no gradient at all).
double rel_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm().clamp_min(1.0)).item<double>();
}

// Which keys each query may see under the window, causality and padding: [B, 1, Nq, Nk].
torch::Tensor visible(int64_t nq, int64_t nk, const torch::Tensor& key_valid, bool causal, const TokenWindow& w) {
  auto mask = torch::zeros({nq, nk}, torch::kBool);
  auto m = mask.accessor<bool, 2>();
  for (int64_t i = 0; i < nq; ++i)
    for (int64_t j = 0; j < nk; ++j) m[i][j] = w.sees(i + nk - nq, j, causal);
  auto full = mask.view({1, 1, nq, nk});
  if (key_valid.defined()) full = full.logical_and(key_valid.view({key_valid.size(0), 1, 1, nk}));
  return full;
}

// Exact attention with the window's token mask: the reference.
torch::Tensor masked_dense(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& key_valid,
                           bool causal, const TokenWindow& w) {
  auto full = visible(q.size(2), k.size(2), key_valid, causal, w);
  auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(q.size(-1)));
  scores = scores.masked_fill(full.logical_not(), -1e30);
  return torch::matmul(torch::softmax(scores, -1), v);
}

// Every allowed block, so that only the token window limits what a query sees.
torch::Tensor windowed(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& key_valid, bool causal,
                       int64_t block, const TokenWindow& w, SparseKernel kernel) {
  const BlockGeometry g(q.size(2), k.size(2), block);
  auto allowed = allowed_blocks(g, key_valid, q.size(0), causal, q.options());
  auto sel = select_top_blocks(torch::zeros({q.size(0), q.size(1), g.mq, g.mk}), allowed, own_blocks(g, q.options()), g.mk);
  return block_sparse_attention(q, k, v, key_valid, causal, block, sel.first, sel.second, nullptr, kernel, w);
}

TEST(TokenWindowTest, BlockKernelsEqualMaskedDenseForwardAndBackward) {
  torch::manual_seed(3);
  struct Case {
    int64_t nq, nk, block, window, sinks;
  };
  for (const Case c : {Case{37, 37, 8, 5, 0}, Case{64, 64, 16, 16, 0}, Case{70, 70, 16, 23, 3}, Case{33, 61, 8, 9, 2},
                       Case{50, 50, 16, 1, 0}, Case{96, 96, 16, 40, 17}}) {
    for (bool causal : {true, false}) {
      const TokenWindow w{c.window, c.sinks};
      auto q = torch::randn({2, 2, c.nq, 8}, torch::requires_grad()), k = torch::randn({2, 2, c.nk, 8}, torch::requires_grad());
      auto v = torch::randn({2, 2, c.nk, 8}, torch::requires_grad());
      auto valid = torch::ones({2, c.nk}, torch::kBool);
      valid[1].slice(0, c.nk - 5).fill_(false);
      // A row that sees no key at all (a padded query whose window holds only padding) has no defined
      // output: it is left out of the comparison and of the gradients.
      auto rows = visible(c.nq, c.nk, valid, causal, w).any(-1, true).expand({2, 2, c.nq, 8});
      auto weight = torch::randn({2, 2, c.nq, 8}) * rows.to(torch::kFloat);
      auto ref = masked_dense(q, k, v, valid, causal, w);
      (ref * weight).sum().backward();
      const auto gq = q.grad().clone(), gk = k.grad().clone(), gv = v.grad().clone();
      for (SparseKernel kernel : {SparseKernel::Fused, SparseKernel::Gather}) {
        q.mutable_grad() = torch::Tensor();
        k.mutable_grad() = torch::Tensor();
        v.mutable_grad() = torch::Tensor();
        auto out = windowed(q, k, v, valid, causal, c.block, w, kernel);
        const std::string at = std::to_string(c.nq) + "x" + std::to_string(c.nk) + " B=" + std::to_string(c.block) + " W=" +
                               std::to_string(c.window) + " sinks=" + std::to_string(c.sinks) + (causal ? " causal" : "") +
                               (kernel == SparseKernel::Fused ? " fused" : " gather");
        EXPECT_LE(rel_error(out.masked_select(rows), ref.masked_select(rows)), 1e-5) << at;
        (out * weight).sum().backward();
        EXPECT_LE(rel_error(q.grad(), gq), 1e-4) << at;
        EXPECT_LE(rel_error(k.grad(), gk), 1e-4) << at;
        EXPECT_LE(rel_error(v.grad(), gv), 1e-4) << at;
      }
    }
  }
}

TEST(TokenWindowTest, AWindowOfOneIsTheQueryItself) {
  torch::manual_seed(4);
  auto q = torch::randn({1, 1, 40, 8}), k = torch::randn({1, 1, 40, 8}), v = torch::randn({1, 1, 40, 8});
  auto out = windowed(q, k, v, {}, true, 16, TokenWindow{1, 0}, SparseKernel::Fused);
  EXPECT_LE((out - v).abs().max().item<double>(), 1e-6) << "each query sees only its own key";
}

}  // namespace
}  // namespace etlab
