// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
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

struct RunConfig;

/// Description of one configuration key: the single source of truth for its type, default, range,
/// help, `--set` parsing, validation messages, the New run form, and the options field it fills.
/// Common keys are declared once in run_config.cpp, bound to their field (the type and default come
/// from the options struct); a kind's or LoRA axis's own keys are declared in its registry entry.
struct FieldSpec {
  std::string path;                  ///< dotted JSON path, e.g. "attention.block"
  FieldType type = FieldType::Int;
  nlohmann::json default_value;      ///< value used when the key is absent
  double min = -1e300;               ///< inclusive lower bound (numbers; list length for StringList)
  double max = 1e300;                ///< inclusive upper bound
  std::vector<std::string> choices;  ///< allowed values (Enum) or allowed items (StringList)
  std::string help;
  std::string owner;                 ///< the attention kind that declared the key; empty for common keys
  /// Writes the resolved, valid value into the options field the key names.
  std::function<void(RunConfig&, const nlohmann::json&)> fill;
};

/// Unbound key descriptions (a kind's keys use them; run_config.cpp binds the common ones).
FieldSpec int_key(std::string path, long long def, double lo, double hi, std::string help);
FieldSpec float_key(std::string path, double def, double lo, double hi, std::string help);
FieldSpec bool_key(std::string path, bool def, std::string help);
FieldSpec string_key(std::string path, std::string def, std::string help);
FieldSpec enum_key(std::string path, std::string def, std::vector<std::string> choices, std::string help);
FieldSpec list_key(std::string path, std::vector<std::string> def, std::vector<std::string> choices, double min_items,
                   std::string help);
/// An integer key that also takes "auto" (stored as 0 in its field); defaults to "auto".
FieldSpec auto_int_key(std::string path, double lo, double hi, std::string help);

/// All keys a run configuration may contain: the common keys and every registered kind's own keys
/// (rebuilt when a registry grows). The reference stays valid until the next registration.
const std::vector<FieldSpec>& config_fields();

/// Builds that list (run_config.cpp); config_fields() caches it.
std::vector<FieldSpec> build_config_fields();

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

/// Every key as `etlab-cli keys --json` prints it: [{key, type, default, [min, max,] [choices,] help}].
nlohmann::json keys_listing();
/// The same as `etlab-cli keys` prints it: one line per key.
std::string keys_table();

/// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(const std::string& s);

/// Formats issues one per line: "field: message".
std::string format_issues(const std::vector<ConfigIssue>& issues);

/// Reads a JSON value at a dotted path (nullptr when absent).
const nlohmann::json* json_at(const nlohmann::json& root, const std::string& path);
/// Writes a JSON value at a dotted path, creating objects on the way.
void json_put(nlohmann::json& root, const std::string& path, nlohmann::json value);

}  // namespace etlab
