// SPDX-License-Identifier: MIT
#include "core/dist/dist_env.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace etlab {

namespace {

// A whole decimal number in [lo, hi], or an error naming the variable and what it held.
int parse_int(const std::string& name, const std::string& value, int lo, int hi) {
  int v = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, v);
  if (value.empty() || ec != std::errc() || ptr != end)
    throw std::runtime_error(name + ": expected a whole number, got '" + value + "'");
  if (v < lo || v > hi)
    throw std::runtime_error(name + ": " + value + " is out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")");
  return v;
}

}  // namespace

DistEnv read_dist_env(const std::function<const char*(const char*)>& get) {
  auto var = [&](const char* name) -> std::string {
    const char* v = get(name);
    return v ? std::string(v) : std::string();
  };
  auto has = [&](const char* name) { return get(name) != nullptr; };
  DistEnv e;
  const char* rank_var = "RANK";
  const char* world_var = "WORLD_SIZE";
  const char* local_var = "LOCAL_RANK";
  e.source = "torchrun";
  if (!has("RANK") && !has("WORLD_SIZE") && has("SLURM_PROCID") && has("SLURM_NTASKS")) {
    rank_var = "SLURM_PROCID";
    world_var = "SLURM_NTASKS";
    local_var = "SLURM_LOCALID";
    e.source = "slurm";
  }
  const char* hint =
      " (--distributed reads the launcher's environment: MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK; "
      "`etlab-cli launch --nproc N -- train ...` sets them for one machine)";
  for (const char* name : {"MASTER_ADDR", "MASTER_PORT", rank_var, world_var})
    if (!has(name) || var(name).empty()) throw std::runtime_error(std::string(name) + " is not set" + hint);
  e.master_addr = var("MASTER_ADDR");
  e.port = parse_int("MASTER_PORT", var("MASTER_PORT"), 1, 65535);
  e.world_size = parse_int(world_var, var(world_var), 1, 1 << 20);
  e.rank = parse_int(rank_var, var(rank_var), 0, 1 << 20);
  if (e.rank >= e.world_size)
    throw std::runtime_error(std::string(rank_var) + ": " + std::to_string(e.rank) + " is not below " + world_var + " (" +
                             std::to_string(e.world_size) + ")");
  e.local_rank = has(local_var) ? parse_int(local_var, var(local_var), 0, 1 << 20) : 0;
  // `etlab-cli launch` hosts the store itself; so does torchrun's agent when it says so.
  e.launcher_hosts_store = var("ETLAB_STORE_HOST") == "launcher" || var("TORCHELASTIC_USE_AGENT_STORE") == "True";
  return e;
}

DistEnv read_dist_env() {
  return read_dist_env([](const char* name) { return std::getenv(name); });
}

int free_tcp_port(const std::string& addr) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(addr.c_str(), "0", &hints, &res) != 0 || !res) return 0;
  int port = 0;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  if (fd >= 0) {
    if (bind(fd, res->ai_addr, res->ai_addrlen) == 0) {
      sockaddr_storage ss{};
      socklen_t len = sizeof ss;
      if (getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        port = ss.ss_family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port)
                                       : ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    }
    close(fd);
  }
  freeaddrinfo(res);
  return port;
}

}  // namespace etlab
