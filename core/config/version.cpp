// SPDX-License-Identifier: MIT
#include "core/config/version.h"

namespace etlab {

std::string version() { return ETLAB_VERSION; }
// git_revision() is generated at build time (cmake/git_revision.cmake).

}  // namespace etlab
