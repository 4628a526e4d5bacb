// SPDX-License-Identifier: MIT
#include "core/config/presets.h"

#include <stdexcept>
#include <utility>

namespace etlab {

std::vector<std::pair<std::string, std::string>> embedded_resources();  // generated at build time

const std::vector<Preset>& builtin_presets() {
  static const std::vector<Preset> presets = [] {
    std::vector<Preset> out;
    for (const auto& [file, text] : embedded_resources()) {
      if (file.size() < 5 || file.substr(file.size() - 5) != ".json") continue;
      Preset p;
      p.name = file.substr(0, file.size() - 5);
      p.config = nlohmann::json::parse(text);  // checked by the preset test; a bad file fails the build's tests
      p.config["preset"] = p.name;
      p.description = p.config.value("description", "");
      out.push_back(std::move(p));
    }
    return out;
  }();
  return presets;
}

const Preset* find_preset(const std::string& name) {
  for (const auto& p : builtin_presets())
    if (p.name == name) return &p;
  return nullptr;
}

std::string embedded_file(const std::string& name) {
  for (const auto& [file, text] : embedded_resources())
    if (file == name) return text;
  return {};
}

}  // namespace etlab
