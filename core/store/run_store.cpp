// SPDX-License-Identifier: MIT
#include "core/store/run_store.h"

#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include "core/config/paths.h"
#include "core/store/blob_codec.h"
#include "core/store/schema.h"
#include "core/store/store_internal.h"

namespace etlab {

namespace fs = std::filesystem;

using namespace store_detail;


namespace store_detail {

std::string iso_time(std::chrono::system_clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms % 1000));
  return out;
}

std::string host_name() {
  char buf[256] = {0};
  if (gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}


void check_sqlite_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError("cannot read " + path);
  char header[16] = {0};
  in.read(header, 16);
  const auto got = in.gcount();
  if (got == 0) return;  // an empty file is a new database
  if (got < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
    throw StoreError(path + " is not an etlab database (not an SQLite file); it was left untouched");
}

// Validates an existing database through a read-only connection; returns its schema version.
int inspect_existing(const std::string& path, bool full_check) {
  // Truncation: the file must hold whole pages, as many as its header claims. Only meaningful while
  // no write-ahead log is pending: a checkpoint in another process grows the file page by page.
  std::error_code wal_ec;
  const auto wal_size = fs::file_size(path + "-wal", wal_ec);
  if (wal_ec || wal_size == 0) {
    std::ifstream in(path, std::ios::binary);
    unsigned char h[100] = {0};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    if (in.gcount() < 100) throw StoreError(path + " is corrupt (shorter than an SQLite header); it was left untouched");
    auto be32 = [&](int o) { return (uint32_t(h[o]) << 24) | (uint32_t(h[o + 1]) << 16) | (uint32_t(h[o + 2]) << 8) | h[o + 3]; };
    uint64_t page = (uint32_t(h[16]) << 8) | h[17];
    if (page == 1) page = 65536;
    const uint64_t size = fs::file_size(path);
    const bool count_valid = be32(24) == be32(92) && be32(28) != 0;
    if (page < 512 || (page & (page - 1)) != 0 || size % page != 0 || (count_valid && uint64_t(be32(28)) * page > size))
      throw StoreError(path + " is corrupt (truncated or damaged header); it was left untouched");
  }
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY, 10000);
    const int app = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    int tables = 0;
    {
      // Reading the whole schema parses every table definition: a damaged first page fails here.
      SQLite::Statement q(db, "SELECT type, name, sql FROM sqlite_master");
      while (q.executeStep()) ++tables;
    }
    if (app != kEtlabApplicationId && (app != 0 || tables > 0))
      throw StoreError(path + " is an SQLite database but not an etlab database; it was left untouched");
    if (version < 0)
      throw StoreError(path + " is corrupt (schema version " + std::to_string(version) +
                       " is not one etlab writes); it was left untouched");
    if (version > RunStore::kSchemaVersion)
      throw StoreError(path + " was written by a newer etlab (schema version " + std::to_string(version) +
                       "; this build reads up to " + std::to_string(RunStore::kSchemaVersion) + "); it was left untouched");
    // A full page check reads the whole file: done up to 256 MB (about 1 s here); beyond, damaged pages
    // are still reported when a read reaches them.
    if (full_check && version > 0 && fs::file_size(path) <= (256u << 20)) {
      const std::string check = db.execAndGet("PRAGMA quick_check(1)").getString();
      if (check != "ok") throw StoreError(path + " is corrupt (" + check + "); it was left untouched");
    }
    return version;
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + " is corrupt or unreadable (" + std::string(e.what()) + "); it was left untouched");
  }
}

}  // namespace store_detail

std::string to_string(RunStatus s) {
  switch (s) {
    case RunStatus::Queued: return "queued";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Interrupted: return "interrupted";
  }
  return "failed";
}

std::optional<RunStatus> parse_run_status(const std::string& name) {
  for (auto s : {RunStatus::Queued, RunStatus::Running, RunStatus::Finished, RunStatus::Failed, RunStatus::Cancelled,
                 RunStatus::Interrupted})
    if (to_string(s) == name) return s;
  return std::nullopt;
}

std::string utc_now() { return iso_time(std::chrono::system_clock::now()); }

std::string new_uuid() {
  static thread_local std::mt19937_64 rng([] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), static_cast<unsigned>(getpid()),
                      static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count())};
    return std::mt19937_64(seq);
  }());
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

RunStore::RunStore(const std::string& path, bool read_only, bool keep_backup) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  const bool exists = fs::exists(path);
  if (exists) {
    if (fs::is_directory(path)) throw StoreError(path + " is a folder, not a database file");
    check_sqlite_header(path);
    if (!read_only && access(path.c_str(), W_OK) != 0) read_only = true;  // a read-only file opens read-only
  } else if (read_only) {
    throw StoreError(path + " does not exist");
  } else {
    std::error_code ec;
    const fs::path parent = fs::absolute(fs::path(path)).parent_path();
    fs::create_directories(parent, ec);
    if (ec) throw StoreError("cannot create the folder " + parent.string() + ": " + ec.message());
  }
  impl_->read_only = read_only;
  // Everything is checked through a read-only connection first, so that a file we refuse is never
  // written to (not even the journal-mode bytes of its header).
  int version = 0;
  if (exists && fs::file_size(path) > 0) {
    // The full check runs at the first open of a file in this process; later opens (the views open a
    // connection per query) trust it and only read the header fields.
    static std::mutex verified_mu;
    static std::set<std::string> verified;
    std::error_code ec;
    const std::string key = fs::weakly_canonical(path, ec).string();
    bool first;
    {
      std::lock_guard<std::mutex> lock(verified_mu);
      first = !verified.count(key);
    }
    version = inspect_existing(path, first);
    std::lock_guard<std::mutex> lock(verified_mu);
    verified.insert(key);
  }
  try {
    if (keep_backup && version > 0 && version < kSchemaVersion && !read_only) {
      // Keep the file as it was before the first migration, for an older etlab: written under a
      // temporary name and renamed, so a crash or a second process never leaves half a backup.
      const fs::path p(path);
      const fs::path backup = p.parent_path() / (p.stem().string() + ".schema-v" + std::to_string(version) + "-backup.db");
      if (!fs::exists(backup)) {
        const fs::path tmp = backup.string() + "." + new_uuid() + ".partial";
        try {
          SQLite::Database src(path, SQLite::OPEN_READONLY, 10000);
          SQLite::Statement q(src, "VACUUM INTO ?");
          q.bind(1, tmp.string());
          q.exec();
          std::error_code ec;
          if (!fs::exists(backup)) fs::rename(tmp, backup, ec);
          fs::remove(tmp, ec);
        } catch (...) {
          std::error_code ec;
          fs::remove(tmp, ec);
          throw;
        }
      }
    }
    const int flags = read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    impl_->db = std::make_unique<SQLite::Database>(path, flags, 10000);
    auto& db = *impl_->db;
    version = db.execAndGet("PRAGMA user_version").getInt();
    if (version < kSchemaVersion) {
      if (read_only)
        throw StoreError(path + " has schema version " + std::to_string(version) +
                         " and must be upgraded, but it is read-only");
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Another process may have migrated while we waited for the write lock.
      int current = db.execAndGet("PRAGMA user_version").getInt();
      if (current < 0 || current > kSchemaVersion)  // changed by another process since the check above
        throw StoreError(path + " has schema version " + std::to_string(current) + ", which this build cannot migrate");
      const auto& steps = schema_migrations();
      for (; current < kSchemaVersion; ++current)
        for (const auto& sql : steps[static_cast<size_t>(current)]) db.exec(sql);
      db.exec("PRAGMA application_id = " + std::to_string(kEtlabApplicationId));
      db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      tx.commit();
    }
    if (!read_only) {
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
    }
    db.exec("PRAGMA foreign_keys = ON");
  } catch (const SQLite::Exception& e) {
    impl_->db.reset();
    throw StoreError(path + " cannot be opened as an etlab database (" + e.getErrorStr() + ": " + e.what() + ")");
  }
}

RunStore::~RunStore() = default;

const std::string& RunStore::path() const { return impl_->path; }
bool RunStore::read_only() const { return impl_->read_only; }
std::string RunStore::artifacts_dir() const { return artifacts_dir_for(impl_->path); }

std::string RunStore::create_run(RunRecord r, bool owned) {
  require_writable(*impl_);
  if (r.id.empty()) r.id = new_uuid();
  if (r.created.empty()) r.created = utc_now();
  if (owned) {
    if (!impl_->take_ownership(r.id)) throw StoreError("run " + r.id + " is locked by another process");
    r.status = "running";
    r.started = r.heartbeat = r.created;
    r.owner_pid = getpid();
    r.owner_host = host_name();
  }
  try {
    Impl::insert_run(*impl_->db, r);
  } catch (...) {
    if (owned) impl_->release_ownership(r.id);
    throw;
  }
  return r.id;
}

void RunStore::Impl::insert_run(SQLite::Database& db, const RunRecord& r) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::optional<int64_t> experiment;
  if (!r.experiment.empty()) {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO experiments(name, created) VALUES(?, ?)");
    ins.bind(1, r.experiment);
    ins.bind(2, r.created);
    ins.exec();
    SQLite::Statement sel(db, "SELECT id FROM experiments WHERE name = ?");
    sel.bind(1, r.experiment);
    if (sel.executeStep()) experiment = sel.getColumn(0).getInt64();
  }
  SQLite::Statement q(db,
                      "INSERT INTO runs(id, experiment_id, name, preset, status, reason, created, config, environment, "
                      "summary, method, task, seed, base_run, notes, started, heartbeat, owner_pid, owner_host) "
                      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  int i = 1;
  q.bind(i++, r.id);
  if (experiment) q.bind(i++, *experiment);
  else q.bind(i++);
  q.bind(i++, r.name);
  q.bind(i++, r.preset);
  q.bind(i++, r.status);
  q.bind(i++, r.reason);
  q.bind(i++, r.created);
  q.bind(i++, r.config_json);
  q.bind(i++, r.environment_json);
  q.bind(i++, r.summary_json);
  q.bind(i++, r.method);
  q.bind(i++, r.task);
  q.bind(i++, r.seed);
  q.bind(i++, r.base_run);
  q.bind(i++, r.notes);
  if (r.started.empty()) q.bind(i++);
  else q.bind(i++, r.started);
  if (r.heartbeat.empty()) q.bind(i++);
  else q.bind(i++, r.heartbeat);
  q.bind(i++, r.owner_pid);
  q.bind(i++, r.owner_host);
  q.exec();
  tx.commit();
}

void RunStore::set_status(const std::string& id, RunStatus status, const std::string& reason) {
  SQLite::Statement q(*impl_->db, "UPDATE runs SET status = ?, reason = ? WHERE id = ?");
  q.bind(1, to_string(status));
  q.bind(2, reason);
  q.bind(3, id);
  q.exec();
}

void RunStore::set_environment(const std::string& id, const std::string& environment_json) {
  SQLite::Statement q(*impl_->db, "UPDATE runs SET environment = ? WHERE id = ?");
  q.bind(1, environment_json);
  q.bind(2, id);
  q.exec();
}

void RunStore::set_params(const std::string& id, int64_t total, int64_t trainable, const std::vector<ModuleParams>& modules) {
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(db, "UPDATE runs SET params_total = ?, params_trainable = ? WHERE id = ?");
  q.bind(1, total);
  q.bind(2, trainable);
  q.bind(3, id);
  q.exec();
  SQLite::Statement m(db, "INSERT OR REPLACE INTO module_params(run_id, module, total, trainable) VALUES(?,?,?,?)");
  for (const auto& mp : modules) {
    m.bind(1, id);
    m.bind(2, mp.module);
    m.bind(3, mp.total);
    m.bind(4, mp.trainable);
    m.exec();
    m.reset();
  }
  tx.commit();
}

void RunStore::add_probes(const std::string& id, const std::vector<ProbeRecord>& probes) {
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(db, "INSERT OR REPLACE INTO probes(run_id, idx, split, label, text, tokens) VALUES(?,?,?,?,?,?)");
  for (const auto& p : probes) {
    const std::string blob = encode_int32(p.tokens);
    q.bind(1, id);
    q.bind(2, p.idx);
    q.bind(3, p.split);
    q.bind(4, p.label);
    q.bind(5, p.text);
    q.bind(6, blob.data(), static_cast<int>(blob.size()));
    q.exec();
    q.reset();
  }
  tx.commit();
}

void RunStore::write_batch(const std::string& id, const LogBatch& b) {
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!b.metrics.empty()) {
    SQLite::Statement q(db, "INSERT OR REPLACE INTO metrics(run_id, key, step, value, wall) VALUES(?,?,?,?,?)");
    for (const auto& m : b.metrics) {
      q.bind(1, id);
      q.bind(2, m.key);
      q.bind(3, m.step);
      q.bind(4, m.value);
      q.bind(5, m.wall);
      q.exec();
      q.reset();
    }
  }
  if (!b.evals.empty()) {
    SQLite::Statement q(db, "INSERT OR REPLACE INTO evals(run_id, split, metric, step, value) VALUES(?,?,?,?,?)");
    for (const auto& e : b.evals) {
      q.bind(1, id);
      q.bind(2, e.split);
      q.bind(3, e.metric);
      q.bind(4, e.step);
      q.bind(5, e.value);
      q.exec();
      q.reset();
    }
  }
  if (!b.selections.empty()) {
    SQLite::Statement q(db,
                        "INSERT OR REPLACE INTO selections(run_id, probe, step, layer, head, q_blocks, k_blocks, block, bits) "
                        "VALUES(?,?,?,?,?,?,?,?,?)");
    for (const auto& s : b.selections) {
      q.bind(1, id);
      q.bind(2, s.probe);
      q.bind(3, s.step);
      q.bind(4, s.layer);
      q.bind(5, s.head);
      q.bind(6, s.q_blocks);
      q.bind(7, s.k_blocks);
      q.bind(8, s.block);
      q.bind(9, s.bits.data(), static_cast<int>(s.bits.size()));
      q.exec();
      q.reset();
    }
  }
  if (!b.probabilities.empty()) {
    SQLite::Statement q(db,
                        "INSERT OR REPLACE INTO attn_probs(run_id, probe, step, layer, head, rows, cols, pooled, encoding, data) "
                        "VALUES(?,?,?,?,?,?,?,?,'f16z',?)");
    for (const auto& p : b.probabilities) {
      const std::string blob = encode_f16_zlib(p.values);
      q.bind(1, id);
      q.bind(2, p.probe);
      q.bind(3, p.step);
      q.bind(4, p.layer);
      q.bind(5, p.head);
      q.bind(6, p.rows);
      q.bind(7, p.cols);
      q.bind(8, p.pooled ? 1 : 0);
      q.bind(9, blob.data(), static_cast<int>(blob.size()));
      q.exec();
      q.reset();
    }
  }
  if (!b.spectra.empty()) {
    SQLite::Statement q(db,
                        "INSERT OR REPLACE INTO spectra(run_id, step, module, layer, kind, singular, stable_rank, effective_rank) "
                        "VALUES(?,?,?,?,?,?,?,?)");
    for (const auto& s : b.spectra) {
      const std::string blob = encode_float32(s.singular);
      q.bind(1, id);
      q.bind(2, s.step);
      q.bind(3, s.module);
      q.bind(4, s.layer);
      q.bind(5, s.kind);
      q.bind(6, blob.data(), static_cast<int>(blob.size()));
      q.bind(7, s.stable_rank);
      q.bind(8, s.effective_rank);
      q.exec();
      q.reset();
    }
  }
  if (!b.adapter_vectors.empty()) {
    SQLite::Statement q(db,
                        "INSERT OR REPLACE INTO adapter_vectors(run_id, step, module, layer, rows, cols, data) VALUES(?,?,?,?,?,?,?)");
    for (const auto& v : b.adapter_vectors) {
      const std::string blob = encode_float32(v.data);
      q.bind(1, id);
      q.bind(2, v.step);
      q.bind(3, v.module);
      q.bind(4, v.layer);
      q.bind(5, v.rows);
      q.bind(6, v.cols);
      q.bind(7, blob.data(), static_cast<int>(blob.size()));
      q.exec();
      q.reset();
    }
  }
  if (!b.checkpoints.empty()) {
    SQLite::Statement q(db,
                        "INSERT OR REPLACE INTO checkpoints(run_id, step, kind, path, sha256, bytes, created) VALUES(?,?,?,?,?,?,?)");
    for (const auto& c : b.checkpoints) {
      q.bind(1, id);
      q.bind(2, c.step);
      q.bind(3, c.kind);
      q.bind(4, c.path);
      q.bind(5, c.sha256);
      q.bind(6, c.bytes);
      q.bind(7, c.created.empty() ? utc_now() : c.created);
      q.exec();
      q.reset();
    }
  }
  SQLite::Statement hb(db, "UPDATE runs SET step = MAX(step, ?), heartbeat = ? WHERE id = ?");
  hb.bind(1, b.step);
  hb.bind(2, utc_now());
  hb.bind(3, id);
  hb.exec();
  tx.commit();
}

void RunStore::add_benchmarks(const std::vector<BenchmarkRecord>& rows) {
  auto& db = *impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(db,
                      "INSERT INTO benchmarks(run_id, created, method, n, batch, heads, dim, block, k, device, threads, kernel, "
                      "mode, time_ms, time_spread_ms, peak_bytes, flops, extra) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto& r : rows) {
    int i = 1;
    if (r.run_id.empty()) q.bind(i++);
    else q.bind(i++, r.run_id);
    q.bind(i++, r.created.empty() ? utc_now() : r.created);
    q.bind(i++, r.method);
    q.bind(i++, r.n);
    q.bind(i++, r.batch);
    q.bind(i++, r.heads);
    q.bind(i++, r.dim);
    q.bind(i++, r.block);
    q.bind(i++, r.k);
    q.bind(i++, r.device);
    q.bind(i++, r.threads);
    q.bind(i++, r.kernel);
    q.bind(i++, r.mode);
    q.bind(i++, r.time_ms);
    q.bind(i++, r.time_spread_ms);
    q.bind(i++, r.peak_bytes);
    q.bind(i++, r.flops);
    q.bind(i++, r.extra_json);
    q.exec();
    q.reset();
  }
  tx.commit();
}

void RunStore::remove_checkpoint(const std::string& id, int64_t step, const std::string& kind) {
  SQLite::Statement q(*impl_->db, "DELETE FROM checkpoints WHERE run_id = ? AND step = ? AND kind = ?");
  q.bind(1, id);
  q.bind(2, step);
  q.bind(3, kind);
  q.exec();
}

}  // namespace etlab
