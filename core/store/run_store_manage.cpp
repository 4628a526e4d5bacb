// SPDX-License-Identifier: MIT
// RunStore: renaming, tags, notes, the bin, checkpoint retention, vacuum.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/config/paths.h"
#include "core/store/store_internal.h"

namespace etlab {

namespace fs = std::filesystem;
using namespace store_detail;

namespace {

void update_text(RunStore::Impl& impl, const std::string& id, const char* sql, const std::string& value) {
  require_writable(impl);
  SQLite::Statement q(*impl.db, sql);
  q.bind(1, value);
  q.bind(2, id);
  if (q.exec() == 0) throw StoreError("no run '" + id + "' in the database");
}

int64_t file_size_or_zero(const std::string& path) {
  std::error_code ec;
  const auto n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(n);
}

int64_t database_bytes(const std::string& path) {
  return file_size_or_zero(path) + file_size_or_zero(path + "-wal");
}

}  // namespace

void RunStore::add_tag(const std::string& id, const std::string& tag) {
  require_writable(*impl_);
  if (tag.empty()) throw StoreError("a tag cannot be empty");
  require_run(*impl_->db, id);
  SQLite::Statement q(*impl_->db, "INSERT OR IGNORE INTO run_tags(run_id, tag) VALUES(?, ?)");
  q.bind(1, id);
  q.bind(2, tag);
  q.exec();
}

void RunStore::remove_tag(const std::string& id, const std::string& tag) {
  require_writable(*impl_);
  require_run(*impl_->db, id);
  SQLite::Statement q(*impl_->db, "DELETE FROM run_tags WHERE run_id = ? AND tag = ?");
  q.bind(1, id);
  q.bind(2, tag);
  q.exec();
}

void RunStore::rename_run(const std::string& id, const std::string& name) {
  update_text(*impl_, id, "UPDATE runs SET name = ? WHERE id = ?", name);
}

void RunStore::set_notes(const std::string& id, const std::string& notes) {
  update_text(*impl_, id, "UPDATE runs SET notes = ? WHERE id = ?", notes);
}

void RunStore::set_experiment(const std::string& id, const std::string& experiment) {
  require_writable(*impl_);
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  require_run(db, id);
  if (experiment.empty()) {
    SQLite::Statement q(db, "UPDATE runs SET experiment_id = NULL WHERE id = ?");
    q.bind(1, id);
    q.exec();
  } else {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO experiments(name, created) VALUES(?, ?)");
    ins.bind(1, experiment);
    ins.bind(2, utc_now());
    ins.exec();
    SQLite::Statement q(db, "UPDATE runs SET experiment_id = (SELECT id FROM experiments WHERE name = ?) WHERE id = ?");
    q.bind(1, experiment);
    q.bind(2, id);
    q.exec();
  }
  tx.commit();
}

void RunStore::delete_run(const std::string& id) {
  require_writable(*impl_);
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement s(db, "SELECT status FROM runs WHERE id = ?");
  s.bind(1, id);
  if (!s.executeStep()) throw StoreError("no run '" + id + "' in the database");
  if (s.getColumn(0).getString() == "running")
    throw StoreError("run " + id + " is running; cancel it before deleting it");
  SQLite::Statement q(db, "UPDATE runs SET deleted = 1, deleted_at = ? WHERE id = ? AND deleted = 0");
  q.bind(1, utc_now());
  q.bind(2, id);
  q.exec();
  tx.commit();
}

void RunStore::restore_run(const std::string& id) {
  require_writable(*impl_);
  require_run(*impl_->db, id);
  SQLite::Statement q(*impl_->db, "UPDATE runs SET deleted = 0, deleted_at = NULL WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

CleanupReport RunStore::empty_bin(bool dry_run) {
  if (!dry_run) require_writable(*impl_);
  auto& db = *impl_->db;
  CleanupReport report;
  std::vector<std::string> ids;
  {
    // A binned run that another run was fine-tuned from stays until that run goes too: its weights
    // are the other run's base.
    SQLite::Statement q(db,
                        "SELECT id, EXISTS(SELECT 1 FROM runs o WHERE o.base_run = r.id AND o.deleted = 0) FROM runs r "
                        "WHERE r.deleted = 1 AND r.status != 'running'");
    while (q.executeStep()) {
      const std::string id = q.getColumn(0).getString();
      if (q.getColumn(1).getInt()) {
        report.notes.push_back("kept " + id + ": runs outside the bin were fine-tuned from it");
        continue;
      }
      ids.push_back(id);
    }
  }
  const fs::path artifacts(artifacts_dir());
  auto count_files = [&](const std::string& id) {
    if (!valid_run_id(id)) return;  // never a path outside the run's own folder
    const fs::path dir = artifacts / id;
    std::error_code ec;
    if (fs::is_directory(dir, ec))
      for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) {
          ++report.files;
          report.bytes += file_size_or_zero(entry.path().string());
          report.paths.push_back(fs::relative(entry.path(), artifacts.parent_path(), ec).string());
        }
  };
  if (dry_run) {
    report.runs = static_cast<int64_t>(ids.size());
    for (const auto& id : ids) count_files(id);
    return report;
  }
  // Rows first (one transaction), files after, and only for the runs whose rows went: a run restored
  // or resumed meanwhile keeps its files; a crash in between leaves orphan files, never dangling rows.
  std::vector<std::string> removed;
  {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement del(db, "DELETE FROM runs WHERE id = ? AND deleted = 1 AND status != 'running'");
    SQLite::Statement bench(db, "DELETE FROM benchmarks WHERE run_id = ?");
    for (const auto& id : ids) {
      del.bind(1, id);
      const int n = del.exec();
      del.reset();
      if (n != 1) continue;
      bench.bind(1, id);
      bench.exec();
      bench.reset();
      removed.push_back(id);
    }
    tx.commit();
  }
  report.runs = static_cast<int64_t>(removed.size());
  for (const auto& id : removed) {
    count_files(id);
    if (!valid_run_id(id)) continue;
    std::error_code ec;
    fs::remove_all(artifacts / id, ec);
    fs::remove(run_lock_path(impl_->path, id), ec);
  }
  return report;
}

CleanupReport RunStore::prune_checkpoints(const std::string& keep, const std::vector<std::string>& run_ids, bool dry_run) {
  std::set<std::string> kinds;
  for (size_t a = 0; a <= keep.size();) {
    size_t b = keep.find(',', a);
    if (b == std::string::npos) b = keep.size();
    const std::string k = keep.substr(a, b - a);
    if (k != "last" && k != "best" && k != "none")
      throw StoreError("checkpoint retention '" + k + "' is not one of last, best, none (or last,best)");
    if (k != "none") kinds.insert(k);
    a = b + 1;
  }
  if (!dry_run) require_writable(*impl_);
  auto& db = *impl_->db;
  std::vector<std::string> ids;
  {
    SQLite::Statement q(db, "SELECT id, status FROM runs");
    std::set<std::string> wanted(run_ids.begin(), run_ids.end());
    std::set<std::string> seen;
    while (q.executeStep()) {
      const std::string id = q.getColumn(0).getString();
      seen.insert(id);
      // Only finished runs: the others keep what resuming needs.
      if (q.getColumn(1).getString() == "finished" && (wanted.empty() || wanted.count(id))) ids.push_back(id);
    }
    for (const auto& w : wanted)
      if (!seen.count(w)) throw StoreError("no run '" + w + "' in the database");
  }
  CleanupReport report;
  std::set<std::string> bases;  // runs others were fine-tuned from: their final weights stay
  {
    SQLite::Statement q(db, "SELECT DISTINCT base_run FROM runs WHERE base_run != ''");
    while (q.executeStep()) bases.insert(q.getColumn(0).getString());
  }
  std::vector<std::pair<std::string, CheckpointRecord>> doomed;
  for (const auto& id : ids) {
    const auto all = checkpoints(id);
    // "last": the final weights (model/adapter at the highest step); "best": the best-validation weights.
    int64_t last_step = -1;
    for (const auto& c : all)
      if (c.kind == "model" || c.kind == "adapter") last_step = std::max(last_step, c.step);
    bool counted = false;
    for (const auto& c : all) {
      const bool is_last = (c.kind == "model" || c.kind == "adapter") && c.step == last_step;
      const bool is_best = c.kind == "best";
      if ((is_last && kinds.count("last")) || (is_best && kinds.count("best"))) continue;
      if (is_last && bases.count(id)) {
        report.notes.push_back("kept the final weights of " + id + ": other runs were fine-tuned from it");
        continue;
      }
      doomed.emplace_back(id, c);
      report.bytes += c.bytes;
      report.paths.push_back(c.path);
      ++report.files;
      if (!counted) ++report.runs, counted = true;
    }
  }
  if (dry_run || doomed.empty()) return report;
  {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement del(db, "DELETE FROM checkpoints WHERE run_id = ? AND step = ? AND kind = ?");
    for (const auto& [id, c] : doomed) {
      del.bind(1, id);
      del.bind(2, c.step);
      del.bind(3, c.kind);
      del.exec();
      del.reset();
    }
    tx.commit();
  }
  for (const auto& [id, c] : doomed) {
    std::error_code ec;
    try {
      fs::remove(checked_artifact_path(impl_->path, c.path, id), ec);
    } catch (const StoreError&) {
      // A row naming a file outside its run's folder: the row is gone, the file is left alone.
    }
  }
  return report;
}

std::pair<int64_t, int64_t> RunStore::vacuum() {
  require_writable(*impl_);
  auto& db = *impl_->db;
  const int64_t before = database_bytes(impl_->path);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.exec("VACUUM");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return {before, database_bytes(impl_->path)};
}

}  // namespace etlab
