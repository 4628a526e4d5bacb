// SPDX-License-Identifier: MIT
// The registries from outside the core: a test-only attention kind and a test-only LoRA form, added
// by this test binary alone, validate, show in the `keys` listing and are refused when they clash.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/config/attention_kind.h"
#include "core/config/lora_axes.h"
#include "core/config/model_family.h"
#include "core/config/run_config.h"
#include "tests/core/config/test_kinds.h"

namespace etlab {
namespace {

using test::every_other_kind;
using test::register_test_variants;

nlohmann::json with(const nlohmann::json& patch) {
  nlohmann::json cfg = {{"task", {{"train_size", 10}, {"val_size", 10}, {"test_size", 10}}}};
  cfg.merge_patch(patch);
  return cfg;
}

TEST(RegistryTest, ATestOnlyAttentionKindValidatesAndIsListed) {
  register_test_variants();
  RunConfig rc;
  auto issues = parse_run_config(with({{"attention", {{"kind", "test_every_other"}, {"block", 32}, {"test_stride", 3}}}}), rc);
  ASSERT_TRUE(issues.empty()) << format_issues(issues);
  EXPECT_EQ(rc.attention.kind, "test_every_other");
  EXPECT_EQ(rc.attention.param("test_stride"), 3);
  EXPECT_EQ(rc.json["attention"]["test_stride"], 3);
  EXPECT_TRUE(rc.attention.sparse());
  EXPECT_EQ(rc.method(), "test_every_other");
  // Its own check and its key's range run like any built-in kind's.
  issues = parse_run_config(with({{"attention", {{"kind", "test_every_other"}, {"block", 256}, {"test_stride", 9}}}}), rc);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues.front().field, "attention.test_stride");
  issues = parse_run_config(with({{"attention", {{"kind", "test_every_other"}, {"test_stride", 0}}}}), rc);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues.front().field, "attention.test_stride");
  // `etlab-cli keys` lists the kind among the choices and its key with the kind's own help.
  bool kind_listed = false, key_listed = false;
  for (const auto& k : keys_listing()) {
    if (k["key"] == "attention.kind") {
      const auto choices = k["choices"].get<std::vector<std::string>>();
      kind_listed = std::find(choices.begin(), choices.end(), "test_every_other") != choices.end();
    }
    if (k["key"] == "attention.test_stride") key_listed = k["default"] == 2 && k["max"] == 64;
  }
  EXPECT_TRUE(kind_listed);
  EXPECT_TRUE(key_listed);
  EXPECT_NE(keys_table().find("attention.test_stride"), std::string::npos);
}

TEST(RegistryTest, AnUnknownKindCannotPassValidation) {
  RunConfig rc;
  const auto issues = parse_run_config(with({{"attention", {{"kind", "sliding_windows"}}}}), rc);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues.front().field, "attention.kind");
  EXPECT_NE(issues.front().message.find("expected one of"), std::string::npos) << issues.front().message;
  EXPECT_THROW(attention_kind("sliding_windows"), std::invalid_argument);
}

TEST(RegistryTest, KindsThatClashAreRefusedByName) {
  AttentionKind dup = every_other_kind();
  dup.name = kinds::kDense;
  EXPECT_THROW(attention_kinds().add(dup), std::invalid_argument);  // the name is taken
  AttentionKind steals = every_other_kind();
  steals.name = "test_steals_a_key";
  steals.keys = {int_key("attention.pattern", 1, 0, 1, "x")};
  try {
    attention_kinds().add(steals);
    ADD_FAILURE() << "a kind took another kind's key";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(kinds::kFixedSparse), std::string::npos) << e.what();
  }
  AttentionKind common = every_other_kind();
  common.name = "test_common_key";
  common.keys = {int_key("attention.block", 1, 0, 1, "x")};
  EXPECT_THROW(attention_kinds().add(common), std::invalid_argument);
  AttentionKind nothing = every_other_kind();
  nothing.name = "test_no_selection";
  nothing.pattern = nullptr;
  nothing.keys.clear();
  nothing.form_keys.clear();
  EXPECT_THROW(attention_kinds().add(nothing), std::invalid_argument);  // sparse, but selects nothing
  EXPECT_EQ(attention_kinds().find("test_steals_a_key"), nullptr);
}

TEST(RegistryTest, ATestOnlyLoraFormValidatesAndIsListed) {
  register_test_variants();
  RunConfig rc;
  auto issues = parse_run_config(with({{"lora", {{"enabled", true}, {"form", "test_half"}}}}), rc);
  ASSERT_TRUE(issues.empty()) << format_issues(issues);
  EXPECT_EQ(rc.lora.form, "test_half");
  issues = parse_run_config(with({{"lora", {{"enabled", true}, {"form", "dora_typo"}}}}), rc);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues.front().field, "lora.form");
  for (const auto& k : keys_listing())
    if (k["key"] == "lora.form") EXPECT_NE(k["choices"].dump().find("test_half"), std::string::npos);
}

TEST(RegistryTest, TheFourLoraInitsAreChoices) {
  for (const char* init : {"kaiming", "gaussian", "pissa", "olora"}) EXPECT_NE(lora_inits().find(init), nullptr) << init;
}

TEST(RegistryTest, ModelFamiliesDecideCausalityPoolingAndObjectives) {
  EXPECT_EQ(model_family("encoder").name, "encoder");
  EXPECT_EQ(model_family("encoder", 4).name, "vit");
  EXPECT_TRUE(model_family("decoder").causal);
  EXPECT_TRUE(model_family("encoder_decoder").decoder_stack);
  EXPECT_EQ(model_family("decoder").default_pooling, "mean");
  EXPECT_FALSE(model_family("encoder").serves("lm"));
  EXPECT_THROW(model_family("mamba"), std::invalid_argument);
  RunConfig rc;
  auto issues = parse_run_config(with({{"model", {{"arch", "mamba"}}}}), rc);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues.front().field, "model.arch");
  // A family's rules are the schema's: a decoder's "last" pooling, an encoder's refusal of it.
  issues = parse_run_config(with({{"model", {{"arch", "decoder"}, {"pooling", "last"}}}}), rc);
  EXPECT_TRUE(issues.empty()) << format_issues(issues);
  issues = parse_run_config(with({{"model", {{"pooling", "last"}}}}), rc);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues.front().field, "model.pooling");
}

TEST(RegistryTest, TopKFormulaIsTheReviews) {
  EXPECT_EQ(resolve_topk(4096, 64, 0, 1.0), 6);   // ceil(log2(64))
  EXPECT_EQ(resolve_topk(1000, 64, 0, 1.0), 4);   // ceil(log2(15.6))
  EXPECT_EQ(resolve_topk(64, 64, 0, 1.0), 1);
  EXPECT_EQ(resolve_topk(4096, 64, 0, 2.0), 12);
  EXPECT_EQ(resolve_topk(4096, 64, 100, 1.0), 64);  // clamped to the number of blocks
}

TEST(RegistryTest, TokenWindowIsMistrals) {
  const TokenWindow w{3, 1};
  // Causal: i - W < j <= i, plus the sink at 0.
  std::vector<int64_t> seen;
  for (int64_t j = 0; j < 10; ++j)
    if (w.sees(6, j, true)) seen.push_back(j);
  EXPECT_EQ(seen, (std::vector<int64_t>{0, 4, 5, 6}));
  seen.clear();
  for (int64_t j = 0; j < 10; ++j)
    if (w.sees(6, j, false)) seen.push_back(j);
  EXPECT_EQ(seen, (std::vector<int64_t>{0, 4, 5, 6, 7, 8}));
  EXPECT_FALSE(w.sees(0, 1, true)) << "a sink is still causal";
}

}  // namespace
}  // namespace etlab
