// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <map>

#include "core/data/data_cache.h"
#include "core/data/dataset.h"
#include "core/data/listops.h"
#include "core/data/retrieval.h"

namespace etlab {
namespace {

TEST(ListOpsTest, LabelsEqualAnIndependentEvaluation) {
  ListOpsOptions o;
  o.min_len = 10;
  o.max_len = 300;
  const auto examples = generate_listops(500, 42, o);
  ASSERT_EQ(examples.size(), 500u);
  std::map<int, int> counts;
  for (const auto& e : examples) {
    EXPECT_EQ(evaluate_listops(e.text), e.label) << e.text;
    ++counts[e.label];
  }
  EXPECT_GE(counts.size(), 8u) << "labels cover the digits";
}

TEST(ListOpsTest, EvaluatorKnownExpressions) {
  EXPECT_EQ(evaluate_listops("[MAX 2 9 ]"), 9);
  EXPECT_EQ(evaluate_listops("[MIN 4 [MAX 7 1 ] 5 ]"), 4);
  EXPECT_EQ(evaluate_listops("[SM 9 9 5 ]"), 3);
  EXPECT_EQ(evaluate_listops("[MED 1 2 3 4 ]"), 2);  // int(np.median) = int(2.5)
  EXPECT_EQ(evaluate_listops("[MED 7 1 5 ]"), 5);
  EXPECT_THROW(evaluate_listops("[MAX 2 9"), std::invalid_argument);
  EXPECT_THROW(evaluate_listops("[FOO 1 ]"), std::invalid_argument);
  EXPECT_THROW(evaluate_listops("1 2"), std::invalid_argument);
}

TEST(ListOpsTest, DeterministicAndWithinLengths) {
  ListOpsOptions o;
  o.min_len = 50;
  o.max_len = 120;
  const auto a = generate_listops(50, 7, o), b = generate_listops(50, 7, o), c = generate_listops(50, 8, o);
  ListOpsTokenizer tok;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text);
    const auto n = static_cast<int64_t>(tok.encode(a[i].text).size());
    EXPECT_GE(n, 50);
    EXPECT_LE(n, 120);
    EXPECT_EQ(tok.decode(tok.encode(a[i].text)), a[i].text);
  }
  EXPECT_NE(a[0].text, c[0].text);
}

TEST(ListOpsTest, DatasetSplitsAreFixedAndLabelled) {
  TaskOptions task;
  task.dataset = "listops";
  task.max_len = 100;
  task.min_len = 20;
  task.train_size = 30;
  task.val_size = 10;
  task.test_size = 10;
  ListOpsTokenizer tok;
  const auto d = build_dataset(task, tok, DataCache("/nonexistent"), true);
  EXPECT_EQ(d.train.size(), 30u);
  EXPECT_EQ(d.class_names.size(), 10u);
  for (const auto& e : d.train) {
    EXPECT_EQ(e.tokens.front(), tok.cls_id());
    EXPECT_EQ(evaluate_listops(e.text), e.label);
  }
  EXPECT_NE(d.train[0].text, d.test[0].text) << "splits come from different generator seeds";
}

// A byte-level model (a fine-tune of the byte-level base) reads ListOps as text: every expression fits
// max_len bytes whole, so no label depends on a cut-off tail.
TEST(ListOpsTest, ReadAsBytesNothingIsCutOff) {
  TaskOptions task;
  task.dataset = "listops";
  task.tokenizer = "byte";
  task.max_len = 64;
  task.min_len = 8;
  task.train_size = 40;
  task.val_size = 5;
  task.test_size = 5;
  EXPECT_EQ(tokenizer_for(task), "byte");
  ByteTokenizer tok;
  const auto d = build_dataset(task, tok, DataCache("/nonexistent"), false);
  ASSERT_EQ(d.train.size(), 40u);
  for (const auto& e : d.train) {
    EXPECT_LE(static_cast<int64_t>(e.text.size()), 64) << e.text;
    EXPECT_EQ(tok.decode(e.tokens), e.text) << "the whole expression, not a prefix";
    EXPECT_EQ(evaluate_listops(e.text), e.label);
  }
  task.tokenizer = "auto";
  EXPECT_EQ(tokenizer_for(task), "listops");
}

TEST(RetrievalTest, AnswerIsTheOnlyValueToken) {
  const auto ex = generate_retrieval(100, 3, 128, 32);
  for (const auto& e : ex) {
    int values = 0;
    for (auto t : e.tokens) values += t >= RetrievalTokenizer::kFirstValue && t < RetrievalTokenizer::kFirstFiller;
    EXPECT_EQ(values, 1);
    EXPECT_GE(e.answer_pos, 32);
    EXPECT_EQ(e.tokens[static_cast<size_t>(e.answer_pos)], RetrievalTokenizer::kFirstValue + e.label);
  }
}

TEST(SplitTest, HashSplitIsStableAndProportional) {
  std::map<std::string, int> counts;
  for (int i = 0; i < 5000; ++i) counts[split_of({"doc" + std::to_string(i), "", "", ""})]++;
  EXPECT_NEAR(counts["train"], 4000, 150);
  EXPECT_NEAR(counts["val"], 500, 100);
  EXPECT_NEAR(counts["test"], 500, 100);
  EXPECT_EQ(split_of({"x", "", "", "test"}), "test");
  EXPECT_NE(split_of({"x", "", "", "train"}), "test");
}

}  // namespace
}  // namespace etlab
