// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace etlab {

/// A built-in preset: one JSON file under resources/presets/, compiled into the binary.
struct Preset {
  std::string name;
  std::string description;
  nlohmann::json config;  ///< as written in the file (defaults are filled by validation)
};

/// All built-in presets, sorted by name.
const std::vector<Preset>& builtin_presets();

/// The preset called `name`, or nullptr.
const Preset* find_preset(const std::string& name);

/// Contents of an embedded resource file by name (e.g. "packages.tsv"); empty when absent.
std::string embedded_file(const std::string& name);

}  // namespace etlab
