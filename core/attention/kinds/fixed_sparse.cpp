// SPDX-License-Identifier: MIT
// fixed_sparse: content-independent block patterns on the same kernel and with the same k as
// learned_sparse, so that learned and fixed selection compare at equal density.
#include <algorithm>
#include <cmath>

#include "core/config/attention_kind.h"
#include "core/data/rng.h"

namespace etlab {

namespace {

// Priorities per (head, query block, key block): the pattern's blocks get descending priorities in the
// order they should be kept; the engine then keeps the own block and the best k the query may see.
//  - local:   the own block and its nearest neighbours (only earlier ones when causal);
//  - strided: the own block plus blocks at multiples of stride = max(1, Mk / k) behind (and, when not
//             causal, ahead of) it, as in the Sparse Transformer's strided pattern;
//  - bigbird: global_blocks first blocks + a local window + random_blocks random blocks (fixed per
//             layer and head).
BlockPattern fixed_pattern(const nlohmann::json& params, const PatternGeometry& g) {
  const std::string pattern = params.value("pattern", std::string("local"));
  const int64_t global_blocks = params.value("global_blocks", int64_t{1}), random_blocks = params.value("random_blocks", int64_t{1});
  const int64_t mk = g.mk, k = std::min(g.topk, mk);
  const uint64_t seed = static_cast<uint64_t>(g.layer) + 1;
  BlockPattern out;
  out.reset(g, k);
  for (int64_t h = 0; h < g.heads; ++h) {
    SplitMix64 rng(seed * 1000003ULL + static_cast<uint64_t>(h));
    for (int64_t i = 0; i < g.mq; ++i) {
      const int64_t o = g.own_block(i);
      float next = 1e6f;
      auto take = [&](int64_t j) {
        if (j >= 0 && j < mk && !(g.causal && j > o) && std::isinf(out.at(g, h, i, j))) out.at(g, h, i, j) = next--;
      };
      take(o);
      if (pattern == "bigbird") {
        for (int64_t j = 0; j < global_blocks; ++j) take(j);
        // Random blocks drawn among the blocks the query may see (fixed per layer, head, block).
        const int64_t limit = g.causal ? o + 1 : mk;
        for (int64_t r = 0, tries = 0; r < random_blocks && tries < 64 * (random_blocks + 1); ++tries) {
          const int64_t j = static_cast<int64_t>(rng.below(static_cast<uint64_t>(std::max<int64_t>(1, limit))));
          if (std::isinf(out.at(g, h, i, j))) { take(j); ++r; }
        }
      }
      if (pattern == "strided") {
        const int64_t stride = std::max<int64_t>(1, mk / std::max<int64_t>(1, k));
        for (int64_t d = 1; d < mk; ++d) {
          take(o - d * stride);
          if (!g.causal) take(o + d * stride);
        }
      }
      // local window (also fills bigbird's window and any slots a pattern left open)
      for (int64_t d = 1; d < mk; ++d) {
        take(o - d);
        if (!g.causal) take(o + d);
      }
    }
  }
  return out;
}

}  // namespace

AttentionKind fixed_sparse_kind() {
  AttentionKind k;
  k.name = kinds::kFixedSparse;
  k.help = "fixed block patterns (local, strided, bigbird) at the same k";
  k.order = 2;
  k.keys = {enum_key("attention.pattern", "local", {"local", "strided", "bigbird"}, "fixed_sparse pattern"),
            int_key("attention.global_blocks", 1, 0, 4096, "bigbird: global key blocks"),
            int_key("attention.random_blocks", 1, 0, 4096, "bigbird: random key blocks")};
  k.form_keys = {"attention.pattern"};
  k.check = [](const KindCheckContext& c, std::vector<ConfigIssue>& out) {
    const nlohmann::json& a = c.config["attention"];
    if (a["pattern"] != "bigbird") return;
    const auto g = a["global_blocks"].get<long long>(), r = a["random_blocks"].get<long long>();
    if (g + r + 1 > c.k)
      out.push_back({"attention.random_blocks", "bigbird needs global_blocks + random_blocks + 1 (own block) <= k = " +
                                                    std::to_string(c.k) + " (got " + std::to_string(g + r + 1) + ")"});
  };
  k.method = [](const nlohmann::json& params) {
    return std::string(kinds::kFixedSparse) + ":" + params.value("pattern", std::string("local"));
  };
  k.pattern = fixed_pattern;
  return k;
}

}  // namespace etlab
