// SPDX-License-Identifier: MIT
// Inputs the libFuzzer targets (tests/fuzz) found to crash, kept so they never crash again.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/config/config_schema.h"
#include "core/data/data_cache.h"
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

// fuzz_merge: an etlab database whose schema version (PRAGMA user_version) is negative made the
// migration index its list of steps with a negative number (UBSan: pointer overflow; a crash in a
// release build), both when opened and when offered for merge. Refused by name now, untouched.
TEST_F(FuzzRegressions, ANegativeSchemaVersionIsRefusedAsCorrupt) {
  const fs::path src = dir / "other" / "results.db";
  fs::create_directories(src.parent_path());
  fs::copy_file(fixture("merge-negative-schema-version.db"), src);
  const std::string before = read_file(src.string());
  try {
    RunStore opened(src.string());
    FAIL() << "opened a database with a negative schema version";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("is corrupt (schema version -"), std::string::npos) << e.what();
  }
  RunStore home(file("home/etlab.db"));
  EXPECT_THROW(home.merge_from(src.string()), StoreError);
  EXPECT_EQ(home.count_runs(), 0);
  EXPECT_EQ(read_file(src.string()), before) << "the file offered is left untouched";
}

// fuzz_config: `--set train.device=<bytes that are not UTF-8>` made the JSON writer throw while the
// issue described the value (the CLI ended in std::terminate). It is an issue naming --set now.
TEST(FuzzRegressionsConfig, ASetAssignmentThatIsNotUtf8IsAnIssue) {
  const std::string assignment = read_file(fixture("config-set-not-utf8.txt"));
  ASSERT_FALSE(is_valid_utf8(assignment));
  nlohmann::json cfg = nlohmann::json::object();
  const auto issue = apply_set(cfg, assignment);
  ASSERT_TRUE(issue.has_value());
  EXPECT_EQ(issue->field, "--set");
  EXPECT_NE(issue->message.find("not valid UTF-8"), std::string::npos) << issue->message;
  EXPECT_NO_THROW(nlohmann::json({{"field", issue->field}, {"message", issue->message}}).dump());
  EXPECT_TRUE(is_valid_utf8("lora.r=8 \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

// fuzz_config: a configuration with an empty key ("": {...}) got an issue with a blank field.
TEST(FuzzRegressionsConfig, AnEmptyKeyGetsAFieldName) {
  const auto issues = validate_config(nlohmann::json::parse(read_file(fixture("config-empty-key.json"))), nullptr);
  ASSERT_FALSE(issues.empty());
  for (const auto& i : issues) EXPECT_FALSE(i.field.empty()) << i.message;
}

}  // namespace
}  // namespace etlab
