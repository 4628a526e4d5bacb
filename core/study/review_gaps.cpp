// SPDX-License-Identifier: MIT
// The review's research gaps as studies (`etlab-cli study review --gaps …`): each has a question, arms
// run at the budget's seeds, a table, a chart and a conclusion drawn from the numbers by a rule stated
// beside it. Here: sparse attention and LoRA combined (gap 1), long context (gap 3), hardware: block size
// and k (gap 6), a failure predictor from measured task properties (gap 7). Gap 2 (an encoder-decoder) is
// in review_gap_seq2seq.cpp, gap 4 (transfer: the LoRA rank chosen from the measured spectrum and a router
// reused on another task) in review_gap_transfer.cpp, gap 5 (a ViT) in review_gap_vision.cpp.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/store/run_store.h"
#include "core/study/review_plan.h"

namespace etlab::study::detail {

using nlohmann::json;

json series(const std::string& name, const std::vector<double>& x, const std::vector<double>& y, bool dashed) {
  return {{"name", name}, {"x", x}, {"y", y}, {"dashed", dashed}};
}

// The parity rule's verdict in words.
std::string parity_words(Verdict v) {
  switch (v) {
    case Verdict::Supported: return "at parity";
    case Verdict::Refuted: return "a gap";
    default: return to_string(v);
  }
}

// Learned sparse attention in a fine-tune of the (dense) base: the router is new, the rest is the base's.
json sparse_finetune_attention(const Budget& b) {
  return {{"kind", kinds::kLearnedSparse}, {"block", 32}, {"topk", "auto"}, {"router_dim", 16},
          {"dense_warmup_steps", std::max<int64_t>(1, b.finetune_steps / 6)}};
}

// The spam fine-tunes of gaps 1 and 4 (the same runs, reused).
FinetuneTask spam_task(const Budget& b) {
  const int64_t n = b.name == "smoke" ? 256 : 512;
  return {"spam", {{"dataset", "spam"}, {"max_len", n}}};
}

namespace {

json points_stats(const std::vector<double>& v) {
  const auto s = stats_of(v);
  return {{"mean", s.mean}, {"sd", s.sd}, {"n", s.n}, {"values", v}};
}

const BenchmarkRecord* find_bench(const std::vector<BenchmarkRecord>& rows, const std::string& method, const std::string& mode,
                                  int64_t n) {
  for (const auto& r : rows)
    if (r.method == method && r.mode == mode && r.n == n) return &r;
  return nullptr;
}

// ------------------------------------------------------------------ gap 1: sparse attention + LoRA
GapResult gap_combined(Context& c, const RunRecord& base) {
  const Budget& b = c.budget;
  GapResult g;
  g.id = "combined";
  g.title = "Sparse attention and LoRA combined";
  g.question = "Do learned sparse attention and LoRA combine, and are their savings multiplicative?";
  g.preset = "sentiment-sparse-lora (fine-tunes of the study's base on byte-level spam)";
  const FinetuneTask task = spam_task(b);
  const int64_t n = task.task["max_len"].get<int64_t>();
  struct Arm {
    std::string name;
    bool sparse;
    int64_t rank;
  };
  const std::vector<Arm> arms = {{"full fine-tuning, dense", false, 0},
                                 {"full fine-tuning, learned sparse", true, 0},
                                 {"LoRA, dense", false, 8},
                                 {"LoRA + learned sparse", true, 8}};
  std::map<std::string, std::vector<double>> points;
  double majority = 0;
  for (const auto& arm : arms)
    for (const int64_t seed : b.seeds) {
      auto cfg = finetune_config(b, task, base.id, seed, arm.rank);
      if (arm.sparse) cfg["attention"] = sparse_finetune_attention(b);
      const auto run = c.runner.get(cfg, "gap " + b.name + ": spam n=" + std::to_string(n) + ", " + arm.name + ", seed " +
                                             std::to_string(seed));
      points[arm.name].push_back(score_points(run));
      majority = majority_points(run);
      g.runs.push_back(run.id);
    }
  // Cost of one training step of each combination, side by side, at a longer n.
  BenchModelOptions bm;
  bm.config = preset_config("sentiment-sparse-lora");
  bm.label = "sentiment-sparse-lora";
  bm.variants = {kinds::kDense, kinds::kLearnedSparse, "lora", "sparse_lora"};
  const int64_t bench_n = b.name == "smoke" ? 256 : 2048;
  bm.lengths = {bench_n};
  bm.batch = 4;
  bm.threads = c.options.threads;
  bm.repeats = b.name == "smoke" ? 2 : 5;
  c.observer.on_message("gap 1: benchmarking a training step of dense, sparse, LoRA and both at n = " + std::to_string(bench_n));
  const auto rows = bench_model(bm);
  c.store.add_benchmarks(rows);
  const std::map<std::string, std::string> variant = {{arms[0].name, kinds::kDense},
                                                      {arms[1].name, kinds::kLearnedSparse},
                                                      {arms[2].name, "lora"},
                                                      {arms[3].name, "sparse_lora"}};
  const auto* dense = find_bench(rows, kinds::kDense, "train_step", bench_n);
  if (!dense) throw std::runtime_error("gap combined: bench model returned no dense training step");
  std::map<std::string, double> speed, memory;
  json bars_x = json::array(), acc_y = json::array(), speed_y = json::array(), mem_y = json::array();
  for (const auto& arm : arms) {
    const auto* r = find_bench(rows, variant.at(arm.name), "train_step", bench_n);
    if (!r) throw std::runtime_error("gap combined: no training step for " + variant.at(arm.name));
    speed[arm.name] = dense->time_ms / r->time_ms;
    memory[arm.name] = static_cast<double>(r->peak_bytes) / static_cast<double>(dense->peak_bytes);
    const auto s = stats_of(points[arm.name]);
    g.add_row({{"arm", arm.name},
                       {"test score (points)", fmt(s.mean, 1) + (s.n > 1 ? " ± " + fmt(s.sd, 1) : "")},
                       {"step speed-up vs dense", fmt(speed[arm.name], 2) + "×"},
                       {"step memory vs dense", fmt(100 * memory[arm.name], 0) + "%"},
                       {"step (ms)", fmt(r->time_ms, 0)}});
    g.values[arm.name] = {{"points", points_stats(points[arm.name])}, {"speedup", speed[arm.name]}, {"memory", memory[arm.name]}};
  }
  const double product_speed = speed[arms[1].name] * speed[arms[2].name];
  const double product_memory = memory[arms[1].name] * memory[arms[2].name];
  const double both_speed = speed[arms[3].name], both_memory = memory[arms[3].name];
  // the comparison is sparse + LoRA against LoRA alone: LoRA (and full fine-tuning) must beat the majority class
  const bool valid = reference_valid(stats_of(points[arms[0].name]).mean, majority) &&
                     reference_valid(stats_of(points[arms[2].name]).mean, majority);
  const auto acc = valid ? parity(stats_of(points[arms[3].name]), stats_of(points[arms[2].name])) : Verdict::InvalidReference;
  g.conclusion = "Speed: sparse + LoRA " + fmt(both_speed, 2) + "× against the product of the two alone " + fmt(product_speed, 2) +
                 "× (" + (both_speed >= 0.9 * product_speed ? "multiplicative" : "less than multiplicative") + "). Memory: " +
                 fmt(100 * both_memory, 0) + "% of dense against the product " + fmt(100 * product_memory, 0) + "% (" +
                 (both_memory <= 1.1 * product_memory ? "multiplicative" : "less than multiplicative") +
                 "). Accuracy of sparse + LoRA against LoRA alone: " + parity_words(acc) + " (" +
                 fmt(stats_of(points[arms[3].name]).mean, 1) + " vs " + fmt(stats_of(points[arms[2].name]).mean, 1) +
                 " points; majority class " + fmt(majority, 1) + ").";
  g.rule = "multiplicative when the combined step speed-up is at least 0.9 × the product of the two alone, and the "
           "combined memory at most 1.1 × the product of the two ratios; accuracy by the parity rule against LoRA alone";
  g.chart = {{"kind", "bars"},
             {"title", "Sparse attention and LoRA, alone and combined (training step at n = " + std::to_string(bench_n) + ")"},
             {"categories", json::array()},
             {"y_label", "relative to dense full fine-tuning"},
             {"series", json::array()}};
  std::vector<double> sp, me;
  for (const auto& arm : arms) {
    g.chart["categories"].push_back(arm.name);
    sp.push_back(speed[arm.name]);
    me.push_back(memory[arm.name]);
  }
  g.chart["series"] = {series("step speed-up", {}, sp), series("step memory", {}, me)};
  g.setting = "fine-tunes of " + std::to_string(b.finetune_steps) + " steps on spam bytes n = " + std::to_string(n) +
              " from base " + base.id.substr(0, 8) + "; B = 32, k = auto; LoRA r = 8 on q, v; steps timed at n = " +
              std::to_string(bench_n) + ", batch 4";
  return g;
}

// ------------------------------------------------------------------ gap 3: long context
GapResult gap_long_context(Context& c) {
  const Budget& b = c.budget;
  GapResult g;
  g.id = "long_context";
  g.title = "Long context";
  g.question = "How do accuracy and cost of dense, learned-sparse and fixed-sparse attention develop from n = 512 to the "
               "longest sequence this machine trains in reasonable time?";
  g.preset = "text-sparse / text-dense shape (byte-level spam), the review's sweep";
  // Accuracy: the review's spam runs at every n (reused when the review ran them).
  const ClaimRow* lc = nullptr;
  for (const auto& r : c.report.rows)
    if (r.id == "sparse.long_context") lc = &r;
  // Cost: a training step of the same model at n up to the budget's longest.
  std::vector<int64_t> lengths = {512, 1024, 2048, 4096};
  if (b.name == "smoke") lengths = {256, 1024};
  if (b.name == "standard") lengths.push_back(8192);
  if (b.name == "full") lengths.insert(lengths.end(), {8192, 16384});
  BenchModelOptions bm;
  bm.config = preset_config("text-sparse");
  bm.config["model"]["d_model"] = b.text_d_model;
  bm.config["model"]["ffn"] = 2 * b.text_d_model;
  bm.config["attention"]["block"] = 64;
  bm.label = "text-sparse";
  bm.variants = {kinds::kDense, kinds::kLearnedSparse, kinds::kFixedSparse};
  bm.lengths = lengths;
  bm.batch = 1;
  bm.threads = c.options.threads;
  // Single steps of 10 ms to 1.5 s on a shared VM: stalls of 100 ms and more hit some of them, so the
  // median needs enough repeats to outvote them (3 were not: n = 1024 read slower than n = 2048).
  bm.repeats = b.name == "smoke" ? 2 : 9;
  c.observer.on_message("gap 3: benchmarking a training step at n = " + std::to_string(lengths.front()) + " … " +
                        std::to_string(lengths.back()));
  const auto rows = bench_model(bm);
  c.store.add_benchmarks(rows);
  json chart_series = json::array();
  std::map<std::string, std::vector<double>> ms, mib;
  std::vector<double> xs;
  for (const int64_t n : lengths) xs.push_back(static_cast<double>(n));
  for (const char* m : {kinds::kDense, kinds::kLearnedSparse, kinds::kFixedSparse}) {
    for (const int64_t n : lengths) {
      const auto* r = find_bench(rows, m, "train_step", n);
      ms[m].push_back(r ? r->time_ms : std::nan(""));
      mib[m].push_back(r ? static_cast<double>(r->peak_bytes) / 1048576.0 : std::nan(""));
    }
    chart_series.push_back(series(std::string(m == std::string(kinds::kDense) ? "dense" : m == std::string(kinds::kLearnedSparse)
                                                                                     ? "learned sparse"
                                                                                     : "fixed sparse (local)"),
                                  xs, ms[m], std::string(m) == kinds::kFixedSparse));
  }
  for (size_t i = 0; i < lengths.size(); ++i) {
    std::string dense_score = "–", learned_score = "–";
    if (lc && lc->values.contains("curve")) {
      const auto& cv = lc->values["curve"];
      for (size_t k = 0; k < cv["n"].size(); ++k)
        if (cv["n"][k].get<int64_t>() == lengths[i]) {
          dense_score = fmt(cv["dense"][k].get<double>(), 1);
          learned_score = fmt(cv["learned"][k].get<double>(), 1);
        }
    }
    g.add_row({{"n", std::to_string(lengths[i])},
               {"dense step (ms)", fmt(ms[kinds::kDense][i], 0)},
               {"learned step (ms)", fmt(ms[kinds::kLearnedSparse][i], 0)},
               {"speed-up", fmt(ms[kinds::kDense][i] / ms[kinds::kLearnedSparse][i], 2) + "×"},
               {"dense MiB", fmt(mib[kinds::kDense][i], 0)},
               {"learned MiB", fmt(mib[kinds::kLearnedSparse][i], 0)},
               {"dense score", dense_score},
               {"learned score", learned_score}});
  }
  const double slope_dense = loglog_slope(xs, ms[kinds::kDense]), slope_sparse = loglog_slope(xs, ms[kinds::kLearnedSparse]);
  const size_t last = lengths.size() - 1;
  g.values = {{"n", lengths}, {"step_ms", ms}, {"peak_mib", mib}, {"slope_dense", slope_dense}, {"slope_learned", slope_sparse}};
  std::string accuracy = "no accuracy sweep in this report";
  if (lc) {
    accuracy = "accuracy: " + lc->measured;
    for (const auto& id : lc->runs) g.runs.push_back(id);
  }
  g.conclusion = "A whole training step grows as n^" + fmt(slope_dense, 2) + " with dense attention and n^" + fmt(slope_sparse, 2) +
                 " with learned-sparse attention; at n = " + std::to_string(lengths[last]) + " learned sparse is " +
                 fmt(ms[kinds::kDense][last] / ms[kinds::kLearnedSparse][last], 2) + "× faster and uses " +
                 fmt(100 * mib[kinds::kLearnedSparse][last] / mib[kinds::kDense][last], 0) + "% of dense's step memory. " + accuracy + ".";
  g.rule = "fitted log-log exponents of the step time over the lengths; the accuracy sweep is the review's sparse.long_context";
  g.chart = {{"kind", "lines"}, {"title", "Training step time against sequence length (whole model, batch 1)"},
             {"x_label", "sequence length n (tokens)"}, {"y_label", "training step (ms)"}, {"log_x", true}, {"log_y", true},
             {"series", chart_series}};
  g.setting = "2-layer encoder, d " + std::to_string(b.text_d_model) + ", B = 64, k = auto, batch 1, " +
              std::to_string(c.options.threads) + " threads (0 = all cores)";
  return g;
}

// ------------------------------------------------------------------ gap 6: hardware (B and k)
GapResult gap_hardware(Context& c) {
  const Budget& b = c.budget;
  GapResult g;
  g.id = "hardware";
  g.title = "Hardware: block size B and k on this CPU";
  g.question = "Where do the ideal speed-up n/(k·B) and the achieved one diverge, as block size and selected blocks vary?";
  g.preset = "bench attention (forward), 4 heads, d 64";
  const int64_t n = b.name == "smoke" ? 1024 : 4096;
  const std::vector<int64_t> blocks = b.name == "smoke" ? std::vector<int64_t>{32, 128} : std::vector<int64_t>{16, 32, 64, 128, 256};
  const std::vector<int64_t> ks = b.name == "smoke" ? std::vector<int64_t>{2, 4} : std::vector<int64_t>{2, 4, 8, 16};
  json chart_series = json::array();
  std::vector<double> all_ideal;
  double best_fraction = 0;
  std::string best;
  std::set<std::string> poor;  // block sizes with a setting below half of ideal
  for (const int64_t block : blocks) {
    std::vector<double> ideal, achieved;
    for (const int64_t k : ks) {
      if (k * block >= n) continue;
      BenchAttentionOptions bo;
      bo.lengths = {n};
      bo.block = block;
      bo.topk = k;
      bo.batch = 4;  // every method runs at every (B, k): a larger batch makes the sweep slow, not different
      bo.threads = c.options.threads;
      bo.repeats = b.name == "smoke" ? 2 : 5;  // 3 let single stalls move a cell by a third between two runs
      c.observer.on_message("gap 6: B = " + std::to_string(block) + ", k = " + std::to_string(k));
      const auto rows = bench_attention(bo);
      c.store.add_benchmarks(rows);
      const BenchmarkRecord* learned = nullptr;
      for (const auto& r : rows)
        if (r.method == kinds::kLearnedSparse) learned = &r;
      if (!learned) continue;
      const auto extra = json::parse(learned->extra_json);
      const double speed = extra.value("speedup_vs_dense", 0.0), fraction = extra.value("fraction_of_ideal", 0.0);
      const double id = static_cast<double>(n) / static_cast<double>(k * block);
      ideal.push_back(id);
      achieved.push_back(speed);
      all_ideal.push_back(id);
      if (fraction > best_fraction) best_fraction = fraction, best = "B = " + std::to_string(block) + ", k = " + std::to_string(k);
      if (fraction < 0.5) poor.insert("B = " + std::to_string(block));
      g.add_row({{"B", std::to_string(block)}, {"k", std::to_string(k)}, {"density", fmt(100.0 / id, 1) + "%"}, {"ideal", fmt(id, 1) + "×"},
                         {"achieved", fmt(speed, 2) + "×"}, {"share of ideal", fmt(100 * fraction, 0) + "%"},
                         {"GFLOP/s", fmt(learned->flops / learned->time_ms / 1e6, 0)}});
    }
    chart_series.push_back(series("B = " + std::to_string(block), ideal, achieved));
  }
  if (!all_ideal.empty()) {
    const double lo = *std::min_element(all_ideal.begin(), all_ideal.end()), hi = *std::max_element(all_ideal.begin(), all_ideal.end());
    chart_series.push_back(series("ideal (achieved = n/(k·B))", {lo, hi}, {lo, hi}, true));
  }
  std::string poor_text;
  for (const auto& p : poor) poor_text += (poor_text.empty() ? "" : ", ") + p;
  g.conclusion = "The best share of the ideal speed-up is " + fmt(100 * best_fraction, 0) + "% at " + best +
                 ". Below half of ideal: " + (poor_text.empty() ? "none" : poor_text) +
                 " (small blocks leave the vector units idle; very sparse settings pay the fixed cost of routing and "
                 "the softmax bookkeeping).";
  g.rule = "achieved = time of the fastest exact attention / learned-sparse time at the same n; share of ideal = achieved / (n/(k·B))";
  g.chart = {{"kind", "lines"}, {"title", "Achieved against ideal speed-up, n = " + std::to_string(n)},
             {"x_label", "ideal speed-up n/(k·B)"}, {"y_label", "achieved speed-up"}, {"log_x", true}, {"log_y", true},
             {"series", chart_series}};
  g.setting = "attention alone, n = " + std::to_string(n) + ", batch 4, 4 heads, d 64, forward";
  return g;
}

// ------------------------------------------------------------------ gap 7: when methods fail
// Leave-one-out check of a one-feature linear predictor: each point predicted from a least-squares line
// through the others, against predicting the others' mean.
struct LooResult {
  double mae = std::nan(""), baseline_mae = std::nan(""), slope = std::nan("");
};

LooResult leave_one_out(const std::vector<double>& x, const std::vector<double>& y) {
  LooResult out;
  const size_t n = x.size();
  if (n < 3) return out;
  auto fit = [&](size_t skip, double* a, double* b) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i == skip) continue;
      sx += x[i], sy += y[i], sxx += x[i] * x[i], sxy += x[i] * y[i], m += 1;
    }
    const double var = sxx - sx * sx / m;
    *b = var > 1e-12 ? (sxy - sx * sy / m) / var : 0.0;
    *a = (sy - *b * sx) / m;
  };
  double err = 0, base = 0;
  for (size_t i = 0; i < n; ++i) {
    double a = 0, b = 0;
    fit(i, &a, &b);
    err += std::fabs(a + b * x[i] - y[i]);
    double mean = 0;
    for (size_t j = 0; j < n; ++j)
      if (j != i) mean += y[j];
    base += std::fabs(mean / static_cast<double>(n - 1) - y[i]);
  }
  double a = 0, b = 0;
  fit(n, &a, &b);
  out.mae = err / static_cast<double>(n);
  out.baseline_mae = base / static_cast<double>(n);
  out.slope = b;
  return out;
}

// Entropy (normalised by log of the keys) and mean |query - key| distance (normalised by the keys) of a
// dense run's recorded attention of its first probe at the last recorded step, over layers and heads.
bool attention_features(const RunStore& store, const std::string& run_id, double* entropy, double* distance) {
  int64_t last = -1;
  for (const auto& idx : store.probability_index(run_id, 0)) last = std::max(last, idx.step);
  if (last < 0) return false;
  double e = 0, d = 0;
  int64_t rows = 0;
  for (const auto& p : store.probabilities(run_id, 0, last)) {
    if (p.rows <= 0 || p.cols <= 1 || static_cast<int64_t>(p.values.size()) < p.rows * p.cols) continue;
    for (int64_t i = 0; i < p.rows; ++i) {
      double total = 0, h = 0, dist = 0;
      for (int64_t j = 0; j < p.cols; ++j) total += p.values[static_cast<size_t>(i * p.cols + j)];
      if (total <= 0) continue;
      // a pooled map has block rows and columns; the query's position is its row scaled to the columns
      const double qpos = static_cast<double>(i) * static_cast<double>(p.cols) / static_cast<double>(p.rows);
      for (int64_t j = 0; j < p.cols; ++j) {
        const double v = p.values[static_cast<size_t>(i * p.cols + j)] / total;
        if (v > 0) h -= v * std::log(v);
        dist += v * std::fabs(static_cast<double>(j) - qpos);
      }
      e += h / std::log(static_cast<double>(p.cols));
      d += dist / static_cast<double>(p.cols);
      ++rows;
    }
  }
  if (rows == 0) return false;
  *entropy = e / static_cast<double>(rows);
  *distance = d / static_cast<double>(rows);
  return true;
}

GapResult gap_failure_predictor(Context& c, const RunRecord& base) {
  const Budget& b = c.budget;
  GapResult g;
  g.id = "failure_predictor";
  g.title = "When methods fail: a predictor from measured task properties";
  g.question = "Does the dense model's attention (entropy, mean distance) predict how much accuracy learned sparse "
               "attention loses, and does the spectrum of full fine-tuning's update (effective rank) predict LoRA's gap? "
               "Each point is predicted from a line fitted to the others (leave one out) and compared with predicting "
               "their mean.";
  g.preset = "the review's runs: spam bytes at every n and retrieval (sparse); the parity tasks (LoRA)";
  // Sparse: one point per (task, n, seed), from the review's own runs (reused).
  std::vector<double> ent, dist, drop;
  std::vector<std::string> labels;
  auto sparse_point = [&](const nlohmann::json& dense_cfg, const nlohmann::json& learned_cfg, const std::string& label) {
    const auto d = c.runner.get(dense_cfg, label + ", dense");
    const auto l = c.runner.get(learned_cfg, label + ", learned sparse");
    double e = 0, m = 0;
    // a dense model that never beat the majority class has no accuracy to lose: not a point
    if (!reference_valid(score_points(d), majority_points(d))) return;
    if (!attention_features(c.store, d.id, &e, &m)) return;
    ent.push_back(e);
    dist.push_back(m);
    drop.push_back(score_points(d) - score_points(l));
    labels.push_back(label);
    g.runs.push_back(d.id);
    g.runs.push_back(l.id);
  };
  for (const int64_t seed : b.seeds) {
    for (const int64_t n : b.text_lengths)
      sparse_point(text_config(b, kinds::kDense, n, seed), text_config(b, kinds::kLearnedSparse, n, seed),
                   "review " + b.name + ": spam bytes n=" + std::to_string(n) + ", seed " + std::to_string(seed));
    sparse_point(global_config(b, kinds::kDense, seed), global_config(b, kinds::kLearnedSparse, seed),
                 "review " + b.name + ": retrieval n=" + std::to_string(b.global_n) + ", seed " + std::to_string(seed));
  }
  // LoRA: one point per (valid task, seed): effective rank of the full update of q and v, and full - LoRA.
  std::vector<double> erank, gap;
  std::vector<std::string> lora_labels;
  for (const auto& task : b.tasks)
    for (const int64_t seed : b.seeds) {
      const std::string s = ", seed " + std::to_string(seed);
      const auto full = c.runner.get(finetune_config(b, task, base.id, seed, 0), "review " + b.name + ": " + task.name + " full fine-tuning" + s);
      if (!reference_valid(score_points(full), majority_points(full))) continue;
      const auto lora = c.runner.get(finetune_config(b, task, base.id, seed, 8), "review " + b.name + ": " + task.name + " LoRA" + s);
      int64_t last = -1;
      for (const auto& rec : c.store.spectra(full.id)) last = std::max(last, rec.step);
      double er = 0;
      int count = 0;
      for (const auto& rec : c.store.spectra(full.id, last))
        if ((rec.module == "q" || rec.module == "v") && rec.kind == "full") er += rec.effective_rank, ++count;
      if (count == 0) continue;
      erank.push_back(er / count);
      gap.push_back(score_points(full) - score_points(lora));
      lora_labels.push_back(task.name + s);
      g.runs.push_back(full.id);
      g.runs.push_back(lora.id);
    }
  const auto by_entropy = leave_one_out(ent, drop), by_distance = leave_one_out(dist, drop), by_rank = leave_one_out(erank, gap);
  auto verdict_text = [](const LooResult& r) {
    if (!std::isfinite(r.mae)) return std::string("too few points (fewer than 3)");
    return "leave-one-out error " + fmt(r.mae, 1) + " points against " + fmt(r.baseline_mae, 1) + " for the mean (" +
           (r.mae < r.baseline_mae ? "predicts" : "does not predict") + "; slope " + fmt(r.slope, 2) + ")";
  };
  g.add_row({{"predictor", "attention entropy of dense → sparse accuracy drop"}, {"points", std::to_string(ent.size())},
             {"result", verdict_text(by_entropy)}});
  g.add_row({{"predictor", "mean attention distance of dense → sparse accuracy drop"}, {"points", std::to_string(dist.size())},
             {"result", verdict_text(by_distance)}});
  g.add_row({{"predictor", "effective rank of full fine-tuning's update → LoRA gap"}, {"points", std::to_string(erank.size())},
             {"result", verdict_text(by_rank)}});
  g.values = {{"sparse", {{"labels", labels}, {"entropy", ent}, {"distance", dist}, {"drop", drop}}},
              {"lora", {{"labels", lora_labels}, {"effective_rank", erank}, {"gap", gap}}}};
  g.conclusion = "Sparse attention: entropy " + verdict_text(by_entropy) + "; mean distance " + verdict_text(by_distance) +
                 ". LoRA: effective rank " + verdict_text(by_rank) + ".";
  g.rule = "a feature predicts when its leave-one-out mean absolute error is below that of predicting the mean of the "
           "other points; few points make this a first look, not a law";
  json s1 = series("sparse: drop (points) against mean attention distance", dist, drop);
  s1["scatter"] = true;
  g.chart = {{"kind", "lines"}, {"title", "Accuracy lost by learned sparse attention against the dense model's attention distance"},
             {"x_label", "mean attention distance of the dense model (share of n)"}, {"y_label", "dense - learned sparse (points)"},
             {"series", {s1}}};
  g.setting = "features from the dense run's recorded attention (first probe, last evaluation) and full fine-tuning's "
              "recorded spectra; targets from the review's test scores";
  return g;
}

}  // namespace

std::vector<std::string> known_gaps() {
  return {"combined", "seq2seq", "long_context", "hardware", "rank_from_spectrum", "router_transfer", "vision", "failure_predictor"};
}

void review_gaps(Context& c, const RunRecord& base) {
  std::vector<std::string> which = c.options.gaps;
  if (std::find(which.begin(), which.end(), "all") != which.end()) which = known_gaps();
  for (const auto& id : which) {
    // A study that fails is reported as failed; the claims and the other studies are kept.
    try {
      if (id == "combined") c.report.gaps.push_back(gap_combined(c, base));
      else if (id == "long_context") c.report.gaps.push_back(gap_long_context(c));
      else if (id == "hardware") c.report.gaps.push_back(gap_hardware(c));
      else if (id == "rank_from_spectrum") c.report.gaps.push_back(gap_rank_from_spectrum(c, base));
      else if (id == "router_transfer") c.report.gaps.push_back(gap_router_transfer(c, base));
      else if (id == "vision") c.report.gaps.push_back(gap_vision(c));
      else if (id == "seq2seq") c.report.gaps.push_back(gap_seq2seq(c));
      else if (id == "failure_predictor") c.report.gaps.push_back(gap_failure_predictor(c, base));
      else throw std::runtime_error("--gaps: unknown study '" + id + "'");
    } catch (const std::exception& e) {
      GapResult failed;
      failed.id = id;
      failed.title = id;
      failed.question = "—";
      failed.conclusion = std::string("not measured: the study failed: ") + e.what();
      failed.rule = "—";
      c.observer.on_message("gap " + id + " failed: " + e.what());
      c.report.gaps.push_back(failed);
    }
  }
}

}  // namespace etlab::study::detail
