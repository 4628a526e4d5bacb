// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace etlab {

/// Exact tensor bytes on CPU: a counting allocator wrapping LibTorch's default CPU allocator
/// (LibTorch has no CPU peak API). Installing is idempotent; tensors allocated before installation
/// are freed through their own deleter and never counted.
void install_counting_allocator();
bool counting_allocator_installed();
/// Bytes held by live CPU tensors allocated since installation.
int64_t tensor_bytes_current();
/// Highest value of tensor_bytes_current() since the last reset.
int64_t tensor_bytes_peak();
/// Starts a new peak window at the current level.
void reset_tensor_peak();

/// Peak bytes allocated by LibTorch's CUDA caching allocator on `device` since the last reset, or -1
/// when this build has no CUDA (Debian's LibTorch is CPU only; a CUDA LibTorch defines ETLAB_WITH_CUDA).
int64_t cuda_peak_bytes(int device = 0);
void reset_cuda_peak(int device = 0);

/// Process resident-set high-water mark (VmHWM) in bytes, or -1 when unavailable.
int64_t process_peak_rss();
/// Resets VmHWM to the current RSS (writes 5 to /proc/self/clear_refs); false when not permitted.
bool reset_process_peak_rss();

}  // namespace etlab
