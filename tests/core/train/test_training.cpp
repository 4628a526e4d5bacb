// SPDX-License-Identifier: MIT
// End-to-end training through the engine's public calls, on generated ListOps (no data cache needed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/config/presets.h"
#include "core/engine/engine.h"
#include "core/config/file_hash.h"
#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"
#include "core/train/session.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

RunConfig tiny_config(nlohmann::json overrides = nlohmann::json::object()) {
  nlohmann::json cfg = {
      {"task", {{"dataset", "listops"}, {"max_len", 64}, {"min_len", 16}, {"train_size", 300}, {"val_size", 40}, {"test_size", 40}}},
      {"model", {{"layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64}, {"dropout", 0.1}}},
      {"attention", {{"kind", "learned_sparse"}, {"block", 16}, {"topk", 2}}},
      {"train", {{"steps", 16}, {"batch", 8}, {"warmup", 2}, {"eval_every", 4}, {"log_every", 2}, {"seed", 5},
                 {"deterministic", true}, {"threads", 2}}},
      {"probe", {{"examples", 2}, {"prob_steps", 2}}}};
  cfg.merge_patch(overrides);
  RunConfig rc;
  auto issues = parse_run_config(cfg, rc);
  EXPECT_TRUE(issues.empty()) << format_issues(issues);
  return rc;
}

struct Recorder : RunObserver {
  std::vector<double> losses;
  int64_t stop_after = -1;   ///< cancel once this step is done
  int64_t throw_at = -1;     ///< simulate a crash after this step
  int64_t steps_after_stop = 0;
  bool stop_requested = false;
  void on_step(const StepEvent& e) override {
    if (stop_requested) ++steps_after_stop;
    losses.push_back(e.loss);
    if (e.step == throw_at) throw std::runtime_error("simulated crash");
    if (e.step == stop_after) stop_requested = true;
  }
  bool should_stop() override { return stop_requested; }
};

std::vector<double> stored_losses(RunStore& store, const std::string& id) {
  std::vector<double> out;
  for (const auto& m : store.metrics(id, "train/loss")) out.push_back(m.value);
  return out;
}

TEST(TrainingTest, NanLossEndsTheRunAsFailedWithReason) {
  TempDb db;
  Recorder obs;
  setenv("ETLAB_INJECT_NAN_STEP", "3", 1);
  auto r = train_run(tiny_config(), *db.store, obs);
  unsetenv("ETLAB_INJECT_NAN_STEP");
  EXPECT_EQ(r.status, RunStatus::Failed);
  EXPECT_NE(r.reason.find("NaN"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("step 3"), std::string::npos) << r.reason;
  auto rec = db.store->find_run(r.run_id);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->status, "failed");
  EXPECT_EQ(rec->reason, r.reason);
  EXPECT_EQ(obs.losses.size(), 2u) << "the NaN step is not reported as a step";
}

// Router transfer (research gap 4): a run can start its learned router from another run's and keep it
// frozen; the copy is exact, the stored configuration pins the source, and a source without a fitting
// router is refused by name.
TEST(TrainingTest, RouterFromAnotherRunIsCopiedAndCanStayFrozen) {
  TempDb db;
  Recorder obs;
  auto source = train_run(tiny_config(), *db.store, obs);
  ASSERT_EQ(source.status, RunStatus::Finished) << source.reason;
  auto target = train_run(tiny_config({{"train", {{"router_from", source.run_id.substr(0, 8)}, {"freeze_router", true},
                                                  {"seed", 9}, {"steps", 8}}}}),
                          *db.store, obs);
  ASSERT_EQ(target.status, RunStatus::Finished) << target.reason;
  const auto stored = nlohmann::json::parse(db.store->find_run(target.run_id)->config_json);
  EXPECT_EQ(stored["train"]["router_from"], source.run_id);
  torch::serialize::InputArchive a, b;
  a.load_from(checkpoint_of(*db.store, source.run_id, "model"));
  b.load_from(checkpoint_of(*db.store, target.run_id, "model"));
  int routers = 0, others_differ = 0;
  for (const auto& key : a.keys()) {
    if (key.rfind("p/", 0) != 0) continue;
    torch::Tensor x, y;
    ASSERT_TRUE(a.try_read(key, x));
    ASSERT_TRUE(b.try_read(key, y)) << key;
    if (key.find(".router_") != std::string::npos) {
      ++routers;
      EXPECT_TRUE(torch::equal(x, y)) << key << ": the frozen router is the source's";
    } else if (!torch::equal(x, y)) {
      ++others_differ;
    }
  }
  EXPECT_GT(routers, 0);
  EXPECT_GT(others_differ, 0) << "everything else trained from its own seed";

  // A dense run has no router to give.
  auto dense = train_run(tiny_config({{"attention", {{"kind", "dense"}}}, {"train", {{"steps", 4}}}}), *db.store, obs);
  ASSERT_EQ(dense.status, RunStatus::Finished);
  try {
    auto bad = train_run(tiny_config({{"train", {{"router_from", dense.run_id}}}}), *db.store, obs);
    EXPECT_NE(bad.status, RunStatus::Finished);
    EXPECT_NE(bad.reason.find("train.router_from"), std::string::npos) << bad.reason;
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("train.router_from"), std::string::npos) << e.what();
  }
  // Only learned-sparse attention has a router.
  RunConfig rc;
  nlohmann::json j = {{"attention", {{"kind", "dense"}}}, {"train", {{"router_from", source.run_id}}}};
  const auto issues = parse_run_config(j, rc);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues.front().field, "train.router_from");
}

// A small ViT (7×7 patches: 16 and CLS) learns the digits from the real data cache, and LoRA adapts it
// to Fashion-MNIST with a fresh head.
TEST(TrainingTest, VitLearnsDigitsAndLoraAdaptsIt) {
  TempDb db;
  Recorder obs;
  nlohmann::json vit = {
      {"task", {{"dataset", "mnist"}, {"max_len", 784}, {"train_size", 2000}, {"val_size", 100}, {"test_size", 300}}},
      {"model", {{"patch", 7}, {"layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64}, {"dropout", 0.0}}},
      {"attention", {{"kind", "learned_sparse"}, {"block", 3}, {"topk", 2}, {"dense_warmup_steps", 10}}},
      {"train", {{"steps", 60}, {"batch", 32}, {"lr", 0.003}, {"warmup", 5}, {"eval_every", 30}, {"log_every", 10},
                 {"seed", 3}, {"threads", 2}}},
      {"probe", {{"examples", 1}, {"prob_steps", 1}}}};
  RunConfig cfg;
  ASSERT_TRUE(parse_run_config(vit, cfg).empty()) << format_issues(parse_run_config(vit, cfg));
  auto base = train_run(cfg, *db.store, obs);
  ASSERT_EQ(base.status, RunStatus::Finished) << base.reason;
  const double acc = base.summary["test/accuracy"], majority = base.summary["majority_baseline"];
  std::printf("ViT on digits, 60 steps: test accuracy %.3f (majority %.3f)\n", acc, majority);
  EXPECT_GT(acc, majority + 0.2);
  const auto rec = db.store->find_run(base.run_id);
  EXPECT_EQ(nlohmann::json::parse(rec->environment_json)["tokenizer"], "pixel");
  const auto sel = db.store->selections(base.run_id, 0);
  ASSERT_FALSE(sel.empty());
  EXPECT_EQ(sel.back().q_blocks, 6) << "17 positions in blocks of 3";

  nlohmann::json ft = {{"task", {{"dataset", "fashion_mnist"}, {"max_len", 784}, {"train_size", 500}, {"val_size", 50}, {"test_size", 100}}},
                       {"lora", {{"enabled", true}, {"r", 4}, {"alpha", 8}, {"targets", {"q", "v"}}}},
                       {"train", {{"phase", "finetune"}, {"base", base.run_id}, {"steps", 6}, {"batch", 16}, {"warmup", 1},
                                  {"eval_every", 6}, {"seed", 4}, {"threads", 2}}},
                       {"probe", {{"examples", 1}}}};
  RunConfig ft_cfg;
  ASSERT_TRUE(parse_run_config(ft, ft_cfg).empty()) << format_issues(parse_run_config(ft, ft_cfg));
  auto adapted = train_run(ft_cfg, *db.store, obs);
  ASSERT_EQ(adapted.status, RunStatus::Finished) << adapted.reason;
  const auto stored = nlohmann::json::parse(db.store->find_run(adapted.run_id)->config_json);
  EXPECT_EQ(stored["model"]["patch"], 7) << "the architecture is the base's";
  const auto params = db.store->find_run(adapted.run_id);
  EXPECT_LT(params->params_trainable * 5, params->params_total);
  // A text base cannot be adapted to images.
  auto text = train_run(tiny_config({{"attention", {{"kind", "dense"}}}, {"train", {{"steps", 4}}}}), *db.store, obs);
  ASSERT_EQ(text.status, RunStatus::Finished);
  ft["train"]["base"] = text.run_id;
  RunConfig bad;
  ASSERT_TRUE(parse_run_config(ft, bad).empty());
  try {
    auto r = train_run(bad, *db.store, obs);
    ADD_FAILURE() << "a listops base adapted to images: " << static_cast<int>(r.status);
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("pixel"), std::string::npos) << e.what();
  }
}

// The encoder-decoder's decoder is causal and reads the source through cross-attention; both hold for
// learned block-sparse attention in every self- and cross-attention.
TEST(TrainingTest, EncoderDecoderIsCausalAndReadsItsSource) {
  TransformerOptions o;
  o.vocab_size = 259;
  o.model.d_model = 32;
  o.model.heads = 2;
  o.model.layers = 1;
  o.model.arch = "encoder_decoder";
  o.model.decoder_layers = 2;
  o.model.ffn = 64;
  o.model.dropout = 0.0;
  o.model.max_len = 129;
  o.attention.kind = kinds::kLearnedSparse;
  o.attention.block = 16;
  o.attention.topk = 2;
  torch::manual_seed(7);
  Transformer m(o);
  m->eval();
  torch::NoGradGuard no_grad;
  auto src = torch::randint(0, 256, {2, 96}, torch::kLong), tgt = torch::randint(0, 256, {2, 64}, torch::kLong);
  auto sv = torch::ones({2, 96}, torch::kBool), tv = torch::ones({2, 64}, torch::kBool);
  const auto a = m->forward_seq2seq(src, sv, tgt, tv).logits;
  ASSERT_EQ(a.sizes(), (std::vector<int64_t>{2, 64, 259}));
  // Causal at block granularity: a change from position 48 (the first of block 3) on leaves every earlier
  // position as it was. (Within a block the router pools its queries, so the *selection* of a block may
  // depend on its later positions; the attention itself never reads them.)
  auto tgt2 = tgt.clone();
  tgt2.slice(1, 48, 64).fill_(66);
  const auto b = m->forward_seq2seq(src, sv, tgt2, tv).logits;
  EXPECT_TRUE(torch::allclose(a.slice(1, 0, 48), b.slice(1, 0, 48), 1e-5, 1e-6)) << "position t sees no target token after t";
  EXPECT_FALSE(torch::allclose(a.slice(1, 48, 64), b.slice(1, 48, 64), 1e-5, 1e-6));
  auto src2 = src.clone();
  src2.slice(1, 0, 96).fill_(65);
  const auto c = m->forward_seq2seq(src2, sv, tgt, tv).logits;
  EXPECT_FALSE(torch::allclose(a, c, 1e-4, 1e-5)) << "the decoder reads the source";
  EXPECT_THROW(Transformer(TransformerOptions{})->forward_seq2seq(src, sv, tgt, tv), std::invalid_argument);
  int cross_routers = 0;
  for (const auto& a : m->adaptable()) cross_routers += a.type == "router_q" && a.layer >= 3;
  EXPECT_EQ(cross_routers, 2) << "layers 3 and 4 are the decoder's cross-attention";
}

// Brown tagging as sequence to sequence trains end to end and reports token accuracy against the most
// frequent target token.
TEST(TrainingTest, Seq2seqTaggingTrains) {
  TempDb db;
  Recorder obs;
  nlohmann::json j = {
      {"task", {{"dataset", "brown_tagging"}, {"objective", "seq2seq"}, {"max_len", 128}, {"tokenizer", "byte"},
                {"train_size", 400}, {"val_size", 20}, {"test_size", 40}}},
      {"model", {{"arch", "encoder_decoder"}, {"layers", 1}, {"decoder_layers", 1}, {"d_model", 32}, {"heads", 2}, {"ffn", 64},
                 {"dropout", 0.0}}},
      {"attention", {{"kind", "learned_sparse"}, {"block", 16}, {"topk", 3}, {"dense_warmup_steps", 5}}},
      {"train", {{"steps", 100}, {"batch", 16}, {"lr", 0.003}, {"warmup", 8}, {"eval_every", 50}, {"log_every", 10}, {"seed", 2},
                 {"threads", 2}}},
      {"probe", {{"examples", 1}, {"prob_steps", 1}}}};
  RunConfig cfg;
  ASSERT_TRUE(parse_run_config(j, cfg).empty()) << format_issues(parse_run_config(j, cfg));
  auto r = train_run(cfg, *db.store, obs);
  ASSERT_EQ(r.status, RunStatus::Finished) << r.reason;
  const double acc = r.summary["test/accuracy"], majority = r.summary["majority_baseline"];
  std::printf("encoder-decoder on Brown tagging, 100 steps: target bytes right %.3f (most frequent byte %.3f)\n", acc, majority);
  EXPECT_GT(majority, 0.05);
  EXPECT_GT(acc, majority + 0.05) << "beats writing the most frequent byte everywhere";
  const auto losses = stored_losses(*db.store, r.run_id);
  ASSERT_EQ(losses.size(), 100u);
  EXPECT_LT(losses.back(), losses.front() - 1.0);
  EXPECT_FALSE(db.store->selections(r.run_id, 0).empty()) << "the encoder's selections are recorded";
  try {
    infer(*db.store, r.run_id, "The jury said", EngineOptions{});
    ADD_FAILURE() << "infer on an encoder-decoder";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("encoder-decoder"), std::string::npos) << e.what();
  }
}

// A run whose start fails after it was created (here the observer throws) ends failed with the
// reason and is let go, not left "running" and owned by a process that gave up on it.
TEST(TrainingTest, RunThatCannotStartEndsFailedAndIsReleased) {
  struct ThrowsOnStart : Recorder {
    std::string id;
    void on_start(const std::string& run_id, const nlohmann::json&) override {
      id = run_id;
      throw std::runtime_error("the observer is gone");
    }
  } obs;
  TempDb db;
  EXPECT_THROW(train_run(tiny_config(), *db.store, obs), std::runtime_error);
  ASSERT_FALSE(obs.id.empty());
  const auto rec = db.store->find_run(obs.id);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->status, "failed");
  EXPECT_NE(rec->reason.find("could not start: the observer is gone"), std::string::npos) << rec->reason;
  EXPECT_FALSE(db.store->owns(obs.id));
}

TEST(TrainingTest, CancellationStopsWithinOneStep) {
  TempDb db;
  Recorder obs;
  obs.stop_after = 3;
  auto r = train_run(tiny_config(), *db.store, obs);
  EXPECT_EQ(r.status, RunStatus::Cancelled);
  EXPECT_EQ(obs.steps_after_stop, 0);
  auto rec = db.store->find_run(r.run_id);
  EXPECT_EQ(rec->step, 3);
  EXPECT_EQ(rec->status, "cancelled");
  bool resumable = false;
  for (const auto& c : db.store->checkpoints(r.run_id)) resumable |= c.kind == "full" && c.step == 3;
  EXPECT_TRUE(resumable) << "a cancelled run keeps a checkpoint at the step it stopped";
}

TEST(TrainingSlow, ResumeIsBitIdentical) {
  TempDb db;
  const auto cfg = tiny_config();
  Recorder straight;
  auto a = train_run(cfg, *db.store, straight);
  ASSERT_EQ(a.status, RunStatus::Finished) << a.reason;
  const auto reference = stored_losses(*db.store, a.run_id);
  ASSERT_EQ(reference.size(), 16u);

  // Cancelled at step 6 (checkpoint at the cancel point), then resumed.
  Recorder first;
  first.stop_after = 6;
  auto b = train_run(cfg, *db.store, first);
  ASSERT_EQ(b.status, RunStatus::Cancelled);
  Recorder second;
  auto b2 = resume_run(b.run_id, *db.store, second);
  ASSERT_EQ(b2.status, RunStatus::Finished) << b2.reason;
  ASSERT_EQ(second.losses.size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(second.losses[i], reference[6 + i]) << "step " << 7 + i;
  EXPECT_EQ(stored_losses(*db.store, b.run_id), reference);

  // A crash after step 6: the last checkpoint is the evaluation at step 4; steps 5-6 are redone.
  Recorder crash;
  crash.throw_at = 6;
  auto c = train_run(cfg, *db.store, crash);
  ASSERT_EQ(c.status, RunStatus::Failed);
  Recorder after;
  auto c2 = resume_run(c.run_id, *db.store, after);
  ASSERT_EQ(c2.status, RunStatus::Finished) << c2.reason;
  ASSERT_EQ(after.losses.size(), 12u);
  for (size_t i = 0; i < 12; ++i) EXPECT_EQ(after.losses[i], reference[4 + i]) << "step " << 5 + i;
  EXPECT_EQ(c2.summary["test/accuracy"], a.summary["test/accuracy"]);
}

TEST(TrainingSlow, SmokePresetLowersItsLoss) {
  TempDb db;
  const Preset* p = find_preset("smoke-sparse");
  ASSERT_NE(p, nullptr);
  RunConfig cfg;
  ASSERT_TRUE(parse_run_config(p->config, cfg).empty());
  Recorder obs;
  auto r = train_run(cfg, *db.store, obs);
  ASSERT_EQ(r.status, RunStatus::Finished) << r.reason;
  const auto losses = stored_losses(*db.store, r.run_id);
  ASSERT_EQ(static_cast<int64_t>(losses.size()), cfg.train.steps);
  double first = 0, last = 0;
  for (size_t i = 0; i < 20; ++i) first += losses[i] / 20, last += losses[losses.size() - 1 - i] / 20;
  std::printf("smoke-sparse: mean loss of the first 20 steps %.4f, of the last 20 steps %.4f; test accuracy %.3f (majority %.3f)\n",
              first, last, r.summary["test/accuracy"].get<double>(), r.summary["majority_baseline"].get<double>());
  EXPECT_LT(last, first - 0.05);

  // Everything the run promises is in the store.
  auto rec = db.store->find_run(r.run_id);
  EXPECT_EQ(rec->status, "finished");
  EXPECT_GT(rec->peak_bytes, 0);
  EXPECT_GT(rec->tokens_per_second, 0);
  EXPECT_EQ(db.store->probes(r.run_id).size(), 4u);
  const auto sel = db.store->selections(r.run_id, 0);
  ASSERT_FALSE(sel.empty());
  const auto& s = sel.back();
  int64_t chosen = 0;
  for (int64_t kb = 0; kb < s.k_blocks; ++kb) chosen += s.selected(0, kb);
  EXPECT_EQ(chosen, cfg.attention.resolve_topk(s.k_blocks * s.block)) << "query block 0 keeps exactly k blocks";
  EXPECT_FALSE(db.store->probabilities(r.run_id, 0).empty());
  bool weights = false;
  for (const auto& c : db.store->checkpoints(r.run_id)) {
    const auto path = (fs::path(db.store->path()).parent_path() / c.path).string();
    EXPECT_FALSE(fs::path(c.path).is_absolute());
    EXPECT_EQ(sha256_file(path), c.sha256);
    weights |= c.kind == "model";
  }
  EXPECT_TRUE(weights);
}

TEST(TrainingSlow, LoraFineTuneKeepsAdapterOnlyAndRecordsSpectra) {
  TempDb db;
  Recorder obs;
  auto base = train_run(tiny_config({{"attention", {{"kind", "dense"}}}, {"train", {{"steps", 8}}}}), *db.store, obs);
  ASSERT_EQ(base.status, RunStatus::Finished) << base.reason;
  const auto lora_cfg = tiny_config({{"attention", {{"kind", "dense"}}},
                                     {"lora", {{"enabled", true}, {"r", 2}, {"targets", {"q", "v", "ffn_in"}}}},
                                     {"train", {{"phase", "finetune"}, {"base", base.run_id.substr(0, 8)}, {"steps", 8}}}});
  auto lora = train_run(lora_cfg, *db.store, obs);
  ASSERT_EQ(lora.status, RunStatus::Finished) << lora.reason;
  int64_t model_bytes = 0, adapter_bytes = 0;
  for (const auto& c : db.store->checkpoints(base.run_id))
    if (c.kind == "model") model_bytes = c.bytes;
  for (const auto& c : db.store->checkpoints(lora.run_id))
    if (c.kind == "adapter") adapter_bytes = c.bytes;
  EXPECT_GT(adapter_bytes, 0);
  EXPECT_LT(adapter_bytes * 2, model_bytes) << "adapter checkpoints hold only the trained parameters";
  const auto spectra = db.store->spectra(lora.run_id);
  ASSERT_FALSE(spectra.empty());
  for (const auto& s : spectra) {
    EXPECT_EQ(s.kind, "lora");
    EXPECT_LE(s.singular.size(), 2u);
    EXPECT_LE(s.effective_rank, 2.0 + 1e-9);
  }
  EXPECT_EQ(db.store->adapter_vectors(lora.run_id).size(), 3u) << "q, v, ffn_in of one layer";
  auto rec = db.store->find_run(lora.run_id);
  EXPECT_EQ(rec->base_run, base.run_id);
  EXPECT_LT(rec->params_trainable * 5, rec->params_total);

  const auto inferred = infer(*db.store, lora.run_id, "[MAX 2 9 [MIN 4 7 ] 0 ]");
  ASSERT_EQ(inferred.probabilities.size(), 10u);
  double sum = 0;
  for (double p : inferred.probabilities) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-5);
  EXPECT_EQ(inferred.selections.size(), 2u) << "one layer x two heads";

  auto full = train_run(tiny_config({{"attention", {{"kind", "dense"}}},
                                     {"train", {{"phase", "finetune"}, {"base", base.run_id}, {"steps", 8}}}}),
                        *db.store, obs);
  ASSERT_EQ(full.status, RunStatus::Finished) << full.reason;
  const auto full_spectra = db.store->spectra(full.run_id);
  ASSERT_FALSE(full_spectra.empty());
  EXPECT_EQ(full_spectra.front().kind, "full");
}

}  // namespace
}  // namespace etlab
