// SPDX-License-Identifier: MIT
// RunStore's read API (what the CLI and the views query).
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/blob_codec.h"
#include "core/store/store_internal.h"

namespace etlab {

using namespace store_detail;

std::optional<RunRecord> RunStore::find_run(const std::string& id_or_prefix) const {
  if (id_or_prefix.size() < 4) return std::nullopt;
  std::string pattern;
  for (char ch : id_or_prefix) {
    if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
    pattern += ch;
  }
  SQLite::Statement q(*impl_->db, std::string("SELECT ") + kRunColumns + " FROM runs WHERE id LIKE ? ESCAPE '\\' LIMIT 2");
  q.bind(1, pattern + "%");
  std::vector<RunRecord> found;
  while (q.executeStep()) found.push_back(read_run(q));
  if (found.size() > 1) throw StoreError("run id prefix '" + id_or_prefix + "' matches several runs; give more characters");
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<RunRecord> RunStore::list_runs(const RunFilter& f) const {
  std::string sql = std::string("SELECT ") + kRunColumns + " FROM runs WHERE 1";
  std::vector<std::string> binds;
  if (!f.include_deleted) sql += " AND deleted = 0";
  if (!f.status.empty()) { sql += " AND status = ?"; binds.push_back(f.status); }
  if (!f.method.empty()) { sql += " AND method = ?"; binds.push_back(f.method); }
  if (!f.preset.empty()) { sql += " AND preset = ?"; binds.push_back(f.preset); }
  if (!f.tag.empty()) { sql += " AND id IN (SELECT run_id FROM run_tags WHERE tag = ?)"; binds.push_back(f.tag); }
  if (!f.config_key.empty()) {
    sql += " AND json_extract(config, ?) = json_extract(?, '$')";
    binds.push_back("$." + f.config_key);
    binds.push_back(f.config_value);
  }
  static const char* allowed[] = {"created", "status", "preset", "method", "name", "task"};
  std::string order = "created";
  for (const char* a : allowed)
    if (f.order_by == a) order = a;
  sql += " ORDER BY " + order + (f.descending ? " DESC" : " ASC") + ", id";
  sql += " LIMIT ? OFFSET ?";
  SQLite::Statement q(*impl_->db, sql);
  int i = 1;
  for (const auto& b : binds) q.bind(i++, b);
  q.bind(i++, f.limit);
  q.bind(i++, f.offset);
  std::vector<RunRecord> out;
  while (q.executeStep()) out.push_back(read_run(q));
  return out;
}

std::vector<MetricPoint> RunStore::metrics(const std::string& id, const std::string& key) const {
  SQLite::Statement q(*impl_->db, key.empty() ? "SELECT step, key, value, wall FROM metrics WHERE run_id = ? ORDER BY key, step"
                                              : "SELECT step, key, value, wall FROM metrics WHERE run_id = ? AND key = ? ORDER BY step");
  q.bind(1, id);
  if (!key.empty()) q.bind(2, key);
  std::vector<MetricPoint> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getDouble(), q.getColumn(3).getDouble()});
  return out;
}

std::vector<EvalPoint> RunStore::evals(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT step, split, metric, value FROM evals WHERE run_id = ? ORDER BY step, split, metric");
  q.bind(1, id);
  std::vector<EvalPoint> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getDouble()});
  return out;
}

std::vector<ModuleParams> RunStore::module_params(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT module, total, trainable FROM module_params WHERE run_id = ? ORDER BY module");
  q.bind(1, id);
  std::vector<ModuleParams> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  return out;
}

std::vector<ProbeRecord> RunStore::probes(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT idx, split, label, text, tokens FROM probes WHERE run_id = ? ORDER BY idx");
  q.bind(1, id);
  std::vector<ProbeRecord> out;
  while (q.executeStep()) {
    ProbeRecord p;
    p.idx = q.getColumn(0).getInt();
    p.split = q.getColumn(1).getString();
    p.label = q.getColumn(2).getInt64();
    p.text = q.getColumn(3).getString();
    p.tokens = decode_int32(blob_text(q.getColumn(4)));
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<SelectionRecord> RunStore::selections(const std::string& id, int probe, int64_t step) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT probe, step, layer, head, q_blocks, k_blocks, block, bits FROM selections WHERE run_id = ? AND "
                      "probe = ? AND (? < 0 OR step = ?) ORDER BY step, layer, head");
  q.bind(1, id);
  q.bind(2, probe);
  q.bind(3, step);
  q.bind(4, step);
  std::vector<SelectionRecord> out;
  while (q.executeStep()) {
    SelectionRecord s;
    s.probe = q.getColumn(0).getInt();
    s.step = q.getColumn(1).getInt64();
    s.layer = q.getColumn(2).getInt();
    s.head = q.getColumn(3).getInt();
    s.q_blocks = q.getColumn(4).getInt64();
    s.k_blocks = q.getColumn(5).getInt64();
    s.block = q.getColumn(6).getInt64();
    const std::string bits = blob_text(q.getColumn(7));
    s.bits.assign(bits.begin(), bits.end());
    if (static_cast<int64_t>(s.bits.size()) * 8 < s.q_blocks * s.k_blocks)
      throw StoreError("corrupt selection record in run " + id);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ProbRecord> RunStore::probabilities(const std::string& id, int probe, int64_t step) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT probe, step, layer, head, rows, cols, pooled, data FROM attn_probs WHERE run_id = ? AND probe = ? "
                      "AND (? < 0 OR step = ?) ORDER BY step, layer, head");
  q.bind(1, id);
  q.bind(2, probe);
  q.bind(3, step);
  q.bind(4, step);
  std::vector<ProbRecord> out;
  while (q.executeStep()) {
    ProbRecord p;
    p.probe = q.getColumn(0).getInt();
    p.step = q.getColumn(1).getInt64();
    p.layer = q.getColumn(2).getInt();
    p.head = q.getColumn(3).getInt();
    p.rows = q.getColumn(4).getInt64();
    p.cols = q.getColumn(5).getInt64();
    p.pooled = q.getColumn(6).getInt() != 0;
    if (p.rows < 0 || p.cols < 0 || p.rows * p.cols > (1LL << 26)) throw StoreError("corrupt probability record in run " + id);
    try {
      p.values = decode_f16_zlib(blob_text(q.getColumn(7)), static_cast<size_t>(p.rows * p.cols));
    } catch (const std::exception& e) {
      throw StoreError(std::string(e.what()) + " in run " + id);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<SpectrumRecord> RunStore::spectra(const std::string& id, int64_t step) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT step, module, layer, kind, singular, stable_rank, effective_rank FROM spectra WHERE run_id = ? AND "
                      "(? < 0 OR step = ?) ORDER BY step, layer, module");
  q.bind(1, id);
  q.bind(2, step);
  q.bind(3, step);
  std::vector<SpectrumRecord> out;
  while (q.executeStep()) {
    SpectrumRecord s;
    s.step = q.getColumn(0).getInt64();
    s.module = q.getColumn(1).getString();
    s.layer = q.getColumn(2).getInt();
    s.kind = q.getColumn(3).getString();
    s.singular = decode_float32(blob_text(q.getColumn(4)));
    s.stable_rank = q.getColumn(5).getDouble();
    s.effective_rank = q.getColumn(6).getDouble();
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<AdapterVectorsRecord> RunStore::adapter_vectors(const std::string& id) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT step, module, layer, rows, cols, data FROM adapter_vectors WHERE run_id = ? ORDER BY step, layer, module");
  q.bind(1, id);
  std::vector<AdapterVectorsRecord> out;
  while (q.executeStep()) {
    AdapterVectorsRecord v;
    v.step = q.getColumn(0).getInt64();
    v.module = q.getColumn(1).getString();
    v.layer = q.getColumn(2).getInt();
    v.rows = q.getColumn(3).getInt64();
    v.cols = q.getColumn(4).getInt64();
    v.data = decode_float32(blob_text(q.getColumn(5)));
    if (static_cast<int64_t>(v.data.size()) != v.rows * v.cols) throw StoreError("corrupt adapter vectors in run " + id);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<CheckpointRecord> RunStore::checkpoints(const std::string& id) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT step, path, sha256, bytes, kind, created FROM checkpoints WHERE run_id = ? ORDER BY step, kind");
  q.bind(1, id);
  std::vector<CheckpointRecord> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                   q.getColumn(4).getString(), q.getColumn(5).getString()});
  return out;
}

std::vector<BenchmarkRecord> RunStore::benchmarks(const std::string& run_id) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT COALESCE(run_id, ''), created, method, device, kernel, mode, n, batch, heads, dim, block, k, threads, "
                      "time_ms, time_spread_ms, flops, peak_bytes, extra FROM benchmarks WHERE (? = '' OR run_id = ?) ORDER BY id");
  q.bind(1, run_id);
  q.bind(2, run_id);
  std::vector<BenchmarkRecord> out;
  while (q.executeStep()) {
    BenchmarkRecord r;
    int i = 0;
    r.run_id = q.getColumn(i++).getString();
    r.created = q.getColumn(i++).getString();
    r.method = q.getColumn(i++).getString();
    r.device = q.getColumn(i++).getString();
    r.kernel = q.getColumn(i++).getString();
    r.mode = q.getColumn(i++).getString();
    r.n = q.getColumn(i++).getInt64();
    r.batch = q.getColumn(i++).getInt64();
    r.heads = q.getColumn(i++).getInt64();
    r.dim = q.getColumn(i++).getInt64();
    r.block = q.getColumn(i++).getInt64();
    r.k = q.getColumn(i++).getInt64();
    r.threads = q.getColumn(i++).getInt64();
    r.time_ms = q.getColumn(i++).getDouble();
    r.time_spread_ms = q.getColumn(i++).getDouble();
    r.flops = q.getColumn(i++).getDouble();
    r.peak_bytes = q.getColumn(i++).getInt64();
    r.extra_json = q.getColumn(i++).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> RunStore::tags(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag");
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::optional<RunRecord> RunStore::latest_finished(const std::string& preset) const {
  RunFilter f;
  f.status = "finished";
  f.preset = preset;
  f.limit = 1;
  auto runs = list_runs(f);
  if (runs.empty()) return std::nullopt;
  return runs.front();
}

}  // namespace etlab
