// SPDX-License-Identifier: MIT
// `etlab-cli presets`, `params` and `runs`.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/cli_common.h"
#include "core/config/config_schema.h"
#include "core/config/presets.h"
#include "core/engine/engine.h"
#include "core/store/run_store.h"

namespace etlab::cli {

void add_presets_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("presets", "list the built-in presets");
  cmd->add_flag("--json", *json, "an array of {name, description}");
  cmd->callback([json] {
    if (*json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& p : builtin_presets()) arr.push_back({{"name", p.name}, {"description", p.description}});
      std::cout << arr.dump(2) << std::endl;
      return;
    }
    for (const auto& p : builtin_presets()) std::printf("%-22s %s\n", p.name.c_str(), p.description.c_str());
  });
}

void add_keys_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("keys", "list every configuration key (for --set and config files)");
  cmd->add_flag("--json", *json, "an array of {key, type, default, min, max, choices, help}");
  cmd->callback([json] {
    if (*json) std::cout << keys_listing().dump(2) << std::endl;
    else std::fputs(keys_table().c_str(), stdout);
  });
}

void add_params_command(CLI::App& app) {
  struct Args {
    ConfigSource source;
    DbOptions db;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("params", "count parameters of a configuration (no training)");
  args->source.add_to(*cmd);
  cmd->add_option("--db", args->db.db, "database holding the base run of a fine-tune given by train.base");
  cmd->add_flag("--json", args->json, "an object with total, trainable and modules");
  cmd->callback([args] {
    nlohmann::json cfg;
    if (!args->source.load(cfg, args->json)) throw CLI::RuntimeError(2);
    RunConfig rc;
    auto issues = parse_run_config(cfg, rc);
    if (!issues.empty()) {
      print_issues(issues, args->json);
      throw CLI::RuntimeError(2);
    }
    ParamReport r;
    try {
      std::unique_ptr<RunStore> store;
      if (!rc.train.base.empty() && std::filesystem::exists(args->db.resolved())) store = std::make_unique<RunStore>(args->db.resolved(), true);
      r = count_params(rc, {}, store.get());
    } catch (const std::exception& e) {
      print_error(e.what(), args->json);
      throw CLI::RuntimeError(1);
    }
    if (args->json) {
      nlohmann::json modules = nlohmann::json::array();
      for (const auto& m : r.modules) modules.push_back({{"module", m.module}, {"total", m.total}, {"trainable", m.trainable}});
      std::cout << nlohmann::json{{"total", r.total}, {"trainable", r.trainable}, {"modules", modules}}.dump(2) << std::endl;
      return;
    }
    std::printf("%-24s %14s %14s\n", "module", "total", "trainable");
    for (const auto& m : r.modules)
      std::printf("%-24s %14lld %14lld\n", m.module.c_str(), static_cast<long long>(m.total), static_cast<long long>(m.trainable));
    std::printf("%-24s %14lld %14lld (%.2f%% trainable)\n", "TOTAL", static_cast<long long>(r.total),
                static_cast<long long>(r.trainable), r.total ? 100.0 * static_cast<double>(r.trainable) / static_cast<double>(r.total) : 0.0);
  });
}

}  // namespace etlab::cli
