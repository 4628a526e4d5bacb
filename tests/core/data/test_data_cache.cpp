// SPDX-License-Identifier: MIT
// A corrupted data cache names itself and the fetch command: each test copies the real `sentiment`
// package (the set-up's stamp and file list included) into its own folder and damages the copy.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"
#include "core/data/dataset.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

class DataCacheFaults : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    const fs::path real = DataCache().package_dir("sentiment");
    fs::copy(real, dir / "sentiment", fs::copy_options::recursive);
    imdb = dir / "sentiment" / "test" / "fixtures" / "imdb.json";
    ASSERT_TRUE(fs::exists(imdb));
  }

  std::string error_of_package() const {
    try {
      DataCache(dir.string()).package_dir("sentiment");
    } catch (const DataError& e) {
      return e.what();
    }
    return {};
  }

  fs::path imdb;
};

TEST_F(DataCacheFaults, AnIntactCopyPasses) {
  EXPECT_EQ(error_of_package(), "");
  EXPECT_FALSE(load_sentiment(DataCache(dir.string()), "imdb").empty());
}

TEST_F(DataCacheFaults, AFlippedByteNamesTheFileAndTheFetchCommand) {
  {
    std::fstream f(imdb, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(100);
    char c = 0;
    f.get(c);
    f.seekp(100);
    f.put(static_cast<char>(c ^ 0x20));
  }
  const auto e = error_of_package();
  EXPECT_NE(e.find("test/fixtures/imdb.json"), std::string::npos) << e;
  EXPECT_NE(e.find("corrupted"), std::string::npos) << e;
  EXPECT_NE(e.find("./setup.sh data"), std::string::npos) << e;
  // The loaders and the pre-flight check say the same before any parse.
  try {
    load_sentiment(DataCache(dir.string()), "imdb");
    ADD_FAILURE() << "a corrupted package loaded";
  } catch (const DataError& err) {
    EXPECT_NE(std::string(err.what()).find("./setup.sh data"), std::string::npos);
  }
  TaskOptions task;
  task.dataset = "sentiment";
  const auto issues = check_data(task, DataCache(dir.string()));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].field, "task.dataset");
}

TEST_F(DataCacheFaults, ATruncatedOrMissingFileIsCaught) {
  fs::resize_file(imdb, fs::file_size(imdb) / 2);
  EXPECT_NE(error_of_package().find("imdb.json"), std::string::npos);
  fs::remove(imdb);
  const auto e = error_of_package();
  EXPECT_NE(e.find("missing or unreadable"), std::string::npos) << e;
}

TEST_F(DataCacheFaults, AStampWithoutAFileListAsksForAFetch) {
  fs::remove(dir / "sentiment" / ".etlab-files");
  const auto e = error_of_package();
  EXPECT_NE(e.find(".etlab-files is missing"), std::string::npos) << e;
  EXPECT_NE(e.find("./setup.sh data"), std::string::npos) << e;
}

TEST_F(DataCacheFaults, AFileListThatLeavesThePackageIsRefused) {
  std::ofstream(dir / "sentiment" / ".etlab-files") << std::string(64, '0') << "  ../../etc/hostname\n";
  EXPECT_NE(error_of_package().find("outside"), std::string::npos);
}

TEST_F(DataCacheFaults, AFormOnlyReadsTheStamp) {
  fs::remove(imdb);
  // Without file verification (the New run dialog, at each edit) the stamp alone passes.
  EXPECT_NO_THROW(DataCache(dir.string(), /*verify_files=*/false).package_dir("sentiment"));
}

}  // namespace
}  // namespace etlab
