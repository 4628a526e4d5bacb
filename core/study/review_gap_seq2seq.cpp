// SPDX-License-Identifier: MIT
// Gap 2 of the review (encoder-decoder) as a study: Brown part-of-speech tagging written as sequence to
// sequence (the words' bytes in, their base tags' bytes out), an encoder-decoder with dense, learned
// block-sparse and fixed local attention in every self- and cross-attention.

#include <algorithm>
#include <map>

#include "core/study/review_plan.h"

namespace etlab::study::detail {

namespace {

using nlohmann::json;

struct Seq2seqPlan {
  int64_t n, steps, train_size;
};

Seq2seqPlan seq2seq_plan(const Budget& b) {
  if (b.name == "smoke") return {128, 100, 600};
  if (b.name == "quick") return {512, 300, 6000};
  if (b.name == "standard") return {512, 300, 6000};
  return {1024, 2000, 0};  // full: every training example
}

json seq2seq_config(const Budget& b, const std::string& kind, int64_t seed) {
  const auto p = seq2seq_plan(b);
  json cfg = preset_config("tagging-seq2seq");
  cfg["task"]["max_len"] = p.n;
  cfg["task"]["train_size"] = p.train_size;
  cfg["train"]["steps"] = p.steps;
  cfg["train"]["eval_every"] = p.steps;
  cfg["train"]["eval_batches"] = 0;
  cfg["train"]["warmup"] = std::max<int64_t>(1, p.steps / 12);
  cfg["train"]["seed"] = seed;
  if (kind == kinds::kDense) {
    cfg["attention"] = {{"kind", kinds::kDense}};
  } else if (kind == kinds::kFixedSparse) {
    cfg["attention"] = {{"kind", kinds::kFixedSparse}, {"pattern", "local"}, {"block", 32}, {"topk", "auto"}};
  } else {
    cfg["attention"]["dense_warmup_steps"] = std::max<int64_t>(1, p.steps / 10);
  }
  return cfg;
}



}  // namespace

GapResult gap_seq2seq(Context& c) {
  const Budget& b = c.budget;
  const auto plan = seq2seq_plan(b);
  GapResult g;
  g.id = "seq2seq";
  g.title = "Encoder-decoder: learned sparse self- and cross-attention";
  g.question = "In an encoder-decoder that writes the part-of-speech tags of the sentences it reads, does learned block-sparse "
               "attention in every self- and cross-attention keep dense attention's accuracy, and does its router find the "
               "alignment better than a fixed local window of the same density?";
  g.preset = "tagging-seq2seq";
  const std::vector<std::pair<std::string, std::string>> arms = {
      {"dense", kinds::kDense}, {"learned sparse", kinds::kLearnedSparse}, {"fixed local", kinds::kFixedSparse}};
  std::map<std::string, std::vector<double>> points, ms, mib;
  double majority = 0;
  for (const int64_t seed : b.seeds) {
    for (const auto& [name, kind] : arms) {
      const auto run = c.runner.get(seq2seq_config(b, kind, seed), "gap " + b.name + ": Brown tagging seq2seq n=" +
                                                                      std::to_string(plan.n) + ", " + name + ", seed " +
                                                                      std::to_string(seed));
      points[name].push_back(100.0 * summary_value(run, "test/accuracy"));
      majority = 100.0 * summary_value(run, "majority_baseline");
      ms[name].push_back(step_ms(run));
      mib[name].push_back(static_cast<double>(run.peak_bytes) / (1024.0 * 1024.0));
      g.runs.push_back(run.id);
    }
  }
  auto st = [&](const std::string& arm) { return stats_of(points[arm]); };
  const bool valid = reference_valid(st("dense").mean, majority);
  const Verdict kept = valid ? parity(st("learned sparse"), st("dense")) : Verdict::InvalidReference;
  const Verdict fixed = valid ? parity(st("fixed local"), st("learned sparse")) : Verdict::InvalidReference;
  json cats = json::array();
  std::vector<double> means;
  for (const auto& [name, kind] : arms) {
    g.add_row({{"arm", name},
               {"target tokens right (points)", mean_sd(st(name), 1)},
               {"majority token", fmt(majority, 1)},
               {"ms per step", mean_sd(stats_of(ms[name]), 1)},
               {"peak tensor MiB", mean_sd(stats_of(mib[name]), 1)},
               {"verdict", name == "learned sparse" ? versus(kept, "dense") : name == "fixed local" ? versus(fixed, "learned sparse") : "—"}});
    cats.push_back(name);
    means.push_back(st(name).mean);
  }
  g.conclusion = "Learned sparse attention in all self- and cross-attention gets " + fmt(st("learned sparse").mean, 1) +
                 " of the target tokens right against dense's " + fmt(st("dense").mean, 1) + " (" + versus(kept, "dense") +
                 "); the fixed local window of the same density gets " + fmt(st("fixed local").mean, 1) + " (" +
                 versus(fixed, "learned sparse") + "). The most frequent target token alone scores " + fmt(majority, 1) + ".";
  g.rule = "teacher-forced accuracy over the target's bytes (each predicted from the source and the target bytes before it); "
           "learned sparse against dense and fixed local against learned sparse by the parity rule over the seeds; dense must "
           "beat always writing the most frequent target byte by 10 points. Caveat: a causal router pools its query block, so "
           "within a block of 32 the choice of key blocks may depend on later target bytes (attention never reads them)";
  g.values = {{"points", points}, {"ms_per_step", ms}, {"peak_mib", mib}, {"majority", majority}};
  g.chart = {{"kind", "bars"}, {"title", "Encoder-decoder on Brown tagging: attention families"}, {"categories", cats},
             {"y_label", "target tokens right (points)"},
             {"series", {series("test accuracy", {}, means)}}};
  g.setting = "encoder-decoder, 2 + 2 layers, d 64, 4 heads; source up to " + std::to_string(plan.n) +
              " bytes of whole Brown sentences, target their base tags as bytes; " + std::to_string(plan.steps) +
              " steps of 16; sparse arms B = 32, k = auto in every self- and cross-attention";
  return g;
}

}  // namespace etlab::study::detail
