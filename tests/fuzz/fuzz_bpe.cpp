// SPDX-License-Identifier: MIT
// GPT-2 BPE: the merge list (vocab.bpe), the vocabulary (encoder.json), and the real tokenizer on any
// bytes. Valid UTF-8 must come back unchanged from decode(encode(text)); every id is in the vocabulary.
// Needs the fetched data cache (./setup.sh data): ETLAB_DATA_DIR or ~/.cache/etlab/data.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/config/config_schema.h"
#include "core/data/bpe_tokenizer.h"
#include "core/data/data_cache.h"

namespace {

struct Real {
  std::string encoder, merges;
  std::unique_ptr<etlab::BpeTokenizer> tok;
};

const Real& real() {
  static const Real r = [] {
    Real x;
    const std::string dir = etlab::DataCache().package_dir("gpt2_bpe");
    x.encoder = etlab::read_file(dir + "/encoder.json");
    x.merges = etlab::read_file(dir + "/vocab.bpe");
    x.tok = etlab::BpeTokenizer::load(dir);
    return x;
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 3 == 1) {  // a merge list (vocab.bpe)
    try {
      for (const auto& [pair, rank] : etlab::parse_bpe_merges("#version: 0.2\n" + text + "\n", "vocab.bpe"))
        if (rank < 0 || pair.find(',') == std::string::npos) std::abort();
    } catch (const etlab::DataError&) {
    }
    return 0;
  }
  if (data[0] % 3 == 2) {  // an encoder.json
    try {
      etlab::BpeTokenizer::parse(text, real().merges, "encoder.json", "vocab.bpe");
    } catch (const etlab::DataError&) {
    }
    return 0;
  }
  const auto ids = real().tok->encode(text);
  for (int32_t id : ids)
    if (id < 0 || id >= 50257) std::abort();
  const std::string back = real().tok->decode(ids);
  if (etlab::is_valid_utf8(text) && back != text) std::abort();
  return 0;
}
