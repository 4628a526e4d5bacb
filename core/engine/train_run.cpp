// SPDX-License-Identifier: MIT
// train_run and resume_run: a session built (core/train/setup.cpp), joined to a data-parallel job when
// asked, recorded as a run, trained (core/train/trainer.cpp).
#include <stdexcept>

#include "core/attention/kernels.h"
#include "core/dist/data_parallel.h"
#include "core/engine/engine.h"
#include "core/measure/memory.h"
#include "core/store/run_store.h"
#include "core/train/session.h"

namespace etlab {

namespace {

// One rank joins the data-parallel job: every rank trains rank 0's configuration (its measured dense
// kernel included), with the number of ranks and any learning-rate scaling written into it.
void join_job(Session& s, DataParallel& dp, const EngineOptions& options) {
  auto& cfg = s.config;
  const int64_t world = dp.world_size();
  if (cfg.train.device == "cuda")
    throw std::runtime_error("train.device: data-parallel training on CUDA needs NCCL, which etlab does not use yet; "
                             "--distributed trains on the CPU over Gloo");
  if (cfg.train.world_size != 1 && cfg.train.world_size != world)
    throw std::runtime_error("train.world_size is " + std::to_string(cfg.train.world_size) + " but the job has " +
                             std::to_string(world) + " ranks (WORLD_SIZE); leave it out, --distributed sets it");
  cfg.train.world_size = world;
  cfg.json["train"]["world_size"] = world;
  if (options.lr_scaling == "linear") {
    cfg.train.lr *= static_cast<double>(world);
    cfg.json["train"]["lr"] = cfg.train.lr;
  } else if (options.lr_scaling != "none") {
    throw std::runtime_error("--lr-scaling: expected none or linear (got '" + options.lr_scaling + "')");
  }
  const std::string mine = cfg.json.dump();
  const std::string theirs = dp.share("config", mine);
  if (dp.rank() != 0) {
    auto a = nlohmann::json::parse(mine), b = nlohmann::json::parse(theirs);
    a["attention"].erase("dense_impl");  // measured by each process; rank 0's choice is the job's
    b["attention"].erase("dense_impl");
    if (a != b) {
      const auto patch = nlohmann::json::diff(b, a);
      const std::string where = patch.empty() ? std::string("?") : patch[0].value("path", std::string("?"));
      throw std::runtime_error("rank " + std::to_string(dp.rank()) + " was started with a configuration that differs from rank 0's (at " +
                               where + "); start every rank with the same arguments");
    }
    RunConfig c;
    const auto issues = parse_run_config(nlohmann::json::parse(theirs), c);
    if (!issues.empty()) throw std::runtime_error("rank 0's configuration does not validate here: " + format_issues(issues));
    cfg = std::move(c);
  }
  s.dist = &dp;
  s.rank = dp.rank();
  s.world = world;
}

RunResult train_one(const RunConfig& config, RunStore& store, RunObserver& observer, const EngineOptions& options,
                    DataParallel* dp) {
  std::string base_checkpoint;
  auto s = prepare_session(config, store, observer, options, &base_checkpoint);
  if (dp) join_job(*s, *dp, options);
  build_model(*s, base_checkpoint);
  if (dp) {
    dp->broadcast(*s->model);  // the same seed already gives the same weights; this makes sure of it
    std::vector<torch::Tensor> params;
    for (auto& p : s->model->parameters())
      if (p.requires_grad()) params.push_back(p);
    dp->attach(params, options.bucket_mb * 1024 * 1024);
    if (dp->rank() != 0) {
      s->run_id = dp->share("run", "");
      observer.on_start(s->run_id, {{"run_id", s->run_id}, {"rank", dp->rank()}, {"world_size", dp->world_size()}, {"threads", s->threads}});
      return run_session(*s);
    }
  }

  RunRecord rec;
  rec.name = s->config.name;
  rec.preset = s->config.preset;
  rec.config_json = s->config.json.dump();
  rec.method = s->config.method();
  rec.task = s->config.task.dataset == "sentiment" ? "sentiment:" + s->config.task.domain : s->config.task.dataset;
  rec.seed = s->config.train.seed;
  rec.base_run = s->base_run_id;
  nlohmann::json env = runtime_environment(s->threads, s->config.train.device);
  // The dense kernel is recorded where dense attention runs: dense kinds and learned kinds (their warm-up).
  if (!s->config.attention.info().sparse || s->config.attention.info().learned)
    env["dense_kernel"] = to_string(s->model->options.dense_kernel);
  env["tokenizer"] = s->data.tokenizer;
  env["classes"] = s->data.class_names;
  if (s->base_run_id.empty() && !base_checkpoint.empty()) env["base_checkpoint"] = base_checkpoint;
  if (dp) {
    const auto& t = s->config.train;
    env["distributed"] = {{"world_size", dp->world_size()},
                          {"backend", "gloo"},
                          {"per_rank_batch", t.batch},
                          {"accum", t.accum},
                          {"effective_batch", t.batch * t.accum * dp->world_size()},
                          {"lr", t.lr},
                          {"lr_scaling", options.lr_scaling},
                          {"bucket_mb", options.bucket_mb},
                          {"timeout_s", options.dist_timeout_s},
                          {"launcher", dp->env().launcher_hosts_store ? std::string("etlab-cli launch") : dp->env().source},
                          {"master", dp->env().master_addr + ":" + std::to_string(dp->env().port)}};
  }
  rec.environment_json = env.dump();
  s->run_id = store.create_run(rec, /*owned=*/true);

  try {
    if (dp) {
      dp->share("db", store.path());  // for the launcher, which records the run as failed if rank 0 dies
      dp->share("run", s->run_id);
    }
    const auto counts = count_parameters(*s->model);
    std::vector<ModuleParams> modules;
    for (const auto& [name, total, trainable] : counts.modules) modules.push_back({name, total, trainable});
    store.set_params(s->run_id, counts.total, counts.trainable, modules);
    store.add_probes(s->run_id, s->probes);
    nlohmann::json info = {{"run_id", s->run_id},
                           {"preset", s->config.preset},
                           {"method", rec.method},
                           {"params_total", counts.total},
                           {"params_trainable", counts.trainable},
                           {"train_examples", s->data.train.size()},
                           {"threads", s->threads},
                           {"environment", env}};
    observer.on_start(s->run_id, info);
  } catch (const std::exception& e) {
    // The run exists but never started: it ends failed with the reason (or, if even that cannot be
    // written, let go so that it reads as interrupted), never owned by a process that has given up on it.
    try {
      store.finish_run(s->run_id, RunStatus::Failed, std::string("could not start: ") + e.what(), RunTotals{});
    } catch (const std::exception&) {
    }
    throw;
  }
  return run_session(*s);
}

}  // namespace

RunResult train_run(const RunConfig& config, RunStore& store, RunObserver& observer, const EngineOptions& options) {
  install_counting_allocator();
  if (const auto issues = check_launch(config, options.distributed); !issues.empty())
    throw std::runtime_error(format_issues(issues));
  if (!options.distributed) return train_one(config, store, observer, options, nullptr);
  const DistEnv env = read_dist_env();
  DataParallel dp(env, std::chrono::seconds(options.dist_timeout_s));
  try {
    return train_one(config, store, observer, options, &dp);
  } catch (const std::exception& e) {
    std::string what = e.what();
    what = what.substr(0, what.find('\n'));
    dp.report_failure("rank " + std::to_string(env.rank) + ": " + what);
    // Rank 0 fails too when another rank fails first (its collectives break): name the first.
    if (env.rank == 0)
      if (const auto others = dp.failures(std::chrono::seconds(2)); !others.empty())
        throw std::runtime_error(others + " (rank 0: " + what + ")");
    throw;
  }
}

RunResult resume_run(const std::string& run_id, RunStore& store, RunObserver& observer, const EngineOptions& options) {
  install_counting_allocator();
  store.reap_stale_runs();
  auto run = store.find_run(run_id);
  if (!run) throw std::runtime_error("no run '" + run_id + "' in " + store.path());
  if (run->status == "finished") throw std::runtime_error("run " + run->id + " already finished");
  if (run->status == "running")
    throw std::runtime_error("run " + run->id + " is still running in process " + std::to_string(run->owner_pid) + " on " +
                             run->owner_host);
  const std::string full = checkpoint_of(store, run->id, "full");
  if (full.empty()) throw std::runtime_error("run " + run->id + " has no checkpoint to resume from; start it again");

  RunConfig cfg;
  auto issues = parse_run_config(nlohmann::json::parse(run->config_json), cfg);
  if (!issues.empty()) throw std::runtime_error("run " + run->id + " has an invalid configuration: " + format_issues(issues));
  // The stored configuration already carries the base's architecture; the base weights are replaced
  // by the checkpoint anyway, so no base lookup is needed.
  if (cfg.train.world_size > 1)
    throw std::runtime_error("run " + run->id + " was trained data-parallel on " + std::to_string(cfg.train.world_size) +
                             " ranks; resuming a data-parallel run is not supported yet (start it again with etlab-cli launch)");
  cfg.train.phase = "scratch";
  cfg.train.base.clear();
  cfg.train.base_preset.clear();
  std::string unused;
  auto s = prepare_session(cfg, store, observer, options, &unused);
  s->config.train.phase = nlohmann::json::parse(run->config_json)["train"]["phase"];
  s->base_run_id = run->base_run;
  s->run_id = run->id;
  std::string base_checkpoint = base_weights_of(store, *run);
  build_model(*s, base_checkpoint);
  load_full_checkpoint(*s, full);
  if (!store.claim_run(run->id, {"interrupted", "cancelled", "failed"}))
    throw std::runtime_error("run " + run->id + " was resumed by another process meanwhile");
  observer.on_start(s->run_id, {{"run_id", s->run_id}, {"resumed_from_step", s->step}, {"threads", s->threads}});
  return run_session(*s);
}

}  // namespace etlab
