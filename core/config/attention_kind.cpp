// SPDX-License-Identifier: MIT
#include "core/config/attention_kind.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace etlab {

int64_t resolve_topk(int64_t n, int64_t block, int64_t topk, double c) {
  const int64_t blocks = std::max<int64_t>(1, (n + block - 1) / block);
  int64_t k = topk;
  if (k <= 0) {
    const double ratio = std::max(1.0, static_cast<double>(n) / static_cast<double>(block));
    k = static_cast<int64_t>(std::ceil(c * std::log2(ratio)));
  }
  return std::clamp<int64_t>(k, 1, blocks);
}

bool TokenWindow::sees(int64_t query_pos, int64_t key_pos, bool causal) const {
  if (causal && key_pos > query_pos) return false;
  if (!active() || key_pos < sinks) return true;
  const int64_t d = query_pos - key_pos;
  return causal ? d < window : (d < window && -d < window);
}

PatternGeometry::PatternGeometry(int64_t nq_, int64_t nk_, int64_t block_, bool causal_, int64_t heads_, int64_t topk_,
                                 int64_t layer_)
    : nq(nq_), nk(nk_), block(block_), mq((nq_ + block_ - 1) / block_), mk((nk_ + block_ - 1) / block_),
      offset(nk_ - nq_), causal(causal_), heads(heads_), topk(topk_), layer(layer_) {}

int64_t PatternGeometry::own_block(int64_t i) const {
  return std::clamp<int64_t>(i * block + offset, 0, nk - 1) / block;
}

void BlockPattern::reset(const PatternGeometry& g, int64_t slots) {
  k = slots;
  priority.assign(static_cast<size_t>(g.heads * g.mq * g.mk), -std::numeric_limits<float>::infinity());
}

namespace {

// A kind fits beside the others when its keys are its own and its construction is one of the three.
void check_kind(const AttentionKind& k, const std::deque<AttentionKind>& registered) {
  auto fail = [&](const std::string& why) { throw std::invalid_argument("attention kind '" + k.name + "': " + why); };
  if (k.name.find_first_of(":+ ") != std::string::npos) fail("a name may not contain ':', '+' or spaces (method labels use them)");
  if (k.learned && k.pattern) fail("a kind is either learned (a router) or a static pattern, not both");
  if (k.sparse && !k.learned && !k.pattern) fail("a sparse kind needs a pattern or a learned router");
  if (!k.sparse && (k.learned || k.pattern)) fail("a dense kind selects no blocks");
  static const char* common[] = {"attention.kind", "attention.block", "attention.topk", "attention.c", "attention.dense_impl"};
  for (const FieldSpec& f : k.keys) {
    if (f.path.rfind("attention.", 0) != 0 || f.path.find('.', 10) != std::string::npos)
      fail("its key '" + f.path + "' must be attention.<name>");
    for (const char* c : common)
      if (f.path == c) fail("its key '" + f.path + "' is a common attention key");
    for (const auto& other : registered)
      for (const FieldSpec& g : other.keys)
        if (g.path == f.path) fail("its key '" + f.path + "' belongs to kind '" + other.name + "'");
  }
  for (const auto& key : k.form_keys) {
    bool own = false;
    for (const FieldSpec& f : k.keys) own = own || f.path == key;
    if (!own) fail("its form key '" + key + "' is not one of its keys");
  }
}

}  // namespace

Registry<AttentionKind>& attention_kinds() {
  static Registry<AttentionKind>* registry = [] {
    auto* r = new Registry<AttentionKind>("attention kind", check_kind);
    register_builtin_attention_kinds(*r);
    return r;
  }();
  return *registry;
}

const AttentionKind& attention_kind(const std::string& name) { return attention_kinds().at(name); }

std::vector<const AttentionKind*> kinds_in_order() {
  auto all = attention_kinds().all();
  std::stable_sort(all.begin(), all.end(), [](const AttentionKind* a, const AttentionKind* b) { return a->order < b->order; });
  return all;
}

const AttentionKind* kind_of_method(const std::string& method) {
  return attention_kinds().find(method.substr(0, method.find_first_of(":+")));
}

bool is_plain_kind_method(const std::string& method) {
  return kind_of_method(method) != nullptr && method.find('+') == std::string::npos;
}

nlohmann::json kind_default_params(const AttentionKind& kind) {
  nlohmann::json out = nlohmann::json::object();
  for (const FieldSpec& f : kind.keys) out[f.path.substr(f.path.find('.') + 1)] = f.default_value;
  return out;
}

const AttentionKind& reference_kind() {
  for (const AttentionKind* k : kinds_in_order())
    if (!k->sparse) return *k;
  throw std::logic_error("no dense attention kind is registered");
}

}  // namespace etlab
