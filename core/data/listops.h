// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/tokenizer.h"

namespace etlab {

/// ListOps vocabulary: 0 <pad>, 1 <cls>, 2 <eos>, 3 [MIN, 4 [MAX, 5 [MED, 6 [SM, 7 ], 8..17 digits 0-9.
/// Text is whitespace-separated tokens, e.g. "[MAX 2 9 [MIN 4 7 ] 0 ]".
class ListOpsTokenizer : public Tokenizer {
 public:
  std::string name() const override { return "listops"; }
  std::vector<int32_t> encode(const std::string& text) const override;
  std::string decode(const std::vector<int32_t>& ids) const override;
  std::string piece(int32_t id) const override;
  int64_t vocab_size() const override { return 18; }
  int32_t pad_id() const override { return 0; }
  int32_t cls_id() const override { return 1; }
  int32_t eos_id() const override { return 2; }
};

struct ListOpsOptions {
  int64_t min_len = 1;    ///< shortest expression in tokens
  int64_t max_len = 512;  ///< longest expression in tokens
  int64_t max_depth = 10;
  int64_t max_args = 10;
  int64_t max_chars = 0;  ///< longest text in characters (0: no limit), for byte-level models
};

struct ListOpsExample {
  std::string text;
  int label = 0;  ///< value of the expression, 0..9
};

/// Generates `count` expressions following the Long Range Arena definition (Tay et al. 2021): MIN, MAX,
/// MED (int(np.median): the mean of the two middle values, truncated), SM (sum mod 10) over
/// digits; a node at depth < max_depth is a leaf with probability 0.75, otherwise an operator with
/// 2..max_args arguments; expressions outside [min_len, max_len] tokens are rejected and drawn again.
/// Deterministic for a given seed on every platform (own integer sampling, no std distributions).
std::vector<ListOpsExample> generate_listops(int64_t count, uint64_t seed, const ListOpsOptions& options);

/// Evaluates an expression from its text with an independent parser. Throws std::invalid_argument on
/// malformed text.
int evaluate_listops(const std::string& text);

}  // namespace etlab
