// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/config/config_schema.h"
#include "core/config/presets.h"
#include "core/config/run_config.h"

namespace etlab {
namespace {

using nlohmann::json;

// The first issue's field for a configuration, or "" when it is valid.
std::vector<ConfigIssue> issues_of(const json& cfg) { return validate_config(cfg, nullptr); }

bool has_issue(const std::vector<ConfigIssue>& issues, const std::string& field, const std::string& words) {
  for (const auto& i : issues)
    if (i.field == field && i.message.find(words) != std::string::npos) return true;
  return false;
}

json base() { return {{"task", {{"dataset", "listops"}, {"train_size", 10}, {"val_size", 5}, {"test_size", 5}}}}; }

TEST(ConfigTest, DefaultsFillAValidConfig) {
  json full;
  EXPECT_TRUE(validate_config(base(), &full).empty());
  EXPECT_EQ(full["attention"]["topk"], "auto");
  EXPECT_EQ(full["lora"]["targets"], json({"q", "v"}));
  EXPECT_EQ(full["train"]["threads"], 0);
}

TEST(ConfigTest, BadConfigsNameTheField) {
  struct Case {
    json patch;
    std::string field, words;
  };
  const std::vector<Case> cases = {
      {{{"lora", {{"rank", 8}}}}, "lora.rank", "unknown key"},
      {{{"bogus", 1}}, "bogus", "unknown key"},
      {{{"lora", {{"r", 0}}}}, "lora.r", "at least 1"},
      {{{"lora", {{"r", -3}}}}, "lora.r", "at least 1"},
      {{{"lora", {{"r", 2.5}}}}, "lora.r", "integer"},
      {{{"lora", {{"r", "eight"}}}}, "lora.r", "integer"},
      {{{"lora", {{"enabled", true}, {"r", 129}}}, {"model", {{"d_model", 128}}}}, "lora.r", "exceeds"},
      {{{"lora", {{"enabled", true}, {"targets", {"q", "w"}}}}}, "lora.targets", "unknown item \"w\""},
      {{{"lora", {{"enabled", true}, {"targets", json::array()}}}}, "lora.targets", "at least 1"},
      {{{"lora", {{"enabled", true}, {"targets", {"router_q"}}}}}, "lora.targets", "learned_sparse"},
      {{{"lora", {{"alpha", 0}}}}, "lora.alpha", "at least"},
      {{{"attention", {{"kind", "sparse"}}}}, "attention.kind", "unknown value"},
      {{{"attention", {{"kind", "learned_sparse"}, {"block", 1024}}}, {"task", {{"max_len", 512}}}}, "attention.block", "larger than the sequence"},
      {{{"attention", {{"kind", "fixed_sparse"}, {"topk", 64}, {"block", 64}}}, {"task", {{"max_len", 512}}}}, "attention.topk", "only 8 blocks"},
      {{{"attention", {{"kind", "learned_sparse"}, {"topk", 0}}}}, "attention.topk", "at least 1"},
      {{{"attention", {{"topk", "some"}}}}, "attention.topk", "\"auto\""},
      {{{"attention", {{"kind", "fixed_sparse"}, {"pattern", "bigbird"}, {"random_blocks", 5}}}}, "attention.random_blocks", "bigbird"},
      {{{"attention", {{"kind", "learned_sparse"}, {"dense_warmup_steps", 500}}}, {"train", {{"steps", 100}}}}, "attention.dense_warmup_steps", "smaller"},
      {{{"model", {{"heads", 3}}}}, "model.heads", "divide"},
      {{{"model", {{"d_model", 36}, {"heads", 4}}}}, "model.heads", "even"},
      {{{"model", {{"dropout", 1.5}}}}, "model.dropout", "at most"},
      {{{"model", {{"pooling", "cls"}, {"arch", "decoder"}}}}, "model.pooling", "encoder"},
      {{{"model", {{"pooling", "last"}}}}, "model.pooling", "decoder"},
      {{{"task", {{"objective", "lm"}}}}, "model.arch", "decoder"},
      {{{"task", {{"dataset", "corpus"}}}}, "task.objective", "lm"},
      {{{"task", {{"dataset", "user"}}}}, "task.path", "jsonl"},
      {{{"task", {{"train_size", 0}}}}, "task.train_size", "greater than 0"},
      {{{"task", {{"min_len", 600}, {"max_len", 500}}}}, "task.min_len", "max_len"},
      {{{"task", {{"max_len", 4}}}}, "task.max_len", "at least 8"},
      {{{"task", {{"tokenizer", "bpe"}}}}, "task.tokenizer", "own vocabulary"},
      {{{"train", {{"phase", "finetune"}}}}, "train.base", "base run"},
      {{{"train", {{"phase", "pretrain"}}}}, "train.phase", "lm"},
      {{{"train", {{"warmup", 300}, {"steps", 100}}}}, "train.warmup", "smaller"},
      {{{"train", {{"lr", -1}}}}, "train.lr", "at least"},
      {{{"train", {{"device", "tpu"}}}}, "train.device", "unknown value"},
      {{{"train", {{"deterministic", "yes"}}}}, "train.deterministic", "true or false"},
      {{{"probe", {{"examples", 9}}}}, "probe.examples", "at most 4"},
      {{{"model", {{"max_len", 100}}}, {"task", {{"max_len", 200}}}}, "model.max_len", "at least"},
      {{{"train", {{"base_preset", "pretrain-base"}}}}, "train.base_preset", "finetune"},
      {{{"task", {{"eval_domains", {"yelp"}}}}}, "task.eval_domains", "sentiment"},
      {{{"task", {{"dataset", "fashion_mnist"}, {"max_len", 784}}}}, "model.patch", "divides 28"},
      {{{"task", {{"dataset", "brown_tagging"}}}}, "task.objective", "seq2seq"},
      {{{"task", {{"dataset", "brown_tagging"}, {"objective", "seq2seq"}}}}, "model.arch", "encoder_decoder"},
      {{{"model", {{"arch", "encoder_decoder"}}}}, "model.arch", "seq2seq"},
      {{{"model", {{"decoder_layers", 2}}}}, "model.decoder_layers", "encoder_decoder"},
      {{{"task", {{"dataset", "mnist"}, {"max_len", 784}}}, {"model", {{"patch", 5}}}}, "model.patch", "got 5"},
      {{{"task", {{"dataset", "mnist"}, {"max_len", 512}}}, {"model", {{"patch", 4}}}}, "task.max_len", "784"},
      {{{"task", {{"dataset", "mnist"}, {"max_len", 784}, {"tokenizer", "byte"}}}, {"model", {{"patch", 4}}}}, "task.tokenizer", "pixels"},
      {{{"task", {{"dataset", "spam"}}}, {"model", {{"patch", 4}}}}, "model.patch", "only to the image"},
      {{{"task", {{"dataset", "fashion_mnist"}, {"max_len", 784}}}, {"model", {{"patch", 4}}},
        {"attention", {{"kind", "learned_sparse"}, {"block", 64}}}}, "attention.block", "50 positions"},
  };
  for (const auto& c : cases) {
    json cfg = base();
    cfg.merge_patch(c.patch);
    const auto issues = issues_of(cfg);
    EXPECT_TRUE(has_issue(issues, c.field, c.words)) << c.patch.dump() << " -> " << format_issues(issues);
  }
}

TEST(ConfigTest, EveryProblemIsReported) {
  json cfg = base();
  cfg.merge_patch({{"lora", {{"r", 0}, {"alpha", -1}}}, {"train", {{"steps", "many"}}}, {"extra", true}});
  const auto issues = issues_of(cfg);
  EXPECT_EQ(issues.size(), 4u) << format_issues(issues);
}

TEST(ConfigTest, AnEmptyKeyIsNamedByItsPlace) {  // fuzz_config: the issue's field was blank
  EXPECT_TRUE(has_issue(issues_of(json{{"", json::object()}}), "(root)", "empty key"));
  json cfg = base();
  cfg["lora"] = json{{"", 1}};
  EXPECT_TRUE(has_issue(issues_of(cfg), "lora", "empty key"));
}

TEST(ConfigTest, NotAnObject) {
  EXPECT_TRUE(has_issue(issues_of(json::array()), "(root)", "JSON object"));
  EXPECT_TRUE(has_issue(issues_of(json{{"task", 5}}), "task", "unknown key"));
}

TEST(ConfigTest, SetParsesByType) {
  json cfg = base();
  EXPECT_FALSE(apply_set(cfg, "lora.targets=q,v,ffn_in"));
  EXPECT_EQ(cfg["lora"]["targets"], json({"q", "v", "ffn_in"}));
  EXPECT_FALSE(apply_set(cfg, "train.steps=200"));
  EXPECT_EQ(cfg["train"]["steps"], 200);
  EXPECT_FALSE(apply_set(cfg, "attention.topk=auto"));
  EXPECT_FALSE(apply_set(cfg, "attention.topk=4"));
  EXPECT_EQ(cfg["attention"]["topk"], 4);
  EXPECT_FALSE(apply_set(cfg, "lora.enabled=true"));
  EXPECT_FALSE(apply_set(cfg, "train.lr=3e-4"));
  EXPECT_DOUBLE_EQ(cfg["train"]["lr"].get<double>(), 3e-4);
  EXPECT_EQ(apply_set(cfg, "lora.rank=8")->field, "lora.rank");
  EXPECT_EQ(apply_set(cfg, "lora.r=abc")->field, "lora.r");
  EXPECT_EQ(apply_set(cfg, "lora.r=0")->field, "lora.r");
  EXPECT_EQ(apply_set(cfg, "lora.enabled=maybe")->field, "lora.enabled");
  EXPECT_EQ(apply_set(cfg, "attention.kind=sparse")->field, "attention.kind");
  EXPECT_TRUE(apply_set(cfg, "no-equals-sign"));
  RunConfig rc;
  EXPECT_TRUE(parse_run_config(cfg, rc).empty());
  EXPECT_TRUE(rc.lora.enabled);
  EXPECT_EQ(rc.attention.topk, 4);
}

TEST(ConfigTest, EveryBuiltinPresetIsValid) {
  const std::vector<std::string> required = {"smoke-dense", "smoke-sparse", "smoke-lora", "listops-dense", "listops-sparse",
                                             "listops-fixed", "text-dense", "text-sparse", "pretrain-base", "sentiment-full-ft",
                                             "sentiment-lora", "sentiment-sparse-lora", "bert-base-shape"};
  for (const auto& name : required) EXPECT_NE(find_preset(name), nullptr) << name;
  for (const auto& p : builtin_presets()) {
    RunConfig rc;
    const auto issues = parse_run_config(p.config, rc);
    EXPECT_TRUE(issues.empty()) << p.name << ": " << format_issues(issues);
    EXPECT_FALSE(p.description.empty()) << p.name;
  }
}

TEST(ConfigTest, SmokeSparseIsReallySparse) {
  RunConfig rc;
  ASSERT_TRUE(parse_run_config(find_preset("smoke-sparse")->config, rc).empty());
  EXPECT_EQ(rc.attention.kind, "learned_sparse");
  EXPECT_GE(rc.task.min_len, 8 * rc.attention.block);
  const int64_t blocks = (rc.task.min_len + rc.attention.block - 1) / rc.attention.block;
  EXPECT_LT(rc.attention.resolve_topk(rc.task.min_len), blocks);
}

TEST(ConfigTest, MethodLabels) {
  RunConfig rc;
  json cfg = base();
  cfg.merge_patch({{"attention", {{"kind", "fixed_sparse"}, {"pattern", "strided"}}}});
  ASSERT_TRUE(parse_run_config(cfg, rc).empty());
  EXPECT_EQ(rc.method(), "fixed_sparse:strided");
  cfg.merge_patch({{"lora", {{"enabled", true}}}});
  ASSERT_TRUE(parse_run_config(cfg, rc).empty());
  EXPECT_EQ(rc.method(), "fixed_sparse:strided+lora");
}

}  // namespace
}  // namespace etlab
