// SPDX-License-Identifier: MIT
#pragma once

// Model families, torch-free: one entry per architecture (today etlab's encoder, decoder,
// encoder-decoder and ViT; imported Hugging Face architectures become more entries). An entry holds
// what the schema checks (objectives, poolings, causality) and the structure the transformer builds
// (norm kind and placement, MLP form and activation, positions, biases, grouped-query attention, tied
// head) and its parameter naming in checkpoints, so that nothing else branches on an architecture's name.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/config/registry.h"

namespace etlab {

struct ModelFamily {
  std::string name;
  std::string help;
  std::string arch;              ///< the model.arch value that selects it
  bool patches = false;          ///< selected instead of its arch's family when model.patch > 0 (a ViT)
  bool causal = false;           ///< the main stack's self-attention is causal
  bool decoder_stack = false;    ///< a causal decoder with cross-attention follows the encoder
  std::string default_pooling;   ///< what model.pooling "auto" means
  std::vector<std::string> poolings;    ///< classification poolings it allows
  std::vector<std::string> objectives;  ///< task.objective values it serves

  // Structure (core/model builds exactly this; it refuses what it does not implement).
  std::string norm = "layernorm";      ///< layernorm (with bias)
  std::string norm_placement = "pre";  ///< pre: x + f(norm(x)) in every block, and a final norm
  double norm_eps = 1e-5;
  std::string mlp = "two_layer";       ///< ffn_out(act(ffn_in(x)))
  std::string activation = "gelu";     ///< gelu (erf form)
  std::string positions = "rope";      ///< rope; rope+learned adds learned absolute positions (ViT)
  bool biases = true;                  ///< q, k, v, o and the MLP projections carry biases
  int64_t kv_heads = 0;                ///< 0: one key/value head per query head (no grouped-query attention)
  bool tied_head = true;               ///< the LM head may share the embedding (model.tie_embeddings decides)
  /// Its parameter naming: the name a tensor is stored under in this family's checkpoints, from etlab's
  /// module path ("blocks.0.attn.q.weight"); empty = etlab's own names (every built-in family).
  std::function<std::string(const std::string& etlab_name)> tensor_name;

  std::string stored_name(const std::string& etlab_name) const { return tensor_name ? tensor_name(etlab_name) : etlab_name; }

  bool serves(const std::string& objective) const;
  bool allows_pooling(const std::string& pooling) const;
};

/// The registry, etlab's four families registered on first use.
Registry<ModelFamily>& model_families();
/// The family of a model.arch and model.patch: the patch family of that arch when patch > 0, else the
/// arch's own. Throws std::invalid_argument for an arch no family answers to.
const ModelFamily& model_family(const std::string& arch, int64_t patch = 0);
/// The model.arch values the families answer to, in registration order.
std::vector<std::string> model_archs();

}  // namespace etlab
