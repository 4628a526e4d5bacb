// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace etlab {

/// Whether an error message (SQLite's, a checkpoint writer's, the C library's) says that a write failed
/// for want of space: a full disk, a full quota or a file-size limit. Such a run is left interrupted,
/// not failed: once there is room it resumes from its last checkpoint.
bool is_write_failure(const std::string& message);

/// The reason recorded and shown for such a failure: what failed, the likely cause and what to do.
std::string write_failure_reason(const std::string& message);

}  // namespace etlab
