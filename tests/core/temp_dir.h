// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/store/run_store.h"

namespace etlab {

/// A test fixture with a fresh temporary folder, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("etlab-test-" + new_uuid());
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(dir, ec);
  }
  std::string file(const std::string& name) const { return (dir / name).string(); }
  std::filesystem::path dir;
};

/// A fresh database in its own temporary folder, removed afterwards.
class TempDb {
 public:
  TempDb() : dir_(std::filesystem::temp_directory_path() / ("etlab-test-" + new_uuid())) {
    std::filesystem::create_directories(dir_);
    store = std::make_unique<RunStore>((dir_ / "runs.db").string());
  }
  ~TempDb() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::unique_ptr<RunStore> store;

 private:
  std::filesystem::path dir_;
};

}  // namespace etlab
