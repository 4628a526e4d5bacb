// SPDX-License-Identifier: MIT
#include "core/measure/memory.h"

#include <atomic>
#include <fstream>
#include <mutex>
#include <string>

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/alignment.h>
#include <c10/core/impl/alloc_cpu.h>
#if defined(ETLAB_WITH_CUDA)
#include <c10/cuda/CUDACachingAllocator.h>
#endif
#include <cstring>

namespace etlab {
namespace {

std::atomic<int64_t> g_current{0};
std::atomic<int64_t> g_peak{0};

// Each block carries its size in a header in front of the data, so that data and context are the
// same pointer (LibTorch asserts this for CPU allocations) and the deleter needs no lookup table.
constexpr size_t kHeader = c10::gAlignment;

void counting_delete(void* data) {
  if (!data) return;
  char* block = static_cast<char*>(data) - kHeader;
  size_t bytes;
  std::memcpy(&bytes, block, sizeof bytes);
  g_current.fetch_sub(static_cast<int64_t>(bytes), std::memory_order_relaxed);
  c10::free_cpu(block);
}

class CountingAllocator final : public c10::Allocator {
 public:
  c10::DataPtr allocate(size_t n) const override {
    char* block = static_cast<char*>(c10::alloc_cpu(n + kHeader));
    std::memcpy(block, &n, sizeof n);
    void* data = block + kHeader;
    const int64_t now = g_current.fetch_add(static_cast<int64_t>(n), std::memory_order_relaxed) + static_cast<int64_t>(n);
    int64_t peak = g_peak.load(std::memory_order_relaxed);
    while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
    return {data, data, &counting_delete, c10::Device(c10::DeviceType::CPU)};
  }

  c10::DeleterFnPtr raw_deleter() const override { return &counting_delete; }
};

std::once_flag g_install;
std::atomic<bool> g_installed{false};

}  // namespace

void install_counting_allocator() {
  std::call_once(g_install, [] {
    static CountingAllocator allocator;
    c10::SetCPUAllocator(&allocator, /*priority=*/100);
    g_installed = true;
  });
}

bool counting_allocator_installed() { return g_installed; }
int64_t tensor_bytes_current() { return g_current.load(); }
int64_t tensor_bytes_peak() { return g_peak.load(); }
void reset_tensor_peak() { g_peak.store(g_current.load()); }

int64_t cuda_peak_bytes(int device) {
#if defined(ETLAB_WITH_CUDA)
  const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
  return stats.allocated_bytes[static_cast<size_t>(c10::cuda::CUDACachingAllocator::StatType::AGGREGATE)].peak;
#else
  (void)device;
  return -1;
#endif
}

void reset_cuda_peak(int device) {
#if defined(ETLAB_WITH_CUDA)
  c10::cuda::CUDACachingAllocator::resetPeakStats(device);
#else
  (void)device;
#endif
}

int64_t process_peak_rss() {
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "VmHWM:") {
      int64_t kb = 0;
      in >> kb;
      return kb * 1024;
    }
    std::getline(in, key);
  }
  return -1;
}

bool reset_process_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  if (!out) return false;
  out << "5";
  return static_cast<bool>(out);
}

}  // namespace etlab
