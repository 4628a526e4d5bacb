// SPDX-License-Identifier: MIT
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <ATen/CPUGeneratorImpl.h>

#include "core/config/file_hash.h"
#include "core/store/run_store.h"
#include "core/train/session.h"

namespace etlab {

namespace fs = std::filesystem;

namespace {

std::string relative_dir(const RunStore& store, const std::string& run_id) {
  return fs::path(store.artifacts_dir()).filename().string() + "/" + run_id;
}

std::string step_name(const char* prefix, int64_t step) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-%08lld.pt", prefix, static_cast<long long>(step));
  return buf;
}

// Writes through a temporary file and renames, so a crash never leaves a half-written checkpoint
// under the final name.
CheckpointRecord finish_file(Session& s, torch::serialize::OutputArchive& archive, const std::string& relative,
                             const std::string& kind) {
  const std::string path = checkpoint_path(*s.store, relative);
  fs::create_directories(fs::path(path).parent_path());
  const std::string tmp = path + ".partial";
  try {
    archive.save_to(tmp);
  } catch (...) {
    std::error_code ec;  // a full disk: leave no half-written file taking space
    fs::remove(tmp, ec);
    throw;
  }
  fs::rename(tmp, path);
  CheckpointRecord rec;
  rec.step = s.step;
  rec.path = relative;
  rec.kind = kind;
  rec.sha256 = sha256_file(path);
  rec.bytes = static_cast<int64_t>(fs::file_size(path));
  return rec;
}

// `adapter_only`: what a LoRA run adds to its base — trained parameters plus the router, which a
// dense base does not have (even when frozen, it decides what the model attends to).
// Tensors are stored under the model family's names (etlab's own for its built-in families).
void write_module(torch::serialize::OutputArchive& archive, torch::nn::Module& model, bool adapter_only, const ModelFamily& family) {
  for (const auto& p : model.named_parameters())
    if (!adapter_only || p.value().requires_grad() || p.key().find(".router_") != std::string::npos)
      archive.write("p/" + family.stored_name(p.key()), p.value().detach().to(torch::kCPU));
  if (!adapter_only)
    for (const auto& b : model.named_buffers()) archive.write("b/" + family.stored_name(b.key()), b.value().to(torch::kCPU), true);
}

}  // namespace

std::string checkpoint_path(const RunStore& store, const std::string& relative) {
  if (relative.empty() || fs::path(relative).is_absolute() || relative.find("..") != std::string::npos)
    throw std::runtime_error("checkpoint path '" + relative + "' must stay inside the database's folder");
  return (fs::path(store.path()).parent_path() / relative).lexically_normal().string();
}

CheckpointRecord save_full_checkpoint(Session& s, double elapsed_seconds) {
  torch::serialize::OutputArchive archive;
  write_module(archive, *s.model, false, s.config.model.family());
  torch::serialize::OutputArchive optim;
  s.optimizer->save(optim);
  archive.write("optimizer", optim);
  {
    at::Generator gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    archive.write("rng", gen.get_state());
  }
  archive.write("state", torch::tensor({s.step, s.epoch, s.cursor, s.evals_done, s.prob_evals_done, s.best_step,
                                        s.evals_without_improvement, s.tokens_seen},
                                       torch::kLong));
  archive.write("state_f", torch::tensor({s.best_metric, elapsed_seconds}, torch::kDouble));
  return finish_file(s, archive, relative_dir(*s.store, s.run_id) + "/" + step_name("state", s.step), "full");
}

void load_full_checkpoint(Session& s, const std::string& path) {
  torch::serialize::InputArchive archive;
  archive.load_from(path);
  torch::NoGradGuard no_grad;
  const ModelFamily& family = s.config.model.family();
  for (auto& p : s.model->named_parameters()) {
    torch::Tensor t;
    if (!archive.try_read("p/" + family.stored_name(p.key()), t))
      throw std::runtime_error("checkpoint " + path + " lacks parameter " + family.stored_name(p.key()));
    p.value().copy_(t);
  }
  for (auto& b : s.model->named_buffers()) {
    torch::Tensor t;
    if (archive.try_read("b/" + family.stored_name(b.key()), t, true)) b.value().copy_(t);
  }
  torch::serialize::InputArchive optim;
  archive.read("optimizer", optim);
  s.optimizer->load(optim);
  torch::Tensor rng, state, state_f;
  archive.read("rng", rng);
  archive.read("state", state);
  archive.read("state_f", state_f);
  at::Generator gen = at::detail::getDefaultCPUGenerator();
  {
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(rng);
  }
  auto st = state.accessor<int64_t, 1>();
  s.step = st[0];
  s.epoch = st[1];
  s.cursor = st[2];
  s.evals_done = st[3];
  s.prob_evals_done = st[4];
  s.best_step = st[5];
  s.evals_without_improvement = st[6];
  s.tokens_seen = st[7];
  s.best_metric = state_f[0].item<double>();
  s.elapsed_before = state_f[1].item<double>();
  s.shuffle_epoch();
}

CheckpointRecord save_weights(Session& s, const std::string& kind) {
  torch::serialize::OutputArchive archive;
  const bool adapter = s.config.lora.enabled;
  write_module(archive, *s.model, adapter, s.config.model.family());
  const std::string k = kind.empty() ? (adapter ? "adapter" : "model") : kind;
  return finish_file(s, archive, relative_dir(*s.store, s.run_id) + "/" + step_name(k.c_str(), s.step), k);
}

int64_t load_weights_into(torch::nn::Module& model, const std::string& path, std::vector<std::string>* missing,
                          const ModelFamily* family) {
  auto stored = [&](const std::string& key) { return family ? family->stored_name(key) : key; };
  if (!fs::exists(path)) throw std::runtime_error("checkpoint " + path + " is missing");
  torch::serialize::InputArchive archive;
  archive.load_from(path);
  torch::NoGradGuard no_grad;
  int64_t loaded = 0;
  for (auto& p : model.named_parameters()) {
    torch::Tensor t;
    if (archive.try_read("p/" + stored(p.key()), t) && t.sizes() == p.value().sizes()) {
      p.value().copy_(t);
      ++loaded;
    } else if (missing) {
      missing->push_back(p.key());
    }
  }
  for (auto& b : model.named_buffers()) {
    torch::Tensor t;
    if (archive.try_read("b/" + stored(b.key()), t, true) && t.sizes() == b.value().sizes()) b.value().copy_(t);
  }
  return loaded;
}

std::string checkpoint_of(const RunStore& store, const std::string& run_id, const std::string& kind) {
  std::string path;
  for (const auto& c : store.checkpoints(run_id))  // ordered by step: the last match is the newest
    if (c.kind == kind) path = checkpoint_path(store, c.path);
  return path;
}

std::string base_weights_of(const RunStore& store, const RunRecord& run) {
  if (!run.base_run.empty()) return checkpoint_of(store, run.base_run, "model");
  const auto env = nlohmann::json::parse(run.environment_json, nullptr, false);
  return !env.is_discarded() && env.contains("base_checkpoint") ? env["base_checkpoint"].get<std::string>() : std::string();
}

}  // namespace etlab
