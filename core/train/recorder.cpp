// SPDX-License-Identifier: MIT
#include "core/lora/spectra.h"
#include "core/train/session.h"

namespace etlab {

std::vector<uint8_t> pack_bits(const torch::Tensor& mask) {
  auto m = mask.to(torch::kCPU).to(torch::kBool).contiguous().view({-1});
  const int64_t n = m.numel();
  std::vector<uint8_t> bits(static_cast<size_t>((n + 7) / 8), 0);
  const bool* p = m.data_ptr<bool>();
  for (int64_t i = 0; i < n; ++i)
    if (p[i]) bits[static_cast<size_t>(i >> 3)] |= static_cast<uint8_t>(1u << (i & 7));
  return bits;
}

namespace {

std::vector<float> to_floats(const torch::Tensor& t) {
  auto c = t.to(torch::kCPU, torch::kFloat).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

void record_probes(Session& s, bool with_probs, LogBatch& out) {
  torch::NoGradGuard no_grad;
  s.model->eval();
  const bool lm = s.data.lm;
  for (const auto& probe : s.probes) {
    Example ex;
    ex.tokens = probe.tokens;
    ex.label = probe.label;
    auto batch = make_batch({&ex}, s.data.pad_id, lm, s.device);
    const int64_t n = batch.tokens.size(1);
    TraceRequest trace;
    // Full-resolution probabilities for the first probe up to probe.max_prob_tokens; block-pooled
    // otherwise, which keeps a run's probability maps to a few megabytes.
    trace.want_probs = with_probs && probe.idx == 0 && n <= s.config.probe.max_prob_tokens;
    trace.want_pooled = with_probs && !trace.want_probs;
    s.model->forward(batch.tokens, batch.valid, &trace, lm);  // an encoder-decoder traces its encoder
    for (size_t layer = 0; layer < trace.layers.size(); ++layer) {
      const auto& t = trace.layers[layer];
      const int64_t heads = t.selection.size(1), mq = t.selection.size(2), mk = t.selection.size(3);
      for (int64_t h = 0; h < heads; ++h) {
        SelectionRecord sel;
        sel.probe = probe.idx;
        sel.step = s.step;
        sel.layer = static_cast<int>(layer);
        sel.head = static_cast<int>(h);
        sel.q_blocks = mq;
        sel.k_blocks = mk;
        sel.block = t.block;
        sel.bits = pack_bits(t.selection[0][h]);
        out.selections.push_back(std::move(sel));
        const torch::Tensor& p = trace.want_probs ? t.probs : t.pooled;
        if (!p.defined()) continue;
        ProbRecord pr;
        pr.probe = probe.idx;
        pr.step = s.step;
        pr.layer = static_cast<int>(layer);
        pr.head = static_cast<int>(h);
        pr.rows = p.size(2);
        pr.cols = p.size(3);
        pr.pooled = !trace.want_probs;
        pr.values = to_floats(p[0][h]);
        out.probabilities.push_back(std::move(pr));
      }
    }
  }
  s.model->train();
}

void record_spectra(Session& s, bool with_vectors, LogBatch& out) {
  torch::NoGradGuard no_grad;
  const bool lora = s.config.lora.enabled;
  for (auto& a : s.model->adaptable()) {
    torch::Tensor delta;
    if (lora) {
      if (!a.module->has_lora()) continue;
      delta = a.module->delta_weight();
      auto init = s.lora_initial_delta.find(a.type + ":" + std::to_string(a.layer));
      if (init != s.lora_initial_delta.end()) delta = delta - init->second;
    } else {
      auto it = s.base_weights.find(a.type + ":" + std::to_string(a.layer));
      if (it == s.base_weights.end()) continue;
      delta = a.module->weight - it->second;
    }
    SpectrumRecord rec;
    rec.step = s.step;
    rec.module = a.type;
    rec.layer = static_cast<int>(a.layer);
    rec.kind = lora ? "lora" : "full";
    rec.singular = singular_values(delta);
    // A LoRA update has rank <= r (<= 2r for PiSSA, measured from its start): keep those values only.
    const int64_t max_rank = a.module->lora_A.defined() ? a.module->lora_A.size(0) * (s.lora_initial_delta.empty() ? 1 : 2) : 0;
    if (lora && static_cast<int64_t>(rec.singular.size()) > max_rank) rec.singular.resize(static_cast<size_t>(max_rank));
    rec.stable_rank = stable_rank(rec.singular);
    rec.effective_rank = effective_rank(rec.singular);
    out.spectra.push_back(std::move(rec));
    if (with_vectors && lora) {
      AdapterVectorsRecord v;
      v.step = s.step;
      v.module = a.type;
      v.layer = static_cast<int>(a.layer);
      v.cols = a.module->lora_A.size(1);
      v.data = top_right_singular_vectors(a.module->lora_A, a.module->lora_A.size(0));
      v.rows = static_cast<int64_t>(v.data.size()) / v.cols;
      out.adapter_vectors.push_back(std::move(v));
    }
  }
}

}  // namespace etlab
