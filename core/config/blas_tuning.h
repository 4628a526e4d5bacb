// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace etlab {

/// OpenBLAS picks its kernels from CPUID when it loads; under some hypervisors it sees an unknown CPU
/// and falls back to its SSE3 ("Prescott") kernels, 2-3x slower on large products. glibc's malloc
/// settings are likewise read only at start-up. When the environment does not already choose
/// (OPENBLAS_CORETYPE, MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_), this re-executes the program
/// once with the core type the CPU really supports (SkylakeX with AVX-512, Haswell with AVX2) and
/// malloc settings that keep freed activations for reuse. Call it first thing in main(); set
/// ETLAB_NO_REEXEC=1 to opt out.
void reexec_with_blas_coretype(int argc, char** argv);

/// The core type in effect ("" when OpenBLAS chooses by itself).
std::string blas_coretype();

}  // namespace etlab
