// SPDX-License-Identifier: MIT
// etlab-cli: the headless front end. Every subcommand is a thin consumer of the core's calls.
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/cli_common.h"
#include "core/config/blas_tuning.h"
#include "core/config/paths.h"
#include "core/config/presets.h"
#include "core/config/version.h"

namespace etlab::cli {

std::atomic<bool> g_stop_requested{false};

namespace {
void on_signal(int) { g_stop_requested = true; }
}  // namespace

void install_stop_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

std::string DbOptions::resolved() const { return db.empty() ? default_db_path() : db; }

void ConfigSource::add_to(CLI::App& cmd) {
  auto* p = cmd.add_option("--preset", preset, "built-in preset (see `etlab-cli presets`)");
  auto* c = cmd.add_option("--config", config_file, "JSON configuration file");
  p->excludes(c);
  cmd.add_option("--set", sets, "override a dotted key, e.g. --set lora.r=8 --set lora.targets=q,v")->allow_extra_args(false);
}

bool ConfigSource::load(nlohmann::json& out, bool json_errors) const {
  if (preset.empty() == config_file.empty()) {
    print_error("give exactly one of --preset NAME or --config FILE", json_errors);
    return false;
  }
  if (!preset.empty()) {
    const Preset* p = find_preset(preset);
    if (!p) {
      std::string names;
      for (const auto& q : builtin_presets()) names += (names.empty() ? "" : ", ") + q.name;
      print_error("unknown preset '" + preset + "'; available: " + names, json_errors);
      return false;
    }
    out = p->config;
  } else {
    std::ifstream in(config_file);
    if (!in) {
      print_error("cannot read configuration file " + config_file, json_errors);
      return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = nlohmann::json::parse(ss.str(), nullptr, false);
    if (out.is_discarded()) {
      print_error(config_file + " is not valid JSON", json_errors);
      return false;
    }
  }
  std::vector<ConfigIssue> issues;
  for (const auto& s : sets)
    if (auto issue = apply_set(out, s)) issues.push_back(*issue);
  if (!issues.empty()) {
    // Report every problem at once: also what the accepted assignments and the rest make invalid.
    for (const auto& v : validate_config(out, nullptr)) {
      bool seen = false;
      for (const auto& i : issues) seen |= i.field == v.field;
      if (!seen) issues.push_back(v);
    }
    print_issues(issues, json_errors);
    return false;
  }
  return true;
}

void print_issues(const std::vector<ConfigIssue>& issues, bool json) {
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& i : issues) arr.push_back({{"field", i.field}, {"message", i.message}});
    std::cout << nlohmann::json{{"error", "invalid configuration"}, {"issues", arr}}.dump(-1, ' ', false, kNotUtf8Replaced) << std::endl;
    return;
  }
  std::cerr << "invalid configuration:\n";
  for (const auto& i : issues) std::cerr << "  " << i.field << ": " << i.message << "\n";
}

void print_error(const std::string& message, bool json) {
  if (json) std::cout << nlohmann::json{{"error", message}}.dump(-1, ' ', false, kNotUtf8Replaced) << std::endl;
  else std::cerr << "etlab-cli: " << message << "\n";
}

}  // namespace etlab::cli

int main(int argc, char** argv) {
  using namespace etlab::cli;
  etlab::reexec_with_blas_coretype(argc, argv);
  CLI::App app{"etlab-cli: train, inspect and benchmark efficient transformers (learned sparse attention, LoRA)"};
  app.set_version_flag("--version", "etlab-cli " + etlab::version() + " (git " + etlab::git_revision() + ")");
  app.require_subcommand(1);
  add_presets_command(app);
  add_keys_command(app);
  add_train_commands(app);
  add_launch_command(app);
  add_params_command(app);
  add_store_commands(app);
  add_infer_command(app);
  add_bench_command(app);
  add_study_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "etlab-cli: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
