// SPDX-License-Identifier: MIT
// CUDA checks (label gpu): skipped where LibTorch sees no GPU; .ci/gpu runs them on a lent GPU machine.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/model/transformer.h"

namespace etlab {
namespace {

double rel_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm().clamp_min(1e-12)).item<double>();
}

#define ETLAB_NEED_CUDA() \
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device visible to this LibTorch"

TEST(AttentionGpu, SparseAtAllBlocksEqualsDenseOnCudaWithGradients) {
  ETLAB_NEED_CUDA();
  torch::manual_seed(3);
  const auto opts = torch::TensorOptions().device(torch::kCUDA).dtype(torch::kFloat);
  for (bool causal : {false, true}) {
    auto q = torch::randn({2, 4, 1000, 64}, opts).requires_grad_(), k = torch::randn({2, 4, 1000, 64}, opts).requires_grad_();
    auto v = torch::randn({2, 4, 1000, 64}, opts).requires_grad_();
    auto key_valid = torch::ones({2, 1000}, opts.dtype(torch::kBool));
    key_valid[1].slice(0, 700).fill_(false);
    const BlockGeometry g(1000, 1000, 64);
    auto allowed = allowed_blocks(g, key_valid, 2, causal, opts);
    auto sel = select_top_blocks(torch::randn({2, 4, g.mq, g.mk}, opts), allowed, own_blocks(g, opts), g.mk);
    EXPECT_EQ(sparse_kernel_name(q, SparseKernel::Auto), "block_sparse_gather");
    auto w = torch::randn({2, 4, 1000, 64}, opts) * key_valid.view({2, 1, 1000, 1});
    std::vector<torch::Tensor> got[2];
    for (int m = 0; m < 2; ++m) {
      for (auto* t : {&q, &k, &v})
        if (t->grad().defined()) t->mutable_grad().zero_();
      auto out = m == 0 ? dense_attention(q, k, v, key_valid, causal, DenseKernel::Sdpa)
                        : block_sparse_attention(q, k, v, key_valid, causal, 64, sel.first, sel.second);
      (out * w).sum().backward();
      got[m] = {(out * key_valid.view({2, 1, 1000, 1})).detach(), q.grad().clone(), k.grad().clone(), v.grad().clone()};
    }
    for (size_t i = 0; i < 4; ++i) EXPECT_LE(rel_error(got[1][i], got[0][i]), 1e-5) << "tensor " << i << " causal " << causal;
  }
}

TEST(AttentionGpu, ModelTrainsOneStepOnCuda) {
  ETLAB_NEED_CUDA();
  TransformerOptions o;
  o.model.d_model = 64;
  o.model.heads = 4;
  o.model.layers = 2;
  o.model.ffn = 128;
  o.num_classes = 3;
  o.attention.kind = kinds::kLearnedSparse;
  o.attention.block = 32;
  Transformer model(o);
  model->to(torch::kCUDA);
  torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(1e-3));
  auto tokens = torch::randint(4, 259, {4, 300}, torch::TensorOptions().dtype(torch::kLong).device(torch::kCUDA));
  auto labels = torch::randint(0, 3, {4}, torch::TensorOptions().dtype(torch::kLong).device(torch::kCUDA));
  auto out = model->forward(tokens, {});
  auto loss = torch::nn::functional::cross_entropy(out.logits, labels);
  if (out.aux_loss.defined()) loss = loss + out.aux_loss;
  loss.backward();
  opt.step();
  EXPECT_TRUE(std::isfinite(loss.item<double>()));
  EXPECT_TRUE(out.logits.is_cuda());
}

}  // namespace
}  // namespace etlab
