// SPDX-License-Identifier: MIT
// sliding_window: token-exact local attention. A query at key position i sees keys j with
// i - W < j <= i (causal, as transformers' Mistral `sliding_window` masks) or |i - j| < W (bidirectional),
// and always the first `sinks` keys (StreamingLLM's attention sinks). It runs on the block kernel: each
// query block keeps the key blocks its window touches (plus the sinks' blocks) and the kernel masks
// inside the edge blocks, so work is O(n (W + sinks)) and it differs from fixed_sparse's block-granular
// local pattern by exactly the tokens outside the window.
#include <algorithm>
#include <vector>

#include "core/config/attention_kind.h"
#include "core/config/model_family.h"

namespace etlab {

namespace {

BlockPattern window_pattern(const nlohmann::json& params, const PatternGeometry& g) {
  const int64_t window = params.value("window", int64_t{256}), sinks = params.value("sinks", int64_t{0});
  const int64_t sink_blocks = std::min(g.mk, (std::min(sinks, g.nk) + g.block - 1) / g.block);
  // Key blocks [first, last] the window of query block i reaches.
  auto reach = [&](int64_t i) {
    const int64_t q_first = i * g.block + g.offset, q_last = std::min(g.nq, (i + 1) * g.block) - 1 + g.offset;
    const int64_t k_first = std::max<int64_t>(0, q_first - window + 1);
    const int64_t k_last = std::min(g.nk - 1, g.causal ? q_last : q_last + window - 1);
    return std::pair<int64_t, int64_t>{k_first / g.block, std::max<int64_t>(0, k_last) / g.block};
  };
  // The sink blocks the window does not already reach (after it too, without causality).
  auto extra_sinks = [&](int64_t lo, int64_t hi) {
    std::vector<int64_t> out;
    for (int64_t j = 0; j < sink_blocks; ++j)
      if (j < lo || j > hi) out.push_back(j);
    return out;
  };
  int64_t slots = 1;
  for (int64_t i = 0; i < g.mq; ++i) {
    const auto [lo, hi] = reach(i);
    slots = std::max(slots, (hi - lo + 1) + static_cast<int64_t>(extra_sinks(lo, hi).size()));
  }
  BlockPattern out;
  out.reset(g, std::min(slots, g.mk));
  out.tokens = {window, sinks};
  for (int64_t h = 0; h < g.heads; ++h)
    for (int64_t i = 0; i < g.mq; ++i) {
      const auto [lo, hi] = reach(i);
      float next = 1e6f;
      for (int64_t j = hi; j >= lo; --j) out.at(g, h, i, j) = next--;  // nearest first
      for (const int64_t j : extra_sinks(lo, hi)) out.at(g, h, i, j) = next--;
    }
  return out;
}

}  // namespace

AttentionKind sliding_window_kind() {
  AttentionKind k;
  k.name = "sliding_window";
  k.help = "token-exact sliding window (Mistral's sliding_window) plus attention sinks";
  k.order = 3;
  k.uses_topk = false;
  k.keys = {int_key("attention.window", 256, 1, 1 << 20,
                    "sliding_window: tokens a query sees back to (and including) itself, i - W < j <= i; |i - j| < W without causality"),
            int_key("attention.sinks", 0, 0, 1 << 20, "sliding_window: first tokens every query always sees (attention sinks)")};
  k.form_keys = {"attention.window", "attention.sinks"};
  k.check = [](const KindCheckContext& c, std::vector<ConfigIssue>& out) {
    // A window measures the distance between positions of one sequence: cross-attention has two.
    const nlohmann::json& m = c.config["model"];
    if (model_family(m["arch"].get<std::string>(), m["patch"].get<int64_t>()).decoder_stack)
      out.push_back({"attention.kind", "sliding_window measures distances within one sequence; the \"" + m["arch"].get<std::string>() +
                                           "\" architecture's cross-attention relates two (use it with an encoder or a decoder)"});
  };
  k.method = [](const nlohmann::json& params) {  // "sliding_window:w40", "sliding_window:w40,s1"
    const int64_t sinks = params.value("sinks", int64_t{0});
    return "sliding_window:w" + std::to_string(params.value("window", int64_t{256})) +
           (sinks > 0 ? ",s" + std::to_string(sinks) : std::string());
  };
  k.pattern = window_pattern;
  return k;
}

}  // namespace etlab
