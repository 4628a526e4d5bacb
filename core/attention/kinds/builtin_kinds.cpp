// SPDX-License-Identifier: MIT
// The built-in attention kinds, one line each; a kind's file (here, beside this one) defines
// `AttentionKind <name>_kind()`. Order here is the order of their keys in `etlab-cli keys`.
#include "core/config/attention_kind.h"

#define ETLAB_BUILTIN_ATTENTION_KINDS(X) \
  X(dense)                               \
  X(fixed_sparse)                        \
  X(learned_sparse)                      \
  X(sliding_window)                      \
  /* one line per kind, above this one */

namespace etlab {

#define ETLAB_DECLARE_KIND(name) AttentionKind name##_kind();
ETLAB_BUILTIN_ATTENTION_KINDS(ETLAB_DECLARE_KIND)
#undef ETLAB_DECLARE_KIND

void register_builtin_attention_kinds(Registry<AttentionKind>& registry) {
#define ETLAB_ADD_KIND(name) registry.add(name##_kind());
  ETLAB_BUILTIN_ATTENTION_KINDS(ETLAB_ADD_KIND)
#undef ETLAB_ADD_KIND
}

}  // namespace etlab
