// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/lora/lora_linear.h"
#include "core/lora/spectra.h"
#include "core/model/transformer.h"

namespace etlab {
namespace {

// An adapter's options as a run configuration gives them.
LoraOptions adapter(int64_t r, double alpha, const std::string& init = "kaiming", bool rslora = false) {
  LoraOptions o;
  o.enabled = true;
  o.r = r;
  o.alpha = alpha;
  o.init = init;
  o.rslora = rslora;
  return o;
}

class LoraTest : public ::testing::Test {
 protected:
  void SetUp() override { torch::manual_seed(11); }
};

TransformerOptions small_model(bool causal) {
  TransformerOptions o;
  o.vocab_size = 50;
  o.model.d_model = 32;
  o.model.heads = 4;
  o.model.layers = 2;
  o.model.ffn = 48;
  o.model.dropout = 0.0;
  o.model.max_len = 64;
  o.model.arch = causal ? "decoder" : "encoder";
  o.model.pooling = causal ? "mean" : "cls";
  o.num_classes = 3;
  o.dense_kernel = DenseKernel::Math;
  return o;
}

TEST_F(LoraTest, AdapterAtInitEqualsBaseModel) {
  for (bool causal : {false, true}) {
    Transformer model(small_model(causal));
    model->eval();
    auto tokens = torch::randint(0, 50, {3, 20}, torch::kLong);
    auto before = model->forward(tokens, {}).logits.detach().clone();
    LoraOptions cfg;
    cfg.enabled = true;
    cfg.r = 4;
    cfg.targets = {"q", "k", "v", "o", "ffn_in", "ffn_out"};
    apply_lora(model, cfg, false);
    auto after = model->forward(tokens, {}).logits;
    EXPECT_TRUE(torch::equal(before, after)) << "B = 0 makes the adapted model exactly the base";
  }
}

TEST_F(LoraTest, MergeAndUnmergeKeepOutputs) {
  for (const std::string init : {"kaiming", "gaussian", "pissa", "olora"}) {
    for (bool rs : {false, true}) {
      LoraLinear layer(24, 40);
      auto base = layer->weight.detach().clone();
      layer->attach_lora(adapter(6, 12.0, init, rs));
      torch::NoGradGuard no_grad;
      layer->lora_B.normal_();  // a trained-looking adapter
      auto x = torch::randn({5, 24});
      auto y = layer->forward(x);
      layer->merge();
      EXPECT_TRUE(layer->merged());
      EXPECT_LE((layer->forward(x) - y).abs().max().item<double>(), 1e-5) << init;
      layer->unmerge();
      EXPECT_LE((layer->forward(x) - y).abs().max().item<double>(), 1e-5) << init;
      if (init == "kaiming" || init == "gaussian") EXPECT_LE((layer->weight - base).abs().max().item<double>(), 1e-5);
      EXPECT_DOUBLE_EQ(layer->scaling, rs ? 12.0 / std::sqrt(6.0) : 2.0);
    }
  }
}

TEST_F(LoraTest, PissaStartsFromPrincipalSubspaceWithoutChangingOutputs) {
  LoraLinear layer(16, 16);
  auto x = torch::randn({4, 16});
  auto y = layer->forward(x).detach().clone();
  layer->attach_lora(adapter(4, 4.0, "pissa"));
  EXPECT_LE((layer->forward(x) - y).abs().max().item<double>(), 1e-5);
  auto s_delta = singular_values(layer->delta_weight());
  auto s_full = singular_values(layer->weight + layer->delta_weight());
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(s_delta[static_cast<size_t>(i)], s_full[static_cast<size_t>(i)], 1e-4);
}

// PEFT's two other initialisations: gaussian (A ~ N(0, 1/r), B = 0) leaves the layer as it was; OLoRA
// (W = QR, B = Q[:, :r], A = R[:r], W keeps the residual) starts on an orthonormal basis of W's columns.
TEST_F(LoraTest, GaussianAndOloraStartAsPeftDoes) {
  LoraLinear g(64, 48);
  auto x = torch::randn({6, 64});
  auto y = g->forward(x).detach().clone();
  g->attach_lora(adapter(8, 16.0, "gaussian"));
  EXPECT_TRUE(torch::equal(g->forward(x), y)) << "B = 0: the adapted layer is the base";
  EXPECT_EQ(g->lora_B.abs().max().item<double>(), 0.0);
  EXPECT_NEAR(g->lora_A.std().item<double>(), 1.0 / 8.0, 0.01);

  LoraLinear o(24, 40);
  const auto w = o->weight.detach().clone();
  auto xo = torch::randn({5, 24});
  auto yo = o->forward(xo).detach().clone();
  o->attach_lora(adapter(6, 12.0, "olora"));
  EXPECT_LE((o->forward(xo) - yo).abs().max().item<double>(), 1e-5) << "W_res + s B A = W";
  EXPECT_LE((o->weight + o->delta_weight() - w).abs().max().item<double>(), 1e-5);
  auto qtq = torch::matmul(o->lora_B.t(), o->lora_B);
  EXPECT_LE((qtq - torch::eye(6)).abs().max().item<double>(), 1e-5) << "B's columns are orthonormal";
  auto full = torch::linalg::qr(w, "reduced");
  EXPECT_LE((o->lora_A - std::get<1>(full).slice(0, 0, 6)).abs().max().item<double>(), 1e-5) << "A = R[:r]";
  EXPECT_THROW(LoraLinear(8, 8)->attach_lora(adapter(2, 4.0, "loftq")), std::invalid_argument);
}

TEST_F(LoraTest, OnlyAdaptersAndHeadTrainUnderLora) {
  Transformer model(small_model(false));
  LoraOptions cfg;
  cfg.enabled = true;
  cfg.r = 2;
  cfg.targets = {"q", "v"};
  apply_lora(model, cfg, false);
  const auto c = count_parameters(*model);
  // 2 layers x 2 targets x r (in + out) + head (32*3 + 3).
  EXPECT_EQ(c.trainable, 2 * 2 * 2 * (32 + 32) + 32 * 3 + 3);
  for (auto& p : model->named_parameters()) {
    const bool should = p.key().find("lora_") != std::string::npos || p.key().find("cls_head") != std::string::npos;
    EXPECT_EQ(p.value().requires_grad(), should) << p.key();
  }
}

int64_t expected_params(const TransformerOptions& o, bool router) {
  const int64_t d = o.model.d_model, f = o.model.ffn;
  int64_t layer = 4 * (d * d + d) + (d * f + f) + (f * d + d) + 2 * (2 * d);
  if (router) layer += 2 * d * o.model.heads * router_settings(o.attention).dim;
  int64_t total = o.vocab_size * d + o.model.layers * layer + 2 * d;
  if (o.num_classes > 0) total += d * o.num_classes + o.num_classes;
  if (!o.model.tie_embeddings) total += d * o.vocab_size;
  return total;
}

TEST_F(LoraTest, ParameterCountsMatchFormula) {
  auto o = small_model(false);
  Transformer dense(o);
  EXPECT_EQ(count_parameters(*dense).total, expected_params(o, false));
  o.attention.kind = kinds::kLearnedSparse;
  o.model.tie_embeddings = false;
  o.num_classes = 0;
  Transformer sparse(o);
  EXPECT_EQ(count_parameters(*sparse).total, expected_params(o, true));
}

TEST_F(LoraTest, BertBaseShapeBuildsAndCounts) {
  TransformerOptions o;
  o.vocab_size = 30522;
  o.model.d_model = 768;
  o.model.heads = 12;
  o.model.layers = 12;
  o.model.ffn = 3072;
  o.model.max_len = 513;
  o.num_classes = 2;
  Transformer bert(o);
  const auto c = count_parameters(*bert);
  EXPECT_EQ(c.total, expected_params(o, false));
  // BERT-base has ~110M with learned positions and token types; rotary positions have no table.
  EXPECT_GT(c.total, 100'000'000);
  EXPECT_LT(c.total, 112'000'000);
}

TEST_F(LoraTest, SpectraOfKnownMatrices) {
  auto u = std::get<0>(torch::linalg::qr(torch::randn({20, 20}), "reduced"));
  auto v = std::get<0>(torch::linalg::qr(torch::randn({10, 10}), "reduced"));
  auto s = torch::tensor({5.0, 3.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0});
  auto m = torch::matmul(u.slice(1, 0, 10) * s, v.t());
  auto sv = singular_values(m);
  EXPECT_NEAR(sv[0], 5.0, 1e-4);
  EXPECT_NEAR(sv[2], 1.0, 1e-4);
  EXPECT_NEAR(stable_rank(sv), (25.0 + 9.0 + 1.0) / 25.0, 1e-4);
  const double p0 = 5.0 / 9, p1 = 3.0 / 9, p2 = 1.0 / 9;
  EXPECT_NEAR(effective_rank(sv), std::exp(-(p0 * std::log(p0) + p1 * std::log(p1) + p2 * std::log(p2))), 1e-3);
  EXPECT_EQ(stable_rank(std::vector<float>(4, 0.0f)), 0.0);
}

TEST_F(LoraTest, CausalModelIgnoresTheFuture) {
  Transformer model(small_model(true));
  model->eval();
  auto tokens = torch::randint(0, 50, {1, 30}, torch::kLong);
  auto changed = tokens.clone();
  changed[0][25] = (changed[0][25].item<int64_t>() + 1) % 50;
  auto a = model->forward(tokens, {}, nullptr, true).logits, b = model->forward(changed, {}, nullptr, true).logits;
  EXPECT_LE((a.slice(1, 0, 25) - b.slice(1, 0, 25)).abs().max().item<double>(), 1e-6);
  EXPECT_GT((a.slice(1, 25) - b.slice(1, 25)).abs().max().item<double>(), 1e-4);
}

}  // namespace
}  // namespace etlab
