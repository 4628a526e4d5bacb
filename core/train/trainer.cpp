// SPDX-License-Identifier: MIT
// The training loop behind train_run / resume_run.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/attention/kernels.h"
#include "core/data/data_cache.h"
#include "core/dist/data_parallel.h"
#include "core/measure/memory.h"
#include "core/store/attention_stats.h"
#include "core/store/run_store.h"
#include "core/store/write_failure.h"
#include "core/train/session.h"

namespace etlab {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double learning_rate(const TrainConfig& t, int64_t step) {
  if (t.warmup > 0 && step < t.warmup) return t.lr * static_cast<double>(step + 1) / static_cast<double>(t.warmup);
  const double span = std::max<double>(1.0, static_cast<double>(t.steps - t.warmup));
  const double progress = std::min(1.0, static_cast<double>(step - t.warmup) / span);
  const double floor = t.lr * t.min_lr_ratio;
  return floor + (t.lr - floor) * 0.5 * (1.0 + std::cos(M_PI * progress));
}

void set_lr(torch::optim::AdamW& opt, double lr) {
  for (auto& g : opt.param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
}

// Steps at which an evaluation happens: every eval_every steps and the last step.
bool is_eval_step(const TrainConfig& t, int64_t step) { return step % t.eval_every == 0 || step == t.steps; }

int64_t total_evals(const TrainConfig& t) { return t.steps / t.eval_every + (t.steps % t.eval_every ? 1 : 0); }

// Evaluations that store probabilities: at most probe.prob_steps, spread evenly, always the last.
bool is_prob_eval(const Session& s, int64_t eval_index) {
  const int64_t total = total_evals(s.config.train), want = std::min(s.config.probe.prob_steps, total);
  if (want <= 0) return false;
  if (eval_index == total - 1) return true;
  for (int64_t i = 0; i < want - 1; ++i)
    if (eval_index == (i * (total - 1)) / std::max<int64_t>(1, want - 1)) return true;
  return false;
}

double selection_metric(const std::vector<EvalPoint>& points, bool lm) {
  for (const auto& p : points)
    if (p.metric == (lm ? "loss" : "accuracy")) return lm ? -p.value : p.value;
  return -1e300;
}

// Mean density (over probe 0's layers and heads) and, when probabilities were stored at this step,
// mean entropy and attention distance: the run-level attention statistics.
void add_attention_statistics(LogBatch& b, size_t sel_from, size_t prob_from, int64_t step, double wall, int64_t block) {
  double density = 0, entropy = 0, distance = 0;
  int n_sel = 0, n_prob = 0;
  for (size_t i = sel_from; i < b.selections.size(); ++i)
    if (b.selections[i].probe == 0) density += selection_density(b.selections[i]), ++n_sel;
  for (size_t i = prob_from; i < b.probabilities.size(); ++i)
    if (b.probabilities[i].probe == 0) {
      entropy += attention_entropy(b.probabilities[i]);
      distance += mean_attention_distance(b.probabilities[i], block);
      ++n_prob;
    }
  if (n_sel) b.metrics.push_back({step, "attn/density", density / n_sel, wall});
  if (n_prob) {
    b.metrics.push_back({step, "attn/entropy", entropy / n_prob, wall});
    b.metrics.push_back({step, "attn/distance", distance / n_prob, wall});
  }
}

int64_t injected_nan_step() {
  const char* v = std::getenv("ETLAB_INJECT_NAN_STEP");  // fault injection for tests (see README)
  return v ? std::atoll(v) : -1;
}

// A fingerprint of the trainable parameters' bytes (FNV-1a over 64-bit words, then the tail bytes) as
// two 32-bit halves, each exact in a double: ranks whose parameters differ in any bit all but surely
// disagree.
std::pair<double, double> parameter_fingerprint(Session& s) {
  uint64_t h = 1469598103934665603ULL;
  constexpr uint64_t prime = 1099511628211ULL;
  for (auto& p : s.model->parameters()) {
    if (!p.requires_grad()) continue;
    const auto c = p.detach().to(torch::kCPU).contiguous();
    const auto* b = static_cast<const unsigned char*>(c.data_ptr());
    const size_t n = static_cast<size_t>(c.numel()) * c.element_size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, b + i, 8);
      h = (h ^ w) * prime;
    }
    for (; i < n; ++i) h = (h ^ b[i]) * prime;
  }
  return {static_cast<double>(h >> 32), static_cast<double>(h & 0xffffffffULL)};
}

nlohmann::json summary_of(const Session& s, const std::vector<EvalPoint>& final_points, double wall, double tps) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& p : final_points) j[p.split + "/" + p.metric] = p.value;
  j["steps"] = s.step;
  j["best_step"] = s.best_step;
  j["wall_seconds"] = wall;
  j["tokens_per_second"] = tps;
  j["peak_tensor_bytes"] = tensor_bytes_peak();  // CPU tensors
  if (s.device.is_cuda()) j["peak_cuda_bytes"] = cuda_peak_bytes(s.device.index() < 0 ? 0 : s.device.index());
  j["peak_rss_bytes"] = process_peak_rss();
  if (!s.data.lm) j["majority_baseline"] = s.data.majority_baseline;
  j["train_examples"] = s.data.train.size();
  j["test_examples"] = s.data.test.size();
  return j;
}

// The body shared by train_run and resume_run once the session is built.
RunResult run_loop(Session& s) {
  RunStore& store = *s.store;
  RunObserver& obs = *s.observer;
  DataParallel* dp = s.dist;
  const bool writer = s.writer();  // in a data-parallel job only rank 0 evaluates and writes
  const auto& t = s.config.train;
  const bool lm = s.data.lm;
  const bool learned = s.config.attention.kind == "learned_sparse";
  const int64_t nan_step = injected_nan_step();
  RunResult result;
  result.run_id = s.run_id;
  const auto t0 = Clock::now();
  const int64_t tokens_at_start = s.tokens_seen, step_at_start = s.step;
  int64_t rank_tokens = 0;  // this rank's own tokens in this session
  int64_t params_checked = 0;
  auto elapsed = [&] { return s.elapsed_before + std::chrono::duration<double>(Clock::now() - t0).count(); };
  auto session_tps = [&] {
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    return secs > 0 ? static_cast<double>(s.tokens_seen - tokens_at_start) / secs : 0.0;
  };
  reset_tensor_peak();
  reset_process_peak_rss();
  const bool cuda = s.device.is_cuda();
  if (cuda) reset_cuda_peak(s.device.index() < 0 ? 0 : s.device.index());
  auto peak_bytes = [&] { return cuda ? cuda_peak_bytes(s.device.index() < 0 ? 0 : s.device.index()) : tensor_bytes_peak(); };
  s.model->train();
  LogBatch pending;
  std::vector<EvalPoint> last_val;
  int64_t last_val_step = -1;
  RunStatus status = RunStatus::Finished;
  std::string reason;

  // Time spent writing to the database (the budget: under 2% of training time).
  double store_seconds = 0.0;
  auto flush = [&] {
    if (!writer) {
      pending = LogBatch{};
      return;
    }
    pending.step = s.step;
    const auto w0 = Clock::now();
    store.write_batch(s.run_id, pending);
    store_seconds += std::chrono::duration<double>(Clock::now() - w0).count();
    pending = LogBatch{};
  };
  // One checkpoint of a kind is kept: the newest is committed with the pending rows, then the older
  // files go (rows first, so the database never names a missing file).
  auto replace_checkpoint = [&](CheckpointRecord fresh) {
    const auto old = store.checkpoints(s.run_id);
    const std::string kind = fresh.kind;
    pending.checkpoints.push_back(std::move(fresh));
    flush();
    for (const auto& c : old)
      if (c.kind == kind && c.step != s.step) {
        store.remove_checkpoint(s.run_id, c.step, c.kind);
        std::error_code ec;
        fs::remove(checkpoint_path(store, c.path), ec);
      }
  };
  int64_t saved_at = -1;
  auto save_state = [&] {  // the resumable state (once per step: early stopping and checkpoint_every may meet)
    if (!writer || saved_at == s.step) return;
    replace_checkpoint(save_full_checkpoint(s, elapsed()));
    saved_at = s.step;
  };
  auto save_best = [&] {  // best-validation weights
    if (writer) replace_checkpoint(save_weights(s, "best"));
  };
  bool early_pending = false;  // data-parallel: rank 0 stops early, and every rank stops with it at the next step

  while (s.step < t.steps) {
    bool stop = obs.should_stop();
    if (dp) {
      // Every rank leaves the loop at the same step, or the others would wait for it in a collective.
      const auto flags = dp->sum({stop ? 1.0 : 0.0, early_pending ? 1.0 : 0.0});
      stop = flags[0] > 0;
      if (!stop && flags[1] > 0) {
        if (reason.empty()) reason = "early stopping (rank 0 saw no improvement)";
        break;
      }
    }
    if (stop) {
      status = RunStatus::Cancelled;
      reason = "cancelled at step " + std::to_string(s.step);
      break;
    }
    const double lr = learning_rate(t, s.step);
    set_lr(*s.optimizer, lr);
    const bool warmup = learned && s.step < s.config.attention.dense_warmup_steps;
    if (learned) s.model->set_dense_mode(warmup);
    s.optimizer->zero_grad();
    double loss_sum = 0.0, aux_sum = 0.0;
    int64_t step_tokens = 0;
    // Stops are honoured only between optimizer steps: a stop inside an accumulation would already
    // have consumed data and random numbers that the checkpoint of step `s.step` does not record.
    for (int64_t micro = 0; micro < t.accum; ++micro) {
      auto batch = make_batch(s.next_examples(), s.data.pad_id, lm, s.device);
      auto out = forward_batch(s.model, batch, lm);
      auto loss = task_loss(out, batch, lm);
      if (s.step + 1 == nan_step) loss = loss * std::numeric_limits<double>::quiet_NaN();
      auto total = loss;
      if (out.aux_loss.defined() && s.config.attention.router_loss_weight > 0) {
        total = total + out.aux_loss * s.config.attention.router_loss_weight;
        aux_sum += out.aux_loss.item<double>();
      }
      // Data-parallel: the last micro-batch's backward averages the accumulated gradients over the ranks,
      // bucket by bucket as they are produced.
      if (dp && micro == t.accum - 1) dp->prepare_for_backward(total);
      (total / static_cast<double>(t.accum)).backward();
      loss_sum += loss.item<double>();
      step_tokens += batch.real_tokens;
    }
    rank_tokens += step_tokens;
    if (dp) {
      // The job's loss (the mean over every rank's examples) and tokens, the same on every rank.
      const auto all = dp->sum({loss_sum, aux_sum, static_cast<double>(step_tokens)});
      loss_sum = all[0] / static_cast<double>(s.world);
      aux_sum = all[1] / static_cast<double>(s.world);
      step_tokens = static_cast<int64_t>(all[2]);
    }
    s.tokens_seen += step_tokens;
    const double loss = loss_sum / static_cast<double>(t.accum);
    if (!std::isfinite(loss)) {
      status = RunStatus::Failed;
      reason = "loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " at step " + std::to_string(s.step + 1);
      break;
    }
    double grad_norm = 0.0;
    std::vector<torch::Tensor> params;
    for (auto& g : s.optimizer->param_groups())
      for (auto& p : g.params()) params.push_back(p);
    if (t.clip > 0) grad_norm = torch::nn::utils::clip_grad_norm_(params, t.clip);
    s.optimizer->step();
    ++s.step;

    StepEvent ev;
    ev.run_id = s.run_id;
    ev.step = s.step;
    ev.total_steps = t.steps;
    ev.loss = loss;
    ev.aux_loss = aux_sum / static_cast<double>(t.accum);
    ev.lr = lr;
    ev.grad_norm = grad_norm;
    ev.elapsed_seconds = elapsed();
    ev.tokens_per_second = session_tps();
    const double per_step = std::chrono::duration<double>(Clock::now() - t0).count() /
                            static_cast<double>(std::max<int64_t>(1, s.step - step_at_start));
    ev.eta_seconds = per_step * static_cast<double>(t.steps - s.step);
    ev.dense_warmup = warmup;
    obs.on_step(ev);
    const double wall = ev.elapsed_seconds;
    pending.metrics.push_back({s.step, "train/loss", loss, wall});
    pending.metrics.push_back({s.step, "train/lr", lr, wall});
    if (t.clip > 0) pending.metrics.push_back({s.step, "train/grad_norm", grad_norm, wall});
    if (learned) pending.metrics.push_back({s.step, "train/router_kl", ev.aux_loss, wall});
    if (s.step % t.log_every == 0) pending.metrics.push_back({s.step, "train/tokens_per_s", ev.tokens_per_second, wall});
    if (dp && s.step % t.log_every == 0) {
      // Every rank reports to rank 0: its own throughput and memory, and a fingerprint of its parameters,
      // which must equal rank 0's bit for bit.
      const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
      const auto [hi, lo] = parameter_fingerprint(s);
      const auto ranks = dp->gather({secs > 0 ? static_cast<double>(rank_tokens) / secs : 0.0, static_cast<double>(peak_bytes()),
                                     static_cast<double>(process_peak_rss()), hi, lo});
      for (size_t r = 0; r < ranks.size(); ++r) {
        const std::string prefix = "rank" + std::to_string(r) + "/";
        pending.metrics.push_back({s.step, prefix + "tokens_per_s", ranks[r][0], wall});
        pending.metrics.push_back({s.step, prefix + "peak_bytes", ranks[r][1], wall});
        pending.metrics.push_back({s.step, prefix + "peak_rss_bytes", ranks[r][2], wall});
        if (ranks[r][3] != ranks[0][3] || ranks[r][4] != ranks[0][4])
          throw std::runtime_error("data-parallel: rank " + std::to_string(r) + "'s parameters differ from rank 0's after step " +
                                   std::to_string(s.step));
      }
      ++params_checked;
    }

    if (writer && is_eval_step(t, s.step)) {
      auto points = evaluate(s, s.data.val, "val", t.eval_batches);
      last_val = points;
      last_val_step = s.step;
      const bool with_probs = is_prob_eval(s, s.evals_done);
      if (with_probs) ++s.prob_evals_done;
      ++s.evals_done;
      const size_t sel_before = pending.selections.size(), prob_before = pending.probabilities.size();
      record_probes(s, with_probs, pending);
      add_attention_statistics(pending, sel_before, prob_before, s.step, elapsed(), s.config.attention.block);
      if (s.config.probe.spectra && (s.config.lora.enabled || !s.base_weights.empty()))
        record_spectra(s, s.step == t.steps, pending);
      pending.evals.insert(pending.evals.end(), points.begin(), points.end());
      EvalEvent ee{s.run_id, s.step, points};
      obs.on_eval(ee);
      const double metric = selection_metric(points, lm);
      if (metric > s.best_metric) {
        s.best_metric = metric;
        s.best_step = s.step;
        s.evals_without_improvement = 0;
        if (t.keep_best) save_best();
      } else {
        ++s.evals_without_improvement;
      }
      const bool early = t.patience > 0 && s.evals_without_improvement >= t.patience;
      if (t.checkpoint_every == 0 || early) save_state();
      if (early) {
        reason = "early stopping: no improvement in " + std::to_string(t.patience) + " evaluations";
        if (!dp) break;
        early_pending = true;
      }
    }
    if (t.checkpoint_every > 0 && s.step % t.checkpoint_every == 0) save_state();
    if (s.step % t.log_every == 0) flush();
  }

  const double wall = elapsed();
  const double tps = session_tps();
  if (!writer) {
    // Rank 0 records the run; this rank only says how it ended.
    result.status = status;
    result.reason = reason;
    result.summary = {{"rank", s.rank}, {"steps", s.step}, {"wall_seconds", wall}, {"tokens_per_second", tps},
                      {"params_checked", params_checked}};
    obs.on_finish(result);
    return result;
  }
  if (status == RunStatus::Cancelled) {
    save_state();
  } else if (status == RunStatus::Finished) {
    pending.checkpoints.push_back(save_weights(s));
    flush();
  } else {
    flush();
  }

  std::vector<EvalPoint> final_points;
  if (status == RunStatus::Finished) {
    // The last in-loop evaluation already covered the whole validation split unless eval_batches capped it.
    final_points = t.eval_batches == 0 && last_val_step == s.step ? last_val : evaluate(s, s.data.val, "val", 0);
    auto test = evaluate(s, s.data.test, "test", 0);
    final_points.insert(final_points.end(), test.begin(), test.end());
    for (const auto& extra : s.data.extra_tests) {
      auto pts = evaluate(s, extra.examples, extra.name, 0);
      final_points.insert(final_points.end(), pts.begin(), pts.end());
    }
    pending.evals = final_points;
    flush();
  }
  RunTotals totals;
  result.summary = summary_of(s, final_points, wall, tps);
  result.summary["store_write_seconds"] = store_seconds;
  result.summary["store_write_fraction"] = wall > s.elapsed_before ? store_seconds / (wall - s.elapsed_before) : 0.0;
  if (dp) {
    result.summary["world_size"] = s.world;
    result.summary["effective_batch"] = t.batch * t.accum * s.world;
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    result.summary["rank0_tokens_per_second"] = secs > 0 ? static_cast<double>(rank_tokens) / secs : 0.0;
    result.summary["ranks_identical_checks"] = params_checked;  // parameter fingerprints compared across ranks, all equal
  }
  totals.summary_json = result.summary.dump();
  totals.wall_seconds = wall;
  totals.tokens_per_second = tps;
  totals.peak_bytes = peak_bytes();
  totals.step = s.step;
  store.finish_run(s.run_id, status, reason, totals);
  result.status = status;
  result.reason = reason;
  obs.on_finish(result);
  return result;
}

}  // namespace

RunResult run_session(Session& s) {
  try {
    return run_loop(s);
  } catch (const std::exception& e) {
    RunResult r;
    r.run_id = s.run_id;
    r.status = RunStatus::Failed;
    r.reason = e.what();
    const auto nl = r.reason.find('\n');
    if (nl != std::string::npos) r.reason = r.reason.substr(0, nl);  // c10 errors append a backtrace
    if (s.dist) {
      // A collective fails on every rank when one dies: leave this rank's reason for rank 0, and let rank
      // 0 name the rank that failed first (its own report, or the launcher's for a rank that was killed).
      s.dist->report_failure("rank " + std::to_string(s.rank) + ": " + r.reason);
      if (s.writer()) {
        const auto others = s.dist->failures(std::chrono::seconds(5));
        if (!others.empty()) r.reason = others + " (rank 0: " + r.reason + ")";
      }
    }
    // No room to write: the run keeps its last checkpoint and stays resumable; a data-parallel run
    // cannot be resumed yet, so it fails, saying so.
    if (is_write_failure(r.reason) && s.dist) {
      r.reason = write_failure_reason(r.reason);
      r.reason = r.reason.substr(0, r.reason.rfind("; free some space")) +
                 "; a data-parallel run cannot be resumed yet: free some space and start it again";
    } else if (is_write_failure(r.reason)) {
      r.status = RunStatus::Interrupted;
      r.reason = write_failure_reason(r.reason);
      r.write_failed = true;
    }
    RunTotals totals;
    totals.step = s.step;
    totals.peak_bytes = tensor_bytes_peak();
    // When the final write itself failed, finish_run has already let the run go and any reaper finds it
    // interrupted: writing to it again could overwrite a run that another process has taken over since.
    bool recorded = false;
    if (s.store->owns(s.run_id)) {
      try {
        s.store->finish_run(s.run_id, r.status, r.reason, totals);
        recorded = true;
      } catch (const std::exception&) {
        // Even the status could not be written: the run was let go, and reads as interrupted.
      }
    }
    if (!recorded && r.status != RunStatus::Interrupted) throw;
    s.observer->on_finish(r);
    return r;
  }
}

}  // namespace etlab
