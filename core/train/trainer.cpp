// SPDX-License-Identifier: MIT
// The training loop behind train_run / resume_run.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/attention/kernels.h"
#include "core/attention/kinds/router.h"
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

double learning_rate(const TrainOptions& t, int64_t step) {
  if (t.warmup > 0 && step < t.warmup) return t.lr * static_cast<double>(step + 1) / static_cast<double>(t.warmup);
  const double span = std::max<double>(1.0, static_cast<double>(t.steps - t.warmup));
  const double progress = std::min(1.0, static_cast<double>(step - t.warmup) / span);
  const double floor = t.lr * t.min_lr_ratio;
  return floor + (t.lr - floor) * 0.5 * (1.0 + std::cos(M_PI * progress));
}

void set_lr(torch::optim::AdamW& opt, double lr, const std::vector<double>& scales) {
  auto& groups = opt.param_groups();
  for (size_t i = 0; i < groups.size(); ++i)
    static_cast<torch::optim::AdamWOptions&>(groups[i].options()).lr(lr * (i < scales.size() ? scales[i] : 1.0));
}

// Steps at which an evaluation happens: every eval_every steps and the last step.
bool is_eval_step(const TrainOptions& t, int64_t step) { return step % t.eval_every == 0 || step == t.steps; }

int64_t total_evals(const TrainOptions& t) { return t.steps / t.eval_every + (t.steps % t.eval_every ? 1 : 0); }

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

// The training loop shared by train_run and resume_run once the session is built: one object per
// session, its steps split by concept (stopping, one optimizer step, step records, the data-parallel
// report, evaluation, the end of the run).
class RunLoop {
 public:
  explicit RunLoop(Session& s)
      : s_(s), store_(*s.store), obs_(*s.observer), dp_(s.dist), writer_(s.writer()), t_(s.config.train), lm_(s.data.lm),
        learned_(s.config.attention.info().learned), router_(router_settings(s.config.attention)),
        nan_step_(injected_nan_step()), t0_(Clock::now()), tokens_at_start_(s.tokens_seen), step_at_start_(s.step),
        cuda_(s.device.is_cuda()) {}

  RunResult run() {
    reset_tensor_peak();
    reset_process_peak_rss();
    if (cuda_) reset_cuda_peak(device_index());
    s_.model->train();
    while (s_.step < t_.steps) {
      if (should_leave()) break;
      if (!optimizer_step()) break;
      record_step();
      if (dp_ && s_.step % t_.log_every == 0) report_ranks();
      if (writer_ && is_eval_step(t_, s_.step) && evaluate_step() && !dp_) break;
      if (t_.checkpoint_every > 0 && s_.step % t_.checkpoint_every == 0) save_state();
      if (s_.step % t_.log_every == 0) flush();
    }
    return finish();
  }

 private:
  int device_index() const { return s_.device.index() < 0 ? 0 : s_.device.index(); }
  double elapsed() const { return s_.elapsed_before + std::chrono::duration<double>(Clock::now() - t0_).count(); }
  double session_tps() const {
    const double secs = std::chrono::duration<double>(Clock::now() - t0_).count();
    return secs > 0 ? static_cast<double>(s_.tokens_seen - tokens_at_start_) / secs : 0.0;
  }
  int64_t peak_bytes() const { return cuda_ ? cuda_peak_bytes(device_index()) : tensor_bytes_peak(); }

  // Time spent writing to the database (the budget: under 2% of training time).
  void flush() {
    if (!writer_) {
      pending_ = LogBatch{};
      return;
    }
    pending_.step = s_.step;
    const auto w0 = Clock::now();
    store_.write_batch(s_.run_id, pending_);
    store_seconds_ += std::chrono::duration<double>(Clock::now() - w0).count();
    pending_ = LogBatch{};
  }

  // One checkpoint of a kind is kept: the newest is committed with the pending rows, then the older
  // files go (rows first, so the database never names a missing file).
  void replace_checkpoint(CheckpointRecord fresh) {
    const auto old = store_.checkpoints(s_.run_id);
    const std::string kind = fresh.kind;
    pending_.checkpoints.push_back(std::move(fresh));
    flush();
    for (const auto& c : old)
      if (c.kind == kind && c.step != s_.step) {
        store_.remove_checkpoint(s_.run_id, c.step, c.kind);
        std::error_code ec;
        fs::remove(checkpoint_path(store_, c.path), ec);
      }
  }

  // The resumable state (once per step: early stopping and checkpoint_every may meet).
  void save_state() {
    if (!writer_ || saved_at_ == s_.step) return;
    replace_checkpoint(save_full_checkpoint(s_, elapsed()));
    saved_at_ = s_.step;
  }

  // Cancellation, and a data-parallel early stop that every rank takes at the same step.
  bool should_leave() {
    bool stop = obs_.should_stop();
    if (dp_) {
      // Every rank leaves the loop at the same step, or the others would wait for it in a collective.
      const auto flags = dp_->sum({stop ? 1.0 : 0.0, early_pending_ ? 1.0 : 0.0});
      stop = flags[0] > 0;
      if (!stop && flags[1] > 0) {
        if (reason_.empty()) reason_ = "early stopping (rank 0 saw no improvement)";
        return true;
      }
    }
    if (stop) {
      status_ = RunStatus::Cancelled;
      reason_ = "cancelled at step " + std::to_string(s_.step);
    }
    return stop;
  }

  // Forward and backward over the micro-batches, the optimizer step; false when the loss diverged.
  bool optimizer_step() {
    const double lr = learning_rate(t_, s_.step);
    set_lr(*s_.optimizer, lr, s_.lr_scales);
    const bool warmup = learned_ && s_.step < router_.dense_warmup_steps;
    if (learned_) s_.model->set_dense_mode(warmup);
    s_.optimizer->zero_grad();
    double loss_sum = 0.0, aux_sum = 0.0;
    int64_t step_tokens = 0;
    // Stops are honoured only between optimizer steps: a stop inside an accumulation would already
    // have consumed data and random numbers that the checkpoint of step `s.step` does not record.
    for (int64_t micro = 0; micro < t_.accum; ++micro) {
      auto batch = make_batch(s_.next_examples(), s_.data.pad_id, lm_, s_.device);
      auto out = forward_batch(s_.model, batch, lm_);
      auto loss = task_loss(out, batch, lm_);
      if (s_.step + 1 == nan_step_) loss = loss * std::numeric_limits<double>::quiet_NaN();
      auto total = loss;
      if (out.aux_loss.defined() && router_.loss_weight > 0) {
        total = total + out.aux_loss * router_.loss_weight;
        aux_sum += out.aux_loss.item<double>();
      }
      // Data-parallel: the last micro-batch's backward averages the accumulated gradients over the ranks,
      // bucket by bucket as they are produced.
      if (dp_ && micro == t_.accum - 1) dp_->prepare_for_backward(total);
      (total / static_cast<double>(t_.accum)).backward();
      loss_sum += loss.item<double>();
      step_tokens += batch.real_tokens;
    }
    rank_tokens_ += step_tokens;
    if (dp_) {
      // The job's loss (the mean over every rank's examples) and tokens, the same on every rank.
      const auto all = dp_->sum({loss_sum, aux_sum, static_cast<double>(step_tokens)});
      loss_sum = all[0] / static_cast<double>(s_.world);
      aux_sum = all[1] / static_cast<double>(s_.world);
      step_tokens = static_cast<int64_t>(all[2]);
    }
    s_.tokens_seen += step_tokens;
    const double loss = loss_sum / static_cast<double>(t_.accum);
    if (!std::isfinite(loss)) {
      status_ = RunStatus::Failed;
      reason_ = "loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " at step " + std::to_string(s_.step + 1);
      return false;
    }
    double grad_norm = 0.0;
    std::vector<torch::Tensor> params;
    for (auto& g : s_.optimizer->param_groups())
      for (auto& p : g.params()) params.push_back(p);
    if (t_.clip > 0) grad_norm = torch::nn::utils::clip_grad_norm_(params, t_.clip);
    s_.optimizer->step();
    ++s_.step;
    last_ = {lr, loss, aux_sum / static_cast<double>(t_.accum), grad_norm, warmup};
    return true;
  }

  // The step's event for the observer and its metric rows.
  void record_step() {
    StepEvent ev;
    ev.run_id = s_.run_id;
    ev.step = s_.step;
    ev.total_steps = t_.steps;
    ev.loss = last_.loss;
    ev.aux_loss = last_.aux_loss;
    ev.lr = last_.lr;
    ev.grad_norm = last_.grad_norm;
    ev.elapsed_seconds = elapsed();
    ev.tokens_per_second = session_tps();
    const double per_step = std::chrono::duration<double>(Clock::now() - t0_).count() /
                            static_cast<double>(std::max<int64_t>(1, s_.step - step_at_start_));
    ev.eta_seconds = per_step * static_cast<double>(t_.steps - s_.step);
    ev.dense_warmup = last_.warmup;
    obs_.on_step(ev);
    const double wall = ev.elapsed_seconds;
    pending_.metrics.push_back({s_.step, "train/loss", last_.loss, wall});
    pending_.metrics.push_back({s_.step, "train/lr", last_.lr, wall});
    if (t_.clip > 0) pending_.metrics.push_back({s_.step, "train/grad_norm", last_.grad_norm, wall});
    if (learned_) pending_.metrics.push_back({s_.step, "train/router_kl", ev.aux_loss, wall});
    if (s_.step % t_.log_every == 0) pending_.metrics.push_back({s_.step, "train/tokens_per_s", ev.tokens_per_second, wall});
    wall_ = wall;
  }

  // Every rank reports to rank 0: its own throughput and memory, and a fingerprint of its parameters,
  // which must equal rank 0's bit for bit.
  void report_ranks() {
    const double secs = std::chrono::duration<double>(Clock::now() - t0_).count();
    const auto [hi, lo] = parameter_fingerprint(s_);
    const auto ranks = dp_->gather({secs > 0 ? static_cast<double>(rank_tokens_) / secs : 0.0, static_cast<double>(peak_bytes()),
                                    static_cast<double>(process_peak_rss()), hi, lo});
    for (size_t r = 0; r < ranks.size(); ++r) {
      const std::string prefix = "rank" + std::to_string(r) + "/";
      pending_.metrics.push_back({s_.step, prefix + "tokens_per_s", ranks[r][0], wall_});
      pending_.metrics.push_back({s_.step, prefix + "peak_bytes", ranks[r][1], wall_});
      pending_.metrics.push_back({s_.step, prefix + "peak_rss_bytes", ranks[r][2], wall_});
      if (ranks[r][3] != ranks[0][3] || ranks[r][4] != ranks[0][4])
        throw std::runtime_error("data-parallel: rank " + std::to_string(r) + "'s parameters differ from rank 0's after step " +
                                 std::to_string(s_.step));
    }
    ++params_checked_;
  }

  // Validation, probes, spectra, the best weights and early stopping; true when the run stops early.
  bool evaluate_step() {
    auto points = evaluate(s_, s_.data.val, "val", t_.eval_batches);
    last_val_ = points;
    last_val_step_ = s_.step;
    const bool with_probs = is_prob_eval(s_, s_.evals_done);
    if (with_probs) ++s_.prob_evals_done;
    ++s_.evals_done;
    const size_t sel_before = pending_.selections.size(), prob_before = pending_.probabilities.size();
    record_probes(s_, with_probs, pending_);
    add_attention_statistics(pending_, sel_before, prob_before, s_.step, elapsed(), s_.config.attention.block);
    if (s_.config.probe.spectra && (s_.config.lora.enabled || !s_.base_weights.empty()))
      record_spectra(s_, s_.step == t_.steps, pending_);
    pending_.evals.insert(pending_.evals.end(), points.begin(), points.end());
    EvalEvent ee{s_.run_id, s_.step, points};
    obs_.on_eval(ee);
    const double metric = selection_metric(points, lm_);
    if (metric > s_.best_metric) {
      s_.best_metric = metric;
      s_.best_step = s_.step;
      s_.evals_without_improvement = 0;
      if (t_.keep_best && writer_) replace_checkpoint(save_weights(s_, "best"));
    } else {
      ++s_.evals_without_improvement;
    }
    const bool early = t_.patience > 0 && s_.evals_without_improvement >= t_.patience;
    if (t_.checkpoint_every == 0 || early) save_state();
    if (early) {
      reason_ = "early stopping: no improvement in " + std::to_string(t_.patience) + " evaluations";
      early_pending_ = true;
    }
    return early;
  }

  // The final checkpoint, evaluation and status (rank 0); another rank only says how it ended.
  RunResult finish() {
    RunResult result;
    result.run_id = s_.run_id;
    const double wall = elapsed();
    const double tps = session_tps();
    if (!writer_) {
      result.status = status_;
      result.reason = reason_;
      result.summary = {{"rank", s_.rank}, {"steps", s_.step}, {"wall_seconds", wall}, {"tokens_per_second", tps},
                        {"params_checked", params_checked_}};
      obs_.on_finish(result);
      return result;
    }
    if (status_ == RunStatus::Cancelled) {
      save_state();
    } else if (status_ == RunStatus::Finished) {
      pending_.checkpoints.push_back(save_weights(s_));
      flush();
    } else {
      flush();
    }
    std::vector<EvalPoint> final_points;
    if (status_ == RunStatus::Finished) final_points = final_evaluation();
    RunTotals totals;
    result.summary = summary_of(s_, final_points, wall, tps);
    result.summary["store_write_seconds"] = store_seconds_;
    result.summary["store_write_fraction"] = wall > s_.elapsed_before ? store_seconds_ / (wall - s_.elapsed_before) : 0.0;
    if (dp_) {
      result.summary["world_size"] = s_.world;
      result.summary["effective_batch"] = t_.batch * t_.accum * s_.world;
      const double secs = std::chrono::duration<double>(Clock::now() - t0_).count();
      result.summary["rank0_tokens_per_second"] = secs > 0 ? static_cast<double>(rank_tokens_) / secs : 0.0;
      result.summary["ranks_identical_checks"] = params_checked_;  // parameter fingerprints compared across ranks, all equal
    }
    totals.summary_json = result.summary.dump();
    totals.wall_seconds = wall;
    totals.tokens_per_second = tps;
    totals.peak_bytes = peak_bytes();
    totals.step = s_.step;
    store_.finish_run(s_.run_id, status_, reason_, totals);
    result.status = status_;
    result.reason = reason_;
    obs_.on_finish(result);
    return result;
  }

  // Validation (unless the last in-loop evaluation already covered the whole split), test and the extra
  // test domains, written with the run.
  std::vector<EvalPoint> final_evaluation() {
    auto points = t_.eval_batches == 0 && last_val_step_ == s_.step ? last_val_ : evaluate(s_, s_.data.val, "val", 0);
    auto test = evaluate(s_, s_.data.test, "test", 0);
    points.insert(points.end(), test.begin(), test.end());
    for (const auto& extra : s_.data.extra_tests) {
      auto pts = evaluate(s_, extra.examples, extra.name, 0);
      points.insert(points.end(), pts.begin(), pts.end());
    }
    pending_.evals = points;
    flush();
    return points;
  }

  struct StepValues {
    double lr = 0.0, loss = 0.0, aux_loss = 0.0, grad_norm = 0.0;
    bool warmup = false;
  };

  Session& s_;
  RunStore& store_;
  RunObserver& obs_;
  DataParallel* dp_;
  const bool writer_;  // in a data-parallel job only rank 0 evaluates and writes
  const TrainOptions& t_;
  const bool lm_, learned_;
  const RouterSettings router_;
  const int64_t nan_step_;
  const Clock::time_point t0_;
  const int64_t tokens_at_start_, step_at_start_;
  const bool cuda_;
  int64_t rank_tokens_ = 0;  // this rank's own tokens in this session
  int64_t params_checked_ = 0;
  LogBatch pending_;
  std::vector<EvalPoint> last_val_;
  int64_t last_val_step_ = -1;
  RunStatus status_ = RunStatus::Finished;
  std::string reason_;
  double store_seconds_ = 0.0;
  int64_t saved_at_ = -1;
  bool early_pending_ = false;  // data-parallel: rank 0 stops early, and every rank stops with it at the next step
  StepValues last_;
  double wall_ = 0.0;  // the last step's wall time
};

}  // namespace

RunResult run_session(Session& s) {
  try {
    return RunLoop(s).run();

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
