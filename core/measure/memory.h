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

/// Process resident-set high-water mark (VmHWM) in bytes, or -1 when unavailable.
int64_t process_peak_rss();
/// Resets VmHWM to the current RSS (writes 5 to /proc/self/clear_refs); false when not permitted.
bool reset_process_peak_rss();

}  // namespace etlab
