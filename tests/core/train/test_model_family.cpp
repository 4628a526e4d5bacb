// SPDX-License-Identifier: MIT
// Model families from outside the core: a test-only family with its own parameter naming trains, and
// its checkpoints carry its names (read back for inference); one asking for a structure etlab does not
// build is refused by name.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/config/model_family.h"
#include "core/engine/engine.h"
#include "core/model/transformer.h"
#include "core/store/run_store.h"
#include "core/train/session.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

// etlab's encoder, its blocks stored as "layers.N" (as a Hugging Face layout would name them).
void register_test_families() {
  if (model_families().find("test_renamed")) return;
  ModelFamily renamed = model_family("encoder");
  renamed.name = renamed.arch = "test_renamed";
  renamed.help = "test only: the encoder with its blocks stored as layers.N";
  renamed.tensor_name = [](const std::string& name) {
    return name.rfind("blocks.", 0) == 0 ? "layers." + name.substr(7) : name;
  };
  model_families().add(renamed);
  ModelFamily rms = model_family("decoder");
  rms.name = rms.arch = "test_rmsnorm";
  rms.norm = "rmsnorm";
  rms.kv_heads = 1;
  model_families().add(rms);
}

RunConfig config_for(const std::string& arch) {
  nlohmann::json cfg = {
      {"task", {{"dataset", "listops"}, {"max_len", 48}, {"min_len", 16}, {"train_size", 120}, {"val_size", 24}, {"test_size", 24}}},
      {"model", {{"arch", arch}, {"layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64}, {"dropout", 0.0}}},
      {"train", {{"steps", 4}, {"batch", 8}, {"warmup", 1}, {"eval_every", 2}, {"seed", 4}, {"threads", 1}}},
      {"probe", {{"examples", 1}}}};
  RunConfig rc;
  const auto issues = parse_run_config(cfg, rc);
  EXPECT_TRUE(issues.empty()) << format_issues(issues);
  return rc;
}

TEST(ModelFamilyTest, ATestFamilysNamesAreItsCheckpoints) {
  register_test_families();
  TempDb db;
  RunObserver quiet;
  const auto result = train_run(config_for("test_renamed"), *db.store, quiet);
  ASSERT_EQ(result.status, RunStatus::Finished) << result.reason;
  const std::string weights = checkpoint_of(*db.store, result.run_id, "model");
  ASSERT_FALSE(weights.empty());
  torch::serialize::InputArchive archive;
  archive.load_from(weights);
  torch::Tensor t;
  EXPECT_TRUE(archive.try_read("p/layers.0.attn.q.weight", t));
  EXPECT_FALSE(archive.try_read("p/blocks.0.attn.q.weight", t));
  EXPECT_TRUE(archive.try_read("p/embed.weight", t)) << "names the family does not map stay etlab's";
  // Inference reads the weights back through the family's names (a mismatch would be "no weights").
  const auto out = infer(*db.store, result.run_id, "[MAX 2 9 ]");
  EXPECT_EQ(out.probabilities.size(), 10u);
}

TEST(ModelFamilyTest, AStructureEtlabDoesNotBuildIsRefusedByName) {
  register_test_families();
  TransformerOptions o;
  o.model.arch = "test_rmsnorm";
  try {
    Transformer model(o);
    ADD_FAILURE() << "built a family etlab cannot build";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("test_rmsnorm"), std::string::npos) << what;
    EXPECT_NE(what.find("norm rmsnorm"), std::string::npos) << what;
    EXPECT_NE(what.find("grouped-query attention"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace etlab
