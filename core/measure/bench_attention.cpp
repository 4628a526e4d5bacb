// SPDX-License-Identifier: MIT
// The bare side-by-side attention benchmark (issue 5 grows it into the full harness).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>

#include <ATen/CPUGeneratorImpl.h>

#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/measure/bench.h"
#include "core/measure/environment.h"
#include "core/measure/memory.h"
#include "core/store/run_store.h"

namespace etlab {

namespace {

struct Method {
  std::string name;
  std::string kernel;
  std::function<torch::Tensor()> run;
  double flops = 0.0;
  int64_t k = 0;
  bool skip = false;  ///< not run at this n (it would not fit); no row is written
  bool sparse = false;  ///< a sparse kind (speed-ups against the fastest exact method are recorded)
};

// A learned kind without a trained router: block means of q and k scored against each other (what an
// untrained router approximates, the same cost shape as the router's top-k), then the attention.
torch::Tensor mean_pooled_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const BlockGeometry& g,
                                    int64_t topk, const torch::TensorOptions& options) {
  const int64_t B = q.size(0), H = q.size(1), D = q.size(3), block = g.block, pad = g.mk * block - g.nk;
  auto kd = k.detach(), qd = q.detach();  // the selection itself is not differentiated here
  auto kp = pad > 0 ? torch::constant_pad_nd(kd, {0, 0, 0, pad}) : kd;
  auto qp = pad > 0 ? torch::constant_pad_nd(qd, {0, 0, 0, pad}) : qd;
  auto ks = kp.view({B, H, g.mk, block, D}).mean(3);
  auto qs = qp.view({B, H, g.mq, block, D}).mean(3);
  auto scores = torch::matmul(qs, ks.transpose(-1, -2));
  auto allowed = allowed_blocks(g, {}, B, false, options);
  auto sel = select_top_blocks(scores, allowed, own_blocks(g, options), topk);
  // The selection's tensors stay alive through the attention call, as a router's do in training.
  return block_sparse_attention(q, k, v, {}, false, block, sel.first, sel.second);
}

// One registered sparse kind as a benchmark method: a learned router's cost through the mean-pooled
// stand-in, a static pattern through its own pattern at the kind's default keys.
Method kind_method(const AttentionKind& kind, const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                   const BlockGeometry& g, int64_t topk, const torch::Tensor& allowed, const std::string& sparse_kernel,
                   double per_pair) {
  const int64_t n = g.nk, block = g.block;
  const nlohmann::json params = kind_default_params(kind);
  const std::string label = kind.method ? kind.method(params) : kind.name;
  Method m;
  m.name = kind.name;
  m.sparse = true;
  m.kernel = sparse_kernel + label.substr(kind.name.size());  // fixed_sparse:local -> "...:local"
  // The selection is part of every timed call (the router's scoring, the pattern's construction), as
  // in training.
  const auto options = allowed.options();
  if (kind.learned) {
    m.run = [&q, &k, &v, g, topk, options] { return mean_pooled_attention(q, k, v, g, topk, options); };
    m.k = topk;
  } else {
    const PatternGeometry pg(n, n, block, false, q.size(1), topk, 0);
    m.run = [&q, &k, &v, &kind, params, pg, g, options, block] {
      auto allowed = allowed_blocks(g, {}, q.size(0), false, options);
      auto sel = pattern_selection(kind, params, pg, allowed);
      return block_sparse_attention(q, k, v, {}, false, block, sel.indices, sel.valid, nullptr, SparseKernel::Auto, sel.tokens);
    };
    m.k = pattern_selection(kind, params, pg, allowed).indices.size(-1);
  }
  m.flops = per_pair * static_cast<double>(n) * static_cast<double>(std::min(n, m.k * block));
  return m;
}

void sync_device(bool cuda) {
#ifdef ETLAB_WITH_CUDA
  if (cuda) torch::cuda::synchronize();
#else
  (void)cuda;
#endif
}

struct Timings {
  std::vector<std::vector<double>> times;  ///< per method, sorted
  std::vector<int64_t> peaks;              ///< per method, the largest transient bytes of any call
};

// Every method `repeats` times after `warmups` untimed rounds, interleaved so that drift hits every
// method alike; gradients of `inputs` are dropped after each backward.
Timings time_methods(const std::vector<Method>& methods, int64_t warmups, int64_t repeats, bool cuda, bool backward,
                     std::initializer_list<torch::Tensor*> inputs) {
  Timings t{std::vector<std::vector<double>>(methods.size()), std::vector<int64_t>(methods.size(), 0)};
  for (int64_t rep = 1 - warmups; rep <= repeats; ++rep) {
    for (size_t m = 0; m < methods.size(); ++m) {
      if (methods[m].skip) continue;
      if (cuda) reset_cuda_peak(0);
      reset_tensor_peak();
      sync_device(cuda);
      const int64_t before = cuda ? 0 : tensor_bytes_current();
      const auto t0 = std::chrono::steady_clock::now();
      {
        auto out = methods[m].run();
        if (backward) out.sum().backward();
        sync_device(cuda);
      }
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      t.peaks[m] = std::max(t.peaks[m], cuda ? cuda_peak_bytes(0) : tensor_bytes_peak() - before);
      if (backward)
        for (auto* x : inputs) x->mutable_grad() = torch::Tensor();
      if (rep > 0) t.times[m].push_back(ms);  // rounds up to 0 are the warm-up
    }
  }
  for (auto& v : t.times) std::sort(v.begin(), v.end());
  return t;
}

}  // namespace

// Query-chunked exact attention: the same result as dense, never more than `chunk` x n scores at once.
torch::Tensor chunked_dense(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, int64_t chunk) {
  std::vector<torch::Tensor> parts;
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  for (int64_t s0 = 0; s0 < q.size(2); s0 += chunk) {
    auto qc = q.narrow(2, s0, std::min(chunk, q.size(2) - s0));
    auto w = torch::softmax(torch::matmul(qc, k.transpose(-1, -2)) * scale, -1);
    parts.push_back(torch::matmul(w, v));
  }
  return torch::cat(parts, 2);
}

std::vector<BenchmarkRecord> bench_attention(const BenchAttentionOptions& o, RunObserver* observer) {
  install_counting_allocator();
  const int64_t threads = apply_threads(o.threads);
  if (o.mode != "fwd" && o.mode != "fwdbwd") throw std::runtime_error("--mode: expected fwd or fwdbwd (got '" + o.mode + "')");
  const bool cuda = o.device == "cuda";
  if (o.device != "cpu" && !cuda) throw std::runtime_error("--device: expected cpu or cuda (got '" + o.device + "')");
  if (cuda && !torch::cuda::is_available())
    throw std::runtime_error("--device cuda: this LibTorch sees no CUDA device (a CPU-only build, or no GPU here)");
  const torch::Device device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  const bool backward = o.mode == "fwdbwd";
  std::unique_ptr<torch::NoGradGuard> no_grad;
  if (!backward) no_grad = std::make_unique<torch::NoGradGuard>();
  std::vector<BenchmarkRecord> rows;
  if (o.dtype != "fp32" && o.dtype != "bf16" && o.dtype != "fp16")
    throw std::runtime_error("--dtype: expected fp32, bf16 or fp16 (got '" + o.dtype + "')");
  const auto dtype = o.dtype == "bf16" ? torch::kBFloat16 : o.dtype == "fp16" ? torch::kHalf : torch::kFloat;
  // On the CPU the faster of LibTorch's SDPA and matmul-softmax-matmul (measured); on CUDA its SDPA
  // (FlashAttention / memory-efficient kernels).
  const auto probe = torch::empty({1, 1, 1, 1}, torch::TensorOptions().device(device).dtype(dtype));
  // "dense" is LibTorch's best exact kernel; etlab's own fused kernel at k = all runs beside it as
  // "dense_blocks", and the speed-ups are taken against the faster of the exact methods.
  const DenseKernel dense_kernel = effective_dense_kernel(probe, cuda ? DenseKernel::Sdpa : auto_dense_kernel(true));
  for (const int64_t n : o.lengths) {
    auto gen = at::detail::createCPUGenerator(static_cast<uint64_t>(n));
    auto make = [&] { return torch::randn({o.batch, o.heads, n, o.dim}, gen).to(device, dtype).set_requires_grad(backward); };
    auto q = make(), k = make(), v = make();
    const BlockGeometry g(n, n, o.block);
    const int64_t topk = resolve_topk(n, o.block, o.topk, 1.0);
    // Work actually done: QK^T and PV, 2 flops per multiply-add each; backward about twice the forward.
    const double per_pair = 4.0 * o.batch * o.heads * static_cast<double>(o.dim) * (backward ? 3.0 : 1.0);
    const auto opts = torch::TensorOptions().device(device);
    const auto allowed = allowed_blocks(g, {}, o.batch, false, opts);
    // Every block (k = all), nearest first: the local pattern at k = all blocks.
    const auto all_blocks = pattern_selection(attention_kind(kinds::kFixedSparse), {{"pattern", "local"}},
                                              PatternGeometry(n, n, o.block, false, o.heads, g.mk, 0), allowed);
    const std::string sparse_kernel = sparse_kernel_name(q, SparseKernel::Auto);
    std::vector<Method> methods;
    methods.push_back({reference_kind().name, to_string(dense_kernel), [&] { return dense_attention(q, k, v, {}, false, dense_kernel); },
                       per_pair * n * n, g.mk});
    // etlab's own kernel at k = all: exact, and tells fusion apart from sparsity.
    methods.push_back({"dense_blocks", sparse_kernel + ":all",
                       [&] { return block_sparse_attention(q, k, v, {}, false, o.block, all_blocks.indices, all_blocks.valid); },
                       per_pair * n * n, g.mk});
    methods.push_back({"dense_chunked", "math:chunked-" + std::to_string(o.chunk), [&] { return chunked_dense(q, k, v, o.chunk); },
                       per_pair * n * n, g.mk});
    // Every sparse kind of the registry, at its defaults and the benchmark's block and k.
    for (const AttentionKind* kind : kinds_in_order())
      if (kind->sparse && kind->benchmarked) methods.push_back(kind_method(*kind, q, k, v, g, topk, allowed, sparse_kernel, per_pair));
    // The gather path at k = all copies every key and value once per query block: skipped where that
    // would not fit in 8 GiB (long n on CUDA), rather than failing the whole run.
    if (sparse_kernel == "block_sparse_gather") {
      const double gathered = 2.0 * static_cast<double>(o.batch * o.heads * g.mq) * static_cast<double>(g.mk * o.block) *
                              static_cast<double>(o.dim) * static_cast<double>(q.element_size());
      if (gathered > 8.0 * (1LL << 30)) {
        methods[1].skip = true;
        if (observer) observer->on_message("dense_blocks n=" + std::to_string(n) + " skipped: the gathered keys would need " +
                                           std::to_string(static_cast<int64_t>(gathered / (1 << 20))) + " MiB");
      }
    }
    // Exactness of the sparse path at k = all (relative max error against an fp32 query-chunked exact
    // attention, which never holds n x n scores).
    double rel_error = -1.0;
    if (!methods[1].skip) {
      torch::NoGradGuard ng;
      auto f = [](const torch::Tensor& t) { return t.detach().to(torch::kFloat); };
      auto ref = chunked_dense(f(q), f(k), f(v), o.chunk);
      auto mine = f(block_sparse_attention(q.detach(), k.detach(), v.detach(), {}, false, o.block, all_blocks.indices,
                                           all_blocks.valid));
      rel_error = ((mine - ref).abs().max() / ref.abs().max().clamp_min(1e-30)).item<double>();
    }
    // Untimed warm-up rounds: one per length, three before the first (thread pools, page faults and
    // clocks settle there, and the first length would otherwise read slow).
    const Timings timed = time_methods(methods, n == o.lengths.front() ? 3 : 1, o.repeats, cuda, backward, {&q, &k, &v});
    const auto& times = timed.times;
    const auto& peaks = timed.peaks;
    std::vector<double> median(methods.size(), std::numeric_limits<double>::infinity());
    for (size_t m = 0; m < methods.size(); ++m)
      if (!methods[m].skip) median[m] = times[m][times[m].size() / 2];
    // The dense baseline is the fastest exact path: LibTorch's best, etlab's own kernel at k = all, or the
    // query-chunked exact attention (which can win at long n, being cache-friendlier).
    size_t best_dense = 0;
    for (size_t m = 1; m < 3; ++m)
      if (median[m] < median[best_dense]) best_dense = m;
    for (size_t m = 0; m < methods.size(); ++m) {
      const double ideal_speedup = static_cast<double>(n) / static_cast<double>(std::min(n, methods[m].k * o.block));
      if (methods[m].skip) continue;
      const auto& t = times[m];
      BenchmarkRecord r;
      r.method = methods[m].name;
      r.kernel = methods[m].kernel;
      r.mode = o.mode;
      r.device = o.device;
      r.n = n;
      r.batch = o.batch;
      r.heads = o.heads;
      r.dim = o.dim;
      r.block = o.block;
      r.k = methods[m].k;
      r.threads = threads;
      r.time_ms = median[m];
      r.time_spread_ms = t.back() - t.front();
      r.peak_bytes = peaks[m];
      r.flops = methods[m].flops;
      const bool sparse = methods[m].sparse;
      nlohmann::json extra = {{"ideal_ratio", sparse ? 1.0 / ideal_speedup : 1.0},
                              {"gflops_per_s", r.flops / (r.time_ms * 1e6)},
                              {"repeats", o.repeats},
                              {"process_peak_rss_bytes", process_peak_rss()},
                              {"baseline", methods[best_dense].name},
                              {"dtype", o.dtype}};
      if (sparse) {
        const double speedup = median[best_dense] / r.time_ms;
        extra["speedup_vs_dense"] = speedup;
        extra["ideal_speedup"] = ideal_speedup;
        extra["fraction_of_ideal"] = speedup / ideal_speedup;
        extra["memory_vs_dense"] = static_cast<double>(r.peak_bytes) / std::max<int64_t>(1, peaks[0]);
        extra["memory_vs_chunked_dense"] = static_cast<double>(r.peak_bytes) / std::max<int64_t>(1, peaks[2]);
      }
      if (r.method == "dense_blocks" && rel_error >= 0.0) extra["relative_error_vs_dense"] = rel_error;
      r.extra_json = extra.dump();
      rows.push_back(r);
      if (observer) observer->on_message(r.method + " n=" + std::to_string(n) + " " + std::to_string(r.time_ms) + " ms");
    }
  }
  return rows;
}

}  // namespace etlab
