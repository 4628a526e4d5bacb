// SPDX-License-Identifier: MIT
#include "core/data/retrieval.h"

#include <sstream>
#include <stdexcept>

#include "core/data/rng.h"

namespace etlab {

std::vector<int32_t> RetrievalTokenizer::encode(const std::string& text) const {
  std::vector<int32_t> ids;
  std::istringstream in(text);
  std::string tok;
  while (in >> tok) {
    int32_t id = -1;
    for (int32_t i = kFirstValue; i < kVocab && id < 0; ++i)
      if (tok == piece(i)) id = i;
    if (id < 0) throw std::invalid_argument("unknown retrieval token '" + tok + "'");
    ids.push_back(id);
  }
  return ids;
}

std::string RetrievalTokenizer::decode(const std::vector<int32_t>& ids) const {
  std::string out;
  for (int32_t id : ids) {
    if (id < kFirstValue || id >= kVocab) continue;
    if (!out.empty()) out += ' ';
    out += piece(id);
  }
  return out;
}

std::string RetrievalTokenizer::piece(int32_t id) const {
  if (id == 0) return "<pad>";
  if (id == 1) return "<cls>";
  if (id == 2) return "<eos>";
  if (id >= kFirstValue && id < kFirstFiller) return "v" + std::to_string(id - kFirstValue);
  if (id >= kFirstFiller && id < kVocab) return "f" + std::to_string(id - kFirstFiller);
  return "<unk>";
}

std::vector<RetrievalExample> generate_retrieval(int64_t count, uint64_t seed, int64_t length, int64_t min_distance) {
  if (length < 2 || min_distance >= length)
    throw std::invalid_argument("retrieval: min_distance must be smaller than the length");
  SplitMix64 rng(seed ^ 0x72657472696576ULL);
  std::vector<RetrievalExample> out(static_cast<size_t>(count));
  for (auto& ex : out) {
    ex.tokens.resize(static_cast<size_t>(length));
    for (auto& t : ex.tokens)
      t = RetrievalTokenizer::kFirstFiller +
          static_cast<int32_t>(rng.below(RetrievalTokenizer::kVocab - RetrievalTokenizer::kFirstFiller));
    ex.label = static_cast<int>(rng.below(RetrievalTokenizer::kValues));
    ex.answer_pos = min_distance + static_cast<int64_t>(rng.below(static_cast<uint64_t>(length - min_distance)));
    ex.tokens[static_cast<size_t>(ex.answer_pos)] = RetrievalTokenizer::kFirstValue + ex.label;
  }
  return out;
}

}  // namespace etlab
