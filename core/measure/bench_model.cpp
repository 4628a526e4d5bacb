// SPDX-License-Identifier: MIT
// `etlab-cli bench model`: whole-model training step and inference of a preset's variants, side by side.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/attention/kinds/router.h"
#include "core/config/presets.h"
#include "core/data/dataset.h"
#include "core/measure/bench.h"
#include "core/measure/environment.h"
#include "core/measure/memory.h"
#include "core/model/transformer.h"
#include "core/train/session.h"

namespace etlab {

namespace {

struct Variant {
  std::string name;
  bool trains = true;
  RunConfig config;
  Transformer model{nullptr};
  std::unique_ptr<torch::optim::AdamW> optimizer;
  std::string kernel;
  int64_t params_total = 0, params_trainable = 0;
  int64_t param_bytes = 0, state_bytes = 0;
  std::vector<double> train_ms, infer_ms;
  int64_t train_peak = 0, infer_peak = 0;  ///< transient bytes above what was live before the call
};

// The learned kind sparse_lora adapts (the first learned kind in chart order).
const AttentionKind& first_learned_kind() {
  for (const AttentionKind* k : kinds_in_order())
    if (k->learned) return *k;
  throw std::runtime_error("no learned attention kind is registered");
}

std::string join_variants() {
  std::string out;
  for (const auto& v : model_variants()) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// The preset's configuration with one variant's changes, at length n.
RunConfig variant_config(const nlohmann::json& preset_json, const std::string& name, int64_t n) {
  nlohmann::json j = preset_json;
  j["task"]["max_len"] = n;
  if (j["task"].contains("min_len") && j["task"]["min_len"].is_number_integer() && j["task"]["min_len"].get<int64_t>() > n)
    j["task"]["min_len"] = n;
  j["model"]["max_len"] = n + 1;
  j["attention"]["dense_warmup_steps"] = 0;
  const bool lora = name == "lora" || name == "lora_merged" || name == "sparse_lora";
  j["lora"]["enabled"] = lora;
  if (lora && !preset_json.contains("lora")) j["lora"]["targets"] = {"q", "v"};
  const AttentionKind* kind = attention_kinds().find(name);
  if (name == reference_kind().name || name == "lora" || name == "lora_merged") {
    j["attention"]["kind"] = reference_kind().name;
    j["attention"]["dense_impl"] = "auto";
  } else if (name == "dense_libtorch") {
    j["attention"]["kind"] = reference_kind().name;
    j["attention"]["dense_impl"] = config_name(auto_dense_kernel(/*libtorch_only=*/true));
  } else if (name == "sparse_lora") {
    j["attention"]["kind"] = first_learned_kind().name;
  } else if (kind && kind->sparse) {
    j["attention"]["kind"] = kind->name;
  } else {
    throw std::runtime_error("--variants: unknown variant '" + name + "' (" + join_variants() + ")");
  }
  RunConfig cfg;
  const auto issues = parse_run_config(j, cfg);
  if (!issues.empty()) throw std::runtime_error("variant " + name + " at n = " + std::to_string(n) + ": " + format_issues(issues));
  return cfg;
}

int64_t bytes_of(const std::vector<torch::Tensor>& tensors) {
  int64_t total = 0;
  for (const auto& t : tensors) total += t.numel() * static_cast<int64_t>(t.element_size());
  return total;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

// One record per variant and mode at length n, with speed and memory against the faster dense variant.
void append_records(std::vector<BenchmarkRecord>& rows, const std::vector<std::unique_ptr<Variant>>& variants,
                    const BenchModelOptions& o, int64_t n, int64_t batch, int64_t threads, RunObserver* observer) {
  // The dense reference of each mode is the faster of the dense variants that ran.
  double dense_train = 0.0, dense_infer = 0.0;
  int64_t dense_train_bytes = 0, dense_infer_bytes = 0;
  for (const auto& v : variants) {
    if (v->name != reference_kind().name && v->name != "dense_libtorch") continue;
    const double t = median_of(v->train_ms), i = median_of(v->infer_ms);
    if (dense_train == 0.0 || t < dense_train) {
      dense_train = t;
      dense_train_bytes = v->state_bytes + v->train_peak;
    }
    if (dense_infer == 0.0 || i < dense_infer) {
      dense_infer = i;
      dense_infer_bytes = v->param_bytes + v->infer_peak;
    }
  }
  for (const auto& v : variants) {
    const auto& a = v->config.attention;
    for (const std::string mode : {"train_step", "inference"}) {
      const bool train = mode == "train_step";
      if (train && !v->trains) continue;
      const auto& t = train ? v->train_ms : v->infer_ms;
      BenchmarkRecord r;
      r.method = v->name;
      r.kernel = v->kernel;
      r.mode = mode;
      r.device = o.device;
      r.n = n;
      r.batch = batch;
      r.heads = v->config.model.heads;
      r.dim = v->config.model.d_model / std::max<int64_t>(1, v->config.model.heads);
      r.block = a.sparse() ? a.block : 0;
      r.k = a.sparse() ? a.blocks_per_query(n, v->config.model.causal(), v->config.model.heads) : 0;
      r.threads = threads;
      r.time_ms = median_of(t);
      r.time_spread_ms = t.empty() ? 0.0 : *std::max_element(t.begin(), t.end()) - *std::min_element(t.begin(), t.end());
      const int64_t transient = train ? v->train_peak : v->infer_peak;
      r.peak_bytes = (train ? v->state_bytes : v->param_bytes) + transient;
      nlohmann::json extra = {{"bench", "model"},
                              {"preset", o.label},
                              {"layers", v->config.model.layers},
                              {"d_model", v->config.model.d_model},
                              {"params_total", v->params_total},
                              {"params_trainable", v->params_trainable},
                              {"state_bytes", train ? v->state_bytes : v->param_bytes},
                              {"transient_bytes", transient},
                              {"tokens_per_s", static_cast<double>(batch * n) / (r.time_ms / 1000.0)},
                              {"repeats", o.repeats},
                              {"lora", v->config.lora.enabled},
                              {"process_peak_rss_bytes", process_peak_rss()}};
      const double ref_t = train ? dense_train : dense_infer;
      const int64_t ref_b = train ? dense_train_bytes : dense_infer_bytes;
      if (ref_t > 0.0) extra["speedup_vs_dense"] = ref_t / r.time_ms;
      if (ref_b > 0) extra["memory_vs_dense"] = static_cast<double>(r.peak_bytes) / static_cast<double>(ref_b);
      r.extra_json = extra.dump();
      rows.push_back(r);
    }
    if (observer) observer->on_message(v->name + " n=" + std::to_string(n) + " done");
  }
}

}  // namespace

std::vector<std::string> model_variants() {
  std::vector<std::string> out{reference_kind().name, "dense_libtorch"};
  for (const AttentionKind* k : kinds_in_order())
    if (k->sparse && k->benchmarked) out.push_back(k->name);
  for (const char* v : {"lora", "lora_merged", "sparse_lora"}) out.push_back(v);
  return out;
}

std::vector<std::string> default_model_variants() {
  auto out = model_variants();
  out.pop_back();  // sparse_lora on request only
  return out;
}

std::vector<BenchmarkRecord> bench_model(const BenchModelOptions& o, RunObserver* observer) {
  install_counting_allocator();
  const int64_t threads = apply_threads(o.threads);
  const bool cuda = o.device == "cuda";
  if (o.device != "cpu" && !cuda) throw std::runtime_error("--device: expected cpu or cuda (got '" + o.device + "')");
  if (cuda && !torch::cuda::is_available())
    throw std::runtime_error("--device cuda: this LibTorch sees no CUDA device (a CPU-only build, or no GPU here)");
  const torch::Device device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  if (o.variants.empty()) throw std::runtime_error("--variants: give at least one variant");

  RunConfig base;
  if (auto issues = parse_run_config(o.config, base); !issues.empty())
    throw std::runtime_error(o.label + ": " + format_issues(issues));
  nlohmann::json preset_json = base.json;
  if (base.train.phase == "finetune") {
    // A fine-tune's model is its base's: take the architecture from the base preset.
    const Preset* bp = base.train.base.empty() ? find_preset(base.train.base_preset) : nullptr;
    if (!bp)
      throw std::runtime_error(o.label + ": bench model measures architectures; give the fine-tune's base as a built-in "
                                         "train.base_preset (not a run id)");
    RunConfig base_model;
    parse_run_config(bp->config, base_model);
    adopt_base_model(base, base_model);
    preset_json = base.json;
    preset_json["train"]["phase"] = "scratch";
    preset_json["train"].erase("base_preset");
  }
  const std::vector<int64_t> lengths = o.lengths.empty() ? std::vector<int64_t>{base.task.max_len} : o.lengths;
  const int64_t batch = o.batch > 0 ? o.batch : base.train.batch;
  // Every variant's configuration is checked (unknown names included) before anything is measured.
  for (const auto& name : o.variants)
    for (const int64_t n : lengths) variant_config(preset_json, name, n);
  const int64_t vocab = base.model.vocab_size > 0 ? base.model.vocab_size : tokenizer_vocab(tokenizer_for(base.task));
  const bool lm = base.task.objective == "lm";
  const int64_t classes = lm ? 0 : class_count(base.task);
  auto sync = [&] {
#ifdef ETLAB_WITH_CUDA
    if (cuda) torch::cuda::synchronize();
#endif
  };

  std::vector<BenchmarkRecord> rows;
  for (const int64_t n : lengths) {
    // Synthetic token ids: the cost of a step does not depend on their values.
    torch::manual_seed(static_cast<uint64_t>(n));
    const auto tokens = torch::randint(4, vocab, {batch, n}, torch::kLong).to(device);
    const auto valid = torch::ones({batch, n}, torch::kBool).to(device);
    const auto labels = lm ? torch::randint(4, vocab, {batch, n}, torch::kLong).to(device)
                           : torch::randint(0, std::max<int64_t>(1, classes), {batch}, torch::kLong).to(device);
    std::vector<std::unique_ptr<Variant>> variants;
    auto train_step = [&](Variant& v) {
      v.model->train();
      v.optimizer->zero_grad();
      auto out = v.model->forward(tokens, valid, nullptr, lm);
      auto loss = lm ? torch::nn::functional::cross_entropy(out.logits.reshape({-1, out.logits.size(-1)}), labels.reshape({-1}))
                     : torch::nn::functional::cross_entropy(out.logits, labels);
      const double router_weight = router_settings(v.config.attention).loss_weight;
      if (out.aux_loss.defined() && router_weight > 0) loss = loss + out.aux_loss * router_weight;
      loss.backward();
      v.optimizer->step();
      sync();
    };
    auto inference = [&](Variant& v) {
      torch::NoGradGuard no_grad;
      v.model->eval();
      auto out = v.model->forward(tokens, valid, nullptr, lm);
      sync();
    };
    for (const auto& name : o.variants) {
      auto v = std::make_unique<Variant>();
      v->name = name;
      v->trains = name != "lora_merged";
      v->config = variant_config(preset_json, name, n);
      const int64_t before = tensor_bytes_current();
      torch::manual_seed(static_cast<uint64_t>(v->config.train.seed));
      v->model = Transformer(transformer_options_for(v->config, vocab, classes));
      if (v->config.lora.enabled) apply_lora(v->model, v->config.lora, v->config.train.freeze_router);
      v->model->to(device);
      if (name == "lora_merged")
        for (auto& a : v->model->adaptable())
          if (a.module->has_lora()) a.module->merge();
      std::vector<torch::Tensor> trainable;
      for (auto& p : v->model->parameters()) {
        v->params_total += p.numel();
        if (p.requires_grad()) {
          trainable.push_back(p);
          v->params_trainable += p.numel();
        }
      }
      v->param_bytes = bytes_of(v->model->parameters());
      v->optimizer = std::make_unique<torch::optim::AdamW>(
          trainable, torch::optim::AdamWOptions(v->config.train.lr).weight_decay(v->config.train.weight_decay));
      // Warm-up, which also creates the gradients and the optimizer's moments: their bytes are the
      // state a training step keeps between steps.
      if (v->trains) train_step(*v);
      inference(*v);
      v->state_bytes = v->trains ? tensor_bytes_current() - before : v->param_bytes;
      const auto& a = v->config.attention;
      const auto probe = torch::empty({1, 1, 1, 1}, torch::TensorOptions().device(device));  // what runs on this device
      if (!a.sparse()) v->kernel = to_string(effective_dense_kernel(probe, dense_kernel_from(a.dense_impl)));
      else v->kernel = sparse_kernel_name(probe, SparseKernel::Auto);
      variants.push_back(std::move(v));
    }
    auto measure = [&](Variant& v, const std::function<void()>& fn, std::vector<double>& times, int64_t& peak) {
      reset_tensor_peak();
      if (cuda) reset_cuda_peak(0);
      const int64_t before = tensor_bytes_current();
      const auto t0 = std::chrono::steady_clock::now();
      fn();
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      peak = std::max(peak, cuda ? cuda_peak_bytes(0) : tensor_bytes_peak() - before);
      (void)v;
    };
    for (int64_t rep = 0; rep < o.repeats; ++rep) {
      for (auto& v : variants) {  // interleaved, so drift hits every variant alike
        if (v->trains) measure(*v, [&] { train_step(*v); }, v->train_ms, v->train_peak);
        measure(*v, [&] { inference(*v); }, v->infer_ms, v->infer_peak);
      }
      if (observer) observer->on_message("n=" + std::to_string(n) + " repeat " + std::to_string(rep + 1) + "/" + std::to_string(o.repeats));
    }
    if (!o.profile_dir.empty()) {
      // One more step of each variant under LibTorch's profiler (chrome://tracing or Perfetto reads them).
      std::filesystem::create_directories(o.profile_dir);
      for (auto& v : variants) {
        const std::string stem = o.profile_dir + "/" + v->name + "-n" + std::to_string(n);
        if (v->trains) {
          torch::autograd::profiler::RecordProfile guard(stem + "-train_step.json");
          train_step(*v);
        }
        torch::autograd::profiler::RecordProfile guard(stem + "-inference.json");
        inference(*v);
      }
    }
    append_records(rows, variants, o, n, batch, threads, observer);
  }
  return rows;
}

}  // namespace etlab
