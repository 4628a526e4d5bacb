// SPDX-License-Identifier: MIT
#include "core/config/blas_tuning.h"

#include <cstdlib>

#include <unistd.h>

namespace etlab {

namespace {

bool set_if_unset(const char* name, const char* value) {
  if (std::getenv(name)) return false;
  setenv(name, value, 1);
  return true;
}

}  // namespace

void reexec_with_blas_coretype(int argc, char** argv) {
  (void)argc;
  if (std::getenv("ETLAB_NO_REEXEC")) return;
  bool changed = false;
#if defined(__x86_64__)
  __builtin_cpu_init();
  const char* type = nullptr;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
    type = "SkylakeX";
  else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    type = "Haswell";
  if (type) changed |= set_if_unset("OPENBLAS_CORETYPE", type);
#endif
  // LibTorch on CPU has no caching allocator: every activation is a fresh malloc, and glibc returns
  // blocks above 128 KiB to the kernel at once, so each step pays page faults again. Keeping freed
  // memory (up to glibc's 32 MiB mmap limit) halves the system time of training on these machines.
  changed |= set_if_unset("MALLOC_MMAP_THRESHOLD_", "33554432");
  changed |= set_if_unset("MALLOC_TRIM_THRESHOLD_", "1073741824");
  if (!changed) return;
  setenv("ETLAB_NO_REEXEC", "1", 1);  // never loop, even if exec fails below
  execv("/proc/self/exe", argv);
  // exec failed: carry on with the defaults.
}

std::string blas_coretype() {
  const char* v = std::getenv("OPENBLAS_CORETYPE");
  return v ? v : "";
}

}  // namespace etlab
