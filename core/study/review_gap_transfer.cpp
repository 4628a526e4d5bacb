// SPDX-License-Identifier: MIT
// Gap 4 of the review study, cross-domain transfer: the LoRA rank chosen from the spectrum a full
// fine-tune measured (energy threshold) against a fixed rank, and a learned router trained on one task
// reused, frozen or fine-tuned, on another against one trained there.

#include <algorithm>
#include <cmath>
#include <map>

#include "core/store/run_store.h"
#include "core/study/review_plan.h"

namespace etlab::study::detail {

using nlohmann::json;

namespace {

// ------------------------------------------------------------------ gap 4: rank chosen from the spectrum
// The smallest rank that holds `energy` of the squared singular values of one update.
int64_t rank_for_energy(const std::vector<float>& singular, double energy) {
  double total = 0;
  for (float s : singular) total += static_cast<double>(s) * s;
  if (total <= 0) return 1;
  double acc = 0;
  for (size_t i = 0; i < singular.size(); ++i) {
    acc += static_cast<double>(singular[i]) * singular[i];
    if (acc >= energy * total) return static_cast<int64_t>(i) + 1;
  }
  return static_cast<int64_t>(singular.size());
}

}  // namespace

GapResult gap_rank_from_spectrum(Context& c, const RunRecord& base) {
  const Budget& b = c.budget;
  constexpr double kEnergy = 0.9;
  GapResult g;
  g.id = "rank_from_spectrum";
  g.title = "Cross-domain: LoRA rank chosen from the measured spectrum";
  g.question = "Instead of a fixed r, take the rank that holds 90% of the energy of full fine-tuning's own update "
               "(median over the q and v updates of every layer): does it match r = 8, and at what parameter cost?";
  g.preset = "the review's full fine-tunes and LoRA runs (rank-sweep tasks)";
  std::vector<double> xs, chosen_scores, fixed_scores, full_scores;
  json cats = json::array();
  for (const auto& name : b.rank_tasks) {
    const FinetuneTask* task = nullptr;
    for (const auto& t : b.tasks)
      if (t.name == name) task = &t;
    if (!task) continue;
    std::vector<double> full_points, fixed_points, chosen_points;
    std::vector<int64_t> chosen_ranks;
    double majority = 0;
    for (const int64_t seed : b.seeds) {
      const std::string s = ", seed " + std::to_string(seed);
      const auto full = c.runner.get(finetune_config(b, *task, base.id, seed, 0), "review " + b.name + ": " + name + " full fine-tuning" + s);
      const auto fixed = c.runner.get(finetune_config(b, *task, base.id, seed, 8), "review " + b.name + ": " + name + " LoRA" + s);
      // r from full fine-tuning's last recorded spectra of q and v
      std::vector<int64_t> ranks;
      int64_t last = -1;
      for (const auto& rec : c.store.spectra(full.id)) last = std::max(last, rec.step);
      for (const auto& rec : c.store.spectra(full.id, last))
        if ((rec.module == "q" || rec.module == "v") && rec.kind == "full") ranks.push_back(rank_for_energy(rec.singular, kEnergy));
      if (ranks.empty()) throw std::runtime_error("gap rank_from_spectrum: run " + full.id + " recorded no spectra of q, v");
      std::sort(ranks.begin(), ranks.end());
      const int64_t r = ranks[ranks.size() / 2];
      chosen_ranks.push_back(r);
      const auto chosen = r == 8 ? fixed
                                 : c.runner.get(finetune_config(b, *task, base.id, seed, r),
                                                "review " + b.name + ": " + name + " LoRA r=" + std::to_string(r) + s);
      full_points.push_back(score_points(full));
      fixed_points.push_back(score_points(fixed));
      chosen_points.push_back(score_points(chosen));
      majority = majority_points(full);
      for (const auto* run : {&full, &fixed, &chosen}) g.runs.push_back(run->id);
    }
    const auto cs = stats_of(chosen_points), fs = stats_of(fixed_points), ful = stats_of(full_points);
    std::string rs;
    for (const auto r : chosen_ranks) rs += (rs.empty() ? "" : ", ") + std::to_string(r);
    const auto v = reference_valid(ful.mean, majority) ? parity(cs, fs) : Verdict::InvalidReference;
    g.add_row({{"task", name},
               {"r from spectrum (per seed)", rs},
               {"LoRA r from spectrum", fmt(cs.mean, 1) + (cs.n > 1 ? " ± " + fmt(cs.sd, 1) : "")},
               {"LoRA r = 8", fmt(fs.mean, 1) + (fs.n > 1 ? " ± " + fmt(fs.sd, 1) : "")},
               {"full fine-tuning", fmt(ful.mean, 1)},
               {"majority class", fmt(majority, 1)},
               {"spectrum-chosen vs r = 8", parity_words(v)}});
    g.values[name] = {{"ranks", chosen_ranks}, {"chosen", chosen_points}, {"fixed", fixed_points}, {"full", full_points},
                      {"verdict", to_string(v)}};
    cats.push_back(name);
    chosen_scores.push_back(cs.mean);
    fixed_scores.push_back(fs.mean);
    full_scores.push_back(ful.mean);
  }
  std::string summary;
  for (const auto& row : g.rows)
    summary += (summary.empty() ? "" : "; ") + row[0] + ": r = " + row[1] + " → " + row[2] + " vs " + row[3] + " points (" + row[6] + ")";
  g.conclusion = "Rank from the spectrum (90% energy): " + summary + ".";
  g.rule = "per task: the spectrum-chosen LoRA against LoRA r = 8 by the parity rule (at parity = as good); the reference "
           "(full fine-tuning) must beat the majority class by 10 points";
  g.chart = {{"kind", "bars"}, {"title", "LoRA with r from the spectrum against r = 8 and full fine-tuning"},
             {"categories", cats}, {"y_label", "test score (points)"},
             {"series", {series("LoRA, r from spectrum", {}, chosen_scores), series("LoRA r = 8", {}, fixed_scores),
                         series("full fine-tuning", {}, full_scores)}}};
  g.setting = "energy threshold 90% of the squared singular values of full fine-tuning's update of q and v (median over "
              "layers and modules), alpha = 2r; the study's base " + base.id.substr(0, 8);
  return g;
}

// ------------------------------------------------------------------ gap 4: a router reused on another task
GapResult gap_router_transfer(Context& c, const RunRecord& base) {
  const Budget& b = c.budget;
  GapResult g;
  g.id = "router_transfer";
  g.title = "Cross-domain: a learned router reused on another task";
  g.question = "A router learned on spam mails, reused frozen (or as a starting point) on State of the Union addresses: "
               "does it select as well as a router learned on the new task?";
  g.preset = "fine-tunes of the study's base: spam (source, gap 1's learned-sparse run) and State of the Union party (target)";
  const FinetuneTask source_task = spam_task(b);
  const int64_t n = source_task.task["max_len"].get<int64_t>();
  const FinetuneTask target{"State of the Union party", {{"dataset", "sotu_party"}, {"max_len", n}}};
  struct Arm {
    std::string name;
    bool sparse, transfer, frozen;
  };
  const std::vector<Arm> arms = {{"dense", false, false, false},
                                 {"learned, own router", true, false, false},
                                 {"learned, spam router frozen", true, true, true},
                                 {"learned, spam router fine-tuned", true, true, false}};
  std::map<std::string, std::vector<double>> points;
  double majority = 0;
  for (const int64_t seed : b.seeds) {
    auto source_cfg = finetune_config(b, source_task, base.id, seed, 0);
    source_cfg["attention"] = sparse_finetune_attention(b);
    const auto source = c.runner.get(source_cfg, "gap " + b.name + ": spam n=" + std::to_string(n) +
                                                     ", full fine-tuning, learned sparse, seed " + std::to_string(seed));
    g.runs.push_back(source.id);
    for (const auto& arm : arms) {
      auto cfg = finetune_config(b, target, base.id, seed, 0);
      if (arm.sparse) cfg["attention"] = sparse_finetune_attention(b);
      if (arm.transfer) {
        cfg["train"]["router_from"] = source.id;
        cfg["train"]["freeze_router"] = arm.frozen;
        cfg["attention"]["dense_warmup_steps"] = 0;  // the router is trained already
      }
      const auto run = c.runner.get(cfg, "gap " + b.name + ": State of the Union party n=" + std::to_string(n) + ", " + arm.name +
                                             ", seed " + std::to_string(seed));
      points[arm.name].push_back(score_points(run));
      majority = majority_points(run);
      g.runs.push_back(run.id);
    }
  }
  const bool valid = reference_valid(stats_of(points["dense"]).mean, majority);
  std::vector<double> means;
  json cats = json::array();
  for (const auto& arm : arms) {
    const auto s = stats_of(points[arm.name]);
    const std::string against =
        !arm.transfer ? "—" : valid ? parity_words(parity(s, stats_of(points[arms[1].name]))) : to_string(Verdict::InvalidReference);
    g.add_row({{"arm", arm.name}, {"test score (points)", fmt(s.mean, 1) + (s.n > 1 ? " ± " + fmt(s.sd, 1) : "")},
               {"against own router", against}});
    cats.push_back(arm.name);
    means.push_back(s.mean);
  }
  const auto frozen = valid ? parity(stats_of(points[arms[2].name]), stats_of(points[arms[1].name])) : Verdict::InvalidReference;
  const auto tuned = valid ? parity(stats_of(points[arms[3].name]), stats_of(points[arms[1].name])) : Verdict::InvalidReference;
  g.conclusion = "The spam router reused frozen on State of the Union party: " + parity_words(frozen) +
                 " with a router learned there (" + fmt(stats_of(points[arms[2].name]).mean, 1) + " vs " +
                 fmt(stats_of(points[arms[1].name]).mean, 1) + " points); as a starting point: " + parity_words(tuned) + " (" +
                 fmt(stats_of(points[arms[3].name]).mean, 1) + "). Dense " + fmt(stats_of(points["dense"]).mean, 1) +
                 ", majority class " + fmt(majority, 1) + ". The test split holds about 23 addresses: expect a wide spread.";
  g.rule = "each transferred router against the target's own router by the parity rule; the dense reference must beat the "
           "majority class by 10 points";
  g.values = {{"points", points}, {"majority", majority}};
  g.chart = {{"kind", "bars"}, {"title", "A router learned on spam, reused on State of the Union addresses"}, {"categories", cats},
             {"y_label", "test score (points)"}, {"series", {series("test score", {}, means)}}};
  g.setting = "fine-tunes of " + std::to_string(b.finetune_steps) + " steps from base " + base.id.substr(0, 8) + ", first " +
              std::to_string(n) + " bytes, B = 32, k = auto, full fine-tuning";
  return g;
}

}  // namespace etlab::study::detail
