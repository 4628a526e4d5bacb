// SPDX-License-Identifier: MIT
#pragma once

// Internal to the store: the connection behind RunStore and helpers shared by its source files.

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/run_store.h"

namespace etlab {

struct RunStore::Impl {
  std::string path;
  bool read_only = false;
  std::unique_ptr<SQLite::Database> db;

  // Runs this process owns: the advisory lock's file descriptor per run id, and the heartbeat
  // thread that keeps their heartbeats fresh (its own connection; SQLite connections are per thread).
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::string, int> owned;  ///< run id -> lock file descriptor
  bool stopping = false;
  std::thread heartbeat;

  ~Impl();
  /// Takes the run's lock; false when another process holds it.
  bool take_ownership(const std::string& id);
  /// Releases the lock (after the final status is written) and stops the heartbeat when idle.
  /// Lets go of a run. `abandon`: the run could not be finished; its lock file stays, unlocked, so that
  /// every reaper (this process's included) reads the run as interrupted, as after a crash.
  void release_ownership(const std::string& id, bool abandon = false);
  void heartbeat_loop();
  static void insert_run(SQLite::Database& db, const RunRecord& r);
};

namespace store_detail {

/// `<artifacts>/locks/<run id>.lock`: the advisory lock a run's owning process holds.
std::string run_lock_path(const std::string& db_path, const std::string& run_id);
/// "2026-11-30T04:10:00.123Z" (UTC, milliseconds).
std::string iso_time(std::chrono::system_clock::time_point t);
/// This machine's host name ("" when unknown).
std::string host_name();
enum class LockState { Held, Free, Absent };
/// Whether some process holds the run's lock (checked without keeping it).
LockState probe_run_lock(const std::string& db_path, const std::string& run_id);

/// Refuses (StoreError) a non-empty file that does not start with the SQLite header.
void check_sqlite_header(const std::string& path);
/// Validates an existing, non-empty database through a read-only connection (truncation, application
/// id, newer schema; with `full_check` also `quick_check`) and returns its schema version. Never writes.
int inspect_existing(const std::string& path, bool full_check);

/// Throws StoreError unless the run exists.
void require_run(SQLite::Database& db, const std::string& id);
/// Throws StoreError when the store was opened read-only.
void require_writable(const RunStore::Impl& impl);
/// A checkpoint path from the database, validated to name a file of that run's own artifact folder:
/// exactly `<artifacts folder>/<run id>/<file>`, nothing absolute, no "..". Throws StoreError otherwise.
std::string checked_artifact_path(const std::string& db_path, const std::string& relative, const std::string& run_id);
/// A run id usable as a folder name: 8-4-4-4-12 hexadecimal digits and dashes (a UUID).
bool valid_run_id(const std::string& id);

inline std::string blob_text(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes()));
}

inline std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

inline const char* const kRunColumns =
    "id, name, preset, COALESCE((SELECT name FROM experiments e WHERE e.id = runs.experiment_id), ''), status, reason, "
    "created, started, finished, heartbeat, config, environment, summary, method, task, notes, base_run, seed, "
    "params_total, params_trainable, step, peak_bytes, wall_seconds, tokens_per_second, owner_pid, owner_host, deleted, "
    "deleted_at, origin";

inline RunRecord read_run(SQLite::Statement& q) {
  RunRecord r;
  int i = 0;
  r.id = q.getColumn(i++).getString();
  r.name = q.getColumn(i++).getString();
  r.preset = q.getColumn(i++).getString();
  r.experiment = q.getColumn(i++).getString();
  r.status = q.getColumn(i++).getString();
  r.reason = q.getColumn(i++).getString();
  r.created = q.getColumn(i++).getString();
  r.started = text_or_empty(q.getColumn(i++));
  r.finished = text_or_empty(q.getColumn(i++));
  r.heartbeat = text_or_empty(q.getColumn(i++));
  r.config_json = q.getColumn(i++).getString();
  r.environment_json = q.getColumn(i++).getString();
  r.summary_json = q.getColumn(i++).getString();
  r.method = q.getColumn(i++).getString();
  r.task = q.getColumn(i++).getString();
  r.notes = q.getColumn(i++).getString();
  r.base_run = q.getColumn(i++).getString();
  r.seed = q.getColumn(i++).getInt64();
  r.params_total = q.getColumn(i++).getInt64();
  r.params_trainable = q.getColumn(i++).getInt64();
  r.step = q.getColumn(i++).getInt64();
  r.peak_bytes = q.getColumn(i++).getInt64();
  r.wall_seconds = q.getColumn(i++).getDouble();
  r.tokens_per_second = q.getColumn(i++).getDouble();
  r.owner_pid = q.getColumn(i++).getInt64();
  r.owner_host = q.getColumn(i++).getString();
  r.deleted = q.getColumn(i++).getInt() != 0;
  r.deleted_at = text_or_empty(q.getColumn(i++));
  r.origin = q.getColumn(i++).getString();
  return r;
}


}  // namespace store_detail
}  // namespace etlab
