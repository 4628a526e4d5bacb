// SPDX-License-Identifier: MIT
// The store's content: migrations from shipped versions, the read API, managing runs, exchange.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/config/file_hash.h"
#include "core/store/run_store.h"
#include "tests/core/temp_dir.h"

namespace etlab {
namespace {

namespace fs = std::filesystem;

class StoreContent : public TempDirTest {
 protected:

  // A finished run with every artefact type and a checkpoint file.
  std::string full_run(RunStore& s, const std::string& preset, int64_t seed, double accuracy) {
    RunRecord r;
    r.preset = preset;
    r.method = "learned_sparse";
    r.task = "listops";
    r.seed = seed;
    r.experiment = "exp-a";
    r.config_json = R"({"name":"x","attention":{"kind":"learned_sparse","block":16},"train":{"seed":)" +
                    std::to_string(seed) + "}}";
    const auto id = s.create_run(r, true);
    s.set_params(id, 1000, 50, {{"encoder.layer0.q", 100, 10}});
    s.add_probes(id, {{0, "test", "[MAX 1 2]", 2, {5, 6, 7}}});
    LogBatch b;
    for (int64_t step = 1; step <= 100; ++step) b.metrics.push_back({step, "train/loss", 5.0 - 0.01 * double(step), 0.1 * double(step)});
    b.metrics[49].value = 99.0;  // a spike down-sampling must keep
    b.evals.push_back({100, "val", "accuracy", accuracy});
    SelectionRecord sel;
    sel.step = 100;
    sel.layer = 1;
    sel.head = 2;
    sel.q_blocks = 3;
    sel.k_blocks = 3;
    sel.block = 16;
    sel.bits = {0b01010001, 0b1};  // 3x3 row-major: (0,0), (1,1)... bit 8 = (2,2)
    b.selections.push_back(sel);
    ProbRecord p;
    p.step = 100;
    p.rows = 2;
    p.cols = 3;
    p.values = {0.5f, 0.25f, 0.25f, 0.0f, 1.0f, 0.0f};
    b.probabilities.push_back(p);
    b.spectra.push_back({100, "q", 0, "lora", {2.0f, 1.0f}, 1.25, 1.9});
    b.adapter_vectors.push_back({100, "q", 0, 1, 2, {0.6f, 0.8f}});
    const std::string rel = fs::path(s.artifacts_dir()).filename().string() + "/" + id + "/model-00000100.pt";
    fs::create_directories(fs::path(s.artifacts_dir()) / id);
    std::ofstream(fs::path(s.artifacts_dir()) / id / "model-00000100.pt") << "weights of " << id;
    const std::string abs = (fs::path(s.artifacts_dir()) / id / "model-00000100.pt").string();
    b.checkpoints.push_back({100, rel, sha256_file(abs), static_cast<int64_t>(fs::file_size(abs)), "model", ""});
    b.step = 100;
    s.write_batch(id, b);
    s.add_tag(id, "paper");
    s.add_benchmarks({{id, "", "learned_sparse", "cpu", "block_sparse_gather", "fwd", 1024, 1, 4, 64, 64, 4, 2, 3.5, 0.1,
                       1e9, 1 << 20, "{}"}});
    s.finish_run(id, RunStatus::Finished, "", RunTotals{R"({"test/accuracy":)" + std::to_string(accuracy) + "}", 10.0, 5.0, 123, 100});
    return id;
  }

};

TEST_F(StoreContent, MigratesTheSchemaV1FixtureAndKeepsABackup) {
  const auto path = file("old.db");
  fs::copy_file(std::string(ETLAB_FIXTURES_DIR) + "/store/schema-v1.db", path);
  const auto before = sha256_file(path);
  RunStore s(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), RunStore::kSchemaVersion);
    EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  }
  const auto backup = file("old.schema-v1-backup.db");
  ASSERT_TRUE(fs::exists(backup));
  {
    SQLite::Database raw(backup, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 1);
  }
  (void)before;
  // Everything the v1 engine wrote is still readable through today's API.
  const auto runs = s.list_runs();
  ASSERT_EQ(runs.size(), 3u);
  RunFilter f;
  f.preset = "smoke-sparse";
  const auto sparse = s.list_runs(f).at(0);
  EXPECT_EQ(sparse.status, "finished");
  EXPECT_EQ(sparse.origin, "");
  EXPECT_EQ(s.tags(sparse.id), std::vector<std::string>{"fixture"});
  EXPECT_FALSE(s.selections(sparse.id, 0).empty());
  EXPECT_FALSE(s.probabilities(sparse.id, 0, -1, 0, 0).empty());
  EXPECT_EQ(s.metrics(sparse.id, "train/loss").size(), 40u);
  EXPECT_FALSE(s.probes(sparse.id).empty());
  f.preset = "smoke-lora";
  const auto lora = s.list_runs(f).at(0);
  EXPECT_EQ(lora.notes, "made by etlab schema v1");
  EXPECT_FALSE(s.spectra(lora.id).empty());
  EXPECT_FALSE(s.adapter_vectors(lora.id).empty());
  EXPECT_FALSE(s.checkpoints(lora.id).empty());
  EXPECT_FALSE(s.benchmarks().empty());
  // New features work on migrated runs.
  s.delete_run(lora.id);
  EXPECT_EQ(s.list_runs().size(), 2u);
}

TEST_F(StoreContent, EveryArtefactRoundTrips) {
  RunStore s(file("rt.db"));
  const auto id = full_run(s, "p", 1, 0.75);
  const auto run = *s.find_run(id);
  EXPECT_EQ(run.experiment, "exp-a");
  EXPECT_EQ(run.params_trainable, 50);
  EXPECT_EQ(s.module_params(id).at(0).trainable, 10);
  EXPECT_EQ(s.probes(id).at(0).tokens, (std::vector<int32_t>{5, 6, 7}));
  const auto sel = s.selections(id, 0, 100, 1, 2).at(0);
  EXPECT_TRUE(sel.selected(0, 0));
  EXPECT_FALSE(sel.selected(0, 1));
  EXPECT_TRUE(sel.selected(2, 2));
  EXPECT_TRUE(s.selections(id, 0, 100, 0).empty()) << "layer filter";
  const auto prob = s.probabilities(id, 0, 100).at(0);
  EXPECT_NEAR(prob.values[1], 0.25f, 1e-3);
  EXPECT_EQ(s.spectra(id, -1, "q", 0).at(0).singular, (std::vector<float>{2.0f, 1.0f}));
  EXPECT_TRUE(s.spectra(id, -1, "v").empty());
  EXPECT_EQ(s.adapter_vectors(id).at(0).data, (std::vector<float>{0.6f, 0.8f}));
  EXPECT_EQ(s.checkpoints(id).at(0).kind, "model");
  EXPECT_EQ(s.benchmarks(id).at(0).n, 1024);
  EXPECT_EQ(s.selection_steps(id), std::vector<int64_t>{100});
  const auto counts = s.artefact_counts(id);
  EXPECT_EQ(counts.metrics, 100);
  EXPECT_EQ(counts.selections, 1);
  EXPECT_EQ(counts.checkpoints, 1);
  EXPECT_GT(counts.checkpoint_bytes, 0);
}

TEST_F(StoreContent, SeriesAreDownSampledWithTheirExtremes) {
  RunStore s(file("series.db"));
  const auto id = full_run(s, "p", 1, 0.5);
  EXPECT_EQ(s.series(id, "train/loss").size(), 100u);
  const auto ten = s.series(id, "train/loss", 10);
  ASSERT_LE(ten.size(), 10u);
  ASSERT_GE(ten.size(), 9u);
  double peak = 0;
  int64_t covered = 0;
  for (const auto& p : ten) peak = std::max(peak, p.max), covered += p.count;
  EXPECT_EQ(peak, 99.0) << "the spike survives down-sampling";
  EXPECT_EQ(covered, 100);
  EXPECT_EQ(ten.back().step, 100);
  const auto sums = s.metric_summaries(id);
  const auto loss = std::find_if(sums.begin(), sums.end(), [](const auto& m) { return m.key == "train/loss"; });
  ASSERT_NE(loss, sums.end());
  EXPECT_TRUE(loss->lower_is_better);
  EXPECT_NEAR(loss->last, 4.0, 1e-9);
  EXPECT_EQ(loss->max, 99.0);
  EXPECT_EQ(loss->max_step, 50);
  EXPECT_NEAR(loss->best, 4.0, 1e-9);
  const auto acc = std::find_if(sums.begin(), sums.end(), [](const auto& m) { return m.key == "val/accuracy"; });
  ASSERT_NE(acc, sums.end());
  EXPECT_FALSE(acc->lower_is_better);
  EXPECT_NEAR(*s.value_at(id, "train/loss", 10), 4.9, 1e-9);
  EXPECT_FALSE(s.value_at(id, "train/loss", 0));
}

TEST_F(StoreContent, SeedGroupsGiveMeanAndSpread) {
  RunStore s(file("seeds.db"));
  full_run(s, "p", 1, 0.70);
  full_run(s, "p", 2, 0.80);
  full_run(s, "p", 3, 0.90);
  const auto groups = s.seed_groups({}, "test/accuracy");
  ASSERT_EQ(groups.size(), 1u) << "runs that differ only by seed form one group";
  EXPECT_EQ(groups[0].run_ids.size(), 3u);
  EXPECT_NEAR(groups[0].mean, 0.80, 1e-9);
  EXPECT_NEAR(groups[0].stddev, 0.10, 1e-9);
}

TEST_F(StoreContent, FiltersSortsAndPages) {
  RunStore s(file("list.db"));
  const auto a = full_run(s, "alpha", 1, 0.3), b = full_run(s, "beta", 2, 0.9);
  s.rename_run(a, "my best idea");
  RunFilter f;
  f.order_by = "summary:test/accuracy";
  EXPECT_EQ(s.list_runs(f).at(0).id, b);
  f.descending = false;
  EXPECT_EQ(s.list_runs(f).at(0).id, a);
  f.limit = 1;
  f.offset = 1;
  EXPECT_EQ(s.list_runs(f).at(0).id, b);
  EXPECT_EQ(s.count_runs(f), 2);
  RunFilter text;
  text.text = "BEST";
  EXPECT_EQ(s.list_runs(text).at(0).id, a);
  RunFilter tag;
  tag.tag = "paper";
  EXPECT_EQ(s.count_runs(tag), 2);
  s.remove_tag(a, "paper");
  EXPECT_EQ(s.count_runs(tag), 1);
  RunFilter bad;
  bad.order_by = "id; DROP TABLE runs";
  EXPECT_THROW(s.list_runs(bad), StoreError);
}

TEST_F(StoreContent, SoftDeleteUndoAndEmptyBin) {
  RunStore s(file("bin.db"));
  const auto id = full_run(s, "p", 1, 0.5), keep = full_run(s, "p", 2, 0.5);
  s.set_notes(id, "tried lr 3e-4");
  EXPECT_EQ(s.find_run(id)->notes, "tried lr 3e-4");
  s.delete_run(id);
  EXPECT_EQ(s.count_runs(), 1);
  RunFilter bin;
  bin.only_deleted = true;
  EXPECT_EQ(s.list_runs(bin).at(0).id, id);
  EXPECT_FALSE(s.list_runs(bin).at(0).deleted_at.empty());
  s.restore_run(id);
  EXPECT_EQ(s.count_runs(), 2);
  s.delete_run(id);
  const auto dry = s.empty_bin(true);
  EXPECT_EQ(dry.runs, 1);
  EXPECT_EQ(dry.files, 1);
  EXPECT_TRUE(s.find_run(id)) << "a dry run removes nothing";
  const auto done = s.empty_bin();
  EXPECT_EQ(done.bytes, dry.bytes);
  EXPECT_FALSE(s.find_run(id));
  EXPECT_FALSE(fs::exists(fs::path(s.artifacts_dir()) / id));
  EXPECT_TRUE(fs::exists(fs::path(s.artifacts_dir()) / keep));
  EXPECT_TRUE(s.benchmarks(id).empty());
  EXPECT_THROW(s.rename_run(id, "gone"), StoreError);
  // A running run cannot go to the bin.
  const auto live = s.create_run(RunRecord{}, true);
  EXPECT_THROW(s.delete_run(live), StoreError);
  s.finish_run(live, RunStatus::Cancelled, "test", RunTotals{});
}

TEST_F(StoreContent, CheckpointRetentionShowsTheSpaceItFrees) {
  RunStore s(file("keep.db"));
  const auto id = full_run(s, "p", 1, 0.5);
  // Add a resumable state and a best-weights file next to the final weights.
  LogBatch b;
  for (const char* kind : {"full", "best"}) {
    const std::string name = std::string(kind) + "-00000050.pt";
    std::ofstream(fs::path(s.artifacts_dir()) / id / name) << std::string(kind == std::string("full") ? 3000 : 1000, 'x');
    const std::string rel = fs::path(s.artifacts_dir()).filename().string() + "/" + id + "/" + name;
    const auto abs = (fs::path(s.artifacts_dir()) / id / name).string();
    b.checkpoints.push_back({50, rel, sha256_file(abs), static_cast<int64_t>(fs::file_size(abs)), kind, ""});
  }
  s.write_batch(id, b);
  EXPECT_THROW(s.prune_checkpoints("everything"), StoreError);
  const auto dry = s.prune_checkpoints("last", {}, true);
  EXPECT_EQ(dry.files, 2);
  EXPECT_EQ(dry.bytes, 4000);
  EXPECT_EQ(s.checkpoints(id).size(), 3u);
  const auto kept_best = s.prune_checkpoints("last,best");
  EXPECT_EQ(kept_best.bytes, 3000);
  EXPECT_EQ(s.checkpoints(id).size(), 2u);
  s.prune_checkpoints("best");
  ASSERT_EQ(s.checkpoints(id).size(), 1u);
  EXPECT_EQ(s.checkpoints(id)[0].kind, "best");
  EXPECT_EQ(std::distance(fs::directory_iterator(fs::path(s.artifacts_dir()) / id), fs::directory_iterator()), 1);
  const auto [before, after] = s.vacuum();
  EXPECT_GT(before, 0);
  EXPECT_GT(after, 0);
}

TEST_F(StoreContent, ExportAndMergeTwiceAreIdempotent) {
  std::string a, b;
  {
    RunStore src(file("gpu-box/results.db"));
    a = full_run(src, "p", 1, 0.6);
    b = full_run(src, "q", 2, 0.7);
    src.add_benchmarks({{"", "", "dense", "cuda", "sdpa", "fwd", 4096, 1, 4, 64, 64, 64, 1, 1.0, 0.0, 1e9, 0, "{}"}});
    const auto report = src.export_runs({a.substr(0, 8)}, file("gpu-box/export.db"), true);
    EXPECT_EQ(report.copied, std::vector<std::string>{a});
    EXPECT_EQ(report.checkpoints, 1);
    EXPECT_THROW(src.export_runs({a}, file("gpu-box/export.db"), true), StoreError) << "never overwrite";
  }
  {
    RunStore exported(file("gpu-box/export.db"), true);
    ASSERT_EQ(exported.count_runs(), 1);
    const auto ck = exported.checkpoints(a).at(0);
    EXPECT_EQ(ck.path.rfind("export-artifacts/", 0), 0u) << ck.path;
    EXPECT_EQ(sha256_file(file("gpu-box/" + ck.path)), ck.sha256);
    EXPECT_EQ(exported.metrics(a).size(), 100u);
  }
  const auto source_hash = sha256_file(file("gpu-box/results.db"));
  RunStore home(file("home/etlab.db"));
  const auto local = full_run(home, "local", 9, 0.1);
  const auto first = home.merge_from(file("gpu-box/results.db"));
  EXPECT_EQ(first.copied.size(), 2u);
  EXPECT_TRUE(first.skipped.empty());
  EXPECT_EQ(first.checkpoints, 2);
  auto dump = [&] {
    std::string out;
    for (const auto& r : home.list_runs()) {
      const auto c = home.artefact_counts(r.id);
      out += r.id + r.status + r.experiment + std::to_string(c.metrics) + std::to_string(c.selections) +
             std::to_string(c.checkpoints) + std::to_string(c.benchmarks) + std::to_string(c.tags) + "\n";
    }
    return out + std::to_string(home.benchmarks().size());
  };
  const auto once = dump();
  const auto second = home.merge_from(file("gpu-box/results.db"));
  EXPECT_TRUE(second.copied.empty());
  EXPECT_EQ(second.skipped.size(), 2u);
  EXPECT_EQ(dump(), once) << "merging twice changes nothing";
  EXPECT_EQ(sha256_file(file("gpu-box/results.db")), source_hash) << "the source is only read";
  EXPECT_EQ(home.count_runs(), 3);
  EXPECT_EQ(home.benchmarks().size(), 4u) << "three run benchmarks and one loose one, once";
  const auto merged = *home.find_run(a);
  EXPECT_EQ(merged.experiment, "exp-a");
  EXPECT_NE(merged.origin.find("results.db"), std::string::npos);
  EXPECT_EQ(home.find_run(local)->origin, "");
  const auto ck = home.checkpoints(b).at(0);
  EXPECT_EQ(ck.path.rfind("etlab-artifacts/", 0), 0u);
  EXPECT_EQ(sha256_file(file("home/" + ck.path)), ck.sha256);
  EXPECT_THROW(home.merge_from(file("home/etlab.db")), StoreError);
  std::ofstream(file("notes.txt")) << "not a database";
  EXPECT_THROW(home.merge_from(file("notes.txt")), StoreError);
}

TEST_F(StoreContent, MergeLandsRunsAndLooseBenchmarksTogetherOrNotAtAll) {
  {
    RunStore src(file("box/results.db"));
    full_run(src, "p", 1, 0.6);
    src.add_benchmarks({{"", "", "dense", "cpu", "naive", "fwd", 512, 1, 4, 64, 64, 64, 1, 1.0, 0.0, 1e6, 0, "{}"}});
  }
  RunStore home(file("home/etlab.db"));
  {
    // The last thing a merge writes (a benchmark of no run) fails, as on a disk that just filled up.
    SQLite::Database db(file("home/etlab.db"), SQLite::OPEN_READWRITE);
    db.exec("CREATE TRIGGER no_room BEFORE INSERT ON benchmarks WHEN NEW.run_id IS NULL "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  }
  try {
    home.merge_from(file("box/results.db"));
    ADD_FAILURE() << "the merge should fail";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("nothing was imported"), std::string::npos) << what;
    // The destination is out of room: the source is not blamed.
    EXPECT_NE(what.find("free some space and merge again"), std::string::npos) << what;
    EXPECT_EQ(what.find("may be damaged"), std::string::npos) << what;
  }
  EXPECT_EQ(home.count_runs(), 0) << "and nothing was: the runs went back with the benchmark";
  EXPECT_TRUE(home.benchmarks().empty());
  {
    SQLite::Database db(file("home/etlab.db"), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER no_room");
  }
  const auto report = home.merge_from(file("box/results.db"));
  EXPECT_EQ(report.copied.size(), 1u);
  EXPECT_EQ(home.count_runs(), 1);
}

TEST_F(StoreContent, MergeRefusesCheckpointPathsOutsideTheSource) {
  {
    RunStore src(file("evil/evil.db"));
    const auto id = full_run(src, "p", 1, 0.5);
    SQLite::Database raw(file("evil/evil.db"), SQLite::OPEN_READWRITE);
    SQLite::Statement q(raw, "UPDATE checkpoints SET path = '../../etc/passwd' WHERE run_id = ?");
    q.bind(1, id);
    q.exec();
  }
  RunStore home(file("home.db"));
  const auto report = home.merge_from(file("evil/evil.db"));
  EXPECT_EQ(report.checkpoints, 0);
  ASSERT_EQ(report.missing_files.size(), 1u);
  EXPECT_NE(report.missing_files[0].find("own folder"), std::string::npos);
  EXPECT_TRUE(home.checkpoints(report.copied.at(0)).empty());
}

TEST_F(StoreContent, MergeRefusesRunIdsThatAreNotUuids) {
  {
    RunStore src(file("evil2/evil.db"));
    full_run(src, "p", 1, 0.5);
    SQLite::Database raw(file("evil2/evil.db"), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = OFF");
    raw.exec("INSERT INTO runs(id, status, created, config) VALUES('../..', 'finished', '2026-01-01', '{}')");
    raw.exec("INSERT INTO runs(id, status, created, config) VALUES('', 'finished', '2026-01-01', '{}')");
  }
  RunStore home(file("home.db"));
  const auto keep = full_run(home, "mine", 2, 0.5);
  const auto report = home.merge_from(file("evil2/evil.db"));
  EXPECT_EQ(report.copied.size(), 1u);
  EXPECT_EQ(report.invalid, (std::vector<std::string>{"../..", ""}));
  home.delete_run(keep);
  home.empty_bin();
  EXPECT_TRUE(fs::exists(dir / "evil2" / "evil.db")) << "nothing outside the artifacts was touched";
}

TEST_F(StoreContent, MergeNeverOverwritesAFileThatIsAlreadyThere) {
  std::string id;
  {
    RunStore src(file("box/results.db"));
    id = full_run(src, "p", 1, 0.5);
  }
  RunStore home(file("home/etlab.db"));
  const auto mine = fs::path(home.artifacts_dir()) / id / "model-00000100.pt";
  fs::create_directories(mine.parent_path());
  std::ofstream(mine) << "my own file";
  const auto report = home.merge_from(file("box/results.db"));
  EXPECT_EQ(report.copied, std::vector<std::string>{id});
  EXPECT_EQ(report.checkpoints, 0);
  ASSERT_EQ(report.missing_files.size(), 1u);
  EXPECT_NE(report.missing_files[0].find("not overwritten"), std::string::npos);
  std::ifstream in(mine);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "my own file");
  EXPECT_TRUE(home.checkpoints(id).empty()) << "no row for a file that is not the run's";
}

TEST_F(StoreContent, BaseRunsKeepWhatTheirFineTunesNeed) {
  RunStore s(file("base.db"));
  const auto base = full_run(s, "pretrain", 1, 0.5);
  RunRecord ft;
  ft.base_run = base;
  const auto child = s.create_run(ft);
  s.finish_run(child, RunStatus::Finished, "", RunTotals{});
  const auto pruned = s.prune_checkpoints("none");
  EXPECT_EQ(pruned.files, 0);
  EXPECT_FALSE(pruned.notes.empty());
  EXPECT_EQ(s.checkpoints(base).size(), 1u);
  s.delete_run(base);
  const auto bin = s.empty_bin();
  EXPECT_EQ(bin.runs, 0);
  EXPECT_TRUE(s.find_run(base)) << "stays in the bin while its fine-tune exists";
  s.delete_run(child);
  EXPECT_EQ(s.empty_bin().runs, 2);
}

TEST_F(StoreContent, CorruptAndNewerFilesAreLeftUntouched) {
  const auto good = file("good.db");
  {
    RunStore s(good);
    for (int i = 0; i < 20; ++i) full_run(s, "p", i, 0.5);
  }
  {
    SQLite::Database raw(good, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    raw.exec("PRAGMA journal_mode = DELETE");  // worst case: opening in WAL mode would rewrite the header
  }
  const auto size = fs::file_size(good);
  auto expect_refused = [&](const std::string& path, const char* what) {
    const auto before = sha256_file(path);
    try {
      RunStore s(path);
      ADD_FAILURE() << "opened " << what;
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("left untouched"), std::string::npos) << e.what();
    }
    EXPECT_EQ(sha256_file(path), before) << what << " was modified";
    EXPECT_FALSE(fs::exists(path + "-wal") && fs::file_size(path + "-wal") > 0) << what;
  };
  const auto truncated = file("truncated.db");
  fs::copy_file(good, truncated);
  fs::resize_file(truncated, size / 2 + 100);
  expect_refused(truncated, "a truncated file");

  const auto damaged = file("damaged.db");
  fs::copy_file(good, damaged);
  {
    std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string junk(8192, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  expect_refused(damaged, "a file with damaged pages");

  const auto newer = file("newer.db");
  fs::copy_file(good, newer);
  {
    SQLite::Database raw(newer, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  expect_refused(newer, "a newer schema");
}

// Listing and filtering 1,000 runs: the time is reported, not asserted (shared, noisy machines).
TEST_F(StoreContent, ListsAndFiltersAThousandRuns) {
  RunStore s(file("many.db"));
  const char* methods[] = {"dense", "learned_sparse", "fixed_sparse", "lora"};
  for (int i = 0; i < 1000; ++i) {
    RunRecord r;
    r.preset = "p" + std::to_string(i % 13);
    r.method = methods[i % 4];
    r.seed = i;
    r.config_json = R"({"lora":{"r":)" + std::to_string(1 << (i % 6)) + R"(},"train":{"seed":)" + std::to_string(i) + "}}";
    const auto id = s.create_run(r);
    s.finish_run(id, i % 7 ? RunStatus::Finished : RunStatus::Failed, "",
                 RunTotals{R"({"test/accuracy":)" + std::to_string((i * 37 % 100) / 100.0) + "}", 1.0, 1.0, 1, 1});
    if (i % 10 == 0) s.add_tag(id, "tenth");
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto all = s.list_runs();
  const auto t1 = std::chrono::steady_clock::now();
  RunFilter f;
  f.status = "finished";
  f.method = "learned_sparse";
  f.where = {{"lora.r", "2"}};  // runs with i % 4 == 1 and i % 6 == 1
  f.order_by = "summary:test/accuracy";
  const auto some = s.list_runs(f);
  RunFilter t;
  t.tag = "tenth";
  const auto tagged = s.count_runs(t);
  const auto t2 = std::chrono::steady_clock::now();
  EXPECT_EQ(all.size(), 1000u);
  EXPECT_EQ(tagged, 100);
  for (const auto& r : some) EXPECT_EQ(r.method, "learned_sparse");
  EXPECT_EQ(some.size(), 72u);  // i % 12 == 1 (84 runs) less the failed ones (i % 7 == 0)
  const double list_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const double filter_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
  RecordProperty("list_1000_ms", std::to_string(list_ms));
  std::printf("1,000 runs: list all %.1f ms, filter + sort + tag count %.1f ms\n", list_ms, filter_ms);
}

}  // namespace
}  // namespace etlab
