// SPDX-License-Identifier: MIT
// `etlab-cli launch --nproc N -- train ...`: the ranks of a data-parallel job on this machine, started
// the way torchrun starts them (the same environment variables), watched until every rank has ended.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "app/cli/cli_common.h"
#include "core/dist/dist_env.h"
#include "core/dist/rendezvous_host.h"
#include "core/store/run_store.h"

extern char** environ;

namespace etlab::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct LaunchArgs {
  int nproc = 2;
  std::string master_addr = "127.0.0.1";
  int master_port = 0;
  int64_t grace_s = 30;
  std::vector<std::string> command;
};

std::atomic<int> g_forward_signal{0};
void on_launcher_signal(int sig) { g_forward_signal = sig; }

struct Rank {
  pid_t pid = -1;
  bool running = false;
  int status = 0;
};

std::string describe_exit(int rank, pid_t pid, int status) {
  std::string out = "rank " + std::to_string(rank) + " (pid " + std::to_string(pid) + ") ";
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return out + "was killed by signal " + std::to_string(sig) + (name ? std::string(" (SIG") + name + ")" : std::string());
  }
  return out + "exited with code " + std::to_string(WEXITSTATUS(status));
}

constexpr int kCancelled = 130;  // a rank's exit code when the run was cancelled (and saved)

// A rank that was cancelled (exit 130) ended as asked, not in failure.
bool failed(int status) {
  return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != kCancelled);
}

bool has_option(const std::vector<std::string>& args, const std::string& name) {
  return std::any_of(args.begin(), args.end(), [&](const std::string& a) { return a == name || a.rfind(name + "=", 0) == 0; });
}

// When rank 0 itself died, nobody wrote the run's end: it reads as interrupted once its lock is free.
// Record it as failed with the reason, since a data-parallel run cannot be resumed.
void record_rank0_death(RendezvousHost& host, const std::string& reason) {
  const std::string run = host.get(kStoreRunKey), db = host.get(kStoreDbKey);
  if (run.empty() || db.empty()) return;  // it died before creating the run: nothing to record
  try {
    RunStore store(db);
    store.reap_stale_runs();
    const auto rec = store.find_run(run);
    if (rec && rec->status == "interrupted") {
      store.set_status(run, RunStatus::Failed, reason);
      std::cerr << "launch: run " << run.substr(0, 8) << " recorded as failed in " << db << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "launch: could not record run " << run.substr(0, 8) << " as failed: " << e.what() << "\n";
  }
}

int run_launch(const LaunchArgs& a) {
  if (a.command.empty() || a.command[0] != "train") {
    print_error("launch starts `train`: etlab-cli launch --nproc N -- train --preset NAME ...", false);
    return 2;
  }
  const int port = a.master_port > 0 ? a.master_port : free_tcp_port(a.master_addr);
  if (port <= 0) {
    print_error("launch: no free TCP port on " + a.master_addr + "; give one with --master-port", false);
    return 2;
  }
  std::unique_ptr<RendezvousHost> host;
  try {
    host = std::make_unique<RendezvousHost>(a.master_addr, port, std::chrono::seconds(60));
  } catch (const std::exception& e) {
    print_error(e.what(), false);
    return 1;
  }

  std::error_code ec;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec || self.empty()) {
    print_error("launch: cannot find this program's own path (/proc/self/exe)", false);
    return 1;
  }
  std::vector<std::string> args{self};
  args.insert(args.end(), a.command.begin(), a.command.end());
  if (!has_option(args, "--distributed")) args.push_back("--distributed");
  if (!has_option(args, "--threads")) {
    // As torchrun does: the cores shared out between the ranks, not every rank on every core.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    args.push_back("--threads");
    args.push_back(std::to_string(std::max(1u, cores / static_cast<unsigned>(a.nproc))));
  }
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);

  const std::vector<std::string> ours{"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK", "ETLAB_STORE_HOST"};
  std::vector<std::string> inherited;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    const std::string name = kv.substr(0, kv.find('='));
    if (std::find(ours.begin(), ours.end(), name) == ours.end()) inherited.push_back(kv);
  }

  signal(SIGINT, on_launcher_signal);
  signal(SIGTERM, on_launcher_signal);
  std::vector<Rank> ranks(static_cast<size_t>(a.nproc));
  for (int r = 0; r < a.nproc; ++r) {
    std::vector<std::string> env = inherited;
    env.push_back("MASTER_ADDR=" + a.master_addr);
    env.push_back("MASTER_PORT=" + std::to_string(port));
    env.push_back("RANK=" + std::to_string(r));
    env.push_back("WORLD_SIZE=" + std::to_string(a.nproc));
    env.push_back("LOCAL_RANK=" + std::to_string(r));
    env.push_back("ETLAB_STORE_HOST=launcher");
    std::vector<char*> envp;
    for (auto& s : env) envp.push_back(s.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int err = posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), envp.data());
    if (err != 0) {
      print_error("launch: could not start rank " + std::to_string(r) + ": " + std::strerror(err), false);
      // The ranks already started wait in the rendezvous for this one, where no request to stop reaches them.
      for (auto& k : ranks)
        if (k.running) kill(k.pid, SIGKILL);
      for (auto& k : ranks)
        if (k.running) waitpid(k.pid, nullptr, 0);
      return 1;
    }
    ranks[static_cast<size_t>(r)] = {pid, true, 0};
  }

  int first_failure = -1;
  std::string first_reason;
  Clock::time_point give_up{}, kill_at{};
  bool terminated = false, killed = false, stopping = false;
  auto kill_all = [&](int sig) {
    for (auto& k : ranks)
      if (k.running) kill(k.pid, sig);
  };
  while (std::any_of(ranks.begin(), ranks.end(), [](const Rank& k) { return k.running; })) {
    if (const int sig = g_forward_signal.exchange(0)) {
      if (!stopping) {
        // The ranks stop at the same step and rank 0 saves the run as cancelled. One that is not training
        // yet (waiting in the rendezvous) cannot: after four grace periods (a step and a checkpoint may take
        // a while) it is killed, as by a second signal.
        kill_all(sig);
        stopping = true;
        std::cerr << "launch: stopping the ranks (again to kill them)\n";
        if (!terminated) {
          terminated = true;
          kill_at = Clock::now() + std::chrono::seconds(4 * a.grace_s);
        }
      } else {
        kill_all(SIGKILL);
        killed = true;
      }
    }
    // Every rank that has ended since the last look; of those, one killed by a signal failed first (the
    // others fail because their collectives with it broke).
    std::vector<size_t> ended;
    for (int status = 0;;) {
      const pid_t pid = waitpid(-1, &status, WNOHANG);
      if (pid <= 0) break;
      for (size_t r = 0; r < ranks.size(); ++r)
        if (ranks[r].pid == pid && ranks[r].running) {
          ranks[r].running = false;
          ranks[r].status = status;
          ended.push_back(r);
        }
    }
    std::stable_sort(ended.begin(), ended.end(),
                     [&](size_t x, size_t y) { return WIFSIGNALED(ranks[x].status) && !WIFSIGNALED(ranks[y].status); });
    for (const size_t r : ended) {
      const int status = ranks[r].status;
      if (!failed(status) || first_failure >= 0) continue;
      first_failure = static_cast<int>(r);
      first_reason = describe_exit(static_cast<int>(r), ranks[r].pid, status);
      // A rank that exits with an error has left its own reason; one killed by a signal could not.
      if (WIFSIGNALED(status)) host->set(store_failure_key(static_cast<int>(r)), first_reason);
      std::cerr << "launch: " << first_reason << "\n";
      give_up = Clock::now() + std::chrono::seconds(a.grace_s);
    }
    if (!ended.empty()) continue;
    const auto now = Clock::now();
    if (first_failure >= 0 && !terminated && now >= give_up) {
      // The others normally fail at once when a peer's connection drops; this is for a rank stuck elsewhere
      // (SIGTERM asks it to stop at its next step; one stuck in a collective gets SIGKILL after 10 s).
      kill_all(SIGTERM);
      terminated = true;
      kill_at = now + std::chrono::seconds(10);
    }
    if (terminated && !killed && now >= kill_at) {
      kill_all(SIGKILL);
      killed = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (first_failure < 0)
    return std::any_of(ranks.begin(), ranks.end(), [](const Rank& k) { return WIFEXITED(k.status) && WEXITSTATUS(k.status) == kCancelled; })
               ? kCancelled
               : 0;
  // Rank 0 killed: by itself the first failure, or by this launcher after another rank failed first.
  if (WIFSIGNALED(ranks[0].status))
    record_rank0_death(*host, first_failure == 0 ? first_reason : first_reason + "; rank 0 was then stopped by the launcher");
  const int st = ranks[static_cast<size_t>(first_failure)].status;
  return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

}  // namespace

void add_launch_command(CLI::App& app) {
  auto args = std::make_shared<LaunchArgs>();
  auto* cmd = app.add_subcommand("launch", "start N ranks of a data-parallel job on this machine: launch --nproc N -- train ...");
  cmd->add_option("--nproc", args->nproc, "number of ranks (processes)")->check(CLI::Range(1, 1024));
  cmd->add_option("--master-addr", args->master_addr, "address of the rendezvous (default 127.0.0.1)");
  cmd->add_option("--master-port", args->master_port, "its port (default: a free one)")->check(CLI::Range(1, 65535));
  cmd->add_option("--grace", args->grace_s, "seconds the other ranks get to end after one fails, before SIGTERM (default 30)")
      ->check(CLI::Range(0, 3600));
  cmd->add_option("command", args->command, "after --: the train command every rank runs (--distributed is added)")->required();
  cmd->callback([args] {
    const int rc = run_launch(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace etlab::cli
