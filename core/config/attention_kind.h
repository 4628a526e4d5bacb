// SPDX-License-Identifier: MIT
#pragma once

// Attention kinds, torch-free: the one table every part of etlab reads a kind from. A kind is one
// entry: its name (spelled once), its schema keys and their checks, how it is built (a static block
// pattern, a learned router, or exact dense attention), whether `bench attention` runs it, and its
// place (which gives its colour and marker) and label in charts. The LibTorch side (core/attention) builds a kind from this entry;
// nothing else branches on a kind's name.
//
//   AttentionKind k;
//   k.name = "every_other";
//   k.pattern = [](const nlohmann::json&, const PatternGeometry& g) { ... };
//   attention_kinds().add(std::move(k));   // validates, trains, benchmarks and shows up in New run

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config_schema.h"
#include "core/config/registry.h"

namespace etlab {

/// The kinds other code names (the dense reference, the review study's arms). Each name is spelled
/// here once, and the kind's own file registers under it; kinds nobody names spell it in their file.
namespace kinds {
inline constexpr const char* kDense = "dense";
inline constexpr const char* kLearnedSparse = "learned_sparse";
inline constexpr const char* kFixedSparse = "fixed_sparse";
}  // namespace kinds

/// Key blocks per query block for n keys: `topk` when positive, otherwise ceil(c * log2(n / block))
/// with n / block taken as at least 1; always clamped to [1, number of key blocks]. The one copy of
/// the review's k formula.
int64_t resolve_topk(int64_t n, int64_t block, int64_t topk, double c);

/// Token-exact limits inside the chosen key blocks; the block kernels apply them in the edge blocks.
/// With a window W > 0 a query at key position i keeps keys j with i - W < j <= i (causal; the
/// `sliding_window` of transformers' Mistral) or |i - j| < W (bidirectional), and always the first
/// `sinks` keys (StreamingLLM's attention sinks; causal masking still applies to them).
struct TokenWindow {
  int64_t window = 0;  ///< 0: no token limit
  int64_t sinks = 0;
  bool active() const { return window > 0; }
  bool sees(int64_t query_pos, int64_t key_pos, bool causal) const;
};

/// The blocks of one attention call a static pattern is drawn on. Query row r sits at key position
/// r + offset (offset = nk - nq; causal attention aligns the ends).
struct PatternGeometry {
  int64_t nq = 0, nk = 0, block = 1, mq = 0, mk = 0, offset = 0;
  bool causal = false;
  int64_t heads = 1;
  int64_t topk = 1;   ///< resolve_topk for this call (for kinds that use it)
  int64_t layer = 0;  ///< seeds per-layer choices (bigbird's random blocks)
  PatternGeometry(int64_t nq, int64_t nk, int64_t block, bool causal, int64_t heads, int64_t topk, int64_t layer);
  /// The block holding query block i's first query position: every query of the block sees its first
  /// key, so it is always kept.
  int64_t own_block(int64_t i) const;
};

/// A static pattern: the key blocks each (head, query block) keeps, in order of preference. The
/// engine keeps the own block and the `k` best of the blocks a query may see (causal, padding).
struct BlockPattern {
  int64_t k = 1;                ///< slots per query block
  std::vector<float> priority;  ///< [heads, mq, mk]: higher first; -infinity = never
  TokenWindow tokens;           ///< token limits inside the kept blocks
  /// Sets every priority to -infinity for this geometry.
  void reset(const PatternGeometry& g, int64_t slots);
  float& at(const PatternGeometry& g, int64_t head, int64_t qb, int64_t kb) {
    return priority[static_cast<size_t>((head * g.mq + qb) * g.mk + kb)];
  }
};

/// What a kind's cross-key check reads: the resolved configuration and the sequence attended over.
struct KindCheckContext {
  const nlohmann::json& config;  ///< complete, resolved configuration
  int64_t seq_len = 0;           ///< positions per sequence (tokens; patches and CLS for a ViT)
  int64_t blocks = 0;            ///< key blocks of such a sequence
  int64_t k = 0;                 ///< resolve_topk at seq_len
};

struct AttentionKind {
  std::string name;
  std::string help;   ///< one line: what the kind attends to
  std::string label;  ///< legend label in charts (empty: the name)
  int order = 0;      ///< place (and so colour and marker) in charts, lists and benchmark tables (lower first)

  bool sparse = true;     ///< false: exact dense attention (no block selection)
  bool learned = false;   ///< a learned router picks the blocks (core/attention/kinds/router.h)
  bool uses_topk = true;  ///< attention.topk and attention.c set k (false: the pattern sets it)
  bool benchmarked = true;  ///< `bench attention` and `bench model` run it

  std::vector<FieldSpec> keys;         ///< keys the kind owns ("attention.pattern"); in every resolved config
  std::vector<std::string> form_keys;  ///< of those, what the New run dialog shows
  /// Rules across keys, run when every key is valid and this kind is selected.
  std::function<void(const KindCheckContext&, std::vector<ConfigIssue>&)> check;
  /// The run's method label from the kind's keys (attention.params; default: the name).
  std::function<std::string(const nlohmann::json& params)> method;
  /// Static-pattern kinds: the pattern of one call, from the kind's keys (attention.params).
  std::function<BlockPattern(const nlohmann::json& params, const PatternGeometry& g)> pattern;

  const std::string& display() const { return label.empty() ? name : label; }
};

/// The registry, built-in kinds registered on first use (core/attention/kinds/builtin_kinds.cpp).
Registry<AttentionKind>& attention_kinds();
/// The kind called `name`; throws std::invalid_argument listing the known ones.
const AttentionKind& attention_kind(const std::string& name);
/// Kinds by `order`.
std::vector<const AttentionKind*> kinds_in_order();
/// The kind a method label is built on ("fixed_sparse:local+lora" → fixed_sparse); nullptr for
/// benchmark baselines such as "dense_blocks".
const AttentionKind* kind_of_method(const std::string& method);
/// Whether `method` is exactly a kind's own label (no adapter, no fine-tune suffix).
bool is_plain_kind_method(const std::string& method);
/// A kind's keys at their declared defaults, by short name ({"pattern": "local", ...}).
nlohmann::json kind_default_params(const AttentionKind& kind);
/// The dense reference kind (the first kind that is not sparse).
const AttentionKind& reference_kind();
/// Adds the built-in kinds (one line each, in builtin_kinds.cpp).
void register_builtin_attention_kinds(Registry<AttentionKind>& registry);

}  // namespace etlab
