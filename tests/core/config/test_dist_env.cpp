// SPDX-License-Identifier: MIT
// The launcher environment a data-parallel rank reads: every missing or wrong variable is named.
#include <map>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/dist/dist_env.h"

namespace etlab {
namespace {

using Env = std::map<std::string, std::string>;

DistEnv read(const Env& env) {
  return read_dist_env([&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

std::string error_of(const Env& env) {
  try {
    read(env);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

const Env kTorchrun{{"MASTER_ADDR", "10.0.0.7"}, {"MASTER_PORT", "29500"}, {"RANK", "3"}, {"WORLD_SIZE", "8"}, {"LOCAL_RANK", "1"}};

TEST(DistEnv, ReadsTheStandardLauncherVariables) {
  const auto e = read(kTorchrun);
  EXPECT_EQ(e.master_addr, "10.0.0.7");
  EXPECT_EQ(e.port, 29500);
  EXPECT_EQ(e.rank, 3);
  EXPECT_EQ(e.world_size, 8);
  EXPECT_EQ(e.local_rank, 1);
  EXPECT_EQ(e.source, "torchrun");
  EXPECT_FALSE(e.launcher_hosts_store);
  auto launched = kTorchrun;
  launched["ETLAB_STORE_HOST"] = "launcher";
  EXPECT_TRUE(read(launched).launcher_hosts_store);
}

TEST(DistEnv, FallsBackToSlurm) {
  const auto e = read({{"MASTER_ADDR", "node1"}, {"MASTER_PORT", "12345"}, {"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "6"},
                       {"SLURM_LOCALID", "2"}});
  EXPECT_EQ(e.rank, 5);
  EXPECT_EQ(e.world_size, 6);
  EXPECT_EQ(e.local_rank, 2);
  EXPECT_EQ(e.source, "slurm");
}

TEST(DistEnv, NamesWhatIsMissingOrWrong) {
  for (const char* name : {"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE"}) {
    auto env = kTorchrun;
    env.erase(name);
    const auto msg = error_of(env);
    EXPECT_EQ(msg.rfind(std::string(name) + " is not set", 0), 0u) << msg;
    EXPECT_NE(msg.find("etlab-cli launch"), std::string::npos) << msg;
  }
  auto env = kTorchrun;
  env["MASTER_PORT"] = "http";
  EXPECT_EQ(error_of(env), "MASTER_PORT: expected a whole number, got 'http'");
  env = kTorchrun;
  env["MASTER_PORT"] = "70000";
  EXPECT_EQ(error_of(env), "MASTER_PORT: 70000 is out of range (1 to 65535)");
  env = kTorchrun;
  env["RANK"] = "8";
  EXPECT_EQ(error_of(env), "RANK: 8 is not below WORLD_SIZE (8)");
  env = kTorchrun;
  env["WORLD_SIZE"] = "0";
  EXPECT_NE(error_of(env).find("WORLD_SIZE: 0 is out of range"), std::string::npos);
  env = kTorchrun;
  env["LOCAL_RANK"] = "-1";
  EXPECT_NE(error_of(env).find("LOCAL_RANK"), std::string::npos);
  env = kTorchrun;
  env["RANK"] = "2x";
  EXPECT_EQ(error_of(env), "RANK: expected a whole number, got '2x'");
}

TEST(DistEnv, FreePortIsAPort) {
  const int p = free_tcp_port("127.0.0.1");
  EXPECT_GT(p, 0);
  EXPECT_LE(p, 65535);
  EXPECT_EQ(free_tcp_port("no-such-host.invalid"), 0);
}

}  // namespace
}  // namespace etlab
