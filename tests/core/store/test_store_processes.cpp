// SPDX-License-Identifier: MIT
// The store under real processes: kill -9 at random moments, several writers and a reader at once.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <limits>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

pid_t spawn(const std::vector<std::string>& args, const std::string& stdout_file = "/dev/null") {
  const pid_t pid = fork();
  if (pid == 0) {
    FILE* out = std::freopen(stdout_file.c_str(), "w", stdout);
    (void)out;
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::set<std::string> read_lines(const std::string& path) {
  std::set<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (line.size() == 36) out.insert(line);  // a torn last line (killed mid-write) is not an id
  return out;
}

class StoreProcesses : public TempDirTest {
 protected:

  // Kills a writer at a random moment `iterations` times, then checks what the issue promises:
  // integrity, every completed run complete, the killed run interrupted and resumable.
  void crash_loop(int iterations, uint64_t seed) {
    const std::string db = file("crash.db"), marker = file("finished.txt");
    constexpr int kSteps = 40;
    std::mt19937_64 rng(seed);
    // How long an undisturbed writer takes here (the shortest of three), so that the kills spread over
    // its whole life. On a loaded machine lives vary: a writer that finished before its kill shortens
    // the window for the next ones.
    int64_t life = std::numeric_limits<int64_t>::max();
    for (int i = 0; i < 3; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      ASSERT_EQ(wait_exit(spawn({ETLAB_STORE_WRITER, "write", db, "3", std::to_string(kSteps), marker})), 0);
      life = std::min<int64_t>(life, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
    }
    int interrupted_total = 0;
    for (int it = 0; it < iterations; ++it) {
      const pid_t child = spawn({ETLAB_STORE_WRITER, "write", db, "3", std::to_string(kSteps), marker});
      std::this_thread::sleep_for(
          std::chrono::microseconds(std::uniform_int_distribution<int64_t>(0, life + life / 5)(rng)));
      kill(child, SIGKILL);
      if (wait_exit(child) == 0) life = std::max<int64_t>(2000, life * 3 / 4);  // it had finished already

      RunStore store(db);
      {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        ASSERT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok") << "iteration " << it;
      }
      interrupted_total += store.reap_stale_runs();
      RunFilter running;
      running.status = "running";
      ASSERT_EQ(store.count_runs(running), 0) << "a dead owner's run must not stay running (iteration " << it << ")";
      // Finish what the kill cut off, as `etlab-cli resume` would.
      ASSERT_EQ(wait_exit(spawn({ETLAB_STORE_WRITER, "resume", db, marker})), 0) << "iteration " << it;

      const auto finished = read_lines(marker);
      for (const auto& id : finished) {
        const auto run = store.find_run(id);
        ASSERT_TRUE(run) << "completed run " << id << " lost at iteration " << it;
        ASSERT_EQ(run->status, "finished") << id;
        const auto loss = store.metrics(id, "train/loss");
        ASSERT_EQ(loss.size(), static_cast<size_t>(kSteps)) << "run " << id << " has gaps or duplicates";
        for (size_t i = 0; i < loss.size(); ++i) ASSERT_EQ(loss[i].step, static_cast<int64_t>(i + 1)) << id;
      }
      // Every run finished (resumed ones included), complete, whether or not its marker line made it.
      for (const auto& run : store.list_runs()) {
        ASSERT_EQ(run.status, "finished") << run.id << " at iteration " << it;
        ASSERT_EQ(store.metrics(run.id, "train/loss").size(), static_cast<size_t>(kSteps)) << run.id;
      }
    }
    RecordProperty("interrupted_runs", interrupted_total);
    std::printf("crash test: %d kill -9 iterations, %d runs interrupted and resumed, %zu runs complete\n", iterations,
                interrupted_total, read_lines(marker).size());
    EXPECT_GT(interrupted_total, 0) << "no kill landed inside a run: the test did not test anything";
  }

};

TEST_F(StoreProcesses, KillNineAtRandomMomentsLosesNothing) { crash_loop(20, 20261129); }

class StoreProcessesSlow : public StoreProcesses {};
TEST_F(StoreProcessesSlow, KillNineTwoHundredTimes) { crash_loop(200, 7); }

TEST_F(StoreProcesses, SeveralWritersAndAReaderAtOnce) {
  const std::string db = file("shared.db");
  { RunStore create(db); }
  constexpr int kWriters = 3, kRuns = 4, kSteps = 200;
  std::vector<pid_t> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.push_back(spawn({ETLAB_STORE_WRITER, "write", db, std::to_string(kRuns), std::to_string(kSteps),
                             file("marker-" + std::to_string(w)), "writer-" + std::to_string(w)}));
  const pid_t reader = spawn({ETLAB_STORE_WRITER, "read", db, "3"}, file("reads.txt"));
  for (pid_t p : writers) EXPECT_EQ(wait_exit(p), 0) << "a writer failed (lock error?)";
  EXPECT_EQ(wait_exit(reader), 0) << "the reader failed (lock error?)";

  RunStore store(db, true);
  EXPECT_EQ(store.count_runs(), kWriters * kRuns);
  int64_t rows = 0;
  for (const auto& run : store.list_runs()) {
    EXPECT_EQ(run.status, "finished");
    const auto counts = store.artefact_counts(run.id);
    EXPECT_EQ(counts.metrics, 2 * kSteps) << run.id;
    EXPECT_EQ(counts.evals, kSteps / 5) << run.id;
    EXPECT_EQ(counts.selections, kSteps / 5) << run.id;
    rows += counts.metrics;
  }
  for (int w = 0; w < kWriters; ++w) {
    RunFilter f;
    f.tag = "writer-" + std::to_string(w);
    EXPECT_EQ(store.count_runs(f), kRuns);
  }
  std::ifstream reads(file("reads.txt"));
  int64_t n = 0;
  reads >> n;
  EXPECT_GT(n, 0) << "the reader read nothing";
  std::printf("concurrency: %d writers, %lld metric rows, all present; reader made %lld run reads meanwhile\n", kWriters,
              static_cast<long long>(rows), static_cast<long long>(n));
}

}  // namespace
}  // namespace etlab
