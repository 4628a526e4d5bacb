// SPDX-License-Identifier: MIT
#include "core/store/write_failure.h"

namespace etlab {

bool is_write_failure(const std::string& message) {
  static const char* const signs[] = {"disk I/O error",  "database or disk is full", "No space left", "File too large",
                                      "Disk quota",      "failed writing",           "file write failed"};
  for (const char* s : signs)
    if (message.find(s) != std::string::npos) return true;
  return false;
}

std::string write_failure_reason(const std::string& message) {
  return "could not write (" + message.substr(0, message.find('\n')) +
         "): the disk may be full or a file-size limit reached; free some space, then resume the run";
}

}  // namespace etlab
