// SPDX-License-Identifier: MIT
#include "core/config/version.h"

namespace etlab {

std::string version() { return ETLAB_VERSION; }
std::string git_revision() { return ETLAB_GIT_REVISION; }

}  // namespace etlab
