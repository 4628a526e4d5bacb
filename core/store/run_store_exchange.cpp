// SPDX-License-Identifier: MIT
// RunStore: export runs to a self-contained database, merge another database in (idempotent by UUID).
#include <filesystem>
#include <functional>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/config/paths.h"
#include "core/config/file_hash.h"
#include "core/store/store_internal.h"
#include "core/store/write_failure.h"

namespace etlab {

namespace fs = std::filesystem;
using namespace store_detail;

namespace {

// Tables keyed by run_id whose rows travel with a run (checkpoints and benchmarks are handled apart).
const char* const kRunTables[] = {"run_tags", "module_params", "metrics", "evals", "probes", "selections",
                                  "attn_probs", "spectra", "adapter_vectors"};

std::string columns_of(SQLite::Database& db, const std::string& table, const std::set<std::string>& skip = {}) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, table);
  std::string cols;
  while (q.executeStep()) {
    const std::string c = q.getColumn(0).getString();
    if (skip.count(c)) continue;
    cols += (cols.empty() ? "" : ", ") + ("\"" + c + "\"");
  }
  return cols;
}

// Checks that `path` is an etlab database this build can read, without writing to it (the same checks
// as opening a store, plus: it must already hold an etlab schema).
void inspect_source(const std::string& path) {
  if (!fs::exists(path)) throw StoreError("no database at " + path);
  if (fs::is_directory(path)) throw StoreError(path + " is a folder, not a database file");
  check_sqlite_header(path);
  if (fs::file_size(path) == 0 || inspect_existing(path, true) == 0)
    throw StoreError(path + " is not an etlab database (no etlab runs schema)");
}

// Copies the files behind the source's checkpoint rows of `ids` into this database's artifacts
// folder (`<artifacts>/<run>/<file>`, never over an existing file), verifying each copy's hash.
// Returns (source relative path -> destination relative path) for the rows whose files arrived;
// `written` lists the files this call created (and only those are removed if the merge fails).
std::map<std::string, std::string> copy_checkpoint_files(SQLite::Database& db, const std::string& source_db,
                                                         const std::string& dest_db, const std::vector<std::string>& ids,
                                                         ExchangeReport& report, std::vector<std::string>& written) {
  std::map<std::string, std::string> moved;
  const std::string dest_prefix = fs::path(artifacts_dir_for(dest_db)).filename().string();
  SQLite::Statement q(db, "SELECT path, sha256, bytes FROM src.checkpoints WHERE run_id = ?");
  for (const auto& id : ids) {
    q.bind(1, id);
    while (q.executeStep()) {
      const std::string rel = q.getColumn(0).getString();
      const std::string sha = q.getColumn(1).getString();
      std::string from;
      try {
        from = checked_artifact_path(source_db, rel, id);
      } catch (const StoreError&) {
        report.missing_files.push_back(rel + " (not a file of its run's own folder)");
        continue;
      }
      if (!fs::is_regular_file(from)) {
        report.missing_files.push_back(rel);
        continue;
      }
      const std::string dest_rel = (fs::path(dest_prefix) / id / fs::path(rel).filename()).string();
      const std::string to = checked_artifact_path(dest_db, dest_rel, id);
      if (fs::exists(to)) {
        report.missing_files.push_back(rel + " (a file of that name already exists here; not overwritten)");
        continue;
      }
      fs::create_directories(fs::path(to).parent_path());
      const std::string tmp = to + "." + new_uuid() + ".partial";
      fs::copy_file(from, tmp);
      if (sha256_file(tmp) != sha) {
        fs::remove(tmp);
        report.missing_files.push_back(rel + " (its hash does not match the database)");
        continue;
      }
      std::error_code ec;
      fs::create_hard_link(tmp, to, ec);  // fails if `to` appeared meanwhile: never replaces a file
      if (ec && ec != std::errc::file_exists && !fs::exists(to)) {
        ec.clear();
        fs::rename(tmp, to, ec);  // a file system without hard links
      }
      std::error_code ignored;
      fs::remove(tmp, ignored);
      if (ec) {
        report.missing_files.push_back(rel + " (a file of that name appeared here meanwhile; not overwritten)");
        continue;
      }
      written.push_back(to);
      moved[rel] = dest_rel;
      ++report.checkpoints;
      report.checkpoint_bytes += q.getColumn(2).getInt64();
    }
    q.reset();
  }
  return moved;
}

}  // namespace

namespace store_detail {

// Copies runs from the database attached as "src" (at the current schema) into "main".
// `only`: the run ids to consider (empty = all). Files are copied first, rows committed after, so a
// crash leaves at most orphan files, never rows that point at missing files. `also` runs inside the
// same transaction: what it writes lands with the runs or not at all.
ExchangeReport copy_runs_from_attached(RunStore::Impl& impl, const std::string& source_db, const std::string& origin,
                                       const std::vector<std::string>& only, bool with_checkpoints,
                                       const std::function<void(SQLite::Database&)>& also = {}) {
  auto& db = *impl.db;
  ExchangeReport report;
  std::vector<std::string> ids;
  {
    SQLite::Statement q(db, "SELECT s.id, EXISTS(SELECT 1 FROM main.runs m WHERE m.id = s.id) FROM src.runs s ORDER BY s.created");
    const std::set<std::string> wanted(only.begin(), only.end());
    while (q.executeStep()) {
      const std::string id = q.getColumn(0).isNull() ? std::string() : q.getColumn(0).getString();
      if (!wanted.empty() && !wanted.count(id)) continue;
      if (!valid_run_id(id)) {
        report.invalid.push_back(id);  // not a UUID: it could name folders outside the artifacts
        continue;
      }
      (q.getColumn(1).getInt() ? report.skipped : ids).push_back(id);
    }
  }
  report.copied = ids;
  if (ids.empty()) {
    if (also) {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      also(db);
      tx.commit();
    }
    return report;
  }
  std::vector<std::string> written;
  std::map<std::string, std::string> moved;
  try {
    if (with_checkpoints) moved = copy_checkpoint_files(db, source_db, impl.path, ids, report, written);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec("CREATE TEMP TABLE IF NOT EXISTS copy_ids(id TEXT PRIMARY KEY)");
    db.exec("DELETE FROM temp.copy_ids");
    {
      SQLite::Statement ins(db, "INSERT INTO temp.copy_ids(id) VALUES(?)");
      for (const auto& id : ids) {
        ins.bind(1, id);
        ins.exec();
        ins.reset();
      }
    }
    db.exec("INSERT OR IGNORE INTO main.experiments(name, created, notes) SELECT name, created, notes FROM src.experiments "
            "WHERE id IN (SELECT experiment_id FROM src.runs WHERE id IN (SELECT id FROM temp.copy_ids))");
    const std::string run_cols = columns_of(db, "runs", {"experiment_id", "status", "reason", "origin"});
    {
      // A run still "running" in the source was cut off there: it arrives interrupted.
      SQLite::Statement q(db,
                          "INSERT INTO main.runs(" + run_cols + ", experiment_id, status, reason, origin) SELECT " + run_cols +
                              ", (SELECT m.id FROM main.experiments m JOIN src.experiments e ON e.name = m.name "
                              "WHERE e.id = r.experiment_id), "
                              "CASE WHEN r.status = 'running' THEN 'interrupted' ELSE r.status END, "
                              "CASE WHEN r.status = 'running' THEN 'was running in ' || ? || ' when it was copied' "
                              "ELSE r.reason END, "
                              "CASE WHEN r.origin != '' THEN r.origin ELSE ? END "
                              "FROM src.runs r WHERE r.id IN (SELECT id FROM temp.copy_ids)");
      q.bind(1, origin);
      q.bind(2, origin);
      q.exec();
    }
    for (const char* table : kRunTables) {
      const std::string cols = columns_of(db, table);
      db.exec(std::string("INSERT INTO main.") + table + "(" + cols + ") SELECT " + cols + " FROM src." + table +
              " WHERE run_id IN (SELECT id FROM temp.copy_ids)");
    }
    {
      const std::string cols = columns_of(db, "benchmarks", {"id"});
      db.exec("INSERT INTO main.benchmarks(" + cols + ") SELECT " + cols + " FROM src.benchmarks WHERE run_id IN "
              "(SELECT id FROM temp.copy_ids)");
    }
    if (with_checkpoints) {
      SQLite::Statement q(db,
                          "INSERT INTO main.checkpoints(run_id, step, kind, path, sha256, bytes, created) "
                          "SELECT run_id, step, kind, ?, sha256, bytes, created FROM src.checkpoints WHERE path = ? AND "
                          "run_id IN (SELECT id FROM temp.copy_ids)");
      for (const auto& [from, to] : moved) {
        q.bind(1, to);
        q.bind(2, from);
        q.exec();
        q.reset();
      }
    }
    db.exec("DELETE FROM temp.copy_ids");
    if (also) also(db);
    tx.commit();
  } catch (...) {
    for (const auto& f : written) {
      std::error_code ec;
      fs::remove(f, ec);
    }
    throw;
  }
  return report;
}

}  // namespace store_detail

namespace {

// Benchmarks that belong to no run travel as well, once (matched on their content).
void copy_loose_benchmarks(SQLite::Database& db) {
  const std::string cols = columns_of(db, "benchmarks", {"id"});
  db.exec("INSERT INTO main.benchmarks(" + cols + ") SELECT " + cols + " FROM src.benchmarks s WHERE s.run_id IS NULL AND "
          "NOT EXISTS(SELECT 1 FROM main.benchmarks m WHERE m.run_id IS NULL AND m.created = s.created AND "
          "m.method = s.method AND m.n = s.n AND m.mode = s.mode AND m.device = s.device AND m.kernel = s.kernel AND "
          "m.batch = s.batch AND m.heads = s.heads AND m.dim = s.dim AND m.block = s.block AND m.k = s.k AND "
          "m.time_ms = s.time_ms)");
}

struct Attached {
  SQLite::Database& db;
  Attached(SQLite::Database& d, const std::string& path) : db(d) {
    SQLite::Statement q(db, "ATTACH DATABASE ? AS src");
    q.bind(1, path);
    q.exec();
  }
  ~Attached() {
    try {
      db.exec("DETACH DATABASE src");
    } catch (...) {
    }
  }
};

}  // namespace

ExchangeReport RunStore::merge_from(const std::string& source_path, bool with_checkpoints) {
  require_writable(*impl_);
  inspect_source(source_path);
  std::error_code ec;
  if (fs::equivalent(source_path, impl_->path, ec)) throw StoreError("cannot merge " + source_path + " into itself");
  // A consistent snapshot of the source (its WAL included), brought to this schema; the source
  // itself is only ever read.
  const fs::path snapshot =
      fs::absolute(fs::path(impl_->path)).parent_path() / ("." + fs::path(impl_->path).stem().string() + ".merge-" + new_uuid() + ".db");
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code e;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix, e);
    }
  } cleanup{snapshot};
  try {
    SQLite::Database src(source_path, SQLite::OPEN_READONLY, 10000);
    SQLite::Statement q(src, "VACUUM INTO ?");
    q.bind(1, snapshot.string());
    q.exec();
  } catch (const SQLite::Exception& e) {
    // The snapshot is written next to this database: a full disk there is not the source's fault.
    if (is_write_failure(e.what()))
      throw StoreError("cannot merge " + source_path + " into " + impl_->path + ": could not write its snapshot in " +
                       snapshot.parent_path().string() + " (" + e.what() +
                       "): the disk may be full or a file-size limit reached; nothing was imported: free some space and "
                       "merge again");
    throw StoreError("cannot read " + source_path + ": " + e.what());
  }
  // A damaged or hand-edited file (rows pointing at runs it lacks, broken pages) is refused whole: the
  // copy below is one transaction, so nothing of it lands here either way.
  try {
    {
      SQLite::Database check(snapshot.string(), SQLite::OPEN_READONLY);
      const std::string integrity = check.execAndGet("PRAGMA integrity_check").getString();
      if (integrity != "ok") throw StoreError(source_path + " is damaged (" + integrity.substr(0, 200) + "); nothing was imported");
      SQLite::Statement fk(check, "PRAGMA foreign_key_check");
      if (fk.executeStep())
        throw StoreError(source_path + " is inconsistent: table " + fk.getColumn(0).getString() +
                         " has rows that refer to missing ones; nothing was imported");
    }
    { RunStore migrate(snapshot.string(), false, /*keep_backup=*/false); }  // older schemas are brought forward in the snapshot
    Attached attached(*impl_->db, snapshot.string());
    // Runs and the benchmarks that belong to no run arrive in one transaction.
    return copy_runs_from_attached(*impl_, source_path, fs::absolute(source_path).string(), {}, with_checkpoints,
                                   copy_loose_benchmarks);
  } catch (const SQLite::Exception& e) {
    // A full disk here is this database's problem, not the source's.
    if (is_write_failure(e.what()))
      throw StoreError("cannot merge " + source_path + " into " + impl_->path + ": could not write (" + e.what() +
                       "): the disk may be full or a file-size limit reached; nothing was imported: free some space and "
                       "merge again");
    throw StoreError("cannot merge " + source_path + ": " + e.what() + " (the file may be damaged); nothing was imported");
  }
}

ExchangeReport RunStore::export_runs(const std::vector<std::string>& ids, const std::string& out_path,
                                     bool with_checkpoints) const {
  std::vector<std::string> full;
  for (const auto& id : ids) {
    auto run = find_run(id);
    if (!run) throw StoreError("no run '" + id + "' in " + impl_->path);
    full.push_back(run->id);
  }
  if (full.empty()) throw StoreError("name at least one run to export");
  if (fs::exists(out_path)) throw StoreError(out_path + " already exists; choose a new file (nothing was overwritten)");
  const std::string out_artifacts = artifacts_dir_for(out_path);
  const bool artifacts_existed = fs::exists(out_artifacts);
  try {
    RunStore out(out_path);
    Attached attached(*out.impl_->db, impl_->path);
    return copy_runs_from_attached(*out.impl_, impl_->path, fs::absolute(impl_->path).string(), full, with_checkpoints);
  } catch (...) {
    // A failed export leaves nothing behind: the file (and the folder) did not exist before.
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(out_path + suffix, ec);
    if (!artifacts_existed) fs::remove_all(out_artifacts, ec);
    throw;
  }
}

}  // namespace etlab
