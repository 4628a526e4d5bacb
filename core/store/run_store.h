// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/store/records.h"

namespace etlab {

/// The database cannot be used: not an etlab database, corrupt, newer schema, locked, unwritable.
/// The file is never modified when this is thrown while opening.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Filters for RunStore::list_runs (empty fields match everything).
struct RunFilter {
  std::string status;       ///< one status name
  std::string method;       ///< e.g. "learned_sparse"
  std::string preset;
  std::string tag;
  std::string config_key;   ///< dotted config path, e.g. "lora.r"
  std::string config_value; ///< its value as JSON text, e.g. "8" or "\"q\""
  bool include_deleted = false;
  std::string order_by = "created";  ///< created | status | preset | method | name
  bool descending = true;
  int64_t limit = -1, offset = 0;
};

/// One SQLite file holding every run completely (schema in schema.cpp, versioned by user_version).
/// Opening migrates older schemas forward. Each thread must use its own RunStore.
///
///   RunStore store(default_db_path());
///   const std::string id = store.create_run(record);
///   store.write_batch(id, batch);  // one transaction per logging interval
class RunStore {
 public:
  static constexpr int kSchemaVersion = 1;

  /// Opens (creating the file and its folder when absent, unless read-only). Throws StoreError.
  explicit RunStore(const std::string& path, bool read_only = false);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const;
  bool read_only() const;
  /// Folder for checkpoints: `<db folder>/<db stem>-artifacts`.
  std::string artifacts_dir() const;

  // --- writing ---------------------------------------------------------------------------------
  /// Inserts a run (a UUID and creation time are assigned when empty); returns its id.
  std::string create_run(RunRecord record);
  /// Marks a run running and owned by this process, but only if its status is one of `from`
  /// (atomically: two processes can never both claim a run). Returns false when it was not.
  bool claim_run(const std::string& id, const std::vector<std::string>& from = {"queued"});
  void set_status(const std::string& id, RunStatus status, const std::string& reason);
  void set_environment(const std::string& id, const std::string& environment_json);
  void set_params(const std::string& id, int64_t total, int64_t trainable, const std::vector<ModuleParams>& modules);
  void add_probes(const std::string& id, const std::vector<ProbeRecord>& probes);
  /// Writes one logging interval in a single transaction and refreshes the heartbeat.
  void write_batch(const std::string& id, const LogBatch& batch);
  /// Final status, summary and measurements.
  void finish_run(const std::string& id, RunStatus status, const std::string& reason, const RunTotals& totals);
  void add_benchmarks(const std::vector<BenchmarkRecord>& rows);
  void add_tag(const std::string& id, const std::string& tag);
  /// Forgets a checkpoint row (the caller deletes the file).
  void remove_checkpoint(const std::string& id, int64_t step, const std::string& kind);
  /// Runs still "running" whose heartbeat is older than `max_age_seconds` and whose owning process
  /// is gone become "interrupted". Returns how many changed.
  int reap_stale_runs(double max_age_seconds = 60.0);

  // --- reading ---------------------------------------------------------------------------------
  /// A run by full id or unique prefix (at least 4 characters). Throws StoreError when ambiguous.
  std::optional<RunRecord> find_run(const std::string& id_or_prefix) const;
  std::vector<RunRecord> list_runs(const RunFilter& filter = {}) const;
  std::vector<MetricPoint> metrics(const std::string& id, const std::string& key = {}) const;
  std::vector<EvalPoint> evals(const std::string& id) const;
  std::vector<ModuleParams> module_params(const std::string& id) const;
  std::vector<ProbeRecord> probes(const std::string& id) const;
  /// Selections of one probe; `step` < 0 means every recorded step.
  std::vector<SelectionRecord> selections(const std::string& id, int probe, int64_t step = -1) const;
  std::vector<ProbRecord> probabilities(const std::string& id, int probe, int64_t step = -1) const;
  std::vector<SpectrumRecord> spectra(const std::string& id, int64_t step = -1) const;
  std::vector<AdapterVectorsRecord> adapter_vectors(const std::string& id) const;
  std::vector<CheckpointRecord> checkpoints(const std::string& id) const;
  std::vector<BenchmarkRecord> benchmarks(const std::string& run_id = {}) const;
  std::vector<std::string> tags(const std::string& id) const;
  /// The newest finished run made from `preset`, if any.
  std::optional<RunRecord> latest_finished(const std::string& preset) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Current UTC time as ISO 8601 with milliseconds, e.g. "2026-11-27T23:59:59.123Z".
std::string utc_now();
/// A random (version 4) UUID.
std::string new_uuid();

}  // namespace etlab
