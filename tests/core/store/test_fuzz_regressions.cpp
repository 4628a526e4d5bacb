// SPDX-License-Identifier: MIT
// Inputs the libFuzzer targets (tests/fuzz) found to crash, kept so they never crash again.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) { return std::string(ETLAB_FIXTURES_DIR) + "/fuzz/" + name; }

using FuzzRegressions = TempDirTest;

// fuzz_merge: a database whose rows refer to a run it lacks made merge_from throw a raw
// SQLite::Exception ("FOREIGN KEY constraint failed") out of the copy. It is refused by name now, and
// the destination keeps exactly what it had.
TEST_F(FuzzRegressions, MergeOfADatabaseWithOrphanRowsIsRefusedWhole) {
  const fs::path src = dir / "other" / "results.db";
  fs::create_directories(src.parent_path());
  fs::copy_file(fixture("merge-orphan-rows.db"), src);
  RunStore home(file("home/etlab.db"));
  try {
    home.merge_from(src.string());
    FAIL() << "merged a damaged database";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("results.db"), std::string::npos) << what;
    EXPECT_NE(what.find("nothing was imported"), std::string::npos) << what;
  }
  EXPECT_EQ(home.count_runs(), 0);
  EXPECT_TRUE(home.benchmarks().empty());
}

}  // namespace
}  // namespace etlab
