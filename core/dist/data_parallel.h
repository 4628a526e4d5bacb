// SPDX-License-Identifier: MIT
#pragma once

// Data-parallel training on LibTorch's own distributed engine (c10d): a TCPStore for rendezvous, a
// Gloo process group for the collectives and c10d's Reducer (the engine behind PyTorch's
// DistributedDataParallel) for bucketed gradient all-reduce overlapped with backward.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/dist/dist_env.h"
#include "core/dist/rendezvous_host.h"

namespace etlab {

class DataParallel {
 public:
  /// Joins the job: connects to the rendezvous store (rank 0 hosts it unless a launcher does) and
  /// builds a Gloo process group, waiting up to `timeout` for every rank. Every collective fails
  /// after `timeout` too, and at once when a peer's connection drops. Throws std::runtime_error.
  DataParallel(const DistEnv& env, std::chrono::milliseconds timeout);
  ~DataParallel();
  DataParallel(const DataParallel&) = delete;
  DataParallel& operator=(const DataParallel&) = delete;

  int rank() const { return env_.rank; }
  int world_size() const { return env_.world_size; }
  const DistEnv& env() const { return env_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

  /// Rank 0's `value` on every rank (other ranks' argument is ignored); `key` names it in the store.
  std::string share(const std::string& key, const std::string& value);
  /// Copies rank 0's parameters and buffers to every rank.
  void broadcast(torch::nn::Module& module);
  /// Hooks the gradients of `params` into buckets of at most `bucket_bytes` that are averaged over the
  /// ranks as backward produces them. Parameters that a backward does not reach are allowed.
  void attach(const std::vector<torch::Tensor>& params, int64_t bucket_bytes);
  /// Before the backward whose gradients are to be averaged (the last micro-batch of a step); the
  /// backwards before it accumulate locally.
  void prepare_for_backward(const torch::Tensor& loss);
  /// Element-wise sum over the ranks.
  std::vector<double> sum(const std::vector<double>& local);
  /// Every rank's vector (all the same length), by rank.
  std::vector<std::vector<double>> gather(const std::vector<double>& local);

  /// Leaves a rank's failure in the store for rank 0's report (best effort, never throws).
  void report_failure(const std::string& reason) noexcept;
  /// What ranks or the launcher reported about failed ranks, waiting up to `wait` for a first report;
  /// empty when nothing was reported.
  std::string failures(std::chrono::milliseconds wait) noexcept;

 private:
  struct Impl;
  DistEnv env_;
  std::chrono::milliseconds timeout_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace etlab
