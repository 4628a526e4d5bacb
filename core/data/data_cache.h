// SPDX-License-Identifier: MIT
#pragma once

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
  /// `root` defaults to default_data_dir().
  explicit DataCache(std::string root = {});

  const std::string& root() const { return root_; }

  /// Folder of package `key` (e.g. "sentiment"); throws DataError naming the fetch command when the
  /// package is absent or its verification stamp does not match the pinned checksum.
  std::string package_dir(const std::string& key) const;

  /// The pinned packages (embedded copy of resources/data/packages.tsv).
  static const std::vector<DataPackage>& packages();

 private:
  std::string root_;
};

/// Reads a whole file; throws DataError naming it when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace etlab
