// SPDX-License-Identifier: MIT
#include "core/data/data_cache.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/config/paths.h"
#include "core/config/presets.h"

namespace etlab {

namespace fs = std::filesystem;

DataCache::DataCache(std::string root) : root_(root.empty() ? default_data_dir() : std::move(root)) {}

const std::vector<DataPackage>& DataCache::packages() {
  static const std::vector<DataPackage> list = [] {
    std::vector<DataPackage> out;
    std::istringstream in(embedded_file("packages.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols;
      std::stringstream ss(line);
      std::string col;
      while (std::getline(ss, col, '\t')) cols.push_back(col);
      if (cols.size() < 6) continue;
      out.push_back({cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]});
    }
    return out;
  }();
  return list;
}

std::string DataCache::package_dir(const std::string& key) const {
  const DataPackage* pkg = nullptr;
  for (const auto& p : packages())
    if (p.key == key) pkg = &p;
  if (!pkg) throw DataError("unknown data package '" + key + "'");
  const fs::path dir = fs::path(root_) / key;
  const fs::path stamp = dir / ".etlab-verified";
  std::ifstream in(stamp);
  std::string sum;
  if (!in || !(in >> sum))
    throw DataError("data package " + pkg->spec + " is missing from " + dir.string() + ": run `" + data_fetch_command() +
                    "` to fetch and verify it");
  if (sum != pkg->checksum)
    throw DataError("data package " + pkg->spec + " in " + dir.string() + " does not match the pinned " + pkg->algorithm +
                    " checksum: run `" + data_fetch_command() + "` to fetch it again");
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw DataError("error while reading " + path);
  return ss.str();
}

}  // namespace etlab
