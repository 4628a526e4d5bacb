// SPDX-License-Identifier: MIT
#pragma once

// The launcher's side of a data-parallel job's rendezvous (torch-free header; the implementation is
// in data_parallel.cpp, on c10d's TCPStore).

#include <chrono>
#include <memory>
#include <string>

namespace etlab {

/// The rendezvous store of `etlab-cli launch`, hosted by the launcher so that it outlives any rank: the
/// launcher reads what rank 0 left there (its run and database) and writes why a rank died.
class RendezvousHost {
 public:
  RendezvousHost(const std::string& addr, int port, std::chrono::milliseconds timeout);
  ~RendezvousHost();
  /// The value of `key`, or empty when it is not set.
  std::string get(const std::string& key) noexcept;
  void set(const std::string& key, const std::string& value) noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Keys in the store.
inline constexpr const char* kStoreRunKey = "etlab/share/run";  ///< rank 0's run id (DataParallel::share("run"))
inline constexpr const char* kStoreDbKey = "etlab/share/db";    ///< rank 0's database path
inline std::string store_failure_key(int rank) { return "etlab/failed/" + std::to_string(rank); }

}  // namespace etlab
