// SPDX-License-Identifier: MIT
#pragma once

// Where a rank of a data-parallel job learns who it is: the environment PyTorch's launchers set
// (torchrun, `etlab-cli launch`), or Slurm's when those are absent. Torch-free.

#include <cstdint>
#include <functional>
#include <string>

namespace etlab {

struct DistEnv {
  std::string master_addr;  ///< host of the rendezvous store
  int port = 0;             ///< its TCP port
  int rank = 0, world_size = 1, local_rank = 0;
  /// True when the store is hosted by a launcher (`etlab-cli launch` sets ETLAB_STORE_HOST=launcher):
  /// every rank, rank 0 included, is then a client.
  bool launcher_hosts_store = false;
  std::string source;  ///< "torchrun" (the standard variables) or "slurm"
};

/// Reads MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK through `get` (std::getenv in
/// production). Without RANK and WORLD_SIZE, Slurm's SLURM_PROCID, SLURM_NTASKS and SLURM_LOCALID
/// stand in. Throws std::runtime_error naming the variable that is missing or wrong.
DistEnv read_dist_env(const std::function<const char*(const char*)>& get);
DistEnv read_dist_env();

/// A free TCP port on `addr` at the moment of asking (0 when none could be had).
int free_tcp_port(const std::string& addr);

}  // namespace etlab
