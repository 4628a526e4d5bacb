// SPDX-License-Identifier: MIT
#include "core/config/config_schema.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <mutex>
#include <sstream>

#include "core/attention/kinds/router.h"
#include "core/config/attention_kind.h"
#include "core/config/lora_axes.h"
#include "core/config/model_family.h"

namespace etlab {
namespace {

using nlohmann::json;

std::string describe(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

std::string number_text(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::Int: return "an integer";
    case FieldType::Float: return "a number";
    case FieldType::Bool: return "true or false";
    case FieldType::String: return "a string";
    case FieldType::Enum: return "one of the listed names";
    case FieldType::StringList: return "a list of names";
    case FieldType::IntOrAuto: return "an integer or \"auto\"";
  }
  return "a value";
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

bool is_integer_number(const json& v) {
  if (v.is_number_integer()) return true;
  if (v.is_number_float()) {
    double d = v.get<double>();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15;
  }
  return false;
}

void check_range(const FieldSpec& f, double d, std::vector<ConfigIssue>& out) {
  if (d < f.min) out.push_back({f.path, "must be at least " + number_text(f.min) + " (got " + number_text(d) + ")"});
  else if (d > f.max) out.push_back({f.path, "must be at most " + number_text(f.max) + " (got " + number_text(d) + ")"});
}

// Checks one value against its spec; returns the normalised value (e.g. 3.0 -> 3 for integers).
json check_value(const FieldSpec& f, const json& v, std::vector<ConfigIssue>& out) {
  const size_t before = out.size();
  auto wrong_type = [&] { out.push_back({f.path, "must be " + std::string(type_name(f.type)) + " (got " + describe(v) + ")"}); };
  switch (f.type) {
    case FieldType::Int:
      if (!is_integer_number(v)) { wrong_type(); break; }
      check_range(f, v.get<double>(), out);
      if (out.size() == before) return json(static_cast<long long>(v.get<double>()));
      break;
    case FieldType::Float:
      if (!v.is_number() || !std::isfinite(v.get<double>())) { wrong_type(); break; }
      check_range(f, v.get<double>(), out);
      break;
    case FieldType::Bool:
      if (!v.is_boolean()) wrong_type();
      break;
    case FieldType::String:
      if (!v.is_string()) wrong_type();
      break;
    case FieldType::Enum:
      if (!v.is_string()) { wrong_type(); break; }
      if (std::find(f.choices.begin(), f.choices.end(), v.get<std::string>()) == f.choices.end())
        out.push_back({f.path, "unknown value " + describe(v) + "; expected one of: " + join(f.choices)});
      break;
    case FieldType::StringList: {
      if (!v.is_array()) { wrong_type(); break; }
      std::set<std::string> seen;
      for (const auto& item : v) {
        if (!item.is_string()) { out.push_back({f.path, "items must be strings (got " + describe(item) + ")"}); continue; }
        const auto s = item.get<std::string>();
        if (!f.choices.empty() && std::find(f.choices.begin(), f.choices.end(), s) == f.choices.end())
          out.push_back({f.path, "unknown item \"" + s + "\"; expected items from: " + join(f.choices)});
        if (!seen.insert(s).second) out.push_back({f.path, "item \"" + s + "\" appears twice"});
      }
      if (static_cast<double>(v.size()) < f.min)
        out.push_back({f.path, "needs at least " + number_text(f.min) + " item(s)"});
      break;
    }
    case FieldType::IntOrAuto:
      if (v.is_string() && v.get<std::string>() == "auto") break;
      if (!is_integer_number(v)) { wrong_type(); break; }
      check_range(f, v.get<double>(), out);
      if (out.size() == before) return json(static_cast<long long>(v.get<double>()));
      break;
  }
  return v;
}

void find_unknown(const json& node, const std::string& prefix, std::vector<ConfigIssue>& out) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (find_field(path)) continue;
    if (it.value().is_object()) {
      // A section is known when some field lives under it.
      bool section = false;
      for (const auto& f : config_fields())
        if (f.path.rfind(path + ".", 0) == 0) { section = true; break; }
      if (section) { find_unknown(it.value(), path, out); continue; }
    }
    // An empty key (found by fuzz_config: `"": {...}`) is named by its place, so the field is never blank.
    if (it.key().empty()) out.push_back({prefix.empty() ? "(root)" : prefix, "has an empty key \"\""});
    else out.push_back({path, "unknown key"});
  }
}

long long geti(const json& c, const char* path) { return json_at(c, path)->get<long long>(); }
double getd(const json& c, const char* path) { return json_at(c, path)->get<double>(); }
std::string gets(const json& c, const char* path) { return json_at(c, path)->get<std::string>(); }
bool getb(const json& c, const char* path) { return json_at(c, path)->get<bool>(); }

// The kinds with a learned router, for messages ("learned_sparse").
std::string learned_kind_names() {
  std::string out;
  for (const AttentionKind* k : kinds_in_order())
    if (k->learned) out += (out.empty() ? "" : ", ") + k->name;
  return out;
}

bool is_generated(const std::string& dataset) { return dataset == "listops" || dataset == "retrieval"; }

// Rules that involve more than one key. Runs only when every single key is valid.
void check_combinations(const json& c, std::vector<ConfigIssue>& out) {
  const auto d = geti(c, "model.d_model"), heads = geti(c, "model.heads"), ffn = geti(c, "model.ffn");
  if (d % heads != 0)
    out.push_back({"model.heads", "must divide model.d_model (" + std::to_string(d) + " is not a multiple of " +
                                      std::to_string(heads) + ")"});
  else if ((d / heads) % 2 != 0)
    out.push_back({"model.heads", "head width d_model/heads = " + std::to_string(d / heads) +
                                      " must be even for rotary positions"});

  const AttentionKind& attention = attention_kind(gets(c, "attention.kind"));
  if (!gets(c, "train.router_from").empty() && !attention.learned)
    out.push_back({"train.router_from", "needs a learned attention.kind (" + learned_kind_names() + "; only it has a router)"});

  const auto dataset = gets(c, "task.dataset"), objective = gets(c, "task.objective"), arch = gets(c, "model.arch");
  const auto pooling = gets(c, "model.pooling"), phase = gets(c, "train.phase");
  if (dataset == "corpus" && objective != "lm")
    out.push_back({"task.objective", "the corpus data set has no labels: use \"lm\""});
  const auto patch = geti(c, "model.patch");
  const ModelFamily& family = model_family(arch, patch);
  if ((objective == "seq2seq") != family.decoder_stack)
    out.push_back({"model.arch", objective == "seq2seq" ? "sequence to sequence needs the \"encoder_decoder\" architecture"
                                                        : "the \"encoder_decoder\" architecture is for task.objective \"seq2seq\""});
  if ((dataset == "brown_tagging") != (objective == "seq2seq"))
    out.push_back({"task.objective", dataset == "brown_tagging" ? "brown_tagging is sequence to sequence: use \"seq2seq\""
                                                                : "seq2seq needs a sequence-to-sequence data set (brown_tagging)"});
  if (geti(c, "model.decoder_layers") > 0 && !family.decoder_stack)
    out.push_back({"model.decoder_layers", "applies only to the \"encoder_decoder\" architecture"});
  if (objective == "lm" && !family.serves("lm"))
    out.push_back({"model.arch", "language modelling needs the causal \"decoder\" (got \"" + arch + "\")"});
  if (pooling == "cls" && !family.allows_pooling("cls"))
    out.push_back({"model.pooling", "\"cls\" pooling needs the \"encoder\" architecture; a decoder uses mean or last"});
  if (pooling == "last" && !family.allows_pooling("last"))
    out.push_back({"model.pooling", "\"last\" pooling needs the causal \"decoder\"; an encoder uses cls or mean"});
  const bool image = dataset == "fashion_mnist" || dataset == "mnist";
  if (image) {
    // A fine-tune takes its architecture, patch included, from its base.
    if ((patch == 0 && phase != "finetune") || (patch != 0 && 28 % patch != 0))
      out.push_back({"model.patch", "the image data set " + dataset + " needs a ViT patch side that divides 28 (1, 2, 4, 7, 14 or 28)" +
                                        (patch == 0 ? std::string() : "; got " + std::to_string(patch))});
    if (geti(c, "task.max_len") != 784)
      out.push_back({"task.max_len", "must be 784 for " + dataset + " (28x28 pixels, one token each)"});
    if (gets(c, "task.tokenizer") != "auto")
      out.push_back({"task.tokenizer", dataset + " is read as pixels; use \"auto\""});
    if (!model_family(arch, 1).patches) out.push_back({"model.arch", "a ViT is an \"encoder\" (got \"" + arch + "\")"});
    if (objective != "classify") out.push_back({"task.objective", "the image data sets are for classification"});
  } else if (patch != 0) {
    out.push_back({"model.patch", "applies only to the image data sets fashion_mnist and mnist (0 for text)"});
  }
  if (dataset == "user") {
    const std::string path = gets(c, "task.path");
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const auto ends_with = [&](const std::string& tail) {
      return lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (path.empty())
      out.push_back({"task.path", "the \"user\" data set needs a .jsonl or .csv file"});
    else if (!ends_with(".jsonl") && !ends_with(".csv"))
      out.push_back({"task.path", "must name a .jsonl or .csv file (got '" + path.substr(0, 200) + "')"});
  }
  if (is_generated(dataset)) {
    const auto tok = gets(c, "task.tokenizer");
    if (tok == "bpe" || (tok == "byte" && dataset == "retrieval"))
      out.push_back({"task.tokenizer", dataset + " has its own vocabulary; use \"auto\"" +
                                           std::string(dataset == "listops" ? " or \"byte\"" : "")});
    for (const char* k : {"task.train_size", "task.val_size", "task.test_size"})
      if (geti(c, k) == 0) out.push_back({k, "must be greater than 0 for the generated data set " + dataset});
    if (geti(c, "task.min_len") > geti(c, "task.max_len"))
      out.push_back({"task.min_len", "must not exceed task.max_len"});
  }
  if (phase == "pretrain" && objective != "lm")
    out.push_back({"train.phase", "pretrain trains a language model: set task.objective to \"lm\""});
  if (phase == "finetune" && gets(c, "train.base").empty() && gets(c, "train.base_preset").empty())
    out.push_back({"train.base", "finetune needs a base run: set train.base or train.base_preset"});
  if (phase != "finetune" && (!gets(c, "train.base").empty()))
    out.push_back({"train.base", "only used when train.phase is \"finetune\""});
  if (phase != "finetune" && (!gets(c, "train.base_preset").empty()))
    out.push_back({"train.base_preset", "only used when train.phase is \"finetune\""});
  if (dataset != "sentiment" && !json_at(c, "task.eval_domains")->empty())
    out.push_back({"task.eval_domains", "applies only to the sentiment data set"});

  const auto steps = geti(c, "train.steps");
  if (geti(c, "train.warmup") >= steps && steps > 1)
    out.push_back({"train.warmup", "must be smaller than train.steps (" + std::to_string(steps) + ")"});

  const auto max_len = geti(c, "task.max_len"), model_max = geti(c, "model.max_len");
  if (model_max != 0 && model_max < max_len + 1)
    out.push_back({"model.max_len", "must be at least task.max_len + 1 = " + std::to_string(max_len + 1)});

  if (attention.sparse) {
    // A ViT attends over its patches (and a CLS position), not over the 784 pixels.
    const long long seq_len = image && patch > 0 && 28 % patch == 0
                                  ? (28 / patch) * (28 / patch) + (pooling == "mean" ? 0 : 1)
                                  : geti(c, "task.max_len");
    const auto block = geti(c, "attention.block");
    if (block > seq_len)
      out.push_back({"attention.block", "block size " + std::to_string(block) + " is larger than the sequence (" +
                                            (image ? std::to_string(seq_len) + " positions: patches and CLS" : "task.max_len " + std::to_string(seq_len)) + ")"});
    const long long blocks = (seq_len + block - 1) / block;
    const json& topk = *json_at(c, "attention.topk");
    if (attention.uses_topk && topk.is_number()) {
      const long long k = topk.get<long long>();
      if (k > blocks && block <= seq_len)
        out.push_back({"attention.topk", std::to_string(k) + " blocks requested but a sequence of " + std::to_string(seq_len) +
                                             " tokens has only " + std::to_string(blocks) + " blocks of " + std::to_string(block)});
    }
    // A number above the block count is reported above; the kind's checks see it as given.
    const long long k = topk.is_number() ? topk.get<long long>() : resolve_topk(seq_len, block, 0, getd(c, "attention.c"));
    if (attention.check) attention.check(KindCheckContext{c, seq_len, blocks, k}, out);
  }

  if (getb(c, "lora.enabled")) {
    const auto r = geti(c, "lora.r");
    for (const auto& t : json_at(c, "lora.targets")->get<std::vector<std::string>>()) {
      long long in = d, outw = d;
      if (t == "ffn_in") outw = ffn;
      if (t == "ffn_out") in = ffn;
      if (t == "router_q" || t == "router_k") {
        if (!attention.learned) {
          out.push_back({"lora.targets", "target \"" + t + "\" exists only with a learned attention.kind (" + learned_kind_names() + ")"});
          continue;
        }
        outw = heads * router_settings_in(c).dim;
      }
      if (r > std::min(in, outw))
        out.push_back({"lora.r", "rank " + std::to_string(r) + " exceeds the smaller side (" + std::to_string(std::min(in, outw)) +
                                     ") of target \"" + t + "\" (" + std::to_string(in) + " -> " + std::to_string(outw) + ")"});
    }
  }
}

}  // namespace

FieldSpec int_key(std::string path, long long def, double lo, double hi, std::string help) {
  FieldSpec f;
  f.path = std::move(path);
  f.type = FieldType::Int;
  f.default_value = def;
  f.min = lo;
  f.max = hi;
  f.help = std::move(help);
  return f;
}

FieldSpec float_key(std::string path, double def, double lo, double hi, std::string help) {
  FieldSpec f = int_key(std::move(path), 0, lo, hi, std::move(help));
  f.type = FieldType::Float;
  f.default_value = def;
  return f;
}

FieldSpec bool_key(std::string path, bool def, std::string help) {
  FieldSpec f;
  f.path = std::move(path);
  f.type = FieldType::Bool;
  f.default_value = def;
  f.help = std::move(help);
  return f;
}

FieldSpec string_key(std::string path, std::string def, std::string help) {
  FieldSpec f;
  f.path = std::move(path);
  f.type = FieldType::String;
  f.default_value = std::move(def);
  f.help = std::move(help);
  return f;
}

FieldSpec enum_key(std::string path, std::string def, std::vector<std::string> choices, std::string help) {
  FieldSpec f = string_key(std::move(path), std::move(def), std::move(help));
  f.type = FieldType::Enum;
  f.choices = std::move(choices);
  return f;
}

FieldSpec list_key(std::string path, std::vector<std::string> def, std::vector<std::string> choices, double min_items,
                   std::string help) {
  FieldSpec f;
  f.path = std::move(path);
  f.type = FieldType::StringList;
  f.default_value = def;
  f.choices = std::move(choices);
  f.min = min_items;
  f.max = 1e9;
  f.help = std::move(help);
  return f;
}

FieldSpec auto_int_key(std::string path, double lo, double hi, std::string help) {
  FieldSpec f = int_key(std::move(path), 0, lo, hi, std::move(help));
  f.type = FieldType::IntOrAuto;
  f.default_value = "auto";
  return f;
}

const std::vector<FieldSpec>& config_fields() {
  // Rebuilt when a registry the schema reads has grown (a kind or a LoRA choice registered by a front
  // end or a test), keyed on those registries alone: the LoRA and optimizer implementations register
  // at first use, after configurations are read, and must not invalidate the table. Registration
  // belongs before a program reads configurations; a reference kept across one goes stale.
  static std::mutex mutex;
  static std::vector<FieldSpec> fields;
  static std::vector<size_t> built_for;
  std::lock_guard<std::mutex> lock(mutex);
  const std::vector<size_t> now = {attention_kinds().size(), lora_inits().size(), lora_forms().size(), model_families().size()};
  if (built_for != now) {
    fields = build_config_fields();
    built_for = now;
  }
  return fields;
}

const FieldSpec* find_field(const std::string& path) {
  for (const auto& f : config_fields())
    if (f.path == path) return &f;
  return nullptr;
}

const json* json_at(const json& root, const std::string& path) {
  const json* node = &root;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

void json_put(json& root, const std::string& path, json value) {
  json* node = &root;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object()) *node = json::object();
    if (dot == std::string::npos) {
      (*node)[key] = std::move(value);
      return;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
}

std::vector<ConfigIssue> validate_config(const json& config, json* resolved) {
  std::vector<ConfigIssue> out;
  if (!config.is_object()) {
    out.push_back({"(root)", "a configuration must be a JSON object (got " + describe(config) + ")"});
    return out;
  }
  find_unknown(config, "", out);
  json full = json::object();
  for (const auto& f : config_fields()) {
    const json* v = json_at(config, f.path);
    if (v == nullptr || v->is_null()) {
      json_put(full, f.path, f.default_value);
      continue;
    }
    json_put(full, f.path, check_value(f, *v, out));
  }
  if (out.empty()) check_combinations(full, out);
  if (out.empty() && resolved) *resolved = std::move(full);
  return out;
}

bool is_valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : c & (0xFFu >> (n + 1));
    for (size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

std::optional<ConfigIssue> apply_set(json& config, const std::string& assignment) {
  // Found by fuzz_config: bytes that are not UTF-8 made the JSON writer throw while describing them.
  if (!is_valid_utf8(assignment)) {
    std::string shown;
    for (unsigned char ch : assignment.substr(0, 80)) shown += ch < 0x80 && ch >= 0x20 ? static_cast<char>(ch) : '?';
    return ConfigIssue{"--set", "'" + shown + "' is not valid UTF-8 text"};
  }
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    return ConfigIssue{assignment, "expected key=value, e.g. lora.r=8"};
  const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  const FieldSpec* f = find_field(key);
  if (!f) return ConfigIssue{key, "unknown key (see `etlab-cli train --help` for the list)"};
  json value;
  switch (f->type) {
    case FieldType::String:
    case FieldType::Enum:
      value = text;
      break;
    case FieldType::StringList: {
      value = json::array();
      std::stringstream ss(text);
      std::string item;
      while (std::getline(ss, item, ','))
        if (!item.empty()) value.push_back(item);
      break;
    }
    case FieldType::Bool:
      if (text == "true" || text == "1" || text == "yes" || text == "on") value = true;
      else if (text == "false" || text == "0" || text == "no" || text == "off") value = false;
      else return ConfigIssue{key, "must be true or false (got \"" + text + "\")"};
      break;
    case FieldType::IntOrAuto:
      if (text == "auto") { value = text; break; }
      [[fallthrough]];
    case FieldType::Int:
    case FieldType::Float:
      value = json::parse(text, nullptr, false);
      if (value.is_discarded() || !value.is_number())
        return ConfigIssue{key, "must be " + std::string(type_name(f->type)) + " (got \"" + text + "\")"};
      break;
  }
  std::vector<ConfigIssue> issues;
  check_value(*f, value, issues);
  if (!issues.empty()) return issues.front();
  json_put(config, key, value);
  return std::nullopt;
}

json keys_listing() {
  static const char* types[] = {"int", "number", "bool", "string", "enum", "list", "int|auto"};
  json arr = json::array();
  for (const auto& f : config_fields()) {
    json j = {{"key", f.path}, {"type", types[static_cast<int>(f.type)]}, {"default", f.default_value}, {"help", f.help}};
    if (f.type == FieldType::Int || f.type == FieldType::Float || f.type == FieldType::IntOrAuto) {
      j["min"] = f.min;
      j["max"] = f.max;
    }
    if (!f.choices.empty()) j["choices"] = f.choices;
    arr.push_back(j);
  }
  return arr;
}

std::string keys_table() {
  std::string out;
  for (const auto& j : keys_listing()) {
    std::string extra;
    if (j.contains("choices")) {
      for (const auto& c : j["choices"]) extra += (extra.empty() ? "" : "|") + c.get<std::string>();
      extra = " {" + extra + "}";
    }
    char line[2048];
    std::snprintf(line, sizeof line, "%-30s %-8s default %-12s %s%s\n", j["key"].get<std::string>().c_str(),
                  j["type"].get<std::string>().c_str(), j["default"].dump().c_str(), j["help"].get<std::string>().c_str(),
                  extra.c_str());
    out += line;
  }
  return out;
}

std::string format_issues(const std::vector<ConfigIssue>& issues) {
  std::string out;
  for (const auto& i : issues) out += i.field + ": " + i.message + "\n";
  return out;
}

}  // namespace etlab
