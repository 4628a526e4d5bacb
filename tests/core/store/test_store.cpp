// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <csignal>
#include <unistd.h>

#include <cmath>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/attention_stats.h"
#include "core/store/blob_codec.h"
#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

class StoreTest : public TempDirTest {
 protected:
  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

TEST_F(StoreTest, CreatesVersionedDatabaseInNewFolder) {
  const auto path = file("sub/dir/etlab.db");
  {
    RunStore store(path);
    EXPECT_TRUE(store.list_runs().empty());
  }
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), RunStore::kSchemaVersion);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST_F(StoreTest, RefusesForeignFilesAndLeavesThemUntouched) {
  const auto text = file("notes.db");
  std::ofstream(text) << "these are my notes, not a database\n";
  const auto before = slurp(text);
  try {
    RunStore s(text);
    FAIL() << "opened a text file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not an etlab database"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(text), before);

  const auto other = file("other.sqlite");
  {
    SQLite::Database db(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE mine(x)");
    db.exec("INSERT INTO mine VALUES(1)");
  }
  const auto other_before = slurp(other);
  EXPECT_THROW(RunStore s(other), StoreError);
  EXPECT_EQ(slurp(other), other_before);
}

TEST_F(StoreTest, RefusesNewerSchema) {
  const auto path = file("future.db");
  { RunStore s(path); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    RunStore s(path);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer etlab"), std::string::npos) << e.what();
  }
}

TEST_F(StoreTest, ReadOnlyFileOpensReadOnly) {
  const auto path = file("ro.db");
  std::string id;
  {
    RunStore s(path);
    id = s.create_run(RunRecord{});
  }
  // WAL needs the folder writable for its side files; the database file itself is read-only.
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read, fs::perm_options::replace);
  // Root may write read-only files anyway; then the explicit read-only mode is what is tested.
  const bool root_like = access(path.c_str(), W_OK) == 0;
  const auto before = slurp(path);
  RunStore s(path, root_like);
  EXPECT_TRUE(s.read_only());
  EXPECT_EQ(s.list_runs().size(), 1u);
  EXPECT_ANY_THROW(s.create_run(RunRecord{}));
  EXPECT_EQ(s.reap_stale_runs(), 0);
  EXPECT_EQ(slurp(path), before);
}

TEST_F(StoreTest, RunsRoundTripWithFiltersAndPrefixes) {
  RunStore s(file("runs.db"));
  RunRecord a;
  a.preset = "smoke-dense";
  a.method = "dense";
  a.config_json = R"({"lora":{"r":8},"attention":{"kind":"dense"}})";
  RunRecord b = a;
  b.method = "learned_sparse";
  b.config_json = R"({"lora":{"r":4},"attention":{"kind":"learned_sparse"}})";
  const auto ida = s.create_run(a), idb = s.create_run(b);
  EXPECT_EQ(ida.size(), 36u);
  EXPECT_NE(ida, idb);
  EXPECT_EQ(s.list_runs().size(), 2u);
  RunFilter f;
  f.method = "learned_sparse";
  EXPECT_EQ(s.list_runs(f).at(0).id, idb);
  RunFilter byconfig;
  byconfig.where = {{"lora.r", "8"}};
  ASSERT_EQ(s.list_runs(byconfig).size(), 1u);
  EXPECT_EQ(s.list_runs(byconfig)[0].id, ida);
  byconfig.where = {{"attention.kind", "\"learned_sparse\""}};
  EXPECT_EQ(s.list_runs(byconfig).at(0).id, idb);
  byconfig.where = {{"attention.kind", "learned_sparse"}};  // plain text compares as a string
  EXPECT_EQ(s.list_runs(byconfig).at(0).id, idb);
  byconfig.where = {{"attention.kind", "dense"}, {"lora.r", "4"}};  // every condition must hold
  EXPECT_TRUE(s.list_runs(byconfig).empty());
  byconfig.where = {{"lora.r'; DROP TABLE runs; --", "1"}};
  EXPECT_THROW(s.list_runs(byconfig), StoreError);
  EXPECT_EQ(s.find_run(ida.substr(0, 8))->id, ida);
  EXPECT_FALSE(s.find_run("zzzzzzzz"));
  EXPECT_FALSE(s.find_run("ab")) << "prefixes need 4 characters";
  s.finish_run(ida, RunStatus::Finished, "", RunTotals{R"({"test/accuracy":0.5})", 12.0, 100.0, 1234, 20});
  EXPECT_EQ(s.latest_finished("smoke-dense")->id, ida);
  const auto r = *s.find_run(ida);
  EXPECT_EQ(r.status, "finished");
  EXPECT_EQ(r.peak_bytes, 1234);
  EXPECT_EQ(r.step, 20);
}

TEST_F(StoreTest, BatchWritesEverythingInOneTransaction) {
  RunStore s(file("batch.db"));
  const auto id = s.create_run(RunRecord{});
  s.add_probes(id, {{0, "test", "hello", 1, {5, -1, 70000}}});
  LogBatch b;
  b.step = 10;
  b.metrics = {{10, "train/loss", 1.5, 2.0}, {10, "train/lr", 1e-3, 2.0}};
  b.evals = {{10, "val", "accuracy", 0.75}};
  SelectionRecord sel;
  sel.step = 10;
  sel.q_blocks = 3;
  sel.k_blocks = 5;
  sel.block = 16;
  sel.bits = {0b10100011, 0b01000000};  // bits 0,1,5,7,14
  b.selections = {sel};
  ProbRecord p;
  p.step = 10;
  p.rows = 2;
  p.cols = 3;
  p.values = {0.5f, 0.25f, 0.25f, 1.0f, 0.0f, 0.0f};
  b.probabilities = {p};
  b.spectra = {{10, "q", 0, "lora", {3.0f, 1.0f}, 1.11, 1.75}};
  b.adapter_vectors = {{10, "q", 0, 1, 2, {0.6f, 0.8f}}};
  b.checkpoints = {{10, "x-artifacts/run/state.pt", "abc", 42, "full", ""}};
  s.write_batch(id, b);
  EXPECT_EQ(s.metrics(id, "train/loss").at(0).value, 1.5);
  EXPECT_EQ(s.evals(id).at(0).value, 0.75);
  const auto got = s.selections(id, 0).at(0);
  EXPECT_TRUE(got.selected(0, 0));
  EXPECT_TRUE(got.selected(0, 1));
  EXPECT_FALSE(got.selected(0, 2));
  EXPECT_TRUE(got.selected(1, 2));  // bit 7
  EXPECT_TRUE(got.selected(2, 4));  // bit 14
  const auto probs = s.probabilities(id, 0).at(0);
  EXPECT_EQ(probs.values, p.values) << "these values are exact in float16";
  EXPECT_FLOAT_EQ(s.spectra(id).at(0).singular[0], 3.0f);
  EXPECT_EQ(s.adapter_vectors(id).at(0).data, std::vector<float>({0.6f, 0.8f}));
  EXPECT_EQ(s.probes(id).at(0).tokens, std::vector<int32_t>({5, -1, 70000}));
  EXPECT_EQ(s.checkpoints(id).at(0).path, "x-artifacts/run/state.pt");
  EXPECT_EQ(s.find_run(id)->step, 10);
  s.remove_checkpoint(id, 10, "full");
  EXPECT_TRUE(s.checkpoints(id).empty());
}

TEST_F(StoreTest, LiveOwnerIsNeverReapedAndDeadOwnerIsAtOnce) {
  RunStore s(file("stale.db"));
  const auto id = s.create_run(RunRecord{});
  // A child process owns the run and stays alive with an ancient heartbeat.
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    RunStore mine(file("stale.db"));
    const char ok = mine.claim_run(id) ? 'y' : 'n';
    if (write(ready[1], &ok, 1) != 1) _exit(2);
    for (;;) pause();
  }
  char ok = 0;
  ASSERT_EQ(read(ready[0], &ok, 1), 1);
  ASSERT_EQ(ok, 'y');
  EXPECT_FALSE(s.claim_run(id)) << "a running run cannot be claimed twice";
  {
    SQLite::Database db(file("stale.db"), SQLite::OPEN_READWRITE);
    db.exec("UPDATE runs SET heartbeat = '2000-01-01T00:00:00.000Z'");
  }
  EXPECT_EQ(s.reap_stale_runs(60.0), 0) << "its owner holds the lock, however old the heartbeat";
  EXPECT_EQ(s.find_run(id)->status, "running");
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_EQ(s.reap_stale_runs(60.0), 1) << "the lock is free the moment its owner dies";
  const auto run = *s.find_run(id);
  EXPECT_EQ(run.status, "interrupted");
  EXPECT_NE(run.reason.find(std::to_string(child)), std::string::npos) << run.reason;
  EXPECT_TRUE(s.claim_run(id, {"interrupted", "cancelled", "failed"}));
  EXPECT_EQ(s.reap_stale_runs(0.0), 0) << "our own process is alive";
  s.finish_run(id, RunStatus::Finished, "", RunTotals{});
  EXPECT_FALSE(fs::exists(dir / "stale-artifacts" / "locks" / (id + ".lock"))) << "released locks leave no file";
  close(ready[0]);
  close(ready[1]);
}

TEST_F(StoreTest, FinishThatCannotBeWrittenStillReleasesTheRun) {
  RunStore s(file("finish.db"));
  const auto id = s.create_run(RunRecord{}, true);
  const auto lock = dir / "finish-artifacts" / "locks" / (id + ".lock");
  ASSERT_TRUE(fs::exists(lock));
  {
    // Stands in for a disk that fills up just as the run ends: the final UPDATE fails.
    SQLite::Database db(file("finish.db"), SQLite::OPEN_READWRITE);
    db.exec("CREATE TRIGGER no_room BEFORE UPDATE OF status ON runs BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
  }
  EXPECT_THROW(s.finish_run(id, RunStatus::Finished, "", RunTotals{}), std::exception);
  EXPECT_EQ(s.find_run(id)->status, "running");
  {
    SQLite::Database db(file("finish.db"), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER no_room");
  }
  // The process is alive, but it has let the run go: its own reaper and any other find it interrupted.
  EXPECT_EQ(s.reap_stale_runs(60.0), 1);
  EXPECT_EQ(s.find_run(id)->status, "interrupted");
  EXPECT_TRUE(s.claim_run(id, {"interrupted"})) << "and it can be resumed";
  s.finish_run(id, RunStatus::Finished, "", RunTotals{});
  EXPECT_FALSE(fs::exists(lock));
}

TEST_F(StoreTest, RunsOfOtherHostsAreJudgedByHeartbeat) {
  RunStore s(file("hosts.db"));
  const auto fresh = s.create_run(RunRecord{}), old = s.create_run(RunRecord{});
  {
    SQLite::Database db(file("hosts.db"), SQLite::OPEN_READWRITE);
    db.exec("UPDATE runs SET status = 'running', owner_host = 'gpu-box', owner_pid = 1");
    SQLite::Statement q(db, "UPDATE runs SET heartbeat = ? WHERE id = ?");
    q.bind(1, utc_now());
    q.bind(2, fresh);
    q.exec();
    q.reset();
    q.bind(1, "2000-01-01T00:00:00.000Z");
    q.bind(2, old);
    q.exec();
  }
  EXPECT_EQ(s.reap_stale_runs(60.0), 1);
  EXPECT_EQ(s.find_run(fresh)->status, "running");
  EXPECT_EQ(s.find_run(old)->status, "interrupted");
  EXPECT_NE(s.find_run(old)->reason.find("gpu-box"), std::string::npos);
}

TEST(BlobCodecTest, HalfPrecisionRoundTrip) {
  for (float f : {0.0f, 1.0f, -2.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f, 0.1f})
    EXPECT_NEAR(half_to_float(float_to_half(f)), f, std::abs(f) * 1e-3 + 1e-7) << f;
  EXPECT_TRUE(std::isinf(half_to_float(float_to_half(1e6f))));
  EXPECT_THROW(decode_f16_zlib("garbage", 4), std::runtime_error);
}

}  // namespace
}  // namespace etlab

namespace etlab {
namespace {

TEST(AttentionStatsTest, DensityEntropyDistance) {
  SelectionRecord s;
  s.q_blocks = 2;
  s.k_blocks = 4;
  s.bits = {0b00110001};  // (0,0), (1,0), (1,1)
  EXPECT_DOUBLE_EQ(selection_density(s), 3.0 / 8.0);
  ProbRecord uniform;
  uniform.rows = 2;
  uniform.cols = 4;
  uniform.values.assign(8, 0.25f);
  EXPECT_NEAR(attention_entropy(uniform), std::log(4.0), 1e-9);
  // Row 0 attends to itself, row 1 to key 0: distances 0 and 1.
  ProbRecord peaked;
  peaked.rows = 2;
  peaked.cols = 2;
  peaked.values = {1, 0, 1, 0};
  EXPECT_NEAR(attention_entropy(peaked), 0.0, 1e-12);
  EXPECT_NEAR(mean_attention_distance(peaked, 1), 0.5, 1e-12);
  peaked.pooled = true;
  EXPECT_NEAR(mean_attention_distance(peaked, 16), 8.0, 1e-12);
}

}  // namespace
}  // namespace etlab
