// SPDX-License-Identifier: MIT
#pragma once

// Internal to the store: the connection behind RunStore and helpers shared by its source files.

#include <memory>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/run_store.h"

namespace etlab {

struct RunStore::Impl {
  std::string path;
  bool read_only = false;
  std::unique_ptr<SQLite::Database> db;
};

namespace store_detail {

inline std::string blob_text(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes()));
}

inline std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

inline const char* const kRunColumns =
    "id, name, preset, COALESCE((SELECT name FROM experiments e WHERE e.id = runs.experiment_id), ''), status, reason, "
    "created, started, finished, heartbeat, config, environment, summary, method, task, notes, base_run, seed, "
    "params_total, params_trainable, step, peak_bytes, wall_seconds, tokens_per_second, owner_pid, owner_host, deleted";

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
  return r;
}


}  // namespace store_detail
}  // namespace etlab
