// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/config/run_config.h"

namespace etlab::cli {

/// Set by SIGINT/SIGTERM: training stops within one step and the run stays resumable.
extern std::atomic<bool> g_stop_requested;
void install_stop_handlers();

/// Options every command that touches the database accepts.
struct DbOptions {
  std::string db;  ///< empty = default_db_path()
  std::string resolved() const;
};

/// Configuration sources shared by train and params.
struct ConfigSource {
  std::string preset, config_file;
  std::vector<std::string> sets;
  void add_to(CLI::App& cmd);
  /// Loads the preset or file and applies --set; returns false after printing the problems.
  bool load(nlohmann::json& out, bool json_errors) const;
};

/// Prints configuration problems (stderr text, or one JSON object on stdout) .
/// For JSON output: bytes that are not UTF-8 (from a user's file or path) become U+FFFD instead of
/// making the writer throw.
inline constexpr auto kNotUtf8Replaced = nlohmann::json::error_handler_t::replace;

void print_issues(const std::vector<ConfigIssue>& issues, bool json);
/// Prints one error (stderr text, or {"error": ...} on stdout).
void print_error(const std::string& message, bool json);

void add_presets_command(CLI::App& app);
void add_keys_command(CLI::App& app);
void add_train_commands(CLI::App& app);
/// launch --nproc N -- train ...
void add_launch_command(CLI::App& app);
void add_params_command(CLI::App& app);
/// runs, show, rename, note, tag, untag, experiment, delete, restore, bin, prune, vacuum, export-runs, merge, export.
void add_store_commands(CLI::App& app);
void add_infer_command(CLI::App& app);
/// study review.
void add_study_command(CLI::App& app);
void add_bench_command(CLI::App& app);

}  // namespace etlab::cli
