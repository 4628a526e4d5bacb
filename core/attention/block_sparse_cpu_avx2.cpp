// SPDX-License-Identifier: MIT
// The kernel compiled for AVX2 + FMA (flags set in core/CMakeLists.txt; chosen at run time).
#define ETLAB_ISA avx2
#include "core/attention/block_sparse_cpu_impl.inc"
