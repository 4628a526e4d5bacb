// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace etlab {

/// SHA-256 of a file as lower-case hex; throws std::runtime_error naming the file when unreadable.
std::string sha256_file(const std::string& path);

}  // namespace etlab
