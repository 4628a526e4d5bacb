// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace etlab {

/// etlab's version, e.g. "0.1.0".
std::string version();
/// Git revision the binary was configured from ("unknown" outside a checkout).
std::string git_revision();

}  // namespace etlab
