// SPDX-License-Identifier: MIT
// The configuration parser: any bytes as a JSON configuration, then as a --set assignment. Validation
// either accepts (and the typed config then parses without an issue) or names a field; it never throws.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/config/config_schema.h"
#include "core/config/run_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using nlohmann::json;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const json cfg = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!cfg.is_discarded()) {
    json resolved;
    const auto issues = etlab::validate_config(cfg, &resolved);
    for (const auto& i : issues)
      if (i.field.empty() || i.message.empty()) std::abort();  // every problem names its field
    if (issues.empty()) {
      etlab::RunConfig rc;
      if (!etlab::parse_run_config(cfg, rc).empty()) std::abort();  // valid once, valid twice
    }
  }
  json base = {{"task", {{"dataset", "listops"}, {"train_size", 10}}}};
  if (auto issue = etlab::apply_set(base, text)) {
    if (issue->message.empty()) std::abort();
  } else {
    etlab::validate_config(base, nullptr);
  }
  return 0;
}
