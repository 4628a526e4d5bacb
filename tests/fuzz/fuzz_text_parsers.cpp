// SPDX-License-Identifier: MIT
// The data-set parsers behind the pinned corpora and the user's files: ARFF (Reuters), mail (spam),
// Brown (plain and tagged), fortune files, JSONL and CSV. The first byte picks the parser; malformed
// input must end in a DataError, never a crash, a hang or an out-of-bounds read.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    switch (data[0] % 7) {
      case 0:
        for (const auto& d : etlab::parse_arff(text, "fuzz.arff"))
          if (d.label.empty()) std::abort();
        break;
      case 1: etlab::parse_mail_body(text); break;
      case 2: etlab::parse_brown_text(text); break;
      case 3: {
        const auto [words, tags] = etlab::parse_brown_tagged(text);
        (void)words;
        (void)tags;
        break;
      }
      case 4: etlab::parse_fortune_file(text); break;
      case 5: etlab::parse_jsonl(text, "fuzz.jsonl"); break;
      default: etlab::parse_csv(text, "fuzz.csv"); break;
    }
  } catch (const etlab::DataError& e) {
    if (std::string(e.what()).empty()) std::abort();
  }
  return 0;
}
