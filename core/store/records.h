// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace etlab {

/// Lifecycle of a run. Stored as its lower-case name.
enum class RunStatus { Queued, Running, Finished, Failed, Cancelled, Interrupted };

std::string to_string(RunStatus status);
std::optional<RunStatus> parse_run_status(const std::string& name);

/// A row of the runs table.
struct RunRecord {
  std::string id;  ///< UUID
  std::string name, preset, experiment;
  std::string status = "queued";
  std::string reason;
  std::string created, started, finished, heartbeat;
  std::string config_json = "{}";
  std::string environment_json = "{}";
  std::string summary_json = "{}";
  std::string method, task, notes, base_run;
  int64_t seed = 0;
  int64_t params_total = 0, params_trainable = 0;
  int64_t step = 0;
  int64_t peak_bytes = 0;
  double wall_seconds = 0.0, tokens_per_second = 0.0;
  int64_t owner_pid = 0;
  std::string owner_host;
  bool deleted = false;
  std::string deleted_at;  ///< when it went to the bin
  std::string origin;      ///< where a merged run came from (empty: trained into this database)
};

struct MetricPoint {
  int64_t step = 0;
  std::string key;  ///< e.g. "train/loss", "train/lr", "train/tokens_per_s"
  double value = 0.0;
  double wall = 0.0;  ///< seconds since the run started
};

struct EvalPoint {
  int64_t step = 0;
  std::string split;   ///< val, test, or an extra domain name
  std::string metric;  ///< loss, accuracy, macro_f1, perplexity
  double value = 0.0;
};

struct ModuleParams {
  std::string module;
  int64_t total = 0, trainable = 0;
};

/// A held-out example whose attention is recorded through training.
struct ProbeRecord {
  int idx = 0;
  std::string split, text;
  int64_t label = -1;
  std::vector<int32_t> tokens;
};

/// Which key blocks each query block attended to, bit-packed row-major (q_blocks x k_blocks, LSB first).
struct SelectionRecord {
  int probe = 0;
  int64_t step = 0;
  int layer = 0, head = 0;
  int64_t q_blocks = 0, k_blocks = 0, block = 0;
  std::vector<uint8_t> bits;

  bool selected(int64_t qb, int64_t kb) const {
    const int64_t i = qb * k_blocks + kb;
    return (bits[static_cast<size_t>(i >> 3)] >> (i & 7)) & 1;
  }
};

/// Attention probabilities of one head (rows x cols); `pooled` means block-pooled (mass per block pair).
/// Stored as zlib-compressed float16.
struct ProbRecord {
  int probe = 0;
  int64_t step = 0;
  int layer = 0, head = 0;
  int64_t rows = 0, cols = 0;
  bool pooled = false;
  std::vector<float> values;
};

/// Singular values of a weight update (LoRA: (alpha/r) B A; full fine-tune: W - W_base).
struct SpectrumRecord {
  int64_t step = 0;
  std::string module;  ///< q, k, v, o, ffn_in, ffn_out, router_q, router_k
  int layer = 0;
  std::string kind;    ///< lora | full
  std::vector<float> singular;
  double stable_rank = 0.0, effective_rank = 0.0;
};

/// Top right-singular vectors of an adapter's A (rows = vectors), for subspace similarity.
struct AdapterVectorsRecord {
  int64_t step = 0;
  std::string module;
  int layer = 0;
  int64_t rows = 0, cols = 0;
  std::vector<float> data;
};

struct CheckpointRecord {
  int64_t step = 0;
  std::string path;  ///< relative to the database's folder
  std::string sha256;
  int64_t bytes = 0;
  std::string kind;  ///< full | adapter
  std::string created;
};

struct BenchmarkRecord {
  std::string run_id, created, method, device, kernel, mode;
  int64_t n = 0, batch = 0, heads = 0, dim = 0, block = 0, k = 0, threads = 0;
  double time_ms = 0.0, time_spread_ms = 0.0, flops = 0.0;
  int64_t peak_bytes = 0;
  std::string extra_json = "{}";
};

/// Everything written in one logging interval (one transaction).
struct LogBatch {
  int64_t step = 0;
  std::vector<MetricPoint> metrics;
  std::vector<EvalPoint> evals;
  std::vector<SelectionRecord> selections;
  std::vector<ProbRecord> probabilities;
  std::vector<SpectrumRecord> spectra;
  std::vector<AdapterVectorsRecord> adapter_vectors;
  std::vector<CheckpointRecord> checkpoints;
};

/// Final figures of a run.
struct RunTotals {
  std::string summary_json = "{}";
  double wall_seconds = 0.0, tokens_per_second = 0.0;
  int64_t peak_bytes = 0;
  int64_t step = 0;
};

}  // namespace etlab
