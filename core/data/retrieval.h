// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/tokenizer.h"

namespace etlab {

/// Vocabulary of the synthetic retrieval task: 0 <pad>, 1 <cls>, 2 <eos>, 3..10 the eight answer
/// values v0..v7, 11..63 filler tokens f0..f52.
class RetrievalTokenizer : public Tokenizer {
 public:
  static constexpr int32_t kFirstValue = 3, kValues = 8, kFirstFiller = 11, kVocab = 64;
  std::string name() const override { return "retrieval"; }
  std::vector<int32_t> encode(const std::string& text) const override;
  std::string decode(const std::vector<int32_t>& ids) const override;
  std::string piece(int32_t id) const override;
  int64_t vocab_size() const override { return kVocab; }
  int32_t pad_id() const override { return 0; }
  int32_t cls_id() const override { return 1; }
  int32_t eos_id() const override { return 2; }
};

struct RetrievalExample {
  std::vector<int32_t> tokens;  ///< `length` tokens, no CLS
  int label = 0;                ///< the answer value 0..7
  int64_t answer_pos = 0;       ///< index of the answer token in `tokens`
};

/// A long-range lookup whose answer sits in one known, distant block: `length` filler tokens, one of
/// which (at a position at least `min_distance` tokens from the start) is replaced by an answer
/// token; the label is that token's value. A classifier pooling from the first position must attend
/// to the answer block, which makes router hit rates measurable.
std::vector<RetrievalExample> generate_retrieval(int64_t count, uint64_t seed, int64_t length, int64_t min_distance);

}  // namespace etlab
