// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace etlab {

/// One problem found in a configuration: the dotted field path and a sentence saying what is wrong.
/// Example: {"lora.r", "must be at least 1 (got 0)"}.
struct ConfigIssue {
  std::string field;
  std::string message;
};

enum class FieldType { Int, Float, Bool, String, Enum, StringList, IntOrAuto };

/// Description of one configuration key: the single source of truth for defaults, types, ranges,
/// `--set` parsing, validation messages and (later) GUI forms.
struct FieldSpec {
  std::string path;                  ///< dotted JSON path, e.g. "attention.block"
  FieldType type = FieldType::Int;
  nlohmann::json default_value;      ///< value used when the key is absent
  double min = -1e300;               ///< inclusive lower bound (numbers; list length for StringList)
  double max = 1e300;                ///< inclusive upper bound
  std::vector<std::string> choices;  ///< allowed values (Enum) or allowed items (StringList)
  std::string help;
};

/// All keys a run configuration may contain.
const std::vector<FieldSpec>& config_fields();

/// Looks up a key by dotted path; nullptr when unknown.
const FieldSpec* find_field(const std::string& path);

/// Checks a configuration and fills defaults. Every problem is reported (unknown keys, wrong types,
/// values out of range, incompatible combinations); `resolved` receives the complete configuration
/// when the list is empty.
///
///   nlohmann::json full;
///   auto issues = validate_config(user_json, &full);
///   if (!issues.empty()) { print(issues); return 2; }
std::vector<ConfigIssue> validate_config(const nlohmann::json& config, nlohmann::json* resolved);

/// Applies one `key=value` assignment (as given to `--set`) to `config`. The value is parsed by the
/// key's type: `lora.targets=q,v` becomes ["q","v"], `attention.topk=auto` stays a string,
/// `train.steps=200` becomes a number. Returns the problem when the key or value is invalid.
std::optional<ConfigIssue> apply_set(nlohmann::json& config, const std::string& assignment);

/// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(const std::string& s);

/// Formats issues one per line: "field: message".
std::string format_issues(const std::vector<ConfigIssue>& issues);

/// Reads a JSON value at a dotted path (nullptr when absent).
const nlohmann::json* json_at(const nlohmann::json& root, const std::string& path);
/// Writes a JSON value at a dotted path, creating objects on the way.
void json_put(nlohmann::json& root, const std::string& path, nlohmann::json value);

}  // namespace etlab
