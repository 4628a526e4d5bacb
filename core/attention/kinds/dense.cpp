// SPDX-License-Identifier: MIT
// dense: exact attention over every key a query may see, the reference every sparse kind is measured
// against (its kernel is attention.dense_impl).
#include "core/config/attention_kind.h"

namespace etlab {

AttentionKind dense_kind() {
  AttentionKind k;
  k.name = kinds::kDense;
  k.help = "exact attention over every key (the reference)";
  k.order = 0;
  k.sparse = false;
  k.uses_topk = false;
  return k;
}

}  // namespace etlab
