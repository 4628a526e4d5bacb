// SPDX-License-Identifier: MIT
#include "core/data/tokenizer.h"

#include <cstdio>

#include "core/data/bpe_tokenizer.h"
#include "core/data/data_cache.h"
#include "core/data/listops.h"
#include "core/data/retrieval.h"

namespace etlab {

std::vector<int32_t> ByteTokenizer::encode(const std::string& text) const {
  std::vector<int32_t> ids;
  ids.reserve(text.size());
  for (unsigned char ch : text) ids.push_back(ch);
  return ids;
}

std::string ByteTokenizer::decode(const std::vector<int32_t>& ids) const {
  std::string out;
  out.reserve(ids.size());
  for (int32_t id : ids)
    if (id >= 0 && id < 256) out.push_back(static_cast<char>(id));
  return out;
}

std::string ByteTokenizer::piece(int32_t id) const {
  switch (id) {
    case 256: return "<pad>";
    case 257: return "<cls>";
    case 258: return "<eos>";
    case '\n': return "\\n";
    case '\t': return "\\t";
    case ' ': return "\xE2\x90\xA3";  // U+2423 OPEN BOX, a visible space
    default: break;
  }
  if (id >= 32 && id < 127) return std::string(1, static_cast<char>(id));
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(id & 0xFF));
  return buf;
}

std::string PixelTokenizer::piece(int32_t id) const {
  return id >= 0 && id < 256 ? std::to_string(id) : ByteTokenizer::piece(id);
}

std::unique_ptr<Tokenizer> make_tokenizer(const std::string& name, const DataCache& cache) {
  if (name == "byte") return std::make_unique<ByteTokenizer>();
  if (name == "bpe") return BpeTokenizer::load(cache.package_dir("gpt2_bpe"));
  if (name == "listops") return std::make_unique<ListOpsTokenizer>();
  if (name == "retrieval") return std::make_unique<RetrievalTokenizer>();
  if (name == "pixel") return std::make_unique<PixelTokenizer>();
  throw DataError("unknown tokenizer '" + name + "'");
}

}  // namespace etlab
