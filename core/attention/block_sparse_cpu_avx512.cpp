// SPDX-License-Identifier: MIT
// The kernel compiled for AVX-512 (flags set in core/CMakeLists.txt; chosen at run time).
#define ETLAB_ISA avx512
#include "core/attention/block_sparse_cpu_impl.inc"
