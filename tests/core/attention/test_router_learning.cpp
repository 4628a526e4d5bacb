// SPDX-License-Identifier: MIT
// The learned router must learn *where* to look: on a task whose answer sits in one known distant
// block, its hit rate on that block rises from chance to >= 90%, and a frozen router stays near chance.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/data/retrieval.h"
#include "core/model/transformer.h"

namespace etlab {
namespace {

constexpr int64_t kLength = 255, kBlock = 32;  // with CLS: 256 tokens, 8 blocks

struct Data {
  torch::Tensor tokens, labels, answer_block;
};

Data make_data(int64_t count, uint64_t seed) {
  auto ex = generate_retrieval(count, seed, kLength, 2 * kBlock);
  Data d;
  d.tokens = torch::empty({count, kLength + 1}, torch::kLong);
  d.labels = torch::empty({count}, torch::kLong);
  d.answer_block = torch::empty({count}, torch::kLong);
  for (int64_t i = 0; i < count; ++i) {
    d.tokens[i][0] = RetrievalTokenizer().cls_id();
    for (int64_t j = 0; j < kLength; ++j) d.tokens[i][j + 1] = ex[static_cast<size_t>(i)].tokens[static_cast<size_t>(j)];
    d.labels[i] = ex[static_cast<size_t>(i)].label;
    d.answer_block[i] = (ex[static_cast<size_t>(i)].answer_pos + 1) / kBlock;
  }
  return d;
}

struct Outcome {
  double hit_rate_before = 0, hit_rate_after = 0, accuracy = 0;
};

// Share of examples whose first query block (holding CLS) selects the answer block, best head.
double hit_rate(Transformer& model, const Data& d) {
  torch::NoGradGuard no_grad;
  model->eval();
  TraceRequest trace;
  model->forward(d.tokens, {}, &trace);
  model->train();
  const auto& sel = trace.layers[0].selection;  // [B, H, Mq, Mk]
  double best = 0;
  for (int64_t h = 0; h < sel.size(1); ++h) {
    auto row = sel.select(1, h).select(1, 0);  // [B, Mk]
    auto hits = row.gather(1, d.answer_block.view({-1, 1})).to(torch::kFloat).mean().item<double>();
    best = std::max(best, hits);
  }
  return best;
}

Outcome train_router(bool freeze_router) {
  torch::manual_seed(3);
  TransformerOptions o;
  o.vocab_size = RetrievalTokenizer::kVocab;
  o.model.d_model = 32;
  o.model.heads = 2;
  o.model.layers = 1;
  o.model.ffn = 64;
  o.model.dropout = 0.0;
  o.model.max_len = kLength + 1;
  o.model.pooling = "cls";
  o.num_classes = RetrievalTokenizer::kValues;
  o.attention.kind = kinds::kLearnedSparse;
  o.attention.block = kBlock;
  o.attention.topk = 2;  // own block + one more: chance of picking the answer block is 1/7
  o.attention.set("router_dim", 16);
  o.dense_kernel = DenseKernel::Math;
  Transformer model(o);
  if (freeze_router) set_router_trainable(model, false);
  auto train = make_data(2048, 1), test = make_data(512, 2);
  Outcome out;
  out.hit_rate_before = hit_rate(model, test);
  std::vector<torch::Tensor> params;
  for (auto& p : model->parameters())
    if (p.requires_grad()) params.push_back(p);
  torch::optim::AdamW opt(params, torch::optim::AdamWOptions(3e-3).weight_decay(0.0));
  const int64_t steps = 800, batch = 32;
  for (int64_t step = 0; step < steps; ++step) {
    model->set_dense_mode(step < steps / 2);  // the sparsity-learning phase, then sparse training
    auto idx = torch::randint(0, 2048, {batch}, torch::kLong);
    auto out_m = model->forward(train.tokens.index_select(0, idx), {});
    auto loss = torch::nn::functional::cross_entropy(out_m.logits, train.labels.index_select(0, idx));
    if (out_m.aux_loss.defined()) loss = loss + out_m.aux_loss;
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  out.hit_rate_after = hit_rate(model, test);
  torch::NoGradGuard no_grad;
  model->eval();
  out.accuracy = model->forward(test.tokens, {}).logits.argmax(-1).eq(test.labels).to(torch::kFloat).mean().item<double>();
  return out;
}

TEST(RouterSlow, LearnedRouterFindsTheAnswerBlock) {
  const Outcome learned = train_router(false);
  const Outcome frozen = train_router(true);
  std::printf("learned router: hit rate %.3f -> %.3f, sparse accuracy %.3f\n", learned.hit_rate_before,
              learned.hit_rate_after, learned.accuracy);
  std::printf("frozen router:  hit rate %.3f -> %.3f, sparse accuracy %.3f\n", frozen.hit_rate_before, frozen.hit_rate_after,
              frozen.accuracy);
  EXPECT_LT(learned.hit_rate_before, 0.4) << "starts near chance (1/7 per head)";
  EXPECT_GE(learned.hit_rate_after, 0.9);
  EXPECT_LT(frozen.hit_rate_after, 0.4);
  EXPECT_GT(learned.accuracy, frozen.accuracy);
}

}  // namespace
}  // namespace etlab
