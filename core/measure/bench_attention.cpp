// SPDX-License-Identifier: MIT
// The bare side-by-side attention benchmark (issue 5 grows it into the full harness).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

#include <ATen/CPUGeneratorImpl.h>

#include <torch/torch.h>

#include "core/attention/kernels.h"
#include "core/engine/engine.h"
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
};

}  // namespace

std::vector<BenchmarkRecord> bench_attention(const BenchAttentionOptions& o, RunObserver* observer) {
  install_counting_allocator();
  const int64_t threads = apply_threads(o.threads);
  torch::NoGradGuard no_grad;
  std::vector<BenchmarkRecord> rows;
  const DenseKernel dense_kernel = auto_dense_kernel();
  for (const int64_t n : o.lengths) {
    auto gen = at::detail::createCPUGenerator(static_cast<uint64_t>(n));
    auto q = torch::randn({o.batch, o.heads, n, o.dim}, gen);
    auto k = torch::randn({o.batch, o.heads, n, o.dim}, gen);
    auto v = torch::randn({o.batch, o.heads, n, o.dim}, gen);
    const BlockGeometry g(n, n, o.block);
    const int64_t topk = std::clamp<int64_t>(
        o.topk > 0 ? o.topk : static_cast<int64_t>(std::ceil(std::log2(std::max(1.0, static_cast<double>(n) / o.block)))), 1, g.mk);
    const double base_flops = 4.0 * o.batch * o.heads * static_cast<double>(o.dim);
    std::vector<Method> methods;
    methods.push_back({"dense", to_string(dense_kernel),
                       [&] { return dense_attention(q, k, v, {}, false, dense_kernel); }, base_flops * n * n, g.mk});
    // Learned sparse without training: block scores from mean-pooled queries and keys (the router's
    // own cost is included), then top-k blocks through the shared kernel.
    methods.push_back({"learned_sparse", "block_sparse_gather", [&] {
                         const int64_t pad = g.mk * o.block - n;
                         auto kp = pad > 0 ? torch::constant_pad_nd(k, {0, 0, 0, pad}) : k;
                         auto qp = pad > 0 ? torch::constant_pad_nd(q, {0, 0, 0, pad}) : q;
                         auto ks = kp.view({o.batch, o.heads, g.mk, o.block, o.dim}).mean(3);
                         auto qs = qp.view({o.batch, o.heads, g.mq, o.block, o.dim}).mean(3);
                         auto scores = torch::matmul(qs, ks.transpose(-1, -2));
                         auto allowed = allowed_blocks(g, {}, o.batch, false, q.options());
                         auto sel = select_top_blocks(scores, allowed, own_blocks(g, q.options()), topk);
                         return block_sparse_attention(q, k, v, {}, false, o.block, sel.first, sel.second);
                       },
                       base_flops * n * topk * o.block, topk});
    methods.push_back({"fixed_sparse", "block_sparse_gather:local", [&] {
                         auto allowed = allowed_blocks(g, {}, o.batch, false, q.options());
                         auto sel = fixed_pattern_blocks("local", g, allowed, o.heads, topk, 0, 0, 1, false);
                         return block_sparse_attention(q, k, v, {}, false, o.block, sel.first, sel.second);
                       },
                       base_flops * n * topk * o.block, topk});
    std::vector<std::vector<double>> times(methods.size());
    std::vector<int64_t> peaks(methods.size(), 0);
    for (int64_t rep = 0; rep <= o.repeats; ++rep) {
      for (size_t m = 0; m < methods.size(); ++m) {  // interleaved, so drift hits every method alike
        reset_tensor_peak();
        const int64_t before = tensor_bytes_current();
        const auto t0 = std::chrono::steady_clock::now();
        auto out = methods[m].run();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        peaks[m] = std::max(peaks[m], tensor_bytes_peak() - before);
        if (rep > 0) times[m].push_back(ms);  // repeat 0 is the warm-up
      }
    }
    for (size_t m = 0; m < methods.size(); ++m) {
      auto& t = times[m];
      std::sort(t.begin(), t.end());
      BenchmarkRecord r;
      r.method = methods[m].name;
      r.kernel = methods[m].kernel;
      r.mode = "fwd";
      r.device = "cpu";
      r.n = n;
      r.batch = o.batch;
      r.heads = o.heads;
      r.dim = o.dim;
      r.block = o.block;
      r.k = methods[m].k;
      r.threads = threads;
      r.time_ms = t[t.size() / 2];
      r.time_spread_ms = t.back() - t.front();
      r.peak_bytes = peaks[m];
      r.flops = methods[m].flops;
      const double ideal = m == 0 ? 1.0 : static_cast<double>(topk * o.block) / static_cast<double>(n);
      r.extra_json = nlohmann::json{{"ideal_ratio", std::min(1.0, ideal)},
                                    {"gflops_per_s", r.flops / (r.time_ms * 1e6)},
                                    {"repeats", o.repeats}}
                         .dump();
      rows.push_back(r);
      if (observer) observer->on_message(r.method + " n=" + std::to_string(n) + " " + std::to_string(r.time_ms) + " ms");
    }
  }
  return rows;
}

}  // namespace etlab
