// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/data/rng.h"
#include "core/train/session.h"

namespace etlab {

Batch make_batch(const std::vector<const Example*>& examples, int32_t pad_id, bool lm, const torch::Device& device) {
  const auto B = static_cast<int64_t>(examples.size());
  int64_t n = 0;
  for (const auto* e : examples) n = std::max<int64_t>(n, static_cast<int64_t>(e->tokens.size()) - (lm ? 1 : 0));
  auto tokens = torch::full({B, n}, static_cast<int64_t>(pad_id), torch::kLong);
  auto valid = torch::zeros({B, n}, torch::kBool);
  auto labels = lm ? torch::full({B, n}, int64_t{-100}, torch::kLong) : torch::empty({B}, torch::kLong);
  auto t = tokens.accessor<int64_t, 2>();
  auto v = valid.accessor<bool, 2>();
  Batch batch;
  for (int64_t i = 0; i < B; ++i) {
    const auto& ids = examples[static_cast<size_t>(i)]->tokens;
    const auto len = static_cast<int64_t>(ids.size()) - (lm ? 1 : 0);
    for (int64_t j = 0; j < len; ++j) {
      t[i][j] = ids[static_cast<size_t>(j)];
      v[i][j] = true;
    }
    if (lm) {
      auto l = labels.accessor<int64_t, 2>();
      for (int64_t j = 0; j < len; ++j) l[i][j] = ids[static_cast<size_t>(j + 1)];
    } else {
      labels.accessor<int64_t, 1>()[i] = examples[static_cast<size_t>(i)]->label;
    }
    batch.real_tokens += len;
  }
  batch.tokens = tokens.to(device);
  batch.valid = valid.to(device);
  batch.labels = labels.to(device);
  if (B > 0 && !examples.front()->target.empty()) {
    // Sequence to sequence: decoder input = target without its last id, labels = without its first.
    int64_t T = 1;
    for (const auto* e : examples) T = std::max<int64_t>(T, static_cast<int64_t>(e->target.size()) - 1);
    auto dec = torch::full({B, T}, static_cast<int64_t>(pad_id), torch::kLong);
    auto dv = torch::zeros({B, T}, torch::kBool);
    auto lab = torch::full({B, T}, int64_t{-100}, torch::kLong);
    auto d = dec.accessor<int64_t, 2>();
    auto m = dv.accessor<bool, 2>();
    auto l = lab.accessor<int64_t, 2>();
    for (int64_t i = 0; i < B; ++i) {
      const auto& ids = examples[static_cast<size_t>(i)]->target;
      const auto len = static_cast<int64_t>(ids.size()) - 1;
      for (int64_t j = 0; j < len; ++j) {
        d[i][j] = ids[static_cast<size_t>(j)];
        m[i][j] = true;
        l[i][j] = ids[static_cast<size_t>(j + 1)];
      }
      batch.real_tokens += len;
    }
    batch.dec_tokens = dec.to(device);
    batch.dec_valid = dv.to(device);
    batch.labels = lab.to(device);
  }
  return batch;
}

ModelOutput forward_batch(Transformer& model, const Batch& batch, bool lm, TraceRequest* trace) {
  if (batch.dec_tokens.defined()) return model->forward_seq2seq(batch.tokens, batch.valid, batch.dec_tokens, batch.dec_valid, trace);
  return model->forward(batch.tokens, batch.valid, trace, lm);
}

torch::Tensor task_loss(const ModelOutput& out, const Batch& batch, bool lm) {
  namespace F = torch::nn::functional;
  if (lm || batch.dec_tokens.defined()) {
    const int64_t V = out.logits.size(-1);
    return F::cross_entropy(out.logits.reshape({-1, V}), batch.labels.reshape({-1}),
                            F::CrossEntropyFuncOptions().ignore_index(-100));
  }
  return F::cross_entropy(out.logits, batch.labels);
}

void Session::shuffle_epoch() {
  const auto n = static_cast<int64_t>(data.train.size());
  order.resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
  // Fisher-Yates with the platform-independent generator: the order depends on (seed, epoch) only.
  SplitMix64 rng(static_cast<uint64_t>(config.train.seed) * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(epoch) + 1);
  for (int64_t i = n - 1; i > 0; --i)
    std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(rng.below(static_cast<uint64_t>(i + 1)))]);
}

std::vector<const Example*> Session::next_examples() {
  if (data.train.empty()) throw std::runtime_error("the training split is empty");
  std::vector<const Example*> out;
  const auto per_rank = static_cast<size_t>(config.train.batch);
  const auto want = per_rank * static_cast<size_t>(world);
  while (out.size() < want) {
    if (order.empty() || cursor >= static_cast<int64_t>(order.size())) {
      if (!order.empty()) ++epoch;
      cursor = 0;
      shuffle_epoch();
    }
    out.push_back(&data.train[static_cast<size_t>(order[static_cast<size_t>(cursor++)])]);
  }
  if (world == 1) return out;
  const auto from = out.begin() + static_cast<std::ptrdiff_t>(per_rank * static_cast<size_t>(rank));
  return {from, from + static_cast<std::ptrdiff_t>(per_rank)};
}

std::vector<EvalPoint> evaluate(Session& s, const std::vector<Example>& split, const std::string& name, int64_t max_batches) {
  torch::NoGradGuard no_grad;
  s.model->eval();
  const bool lm = s.data.lm, seq2seq = s.data.seq2seq;
  const auto classes = static_cast<int64_t>(s.data.class_names.size());
  double loss_sum = 0.0;
  int64_t count = 0, correct = 0, batches = 0;
  std::vector<int64_t> tp(static_cast<size_t>(std::max<int64_t>(classes, 1)), 0), fp(tp), fn(tp);
  const auto bs = static_cast<size_t>(s.config.train.batch);
  for (size_t start = 0; start < split.size(); start += bs) {
    if (max_batches > 0 && batches >= max_batches) break;
    std::vector<const Example*> ex;
    for (size_t i = start; i < std::min(split.size(), start + bs); ++i)
      if (lm || seq2seq || split[i].label >= 0) ex.push_back(&split[i]);
    if (ex.empty()) continue;
    ++batches;
    auto batch = make_batch(ex, s.data.pad_id, lm, s.device);
    auto out = forward_batch(s.model, batch, lm);
    auto loss = task_loss(out, batch, lm);
    if (lm) {
      loss_sum += loss.item<double>() * static_cast<double>(batch.real_tokens);
      count += batch.real_tokens;
    } else if (seq2seq) {
      // Per target token (the source's tokens are read, not predicted); teacher-forced: each target
      // token is predicted from the source and the target tokens before it.
      const auto scored = batch.labels.ne(-100);
      const int64_t n = scored.sum().item<int64_t>();
      loss_sum += loss.item<double>() * static_cast<double>(n);
      count += n;
      correct += (out.logits.argmax(-1) == batch.labels).logical_and(scored).sum().item<int64_t>();
    } else {
      const auto n = static_cast<int64_t>(ex.size());
      loss_sum += loss.item<double>() * static_cast<double>(n);
      count += n;
      auto pred = out.logits.argmax(-1).to(torch::kCPU);
      auto lab = batch.labels.to(torch::kCPU);
      auto p = pred.accessor<int64_t, 1>();
      auto l = lab.accessor<int64_t, 1>();
      for (int64_t i = 0; i < n; ++i) {
        if (p[i] == l[i]) { ++correct; ++tp[static_cast<size_t>(l[i])]; }
        else { ++fp[static_cast<size_t>(p[i])]; ++fn[static_cast<size_t>(l[i])]; }
      }
    }
  }
  s.model->train();
  std::vector<EvalPoint> out;
  if (count == 0) return out;
  const double mean_loss = loss_sum / static_cast<double>(count);
  out.push_back({s.step, name, "loss", mean_loss});
  if (lm || seq2seq) {
    out.push_back({s.step, name, "perplexity", std::exp(std::min(mean_loss, 50.0))});
    if (seq2seq) out.push_back({s.step, name, "accuracy", static_cast<double>(correct) / static_cast<double>(count)});
  } else {
    out.push_back({s.step, name, "accuracy", static_cast<double>(correct) / static_cast<double>(count)});
    // Macro-F1 over the classes that occur in the labels or the predictions of this split.
    double f1_sum = 0.0;
    int64_t f1_classes = 0;
    for (int64_t c = 0; c < classes; ++c) {
      const auto i = static_cast<size_t>(c);
      if (tp[i] + fp[i] + fn[i] == 0) continue;
      f1_sum += 2.0 * static_cast<double>(tp[i]) / static_cast<double>(2 * tp[i] + fp[i] + fn[i]);
      ++f1_classes;
    }
    out.push_back({s.step, name, "macro_f1", f1_classes ? f1_sum / static_cast<double>(f1_classes) : 0.0});
  }
  return out;
}

}  // namespace etlab
