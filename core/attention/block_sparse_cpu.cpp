// SPDX-License-Identifier: MIT
// The baseline build of the kernel and the run-time choice between the instruction sets.
#define ETLAB_ISA baseline
#include "core/attention/block_sparse_cpu_impl.inc"

#include <atomic>
#include <cstdlib>
#include <string>

namespace etlab::cpu {

#define ETLAB_DECLARE_ISA(isa)                                                                              \
  namespace isa {                                                                                           \
  void forward(const BlockSparseProblem& p, float* out, float* lse, float* scratch);                        \
  void backward(const BlockSparseProblem& p, const float* out, const float* dout, const float* lse, float* dq, \
                float* dk, float* dv, float* scratch);                                                      \
  }
#if defined(ETLAB_KERNEL_X86)
ETLAB_DECLARE_ISA(avx2)
ETLAB_DECLARE_ISA(avx512)
#endif

namespace {

enum class Isa { Baseline, Avx2, Avx512 };

Isa detect() {
#if defined(ETLAB_KERNEL_X86)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl"))
    return Isa::Avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::Avx2;
#endif
  return Isa::Baseline;
}

// The instruction set in use: detected once; ETLAB_KERNEL_ISA (baseline | avx2 | avx512) or
// block_sparse_use_isa may lower it, never raise it above what the CPU has.
std::atomic<int>& current() {
  static std::atomic<int> isa{[] {
    const Isa best = detect();
    const char* forced = std::getenv("ETLAB_KERNEL_ISA");
    if (forced) {
      const std::string f(forced);
      if (f == "baseline") return static_cast<int>(Isa::Baseline);
      if (f == "avx2" && best != Isa::Baseline) return static_cast<int>(Isa::Avx2);
    }
    return static_cast<int>(best);
  }()};
  return isa;
}

Isa chosen() { return static_cast<Isa>(current().load(std::memory_order_relaxed)); }

}  // namespace

bool block_sparse_use_isa(const std::string& isa) {
  const Isa best = detect();
  Isa want;
  if (isa == "baseline") want = Isa::Baseline;
  else if (isa == "avx2") want = Isa::Avx2;
  else if (isa == "avx512") want = Isa::Avx512;
  else return false;
  if (static_cast<int>(want) > static_cast<int>(best)) return false;
  current().store(static_cast<int>(want));
  return true;
}

const char* block_sparse_isa() {
  switch (chosen()) {
    case Isa::Avx512: return "avx512";
    case Isa::Avx2: return "avx2";
    default: return "baseline";
  }
}

// The sizes come from the baseline build (the same source, so the same numbers in every build).
int64_t block_sparse_forward_scratch(const BlockSparseProblem& p) { return baseline::forward_scratch(p); }
int64_t block_sparse_backward_scratch(const BlockSparseProblem& p) { return baseline::backward_scratch(p); }

void block_sparse_forward(const BlockSparseProblem& p, float* out, float* lse, float* scratch) {
  switch (chosen()) {
#if defined(ETLAB_KERNEL_X86)
    case Isa::Avx512: return avx512::forward(p, out, lse, scratch);
    case Isa::Avx2: return avx2::forward(p, out, lse, scratch);
#endif
    default: return baseline::forward(p, out, lse, scratch);
  }
}

void block_sparse_backward(const BlockSparseProblem& p, const float* out, const float* dout, const float* lse, float* dq,
                           float* dk, float* dv, float* scratch) {
  switch (chosen()) {
#if defined(ETLAB_KERNEL_X86)
    case Isa::Avx512: return avx512::backward(p, out, dout, lse, dq, dk, dv, scratch);
    case Isa::Avx2: return avx2::backward(p, out, dout, lse, dq, dk, dv, scratch);
#endif
    default: return baseline::backward(p, out, dout, lse, dq, dk, dv, scratch);
  }
}

}  // namespace etlab::cpu
