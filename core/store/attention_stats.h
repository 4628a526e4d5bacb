// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/records.h"

namespace etlab {

/// Share of query-block x key-block pairs a head attended to (1.0 = dense).
double selection_density(const SelectionRecord& selection);

/// Mean over query rows of the entropy (nats) of the attention distribution. For block-pooled maps
/// this is the entropy over key blocks.
double attention_entropy(const ProbRecord& probs);

/// Mean over query rows of sum_j p_ij * |i - j| in tokens; pooled maps use block centres.
/// `block` is the block size of a pooled map (ignored for full-resolution maps).
double mean_attention_distance(const ProbRecord& probs, int64_t block);

}  // namespace etlab
