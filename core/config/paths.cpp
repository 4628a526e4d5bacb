// SPDX-License-Identifier: MIT
#include "core/config/paths.h"

#include <cstdlib>
#include <filesystem>

namespace etlab {
namespace {

std::string env_or_home(const char* var, const char* home_suffix) {
  const char* v = std::getenv(var);
  if (v && *v) return v;
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + home_suffix;
}

}  // namespace

std::string default_db_path() {
  return env_or_home("XDG_DATA_HOME", "/.local/share") + "/etlab/etlab.db";
}

std::string default_data_dir() {
  const char* v = std::getenv("ETLAB_DATA_DIR");
  if (v && *v) return v;
  return env_or_home("XDG_CACHE_HOME", "/.cache") + "/etlab/data";
}

std::string artifacts_dir_for(const std::string& db_path) {
  namespace fs = std::filesystem;
  const fs::path p = fs::absolute(fs::path(db_path));
  return (p.parent_path() / (p.stem().string() + "-artifacts")).string();
}

std::string data_fetch_command() { return "./setup.sh data"; }

}  // namespace etlab
