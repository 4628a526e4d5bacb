// SPDX-License-Identifier: MIT
// The review study's LoRA side: trainable parameters, memory and time of a fine-tuning step, parity with
// full fine-tuning over the ten tasks, distribution shift, and the rank sweep.

#include <algorithm>
#include <cmath>
#include <map>

#include "core/config/run_config.h"
#include "core/store/run_store.h"
#include "core/study/review_plan.h"

namespace etlab::study::detail {

using nlohmann::json;

namespace {

// Parameters (exact counts, no training), and the memory and time of one fine-tuning step side by side.
void lora_cost_rows(Context& c) {
  const Budget& b = c.budget;
  ReviewReport& report = c.report;
  // Parameters: exact counts of the sentiment fine-tunes' model, no training.
  const auto full_cfg = preset_config("sentiment-full-ft"), lora_cfg = preset_config("sentiment-lora");
  RunConfig fc, lc;
  parse_run_config(full_cfg, fc);
  parse_run_config(lora_cfg, lc);
  const auto pf = count_params(fc), pl = count_params(lc);
  const double reduction = 1.0 - static_cast<double>(pl.trainable) / static_cast<double>(pf.trainable);
  ClaimRow r{"lora.trainable_params", "LoRA", "90% fewer trainable parameters", "≥ 90% fewer"};
  r.measured = fmt(100 * reduction, 1) + "% fewer (" + std::to_string(pl.trainable) + " of " + std::to_string(pl.total) +
               " against " + std::to_string(pf.trainable) + ")";
  r.verdict = marked(at_least(stats_of({reduction}), 0.9), b);
  r.rule = "1 - trainable(LoRA) / trainable(full fine-tuning), at least 0.9";
  r.setting = "pretrain-base architecture, LoRA r = 8 on q, v (sentiment-lora)";
  r.values = {{"lora_trainable", pl.trainable}, {"full_trainable", pf.trainable}};
  report.rows.push_back(r);

  // Memory and time of one fine-tuning step, side by side (bench model).
  BenchModelOptions bm;
  bm.config = lora_cfg;
  bm.label = "sentiment-lora";
  bm.variants = {kinds::kDense, "lora"};
  bm.threads = c.options.threads;
  bm.repeats = b.name == "smoke" ? 3 : 9;
  c.observer.on_message("benchmarking a fine-tuning step: full vs LoRA");
  const auto rows = bench_model(bm);
  c.store.add_benchmarks(rows);
  const BenchmarkRecord *full_step = nullptr, *lora_step = nullptr;
  for (const auto& row : rows)
    if (row.mode == "train_step") (row.method == "lora" ? lora_step : full_step) = &row;
  if (!full_step || !lora_step) throw std::runtime_error("study review: bench model returned no training steps");
  const double mem = 1.0 - static_cast<double>(lora_step->peak_bytes) / static_cast<double>(full_step->peak_bytes);
  const double speed = full_step->time_ms / lora_step->time_ms;
  const std::string setting = "one training step, pretrain-base architecture, n = " + std::to_string(full_step->n) +
                              ", batch " + std::to_string(full_step->batch);
  ClaimRow m{"lora.memory", "LoRA", "67% less fine-tuning memory (3× less)", "≥ 67% less"};
  m.measured = fmt(100 * mem, 1) + "% less (" + fmt(lora_step->peak_bytes / 1048576.0, 1) + " against " +
               fmt(full_step->peak_bytes / 1048576.0, 1) + " MiB: weights, gradients, AdamW moments, activations)";
  m.verdict = marked(at_least(stats_of({mem}), 0.67), b);
  m.rule = "1 - peak bytes of a LoRA step / a full fine-tuning step, at least 0.67";
  m.setting = setting;
  m.values = {{"lora_bytes", lora_step->peak_bytes}, {"full_bytes", full_step->peak_bytes}};
  report.rows.push_back(m);
  ClaimRow t{"lora.speed", "LoRA", "4× faster fine-tuning", "≥ 4×"};
  t.measured = fmt(speed, 2) + "× (" + fmt(lora_step->time_ms, 0) + " against " + fmt(full_step->time_ms, 0) + " ms a step)";
  t.verdict = marked(at_least(stats_of({speed}), 4.0), b);
  t.rule = "full fine-tuning step time / LoRA step time, at least 4";
  t.setting = setting;
  t.values = {{"lora_ms", lora_step->time_ms}, {"full_ms", full_step->time_ms}};
  report.rows.push_back(t);
}

// A base language model pre-trained here; the fine-tunes start from it.
RunRecord pretrained_base(Context& c) {
  const Budget& b = c.budget;
  auto base_cfg = preset_config("pretrain-base");
  base_cfg["task"]["max_len"] = b.base_max_len;
  base_cfg["train"]["steps"] = b.base_steps;
  base_cfg["train"]["warmup"] = std::max<int64_t>(1, b.base_steps / 10);
  base_cfg["train"]["eval_every"] = b.base_steps;
  if (b.tiny_base) {
    base_cfg["model"]["layers"] = 2;
    base_cfg["model"]["d_model"] = 64;
    base_cfg["model"]["ffn"] = 128;
    base_cfg["task"]["val_size"] = 50;
    base_cfg["task"]["test_size"] = 50;
  }
  return c.runner.get(base_cfg, "review " + b.name + ": base language model");
}

struct TaskResult {
  std::vector<RunRecord> fulls;
  std::map<int64_t, std::vector<RunRecord>> lora;  // by rank
  std::vector<double> full_points;
  std::map<int64_t, std::vector<double>> lora_points;
  double majority = 0.0;
  bool valid() const { return reference_valid(stats_of(full_points).mean, majority); }
};

using TaskResults = std::map<std::string, TaskResult>;

// Full fine-tuning and LoRA (r = 8, and the rank sweep on its tasks) per task and seed.
TaskResults finetunes(Context& c, const RunRecord& base) {
  const Budget& b = c.budget;
  TaskResults results;
  for (const auto& task : b.tasks) {
    const bool sweep = std::find(b.rank_tasks.begin(), b.rank_tasks.end(), task.name) != b.rank_tasks.end();
    std::vector<int64_t> ranks = {8};
    if (sweep)
      for (const int64_t r : b.ranks)
        if (r != 8) ranks.push_back(r);
    auto& res = results[task.name];
    for (const int64_t seed : b.seeds) {
      const std::string at = "review " + b.name + ": " + task.name + " ";
      const std::string s = ", seed " + std::to_string(seed);
      res.fulls.push_back(c.runner.get(finetune_config(b, task, base.id, seed, 0), at + "full fine-tuning" + s));
      res.full_points.push_back(score_points(res.fulls.back()));
      res.majority = majority_points(res.fulls.back());
      for (const int64_t r : ranks) {
        const std::string label = at + "LoRA" + (r == 8 ? "" : " r=" + std::to_string(r)) + s;
        res.lora[r].push_back(c.runner.get(finetune_config(b, task, base.id, seed, r), label));
        res.lora_points[r].push_back(score_points(res.lora[r].back()));
      }
    }
  }
  return results;
}

// "Matches full fine-tuning on 8 of 10 tasks".
void parity_row(Context& c, const RunRecord& base, const TaskResults& results, const std::string& base_setting) {
  const Budget& b = c.budget;
  int parity_tasks = 0, counted = 0;
  std::vector<std::string> runs = {base.id};
  std::string detail;
  json per_task = json::array();
  for (const auto& task : b.tasks) {
    const auto& res = results.at(task.name);
    const auto ls = stats_of(res.lora_points.at(8)), fs = stats_of(res.full_points);
    const auto v = res.valid() ? parity(ls, fs) : Verdict::InvalidReference;
    if (v != Verdict::InvalidReference) ++counted;
    if (v == Verdict::Supported) ++parity_tasks;
    detail += (detail.empty() ? "" : "; ") + task.name + ": LoRA " + fmt(ls.mean, 1) + " vs full " + fmt(fs.mean, 1) +
              (res.valid() ? "" : " (majority " + fmt(res.majority, 1) + ")") + " → " + to_string(v);
    per_task.push_back({{"task", task.name}, {"lora", res.lora_points.at(8)}, {"full", res.full_points},
                        {"majority", res.majority}, {"verdict", to_string(v)}});
    for (size_t i = 0; i < res.fulls.size(); ++i) {
      runs.push_back(res.fulls[i].id);
      runs.push_back(res.lora.at(8)[i].id);
    }
  }
  ClaimRow p{"lora.parity", "LoRA", "matches full fine-tuning on 8 of 10 tasks", "≥ 80% of tasks at parity"};
  p.measured = std::to_string(parity_tasks) + " of " + std::to_string(counted) + " valid tasks at parity (" +
               std::to_string(b.tasks.size()) + " of the 10 tasks run at this budget): " + detail;
  const double share = counted > 0 ? static_cast<double>(parity_tasks) / counted : 0.0;
  p.verdict = counted == 0 ? marked(Verdict::InvalidReference, b) : marked(at_least(stats_of({share}), 0.8), b);
  p.rule = "per task: parity rule; the claim holds when at least 80% of the valid tasks are at parity";
  p.setting = base_setting + ", r = 8 on q, v";
  p.runs = runs;
  p.values = {{"parity_tasks", parity_tasks}, {"valid_tasks", counted}, {"tasks", per_task}};
  c.report.rows.push_back(p);
}

// Distribution shift: trained on imdb, tested on yelp and amazon.
void distribution_shift_row(Context& c, const TaskResults& results, const std::string& base_setting) {
  const Budget& b = c.budget;
  const auto& task = b.tasks.front();
  const auto& res = results.at(task.name);
  std::vector<double> gaps;
  std::vector<std::string> runs;
  for (size_t i = 0; i < res.fulls.size(); ++i) {
    const auto &full = res.fulls[i], &lora = res.lora.at(8)[i];
    double shifted = 0.0;
    for (const char* d : {"yelp", "amazon"}) shifted += (score_points(lora, d) - score_points(full, d)) / 2.0;
    gaps.push_back(shifted - (score_points(lora) - score_points(full)));
    runs.push_back(full.id);
    runs.push_back(lora.id);
  }
  ClaimRow s{"lora.distribution_shift", "LoRA", "weaker than full fine-tuning under distribution shift",
             "LoRA's gap to full fine-tuning grows out of domain"};
  const auto st = stats_of(gaps);
  s.measured = "out-of-domain minus in-domain (LoRA - full) gap: " + with_spread(st, 1, " points") +
               " (trained on imdb, tested on yelp and amazon)";
  s.verdict = marked(res.valid() ? at_most(st, -1e-9) : Verdict::InvalidReference, b);
  s.rule = "(LoRA - full) on the shifted domains minus (LoRA - full) in domain below 0";
  s.setting = "sentiment: imdb → yelp, amazon; " + base_setting;
  s.runs = runs;
  s.values = {{"gaps", gaps}};
  c.report.rows.push_back(s);
}

// Rank sweep: does the choice of r matter? Per task, the best rank against the worst.
void rank_row(Context& c, const TaskResults& results, const std::string& base_setting) {
  const Budget& b = c.budget;
  ClaimRow r{"lora.rank", "LoRA", "ranks 8–64 need care (performance depends on the rank)",
             "scores differ across ranks beyond seed noise"};
  json curves = json::object();
  std::string detail;
  int sensitive = 0, insensitive = 0, counted = 0;
  for (const auto& name : b.rank_tasks) {
    const auto& res = results.at(name);
    json curve = {{"r", json::array()}, {"mean", json::array()}, {"sd", json::array()}, {"full", stats_of(res.full_points).mean}};
    int64_t best = 0, worst = 0;
    double best_mean = -1e300, worst_mean = 1e300;
    for (const auto& [rank, points] : res.lora_points) {
      const auto s = stats_of(points);
      curve["r"].push_back(rank);
      curve["mean"].push_back(s.mean);
      curve["sd"].push_back(s.sd);
      if (s.mean > best_mean) best_mean = s.mean, best = rank;
      if (s.mean < worst_mean) worst_mean = s.mean, worst = rank;
      for (const auto& run : res.lora.at(rank)) r.runs.push_back(run.id);
    }
    curves[name] = curve;
    // "Rank matters" on a task when the worst rank falls short of the best by the parity rule.
    const auto v = parity(stats_of(res.lora_points.at(worst)), stats_of(res.lora_points.at(best)));
    if (res.valid()) {
      ++counted;
      if (v == Verdict::Refuted) ++sensitive;
      if (v == Verdict::Supported) ++insensitive;
    }
    detail += (detail.empty() ? "" : "; ") + name + ": best r = " + std::to_string(best) + " (" + fmt(best_mean, 1) +
              "), worst r = " + std::to_string(worst) + " (" + fmt(worst_mean, 1) + "), full " +
              fmt(stats_of(res.full_points).mean, 1) + (res.valid() ? "" : ", invalid reference");
  }
  std::string ranks;
  for (const int64_t k : b.ranks) ranks += (ranks.empty() ? "" : ", ") + std::to_string(k);
  r.measured = std::to_string(sensitive) + " of " + std::to_string(counted) + " valid tasks rank-sensitive: " + detail;
  Verdict v = Verdict::Inconclusive;
  if (counted == 0) v = Verdict::InvalidReference;
  else if (b.seeds.size() < 2) v = Verdict::Inconclusive;  // best and worst picked from one noisy seed each: no spread
  else if (sensitive > 0) v = Verdict::Supported;
  else if (insensitive == counted) v = Verdict::Refuted;
  if (b.seeds.size() < 2 && counted > 0)
    detail += " (one seed: the best and the worst of " + std::to_string(b.ranks.size()) +
              " single runs differ by chance too, so the rule needs the spread of several seeds)";
  r.verdict = marked(v, b);
  r.rule = "per task, the worst rank against the best by the parity rule; supported when the worst falls short on some valid "
           "task, refuted when every rank is at parity with the best on every valid task; inconclusive with one seed";
  r.setting = "r ∈ {" + ranks + "}, alpha = 2r, on q, v; " + base_setting;
  r.values = {{"curves", curves}, {"sensitive_tasks", sensitive}, {"valid_tasks", counted}};
  c.report.rows.push_back(r);
}

}  // namespace

RunRecord review_lora_side(Context& c) {
  const Budget& b = c.budget;
  lora_cost_rows(c);
  const RunRecord base = pretrained_base(c);
  const std::string base_setting = "base: " + base.id.substr(0, 8) + " (" + std::to_string(b.base_steps) + " steps), fine-tunes of " +
                                   std::to_string(b.finetune_steps) + " steps at n = " + std::to_string(b.max_len);
  const TaskResults results = finetunes(c, base);
  parity_row(c, base, results, base_setting);
  distribution_shift_row(c, results, base_setting);
  rank_row(c, results, base_setting);
  return base;
}

}  // namespace etlab::study::detail
