// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace etlab {

/// A data set is missing, corrupt or malformed. The message names the file or package and, when the
/// cache is at fault, the command that fetches it.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One pinned package from resources/data/packages.tsv.
struct DataPackage {
  std::string key, kind, spec, algorithm, checksum, licence;
};

/// The folder the set-up unpacked the pinned data packages into (see `./setup.sh data`).
class DataCache {
 public:
  /// `root` defaults to default_data_dir(). With `verify_files` (the default) a package's files are
  /// hashed against the list the set-up wrote, once per package and process; without, only the
  /// package's stamp is read (a form that checks at every edit).
  explicit DataCache(std::string root = {}, bool verify_files = true);

  const std::string& root() const { return root_; }

  /// Folder of package `key` (e.g. "sentiment"); throws DataError naming the fetch command when the
  /// package is absent, its verification stamp does not match the pinned checksum, or one of its files
  /// no longer matches the SHA-256 recorded when it was fetched.
  std::string package_dir(const std::string& key) const;

  /// The pinned packages (embedded copy of resources/data/packages.tsv).
  static const std::vector<DataPackage>& packages();

 private:
  void verify_files(const DataPackage& pkg, const std::filesystem::path& dir) const;

  std::string root_;
  bool verify_files_ = true;
};

/// Reads a whole file; throws DataError naming it when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace etlab
