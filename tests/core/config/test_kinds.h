// SPDX-License-Identifier: MIT
#pragma once

// Test-only variants, registered from a test binary (no core file knows them): an attention kind with a
// static pattern and a key of its own, and a LoRA forward form's name (torch-free: the schema, `keys` and
// the New run dialog see them; core tests add the form's computation in core/lora's registry).

#include <algorithm>

#include "core/config/attention_kind.h"
#include "core/config/lora_axes.h"

namespace etlab::test {

// Own block plus every `stride`-th block behind it: a static pattern no built-in kind draws.
inline AttentionKind every_other_kind() {
  AttentionKind k;
  k.name = "test_every_other";
  k.help = "test only: own block and every stride-th block before it";
  k.order = 50;
  k.keys = {int_key("attention.test_stride", 2, 1, 64, "test_every_other: distance between kept blocks")};
  k.form_keys = {"attention.test_stride"};
  k.check = [](const KindCheckContext& c, std::vector<ConfigIssue>& out) {
    if (c.config["attention"]["test_stride"].get<int64_t>() > c.blocks)
      out.push_back({"attention.test_stride", "is longer than the sequence's " + std::to_string(c.blocks) + " blocks"});
  };
  k.pattern = [](const nlohmann::json& params, const PatternGeometry& g) {
    const int64_t stride = params.value("test_stride", int64_t{2});
    BlockPattern p;
    p.reset(g, g.topk);
    for (int64_t h = 0; h < g.heads; ++h)
      for (int64_t i = 0; i < g.mq; ++i) {
        float next = 1e6f;
        for (int64_t j = g.own_block(i); j >= 0; j -= stride) p.at(g, h, i, j) = next--;
      }
    return p;
  };
  return k;
}

inline void register_test_variants() {
  if (!attention_kinds().find("test_every_other")) attention_kinds().add(every_other_kind());
  if (!lora_forms().find("test_half")) lora_forms().add({"test_half", "test only: half the plain update"});
}

}  // namespace etlab::test
