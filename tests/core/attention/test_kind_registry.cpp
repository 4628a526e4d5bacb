// SPDX-License-Identifier: MIT
// A test-only attention kind and a test-only LoRA forward form, registered from this binary alone
// (no core file knows them), train through train_run and run in `bench attention`.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>

#include "core/config/lora_axes.h"
#include "core/engine/engine.h"
#include "core/lora/lora_linear.h"
#include "core/lora/lora_variants.h"
#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

// The first block and the own block: a "global + self" pattern no built-in kind draws.
void register_test_variants() {
  if (!attention_kinds().find("test_first_and_own")) {
    AttentionKind k;
    k.name = "test_first_and_own";
    k.help = "test only: the first key block and the own block";
    k.order = 60;
    k.uses_topk = false;
    k.pattern = [](const nlohmann::json&, const PatternGeometry& g) {
      BlockPattern p;
      p.reset(g, std::min<int64_t>(2, g.mk));
      for (int64_t h = 0; h < g.heads; ++h)
        for (int64_t i = 0; i < g.mq; ++i) {
          p.at(g, h, i, g.own_block(i)) = 2.0f;
          if (g.own_block(i) != 0) p.at(g, h, i, 0) = 1.0f;
        }
      return p;
    };
    attention_kinds().add(std::move(k));
  }
  if (!lora_forms().find("test_half")) {
    lora_forms().add({"test_half", "test only: half the plain update"});
    lora_form_impls().add({"test_half",
                           [](const LoraLinearImpl& l, const torch::Tensor& x, const torch::Tensor& y) {
                             return y + torch::matmul(torch::matmul(x, l.lora_A.t()), l.lora_B.t()) * (0.5 * l.scaling);
                           },
                           [](const LoraLinearImpl& l) { return torch::matmul(l.lora_B, l.lora_A) * (0.5 * l.scaling); }});
  }
}

RunConfig config_with(const nlohmann::json& patch) {
  nlohmann::json cfg = {
      {"task", {{"dataset", "listops"}, {"max_len", 64}, {"min_len", 16}, {"train_size", 200}, {"val_size", 32}, {"test_size", 32}}},
      {"model", {{"layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64}, {"dropout", 0.0}}},
      {"attention", {{"block", 16}}},
      {"train", {{"steps", 6}, {"batch", 8}, {"warmup", 1}, {"eval_every", 3}, {"log_every", 2}, {"seed", 3}, {"threads", 1}}},
      {"probe", {{"examples", 1}, {"prob_steps", 1}}}};
  cfg.merge_patch(patch);
  RunConfig rc;
  const auto issues = parse_run_config(cfg, rc);
  EXPECT_TRUE(issues.empty()) << format_issues(issues);
  return rc;
}

TEST(KindRegistryTest, ATestOnlyKindTrainsThroughTrainRun) {
  register_test_variants();
  TempDb db;
  RunObserver quiet;
  const auto result = train_run(config_with({{"attention", {{"kind", "test_first_and_own"}}}}), *db.store, quiet);
  ASSERT_EQ(result.status, RunStatus::Finished) << result.reason;
  const auto run = db.store->find_run(result.run_id);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->method, "test_first_and_own");
  // Its selections were recorded: each query block kept block 0 and its own block, nothing else.
  const auto sel = db.store->selections(result.run_id, 0);
  ASSERT_FALSE(sel.empty());
  for (const auto& s : sel)
    for (int64_t qb = 0; qb < s.q_blocks; ++qb)
      for (int64_t kb = 0; kb < s.k_blocks; ++kb) EXPECT_EQ(s.selected(qb, kb), kb == 0 || kb == qb) << qb << "," << kb;
}

TEST(KindRegistryTest, ATestOnlyLoraFormTrainsAndMergesExactly) {
  register_test_variants();
  TempDb db;
  RunObserver quiet;
  const auto result =
      train_run(config_with({{"lora", {{"enabled", true}, {"form", "test_half"}, {"r", 4}, {"targets", {"q", "v"}}}}}), *db.store, quiet);
  ASSERT_EQ(result.status, RunStatus::Finished) << result.reason;
  // The form decides the layer's output and its merge.
  torch::manual_seed(2);
  LoraLinear layer(12, 10);
  LoraOptions o;
  o.enabled = true;
  o.r = 3;
  o.form = "test_half";
  layer->attach_lora(o);
  torch::NoGradGuard no_grad;
  layer->lora_B.normal_();
  auto x = torch::randn({4, 12});
  const auto y = layer->forward(x);
  const auto plain = torch::nn::functional::linear(x, layer->weight, layer->bias) +
                     torch::matmul(torch::matmul(x, layer->lora_A.t()), layer->lora_B.t()) * layer->scaling;
  EXPECT_GT((y - plain).abs().max().item<double>(), 1e-3) << "the test form is not the plain one";
  layer->merge();
  EXPECT_LE((layer->forward(x) - y).abs().max().item<double>(), 1e-5);
  // A form the configuration names but nothing implements is refused by name.
  lora_forms().add({"test_unimplemented", "test only"});
  LoraLinear other(8, 8);
  o.form = "test_unimplemented";
  try {
    other->attach_lora(o);
    ADD_FAILURE() << "attached a form without an implementation";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("test_unimplemented"), std::string::npos) << e.what();
  }
}

TEST(KindRegistryTest, ATestOnlyKindRunsInBenchAttention) {
  register_test_variants();
  BenchAttentionOptions o;
  o.lengths = {128};
  o.block = 32;
  o.repeats = 1;
  o.threads = 1;
  const auto rows = bench_attention(o);
  const BenchmarkRecord* mine = nullptr;
  for (const auto& r : rows)
    if (r.method == "test_first_and_own") mine = &r;
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->k, 2);  // its own k, not the benchmark's
  EXPECT_GT(mine->time_ms, 0.0);
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(mine->extra_json)["ideal_speedup"].get<double>(), 2.0);
}

}  // namespace
}  // namespace etlab
