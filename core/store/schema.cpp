// SPDX-License-Identifier: MIT
#include "core/store/schema.h"

namespace etlab {

namespace {

// 0 -> 1: the first schema (its statements verbatim, as released).
std::vector<std::string> first_schema() {
  return {
          R"(CREATE TABLE experiments(
               id INTEGER PRIMARY KEY,
               name TEXT NOT NULL UNIQUE,
               created TEXT NOT NULL,
               notes TEXT NOT NULL DEFAULT ''))",
          R"(CREATE TABLE runs(
               id TEXT PRIMARY KEY,
               experiment_id INTEGER REFERENCES experiments(id),
               name TEXT NOT NULL DEFAULT '',
               preset TEXT NOT NULL DEFAULT '',
               status TEXT NOT NULL CHECK(status IN ('queued','running','finished','failed','cancelled','interrupted')),
               reason TEXT NOT NULL DEFAULT '',
               created TEXT NOT NULL,
               started TEXT,
               finished TEXT,
               heartbeat TEXT,
               config TEXT NOT NULL,
               environment TEXT NOT NULL DEFAULT '{}',
               summary TEXT NOT NULL DEFAULT '{}',
               method TEXT NOT NULL DEFAULT '',
               task TEXT NOT NULL DEFAULT '',
               seed INTEGER NOT NULL DEFAULT 0,
               params_total INTEGER NOT NULL DEFAULT 0,
               params_trainable INTEGER NOT NULL DEFAULT 0,
               step INTEGER NOT NULL DEFAULT 0,
               wall_seconds REAL NOT NULL DEFAULT 0,
               tokens_per_second REAL NOT NULL DEFAULT 0,
               peak_bytes INTEGER NOT NULL DEFAULT 0,
               owner_pid INTEGER NOT NULL DEFAULT 0,
               owner_host TEXT NOT NULL DEFAULT '',
               base_run TEXT NOT NULL DEFAULT '',
               notes TEXT NOT NULL DEFAULT '',
               deleted INTEGER NOT NULL DEFAULT 0))",
          "CREATE INDEX runs_created ON runs(created)",
          "CREATE INDEX runs_preset ON runs(preset, status)",
          R"(CREATE TABLE run_tags(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               tag TEXT NOT NULL,
               PRIMARY KEY(run_id, tag)) WITHOUT ROWID)",
          R"(CREATE TABLE module_params(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               module TEXT NOT NULL,
               total INTEGER NOT NULL,
               trainable INTEGER NOT NULL,
               PRIMARY KEY(run_id, module)) WITHOUT ROWID)",
          R"(CREATE TABLE metrics(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               key TEXT NOT NULL,
               step INTEGER NOT NULL,
               value REAL NOT NULL,
               wall REAL NOT NULL DEFAULT 0,
               PRIMARY KEY(run_id, key, step)) WITHOUT ROWID)",
          R"(CREATE TABLE evals(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               split TEXT NOT NULL,
               metric TEXT NOT NULL,
               step INTEGER NOT NULL,
               value REAL NOT NULL,
               PRIMARY KEY(run_id, split, metric, step)) WITHOUT ROWID)",
          R"(CREATE TABLE probes(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               idx INTEGER NOT NULL,
               split TEXT NOT NULL,
               label INTEGER NOT NULL,
               text TEXT NOT NULL,
               tokens BLOB NOT NULL,
               PRIMARY KEY(run_id, idx)) WITHOUT ROWID)",
          R"(CREATE TABLE selections(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               probe INTEGER NOT NULL,
               step INTEGER NOT NULL,
               layer INTEGER NOT NULL,
               head INTEGER NOT NULL,
               q_blocks INTEGER NOT NULL,
               k_blocks INTEGER NOT NULL,
               block INTEGER NOT NULL,
               bits BLOB NOT NULL,
               PRIMARY KEY(run_id, probe, step, layer, head)) WITHOUT ROWID)",
          R"(CREATE TABLE attn_probs(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               probe INTEGER NOT NULL,
               step INTEGER NOT NULL,
               layer INTEGER NOT NULL,
               head INTEGER NOT NULL,
               rows INTEGER NOT NULL,
               cols INTEGER NOT NULL,
               pooled INTEGER NOT NULL,
               encoding TEXT NOT NULL,
               data BLOB NOT NULL,
               PRIMARY KEY(run_id, probe, step, layer, head)))",
          R"(CREATE TABLE spectra(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               step INTEGER NOT NULL,
               module TEXT NOT NULL,
               layer INTEGER NOT NULL,
               kind TEXT NOT NULL,
               singular BLOB NOT NULL,
               stable_rank REAL NOT NULL,
               effective_rank REAL NOT NULL,
               PRIMARY KEY(run_id, step, module, layer)) WITHOUT ROWID)",
          R"(CREATE TABLE adapter_vectors(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               step INTEGER NOT NULL,
               module TEXT NOT NULL,
               layer INTEGER NOT NULL,
               rows INTEGER NOT NULL,
               cols INTEGER NOT NULL,
               data BLOB NOT NULL,
               PRIMARY KEY(run_id, step, module, layer)))",
          R"(CREATE TABLE checkpoints(
               run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               step INTEGER NOT NULL,
               kind TEXT NOT NULL,
               path TEXT NOT NULL,
               sha256 TEXT NOT NULL,
               bytes INTEGER NOT NULL,
               created TEXT NOT NULL,
               PRIMARY KEY(run_id, step, kind)) WITHOUT ROWID)",
          R"(CREATE TABLE benchmarks(
               id INTEGER PRIMARY KEY,
               run_id TEXT,
               created TEXT NOT NULL,
               method TEXT NOT NULL,
               n INTEGER NOT NULL,
               batch INTEGER NOT NULL,
               heads INTEGER NOT NULL,
               dim INTEGER NOT NULL,
               block INTEGER NOT NULL,
               k INTEGER NOT NULL,
               device TEXT NOT NULL,
               threads INTEGER NOT NULL,
               kernel TEXT NOT NULL,
               mode TEXT NOT NULL,
               time_ms REAL NOT NULL,
               time_spread_ms REAL NOT NULL,
               peak_bytes INTEGER NOT NULL,
               flops REAL NOT NULL,
               extra TEXT NOT NULL DEFAULT '{}'))",
  };
}

}  // namespace

// Migrations only ever append: a released version's statements never change, so that every earlier
// file can be brought forward (the store tests open a fixture of each version).
const std::vector<std::vector<std::string>>& schema_migrations() {
  static const std::vector<std::vector<std::string>> migrations = {
      first_schema(),
      // 1 -> 2: the bin (when a run was deleted), where a merged run came from, indexes for the views' filters.
      {
          "ALTER TABLE runs ADD COLUMN deleted_at TEXT",
          "ALTER TABLE runs ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
          "UPDATE runs SET deleted_at = created WHERE deleted = 1",
          "CREATE INDEX runs_status ON runs(deleted, status)",
          "CREATE INDEX runs_method ON runs(method)",
          "CREATE INDEX run_tags_tag ON run_tags(tag)",
          "CREATE INDEX benchmarks_run ON benchmarks(run_id)",
      },
  };
  return migrations;
}

}  // namespace etlab
