// SPDX-License-Identifier: MIT
// Building a training session: base run, data, model, optimizer, run record; train_run / resume_run.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/attention/kernels.h"
#include "core/data/data_cache.h"
#include "core/dist/data_parallel.h"
#include "core/measure/memory.h"
#include "core/store/run_store.h"
#include "core/train/session.h"

namespace etlab {

namespace {

struct BaseModel {
  std::string run_id;
  std::string checkpoint;  ///< absolute path of the base weights
};

// Finds the base of a fine-tuning run and adopts its architecture and tokenizer, so that the weights fit.
BaseModel resolve_base(RunConfig& cfg, RunStore& store) {
  BaseModel base;
  std::optional<RunRecord> run;
  if (!cfg.train.base.empty()) {
    if (std::filesystem::exists(cfg.train.base)) {
      base.checkpoint = std::filesystem::absolute(cfg.train.base).string();
      return base;
    }
    run = store.find_run(cfg.train.base);
    if (!run) throw std::runtime_error("train.base: no run or checkpoint file '" + cfg.train.base + "' in " + store.path());
  } else {
    run = store.latest_finished(cfg.train.base_preset);
    if (!run)
      throw std::runtime_error("train.base_preset: no finished run of preset '" + cfg.train.base_preset + "' in " + store.path() +
                               "; train one first: etlab-cli train --preset " + cfg.train.base_preset);
  }
  if (run->status != "finished")
    throw std::runtime_error("train.base: run " + run->id + " is " + run->status + ", not finished");
  base.checkpoint = checkpoint_of(store, run->id, "model");
  if (base.checkpoint.empty())
    throw std::runtime_error("train.base: run " + run->id + " has no full-model checkpoint (LoRA runs cannot be a base)");
  base.run_id = run->id;

  RunConfig base_cfg;
  auto issues = parse_run_config(nlohmann::json::parse(run->config_json), base_cfg);
  if (!issues.empty()) throw std::runtime_error("base run " + run->id + " has an invalid configuration: " + format_issues(issues));
  adopt_base_model(cfg, base_cfg);
  return base;
}

}  // namespace

void adopt_base_model(RunConfig& cfg, const RunConfig& base_cfg) {
  // The architecture and vocabulary are the base's; positions are rotary, so a longer max_len is fine.
  const auto max_len = std::max(cfg.model.max_len, base_cfg.model.max_len);
  const auto dropout = cfg.model.dropout;
  const auto pooling = cfg.model.pooling;
  cfg.model = base_cfg.model;
  cfg.model.max_len = max_len;
  cfg.model.dropout = dropout;
  cfg.model.pooling = pooling == "cls" && base_cfg.model.causal() ? "mean" : pooling;
  if (tokenizer_for(base_cfg.task) != tokenizer_for(cfg.task) && cfg.task.tokenizer != "auto")
    throw std::runtime_error("task.tokenizer: the base run uses the " + tokenizer_for(base_cfg.task) +
                             " tokenizer; a fine-tune must use the same");
  if (base_cfg.task.tokenizer != "auto") cfg.task.tokenizer = base_cfg.task.tokenizer;
  if (tokenizer_for(base_cfg.task) != tokenizer_for(cfg.task))
    throw std::runtime_error("task.dataset: the base run's " + tokenizer_for(base_cfg.task) + " vocabulary does not fit " +
                             cfg.task.dataset + ", which needs the " + tokenizer_for(cfg.task) + " tokenizer");
  cfg.json["model"] = base_cfg.json["model"];
  cfg.json["model"]["max_len"] = cfg.model.max_len;
  cfg.json["model"]["dropout"] = cfg.model.dropout;
  cfg.json["model"]["pooling"] = cfg.model.pooling;
  cfg.json["task"]["tokenizer"] = cfg.task.tokenizer;
}

namespace {

std::unique_ptr<Session> prepare(RunConfig cfg, RunStore& store, RunObserver& obs, const EngineOptions& options,
                                 std::string* base_checkpoint) {
  if (options.threads >= 0) cfg.train.threads = options.threads;
  if (!options.device.empty()) cfg.train.device = options.device;
  cfg.json["train"]["threads"] = cfg.train.threads;
  cfg.json["train"]["device"] = cfg.train.device;
  if (cfg.attention.dense_impl == "auto") {
    apply_threads(cfg.train.threads);  // the race runs at the run's thread count
    // Fix the measured choice in the stored configuration, so that a resumed run (another process,
    // another measurement) computes exactly the same way.
    cfg.attention.dense_impl = config_name(auto_dense_kernel(/*libtorch_only=*/cfg.train.device == "cuda"));
    cfg.json["attention"]["dense_impl"] = cfg.attention.dense_impl;
  }
  if (cfg.train.device == "cuda" && !torch::cuda::is_available())
    throw std::runtime_error("train.device: CUDA was requested but this LibTorch build has no usable GPU");

  auto s = std::make_unique<Session>();
  if (!cfg.train.router_from.empty()) {
    const auto from = store.find_run(cfg.train.router_from);
    if (!from) throw std::runtime_error("train.router_from: no run '" + cfg.train.router_from + "' in " + store.path());
    if (from->status != "finished")
      throw std::runtime_error("train.router_from: run " + from->id + " is " + from->status + ", not finished");
    s->router_checkpoint = checkpoint_of(store, from->id, "model");
    if (s->router_checkpoint.empty())
      throw std::runtime_error("train.router_from: run " + from->id + " has no full-model checkpoint");
    cfg.train.router_from = from->id;  // the full id, so that the stored configuration pins it
    cfg.json["train"]["router_from"] = from->id;
  }
  if (cfg.train.phase == "finetune") {
    const BaseModel base = resolve_base(cfg, store);
    s->base_run_id = base.run_id;
    *base_checkpoint = base.checkpoint;
  }
  s->store = &store;
  s->observer = &obs;
  s->device = cfg.train.device == "cuda" ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  s->threads = apply_threads(cfg.train.threads);
  at::globalContext().setDeterministicAlgorithms(cfg.train.deterministic, false);

  DataCache cache(options.data_dir);
  s->tokenizer = make_tokenizer(tokenizer_for(cfg.task), cache);
  // A ViT prepends its own learned CLS vector in front of the patches.
  s->prepend_cls = cfg.task.objective != "lm" && !cfg.model.causal() && cfg.model.resolved_pooling() == "cls" && cfg.model.patch == 0 &&
                   cfg.task.objective != "seq2seq";
  s->data = build_dataset(cfg.task, *s->tokenizer, cache, s->prepend_cls);
  if (!s->data.lm && !s->data.seq2seq && s->data.class_names.size() < 2)
    throw std::runtime_error("task.dataset: '" + cfg.task.dataset + "' yielded fewer than two classes");
  if (cfg.model.vocab_size > 0 && cfg.model.vocab_size < s->data.vocab_size)
    throw std::runtime_error("model.vocab_size " + std::to_string(cfg.model.vocab_size) + " is smaller than the " +
                             s->data.tokenizer + " tokenizer's vocabulary (" + std::to_string(s->data.vocab_size) + ")");
  s->config = std::move(cfg);
  for (int64_t i = 0; i < s->config.probe.examples && i < static_cast<int64_t>(s->data.test.size()); ++i) {
    const Example& e = s->data.test[static_cast<size_t>(i)];
    s->probes.push_back({static_cast<int>(i), "test", e.text, e.label, e.tokens});
  }
  return s;
}

}  // namespace

int64_t apply_threads(int64_t threads) {
  const int64_t n = threads > 0 ? threads : std::max<int64_t>(1, static_cast<int64_t>(std::thread::hardware_concurrency()));
  at::set_num_threads(static_cast<int>(n));
  return n;
}

void build_model(Session& s, const std::string& base_checkpoint) {
  const auto& cfg = s.config;
  torch::manual_seed(static_cast<uint64_t>(cfg.train.seed));
  s.model = Transformer(model_options_for(cfg, s.data.vocab_size, static_cast<int64_t>(s.data.class_names.size())));
  if (!base_checkpoint.empty()) {
    // A fine-tune gets a fresh task head even when its base had one of the same shape (a ViT base
    // trained on another image set): the base's classes are not the fine-tune's.
    std::vector<torch::Tensor> fresh_head;
    if (s.model->cls_head)
      for (auto& p : s.model->cls_head->parameters()) fresh_head.push_back(p.detach().clone());
    std::vector<std::string> missing;
    load_weights_into(*s.model, base_checkpoint, &missing);
    if (s.model->cls_head) {
      torch::NoGradGuard no_grad;
      auto params = s.model->cls_head->parameters();
      for (size_t i = 0; i < params.size(); ++i) params[i].copy_(fresh_head[i]);
    }
    std::string unfit;
    for (const auto& name : missing)
      // New parts of a fine-tuned model: the task head and a router the dense base never had.
      if (name.rfind("cls_head.", 0) != 0 && name.rfind("lm_head.", 0) != 0 && name.find(".router_") == std::string::npos)
        unfit += (unfit.empty() ? "" : ", ") + name;
    if (!unfit.empty())
      throw std::runtime_error("train.base: " + base_checkpoint + " does not fit this model (missing or differently shaped: " +
                               unfit.substr(0, 300) + ")");
    if (!cfg.lora.enabled)
      for (auto& a : s.model->adaptable())
        if (a.type != "router_q" && a.type != "router_k")
          s.base_weights[a.type + ":" + std::to_string(a.layer)] = a.module->weight.detach().clone();
  }
  if (!s.router_checkpoint.empty()) {
    // Only the router: every parameter named *.router_* must be in the checkpoint with the same shape.
    torch::serialize::InputArchive archive;
    archive.load_from(s.router_checkpoint);
    torch::NoGradGuard no_grad;
    int64_t copied = 0;
    std::string unfit;
    for (auto& p : s.model->named_parameters()) {
      if (p.key().find(".router_") == std::string::npos) continue;
      torch::Tensor t;
      if (archive.try_read("p/" + p.key(), t) && t.sizes() == p.value().sizes()) {
        p.value().copy_(t);
        ++copied;
      } else {
        unfit += (unfit.empty() ? "" : ", ") + p.key();
      }
    }
    if (copied == 0 || !unfit.empty())
      throw std::runtime_error("train.router_from: the router of " + s.router_checkpoint + " does not fit this model (" +
                               (unfit.empty() ? std::string("it has none") : "missing or differently shaped: " + unfit.substr(0, 300)) +
                               "); layers, d_model, heads and attention.router_dim must match");
  }
  if (cfg.lora.enabled) {
    apply_lora(s.model, cfg.lora, cfg.train.freeze_router);
    // PiSSA adapters start on W's principal part: the learned update is the change from there.
    if (cfg.lora.init == "pissa")
      for (auto& a : s.model->adaptable())
        if (a.module->has_lora()) s.lora_initial_delta[a.type + ":" + std::to_string(a.layer)] = a.module->delta_weight().detach().clone();
  } else if (cfg.train.freeze_router) {
    set_router_trainable(s.model, false);
  }
  s.model->to(s.device);
  for (auto& [key, w] : s.lora_initial_delta) w = w.to(s.device);
  for (auto& [key, w] : s.base_weights) w = w.to(s.device);

  std::vector<torch::Tensor> decay, no_decay;
  for (auto& p : s.model->parameters()) {
    if (!p.requires_grad()) continue;
    (p.dim() >= 2 ? decay : no_decay).push_back(p);
  }
  std::vector<torch::optim::OptimizerParamGroup> groups;
  auto base_opts = torch::optim::AdamWOptions(cfg.train.lr).weight_decay(cfg.train.weight_decay);
  groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(base_opts));
  auto nd = base_opts;
  nd.weight_decay(0.0);
  groups.emplace_back(no_decay, std::make_unique<torch::optim::AdamWOptions>(nd));
  s.optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), base_opts);
}

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
  auto s = prepare(config, store, observer, options, &base_checkpoint);
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
  if (s->config.attention.kind != "fixed_sparse" || s->config.attention.dense_warmup_steps > 0)
    env["dense_kernel"] = to_string(s->model->options.attention.dense_kernel);
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
  auto s = prepare(cfg, store, observer, options, &unused);
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
