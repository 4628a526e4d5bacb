// SPDX-License-Identifier: MIT
#pragma once

// The machine a run or a benchmark ran on, and the thread count it used.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace etlab {

/// Facts recorded with every run: versions, device, threads, git revision, CPU.
nlohmann::json runtime_environment(int64_t threads, const std::string& device);

/// Threads a setting resolves to (0 = all cores) and applies them to LibTorch.
int64_t apply_threads(int64_t threads);

}  // namespace etlab
