// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
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

/// A condition on the stored configuration: dotted path and value, e.g. {"lora.r", "8"}.
/// The value is JSON text ("8", "\"q\"", "true"); text that is not JSON is compared as a string.
struct ConfigCondition {
  std::string key, value;
};

/// Filters for RunStore::list_runs (empty fields match everything; all given conditions must hold).
struct RunFilter {
  std::string status;       ///< one status name
  std::string method;       ///< e.g. "learned_sparse"
  std::string preset;
  std::string task;
  std::string tag;
  std::string text;         ///< substring of the name, preset, notes or id
  std::vector<ConfigCondition> where;
  bool include_deleted = false;
  bool only_deleted = false;  ///< the bin
  /// created | status | preset | method | name | task | step | wall_seconds | tokens_per_second |
  /// peak_bytes | params_trainable, or "summary:<key>" (a final metric, e.g. "summary:test/accuracy").
  std::string order_by = "created";
  bool descending = true;
  int64_t limit = -1, offset = 0;
};

/// A point of a (possibly down-sampled) metric series: `value` is the mean over the bucket of steps
/// ending at `step`; `min` and `max` keep the bucket's extremes so spikes stay visible.
struct SeriesPoint {
  int64_t step = 0;
  double value = 0.0, min = 0.0, max = 0.0;
  int64_t count = 1;
  double wall = 0.0;  ///< seconds since the run started, at `step`
};

/// Summary of one metric series of a run.
struct MetricSummary {
  std::string key;
  int64_t count = 0;
  double last = 0.0, min = 0.0, max = 0.0, best = 0.0;
  int64_t last_step = 0, min_step = 0, max_step = 0, best_step = 0;
  bool lower_is_better = true;  ///< loss, perplexity, grad norm: lower; accuracy, F1: higher
};

/// Runs whose configurations differ only by seed, with mean and sample standard deviation of a final metric.
struct SeedGroup {
  std::string config_json;  ///< the shared configuration, seed removed
  std::string preset, method, task;
  std::vector<std::string> run_ids;
  std::vector<double> values;  ///< the metric per run (runs without it are left out)
  double mean = 0.0, stddev = 0.0;
};

/// How many artefacts of each kind a run holds.
struct ArtefactCounts {
  int64_t metrics = 0, evals = 0, probes = 0, selections = 0, probabilities = 0, spectra = 0, adapter_vectors = 0,
          checkpoints = 0, checkpoint_bytes = 0, benchmarks = 0, tags = 0;
};

/// What a clean-up did (or, in a dry run, would do).
struct CleanupReport {
  int64_t runs = 0, files = 0, bytes = 0;
  std::vector<std::string> paths;  ///< files removed (relative to the database's folder)
  std::vector<std::string> notes;  ///< what was kept on purpose, and why
};

/// What an export or merge copied.
struct ExchangeReport {
  std::vector<std::string> copied, skipped;  ///< run ids
  int64_t checkpoints = 0, checkpoint_bytes = 0;
  std::vector<std::string> missing_files;  ///< checkpoint files the source lacked (their rows were left out)
  std::vector<std::string> invalid;        ///< source runs whose id is not a UUID (refused)
};

/// One SQLite file holding every run completely (schema in schema.cpp, versioned by user_version).
/// Opening migrates older schemas forward. Each thread must use its own RunStore.
///
///   RunStore store(default_db_path());
///   const std::string id = store.create_run(record);
///   store.write_batch(id, batch);  // one transaction per logging interval
class RunStore {
 public:
  static constexpr int kSchemaVersion = 2;

  /// Opens (creating the file and its folder when absent, unless read-only). Throws StoreError.
  /// Before migrating an older schema, a copy of the file is kept beside it unless `keep_backup` is false.
  explicit RunStore(const std::string& path, bool read_only = false, bool keep_backup = true);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const;
  bool read_only() const;
  /// Folder for checkpoints: `<db folder>/<db stem>-artifacts`.
  std::string artifacts_dir() const;

  // --- writing ---------------------------------------------------------------------------------
  /// Inserts a run (a UUID and creation time are assigned when empty); returns its id. With `owned`,
  /// the run is created already running and owned by this process (as claim_run), in one step, so
  /// that a crash can never leave a run that was meant to start sitting in the queue.
  std::string create_run(RunRecord record, bool owned = false);
  /// Marks a run running and owned by this process, but only if its status is one of `from`
  /// (atomically: two processes can never both claim a run). Returns false when it was not.
  /// While the run is owned, this process holds an advisory lock on it (a file lock the system
  /// releases when the process dies, even by kill -9) and a background thread refreshes its
  /// heartbeat every `kHeartbeatSeconds`; finish_run releases both.
  bool claim_run(const std::string& id, const std::vector<std::string>& from = {"queued"});
  static constexpr double kHeartbeatSeconds = 10.0;
  void set_status(const std::string& id, RunStatus status, const std::string& reason);
  void set_environment(const std::string& id, const std::string& environment_json);
  void set_params(const std::string& id, int64_t total, int64_t trainable, const std::vector<ModuleParams>& modules);
  void add_probes(const std::string& id, const std::vector<ProbeRecord>& probes);
  /// Writes one logging interval in a single transaction and refreshes the heartbeat.
  void write_batch(const std::string& id, const LogBatch& batch);
  /// Final status, summary and measurements. Releases the run even when the write fails (then its
  /// lock is left unlocked, so that reapers find it interrupted) and rethrows.
  void finish_run(const std::string& id, RunStatus status, const std::string& reason, const RunTotals& totals);
  /// Whether this store currently owns the run (created owned or claimed, not yet finished or let go).
  bool owns(const std::string& id) const;
  void add_benchmarks(const std::vector<BenchmarkRecord>& rows);
  /// Forgets a checkpoint row (the caller deletes the file).
  void remove_checkpoint(const std::string& id, int64_t step, const std::string& kind);
  /// Runs still "running" whose owner is gone become "interrupted": the owner's advisory lock is free
  /// (same host), or, where no lock can be seen (another host), the heartbeat is older than
  /// `max_age_seconds`. A live run in another process is never touched. Returns how many changed.
  int reap_stale_runs(double max_age_seconds = 60.0);

  // --- managing (each throws StoreError naming the run when it does not exist) ------------------
  void add_tag(const std::string& id, const std::string& tag);
  void remove_tag(const std::string& id, const std::string& tag);
  void rename_run(const std::string& id, const std::string& name);
  void set_notes(const std::string& id, const std::string& notes);
  void set_experiment(const std::string& id, const std::string& experiment);
  /// Soft delete: the run moves to the bin (hidden from listings) until restored or the bin is emptied.
  /// A running run cannot be deleted.
  void delete_run(const std::string& id);
  void restore_run(const std::string& id);
  /// Removes the runs in the bin for good, with their artefact files.
  CleanupReport empty_bin(bool dry_run = false);
  /// Checkpoint retention for finished runs (all when `run_ids` is empty): keeps the final weights
  /// ("last"), the best-validation weights ("best") or both ("last,best"), and removes the others,
  /// including resumable training states no longer needed. Unfinished runs keep what resuming needs.
  CleanupReport prune_checkpoints(const std::string& keep, const std::vector<std::string>& run_ids = {},
                                  bool dry_run = false);
  /// Rewrites the file compactly; returns its size before and after (bytes, WAL included).
  std::pair<int64_t, int64_t> vacuum();

  // --- exchange ----------------------------------------------------------------------------------
  /// Writes the runs (full ids or unique prefixes) to a new self-contained database at `out_path`
  /// (which must not exist), with their checkpoint files when asked.
  ExchangeReport export_runs(const std::vector<std::string>& ids, const std::string& out_path,
                             bool with_checkpoints) const;
  /// Imports every run of `source_path` that this database lacks (by UUID; present runs are skipped,
  /// so merging twice changes nothing). The source is never modified.
  ExchangeReport merge_from(const std::string& source_path, bool with_checkpoints = true);

  // --- reading ---------------------------------------------------------------------------------
  /// A run by full id or unique prefix (at least 4 characters). Throws StoreError when ambiguous.
  std::optional<RunRecord> find_run(const std::string& id_or_prefix) const;
  std::vector<RunRecord> list_runs(const RunFilter& filter = {}) const;
  /// How many runs match (limit and offset ignored), for paging.
  int64_t count_runs(const RunFilter& filter = {}) const;
  std::vector<MetricPoint> metrics(const std::string& id, const std::string& key = {}) const;
  std::vector<std::string> metric_keys(const std::string& id) const;
  /// One metric series with at most `max_points` points (equal step buckets; 0 = all points).
  std::vector<SeriesPoint> series(const std::string& id, const std::string& key, int64_t max_points = 0) const;
  std::vector<MetricSummary> metric_summaries(const std::string& id) const;
  /// The value at `step`, or at the last recorded step before it.
  std::optional<double> value_at(const std::string& id, const std::string& key, int64_t step) const;
  /// Groups the matching runs by configuration without the seed; `metric` is a final-summary key
  /// such as "test/accuracy".
  std::vector<SeedGroup> seed_groups(const RunFilter& filter, const std::string& metric) const;
  ArtefactCounts artefact_counts(const std::string& id) const;
  std::vector<EvalPoint> evals(const std::string& id) const;
  std::vector<ModuleParams> module_params(const std::string& id) const;
  std::vector<ProbeRecord> probes(const std::string& id) const;
  /// Selections of one probe; a negative `step`, `layer` or `head` matches every one.
  std::vector<SelectionRecord> selections(const std::string& id, int probe, int64_t step = -1, int layer = -1,
                                          int head = -1) const;
  std::vector<ProbRecord> probabilities(const std::string& id, int probe, int64_t step = -1, int layer = -1,
                                        int head = -1) const;
  /// Which probability maps a probe has (values left empty, nothing decoded).
  std::vector<ProbRecord> probability_index(const std::string& id, int probe) const;
  /// Steps at which selections of the run were recorded.
  std::vector<int64_t> selection_steps(const std::string& id) const;
  /// Spectra; a negative `step` or `layer`, or an empty `module`, matches every one.
  std::vector<SpectrumRecord> spectra(const std::string& id, int64_t step = -1, const std::string& module = {},
                                      int layer = -1) const;
  std::vector<AdapterVectorsRecord> adapter_vectors(const std::string& id) const;
  std::vector<CheckpointRecord> checkpoints(const std::string& id) const;
  std::vector<BenchmarkRecord> benchmarks(const std::string& run_id = {}) const;
  std::vector<std::string> tags(const std::string& id) const;
  /// Every run's tags at once (run id -> tags), for tables.
  std::map<std::string, std::vector<std::string>> all_tags() const;
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
