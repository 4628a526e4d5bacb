// SPDX-License-Identifier: MIT
// RunStore's read API (what the CLI and the views query).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>
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

namespace {

// WHERE clause and its bound values for a filter (values are always bound, never spliced).
std::string filter_sql(const RunFilter& f, std::vector<std::string>& binds) {
  std::string sql = " WHERE 1";
  if (f.only_deleted) sql += " AND deleted = 1";
  else if (!f.include_deleted) sql += " AND deleted = 0";
  if (!f.status.empty()) { sql += " AND status = ?"; binds.push_back(f.status); }
  if (!f.method.empty()) { sql += " AND method = ?"; binds.push_back(f.method); }
  if (!f.preset.empty()) { sql += " AND preset = ?"; binds.push_back(f.preset); }
  if (!f.task.empty()) { sql += " AND task = ?"; binds.push_back(f.task); }
  if (!f.tag.empty()) { sql += " AND id IN (SELECT run_id FROM run_tags WHERE tag = ?)"; binds.push_back(f.tag); }
  if (!f.text.empty()) {
    sql += " AND (instr(lower(name), lower(?)) OR instr(lower(preset), lower(?)) OR instr(lower(notes), lower(?)) OR "
           "instr(id, lower(?)))";
    for (int i = 0; i < 4; ++i) binds.push_back(f.text);
  }
  for (const auto& c : f.where) {
    for (char ch : c.key)
      if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.'))
        throw StoreError("config key '" + c.key + "' may hold only letters, digits, '_' and '.'");
    // JSON text compares as its value; anything else as a plain string (so --where task.dataset=spam works).
    const auto parsed = nlohmann::json::parse(c.value, nullptr, false);
    sql += " AND json_extract(config, ?) IS json_extract(?, '$')";
    binds.push_back("$." + c.key);
    binds.push_back(parsed.is_discarded() ? nlohmann::json(c.value).dump() : c.value);
  }
  return sql;
}

std::string order_sql(const RunFilter& f, std::vector<std::string>& binds) {
  static const char* allowed[] = {"created", "status", "preset", "method", "name", "task", "step", "wall_seconds",
                                  "tokens_per_second", "peak_bytes", "params_trainable", "seed"};
  std::string order = "created";
  if (f.order_by.rfind("summary:", 0) == 0) {
    order = "json_extract(summary, ?)";
    const std::string key = "$.\"" + f.order_by.substr(8) + "\"";
    binds.push_back(key);  // the expression appears twice below
    binds.push_back(key);
  } else {
    bool known = false;
    for (const char* a : allowed)
      if (f.order_by == a) order = a, known = true;
    if (!known && !f.order_by.empty()) throw StoreError("cannot sort runs by '" + f.order_by + "'");
  }
  // Runs without the sort key (NULL) go last either way.
  return " ORDER BY (" + order + ") IS NULL, " + order + (f.descending ? " DESC" : " ASC") + ", id";
}

void bind_all(SQLite::Statement& q, const std::vector<std::string>& binds, int& i) {
  for (const auto& b : binds) q.bind(i++, b);
}

bool lower_is_better(const std::string& key) {
  for (const char* k : {"loss", "perplexity", "grad_norm", "router_kl", "error"})
    if (key.find(k) != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<RunRecord> RunStore::list_runs(const RunFilter& f) const {
  std::vector<std::string> binds;
  std::string sql = std::string("SELECT ") + kRunColumns + " FROM runs" + filter_sql(f, binds);
  sql += order_sql(f, binds);
  sql += " LIMIT ? OFFSET ?";
  SQLite::Statement q(*impl_->db, sql);
  int i = 1;
  bind_all(q, binds, i);
  q.bind(i++, f.limit);
  q.bind(i++, f.offset);
  std::vector<RunRecord> out;
  while (q.executeStep()) out.push_back(read_run(q));
  return out;
}

int64_t RunStore::count_runs(const RunFilter& f) const {
  std::vector<std::string> binds;
  SQLite::Statement q(*impl_->db, "SELECT count(*) FROM runs" + filter_sql(f, binds));
  int i = 1;
  bind_all(q, binds, i);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<std::string> RunStore::metric_keys(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT DISTINCT key FROM metrics WHERE run_id = ? ORDER BY key");
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<SeriesPoint> RunStore::series(const std::string& id, const std::string& key, int64_t max_points) const {
  auto& db = *impl_->db;
  SQLite::Statement range(db, "SELECT min(step), max(step), count(*) FROM metrics WHERE run_id = ? AND key = ?");
  range.bind(1, id);
  range.bind(2, key);
  range.executeStep();
  const int64_t count = range.getColumn(2).getInt64();
  std::vector<SeriesPoint> out;
  if (count == 0) return out;
  const int64_t lo = range.getColumn(0).getInt64(), hi = range.getColumn(1).getInt64();
  if (max_points <= 0 || count <= max_points) {
    SQLite::Statement q(db, "SELECT step, value, wall FROM metrics WHERE run_id = ? AND key = ? ORDER BY step");
    q.bind(1, id);
    q.bind(2, key);
    while (q.executeStep()) {
      const double v = q.getColumn(1).getDouble();
      out.push_back({q.getColumn(0).getInt64(), v, v, v, 1, q.getColumn(2).getDouble()});
    }
    return out;
  }
  // Equal-width step buckets, aggregated in SQLite (the rows never leave the database).
  const int64_t width = std::max<int64_t>(1, (hi - lo + max_points) / max_points);
  SQLite::Statement q(db,
                      "SELECT max(step), avg(value), min(value), max(value), count(*), max(wall) FROM metrics WHERE run_id = ? AND key = ? "
                      "GROUP BY (step - ?) / ? ORDER BY 1");
  q.bind(1, id);
  q.bind(2, key);
  q.bind(3, lo);
  q.bind(4, width);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getDouble(), q.getColumn(2).getDouble(),
                   q.getColumn(3).getDouble(), q.getColumn(4).getInt64(), q.getColumn(5).getDouble()});
  return out;
}

std::vector<MetricSummary> RunStore::metric_summaries(const std::string& id) const {
  auto& db = *impl_->db;
  std::vector<MetricSummary> out;
  // Training series and evaluation results (as "<split>/<metric>") alike.
  SQLite::Statement q(db,
                      "SELECT key, step, value FROM metrics WHERE run_id = ? UNION ALL "
                      "SELECT split || '/' || metric, step, value FROM evals WHERE run_id = ? ORDER BY 1, 2");
  q.bind(1, id);
  q.bind(2, id);
  while (q.executeStep()) {
    const std::string key = q.getColumn(0).getString();
    const int64_t step = q.getColumn(1).getInt64();
    const double v = q.getColumn(2).getDouble();
    if (out.empty() || out.back().key != key) {
      MetricSummary m;
      m.key = key;
      m.min = m.max = v;
      m.min_step = m.max_step = step;
      m.lower_is_better = lower_is_better(key);
      out.push_back(m);
    }
    auto& m = out.back();
    ++m.count;
    m.last = v;
    m.last_step = step;
    if (v < m.min) m.min = v, m.min_step = step;
    if (v > m.max) m.max = v, m.max_step = step;
  }
  for (auto& m : out) {
    m.best = m.lower_is_better ? m.min : m.max;
    m.best_step = m.lower_is_better ? m.min_step : m.max_step;
  }
  return out;
}

std::optional<double> RunStore::value_at(const std::string& id, const std::string& key, int64_t step) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT value FROM metrics WHERE run_id = ? AND key = ? AND step <= ? ORDER BY step DESC LIMIT 1");
  q.bind(1, id);
  q.bind(2, key);
  q.bind(3, step);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getDouble();
}

std::vector<SeedGroup> RunStore::seed_groups(const RunFilter& filter, const std::string& metric) const {
  RunFilter f = filter;
  f.limit = -1;
  f.offset = 0;
  f.order_by = "created";
  f.descending = false;
  std::vector<SeedGroup> groups;
  std::map<std::string, size_t> index;
  for (const auto& r : list_runs(f)) {
    auto config = nlohmann::json::parse(r.config_json, nullptr, false);
    if (config.is_discarded() || !config.is_object()) continue;
    if (config.contains("train") && config["train"].is_object()) config["train"].erase("seed");
    config.erase("name");
    const std::string key = config.dump();
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, groups.size()).first;
      SeedGroup g;
      g.config_json = key;
      g.preset = r.preset;
      g.method = r.method;
      g.task = r.task;
      groups.push_back(std::move(g));
    }
    const auto summary = nlohmann::json::parse(r.summary_json, nullptr, false);
    if (summary.is_discarded() || !summary.contains(metric) || !summary[metric].is_number()) continue;
    auto& g = groups[it->second];
    g.run_ids.push_back(r.id);
    g.values.push_back(summary[metric].get<double>());
  }
  std::vector<SeedGroup> out;
  for (auto& g : groups) {
    if (g.values.empty()) continue;
    double sum = 0.0;
    for (double v : g.values) sum += v;
    g.mean = sum / static_cast<double>(g.values.size());
    double ss = 0.0;
    for (double v : g.values) ss += (v - g.mean) * (v - g.mean);
    g.stddev = g.values.size() > 1 ? std::sqrt(ss / static_cast<double>(g.values.size() - 1)) : 0.0;
    out.push_back(std::move(g));
  }
  return out;
}

ArtefactCounts RunStore::artefact_counts(const std::string& id) const {
  auto& db = *impl_->db;
  ArtefactCounts c;
  auto count = [&](const char* sql) {
    SQLite::Statement q(db, sql);
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getInt64();
  };
  c.metrics = count("SELECT count(*) FROM metrics WHERE run_id = ?");
  c.evals = count("SELECT count(*) FROM evals WHERE run_id = ?");
  c.probes = count("SELECT count(*) FROM probes WHERE run_id = ?");
  c.selections = count("SELECT count(*) FROM selections WHERE run_id = ?");
  c.probabilities = count("SELECT count(*) FROM attn_probs WHERE run_id = ?");
  c.spectra = count("SELECT count(*) FROM spectra WHERE run_id = ?");
  c.adapter_vectors = count("SELECT count(*) FROM adapter_vectors WHERE run_id = ?");
  c.checkpoints = count("SELECT count(*) FROM checkpoints WHERE run_id = ?");
  c.checkpoint_bytes = count("SELECT COALESCE(sum(bytes), 0) FROM checkpoints WHERE run_id = ?");
  c.benchmarks = count("SELECT count(*) FROM benchmarks WHERE run_id = ?");
  c.tags = count("SELECT count(*) FROM run_tags WHERE run_id = ?");
  return c;
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

std::vector<SelectionRecord> RunStore::selections(const std::string& id, int probe, int64_t step, int layer,
                                                 int head) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT probe, step, layer, head, q_blocks, k_blocks, block, bits FROM selections WHERE run_id = ? AND "
                      "probe = ? AND (?3 < 0 OR step = ?3) AND (?4 < 0 OR layer = ?4) AND (?5 < 0 OR head = ?5) "
                      "ORDER BY step, layer, head");
  q.bind(1, id);
  q.bind(2, probe);
  q.bind(3, step);
  q.bind(4, layer);
  q.bind(5, head);
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

namespace {

// Probability maps of a probe (negative step/layer/head: every one); the values are decoded only when
// asked, so listing what exists stays cheap.
std::vector<ProbRecord> query_probabilities(SQLite::Database& db, const std::string& id, int probe, int64_t step, int layer,
                                            int head, bool decode) {
  SQLite::Statement q(db, std::string("SELECT probe, step, layer, head, rows, cols, pooled") + (decode ? ", data" : "") +
                              " FROM attn_probs WHERE run_id = ? AND probe = ? AND (?3 < 0 OR step = ?3) AND "
                              "(?4 < 0 OR layer = ?4) AND (?5 < 0 OR head = ?5) ORDER BY step, layer, head");
  q.bind(1, id);
  q.bind(2, probe);
  q.bind(3, step);
  q.bind(4, layer);
  q.bind(5, head);
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
    if (decode) {
      if (p.rows < 0 || p.cols < 0 || p.rows * p.cols > (1LL << 26)) throw StoreError("corrupt probability record in run " + id);
      try {
        p.values = decode_f16_zlib(blob_text(q.getColumn(7)), static_cast<size_t>(p.rows * p.cols));
      } catch (const std::exception& e) {
        throw StoreError(std::string(e.what()) + " in run " + id);
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<ProbRecord> RunStore::probabilities(const std::string& id, int probe, int64_t step, int layer, int head) const {
  return query_probabilities(*impl_->db, id, probe, step, layer, head, /*decode=*/true);
}

std::vector<ProbRecord> RunStore::probability_index(const std::string& id, int probe) const {
  return query_probabilities(*impl_->db, id, probe, -1, -1, -1, /*decode=*/false);
}

std::vector<int64_t> RunStore::selection_steps(const std::string& id) const {
  SQLite::Statement q(*impl_->db, "SELECT DISTINCT step FROM selections WHERE run_id = ? ORDER BY step");
  q.bind(1, id);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<SpectrumRecord> RunStore::spectra(const std::string& id, int64_t step, const std::string& module, int layer) const {
  SQLite::Statement q(*impl_->db,
                      "SELECT step, module, layer, kind, singular, stable_rank, effective_rank FROM spectra WHERE run_id = ? AND "
                      "(?2 < 0 OR step = ?2) AND (?3 = '' OR module = ?3) AND (?4 < 0 OR layer = ?4) ORDER BY step, layer, module");
  q.bind(1, id);
  q.bind(2, step);
  q.bind(3, module);
  q.bind(4, layer);
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

std::map<std::string, std::vector<std::string>> RunStore::all_tags() const {
  SQLite::Statement q(*impl_->db, "SELECT run_id, tag FROM run_tags ORDER BY run_id, tag");
  std::map<std::string, std::vector<std::string>> out;
  while (q.executeStep()) out[q.getColumn(0).getString()].push_back(q.getColumn(1).getString());
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
