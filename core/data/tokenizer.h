// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace etlab {

class DataCache;

/// Maps text to token ids and back. Every tokenizer reserves a padding id, a CLS id (prepended by
/// encoder classifiers) and an end-of-text id; `piece` gives a printable label for heatmap axes.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  virtual std::string name() const = 0;
  virtual std::vector<int32_t> encode(const std::string& text) const = 0;
  virtual std::string decode(const std::vector<int32_t>& ids) const = 0;
  /// Printable form of one id, e.g. "e", "\\n", "Ġthe", "[MAX", "<pad>".
  virtual std::string piece(int32_t id) const = 0;
  virtual int64_t vocab_size() const = 0;
  virtual int32_t pad_id() const = 0;
  virtual int32_t cls_id() const = 0;
  virtual int32_t eos_id() const = 0;
};

/// Bytes 0..255 are their own ids; 256 = <pad>, 257 = <cls>, 258 = <eos>. Vocabulary 259.
class ByteTokenizer : public Tokenizer {
 public:
  std::string name() const override { return "byte"; }
  std::vector<int32_t> encode(const std::string& text) const override;
  std::string decode(const std::vector<int32_t>& ids) const override;
  std::string piece(int32_t id) const override;
  int64_t vocab_size() const override { return 259; }
  int32_t pad_id() const override { return 256; }
  int32_t cls_id() const override { return 257; }
  int32_t eos_id() const override { return 258; }
};

/// Pixel intensities 0..255 of a 28×28 image are their own ids (same layout as bytes: 256 = <pad>,
/// 257 = <cls>, 258 = <eos>); pieces print the intensity. A ViT (model.patch > 0) reads the ids as
/// pixel values, not as embeddings.
class PixelTokenizer : public ByteTokenizer {
 public:
  std::string name() const override { return "pixel"; }
  std::string piece(int32_t id) const override;
};

/// Builds the tokenizer called `name` ("byte", "bpe", "listops", "retrieval", "pixel"). "bpe" reads the GPT-2
/// files from the data cache and throws DataError when they are missing.
std::unique_ptr<Tokenizer> make_tokenizer(const std::string& name, const DataCache& cache);

}  // namespace etlab
