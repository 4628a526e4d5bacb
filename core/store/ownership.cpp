// SPDX-License-Identifier: MIT
// Run ownership: an advisory file lock per running run, and a heartbeat thread.
//
// The lock answers "is the owning process alive?" exactly on this host: the kernel drops a flock
// when its process dies, kill -9 included, so a reader never mistakes a slow run for a dead one.
// The heartbeat answers it for readers on other hosts (a database on a shared folder). Claiming,
// finishing and reaping runs live here too.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <filesystem>

#include "core/config/paths.h"
#include "core/store/store_internal.h"

namespace etlab {

namespace fs = std::filesystem;

namespace store_detail {

std::string run_lock_path(const std::string& db_path, const std::string& run_id) {
  // The canonical database path, so that every process finds the same lock file however it spells the path.
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(db_path), ec);
  return (fs::path(artifacts_dir_for(ec ? db_path : canonical.string())) / "locks" / (run_id + ".lock")).string();
}

bool valid_run_id(const std::string& id) {
  if (id.size() != 36) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

LockState probe_run_lock(const std::string& db_path, const std::string& run_id) {
  const std::string path = run_lock_path(db_path, run_id);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return LockState::Absent;
  // A shared lock conflicts with the owner's exclusive one and with nothing else.
  const bool free = ::flock(fd, LOCK_SH | LOCK_NB) == 0;
  ::close(fd);  // also drops the probe's own lock
  return free ? LockState::Free : LockState::Held;
}

void require_run(SQLite::Database& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT 1 FROM runs WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw StoreError("no run '" + id + "' in the database");
}

void require_writable(const RunStore::Impl& impl) {
  if (impl.read_only) throw StoreError(impl.path + " is open read-only");
}

std::string checked_artifact_path(const std::string& db_path, const std::string& relative, const std::string& run_id) {
  const fs::path rel(relative);
  std::vector<std::string> parts;
  for (const auto& part : rel) parts.push_back(part.string());
  const bool ok = !relative.empty() && !rel.is_absolute() && parts.size() == 3 && valid_run_id(run_id) && parts[1] == run_id &&
                  parts[0] != ".." && parts[0] != "." && parts[2] != ".." && parts[2] != "." && !parts[2].empty();
  if (!ok)
    throw StoreError("checkpoint path '" + relative + "' is not a file of run " + run_id +
                     "'s own folder (<artifacts>/<run>/<file>); refused");
  return (fs::absolute(fs::path(db_path)).parent_path() / rel).string();
}

}  // namespace store_detail

using namespace store_detail;

RunStore::Impl::~Impl() {
  {
    std::lock_guard<std::mutex> lock(mu);
    stopping = true;
  }
  cv.notify_all();
  if (heartbeat.joinable()) heartbeat.join();
  for (const auto& [id, fd] : owned) ::close(fd);  // the run stays "running" until a reader sees the free lock
}

bool RunStore::Impl::take_ownership(const std::string& id) {
  const std::string path = run_lock_path(this->path, id);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw StoreError("cannot create " + fs::path(path).parent_path().string() + ": " + ec.message());
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw StoreError("cannot create the run lock " + path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  std::lock_guard<std::mutex> lock(mu);
  auto it = owned.find(id);
  if (it != owned.end()) ::close(it->second);
  owned[id] = fd;
  stopping = false;
  if (!heartbeat.joinable()) heartbeat = std::thread([this] { heartbeat_loop(); });
  return true;
}

void RunStore::Impl::release_ownership(const std::string& id, bool abandon) {
  std::thread done;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = owned.find(id);
    if (it == owned.end()) return;
    // Unlink while still holding the lock: a reader that opened the file before sees it held or
    // finds the run no longer "running"; a later owner creates a fresh file.
    if (!abandon) ::unlink(run_lock_path(path, id).c_str());
    ::close(it->second);
    owned.erase(it);
    if (owned.empty()) {
      stopping = true;
      done = std::move(heartbeat);
    }
  }
  cv.notify_all();
  if (done.joinable()) done.join();
}

void RunStore::Impl::heartbeat_loop() {
  std::unique_ptr<SQLite::Database> conn;
  std::unique_lock<std::mutex> lock(mu);
  const auto period = std::chrono::milliseconds(static_cast<int64_t>(RunStore::kHeartbeatSeconds * 1000));
  while (!stopping) {
    if (cv.wait_for(lock, period, [this] { return stopping; })) break;
    std::vector<std::string> ids;
    for (const auto& [id, fd] : owned) ids.push_back(id);
    lock.unlock();
    try {
      if (!conn) conn = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, 5000);
      SQLite::Statement q(*conn, "UPDATE runs SET heartbeat = ? WHERE id = ? AND status = 'running' AND owner_pid = ?");
      for (const auto& id : ids) {
        q.bind(1, utc_now());
        q.bind(2, id);
        q.bind(3, static_cast<int64_t>(::getpid()));
        q.exec();
        q.reset();
      }
    } catch (const std::exception&) {
      // A busy or vanished database: the next beat tries again; the lock still proves liveness here.
      conn.reset();
    }
    lock.lock();
  }
}

bool RunStore::claim_run(const std::string& id, const std::vector<std::string>& from) {
  require_writable(*impl_);
  // The lock comes first: from the moment the row says "running", a reader finds it held.
  if (!impl_->take_ownership(id)) return false;
  std::string allowed;
  for (size_t i = 0; i < from.size(); ++i) allowed += i ? ",?" : "?";
  SQLite::Statement q(*impl_->db,
                      "UPDATE runs SET status = 'running', reason = '', started = COALESCE(started, ?), heartbeat = ?, "
                      "owner_pid = ?, owner_host = ?, finished = NULL WHERE id = ? AND status IN (" + allowed + ")");
  const std::string now = utc_now();
  q.bind(1, now);
  q.bind(2, now);
  q.bind(3, static_cast<int64_t>(getpid()));
  q.bind(4, host_name());
  q.bind(5, id);
  int i = 6;
  for (const auto& f : from) q.bind(i++, f);
  bool claimed = false;
  try {
    claimed = q.exec() == 1;
  } catch (...) {
    impl_->release_ownership(id);
    throw;
  }
  if (!claimed) impl_->release_ownership(id);
  return claimed;
}

void RunStore::finish_run(const std::string& id, RunStatus status, const std::string& reason, const RunTotals& t) {
  try {
    SQLite::Statement q(*impl_->db,
                        "UPDATE runs SET status = ?, reason = ?, finished = ?, heartbeat = ?, summary = ?, wall_seconds = ?, "
                        "tokens_per_second = ?, peak_bytes = ?, step = MAX(step, ?) WHERE id = ?");
    const std::string now = utc_now();
    q.bind(1, to_string(status));
    q.bind(2, reason);
    q.bind(3, now);
    q.bind(4, now);
    q.bind(5, t.summary_json);
    q.bind(6, t.wall_seconds);
    q.bind(7, t.tokens_per_second);
    q.bind(8, t.peak_bytes);
    q.bind(9, t.step);
    q.bind(10, id);
    q.exec();
  } catch (...) {
    // The status could not be written (a full disk, say): the run is let go all the same, its lock
    // file left unlocked, so that any reaper, this process's included, finds it interrupted.
    impl_->release_ownership(id, true);
    throw;
  }
  impl_->release_ownership(id);
}

bool RunStore::owns(const std::string& id) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->owned.count(id) > 0;
}

int RunStore::reap_stale_runs(double max_age_seconds) {
  if (impl_->read_only) return 0;
  auto& db = *impl_->db;
  const auto cutoff = iso_time(std::chrono::system_clock::now() -
                               std::chrono::milliseconds(static_cast<int64_t>(max_age_seconds * 1000)));
  SQLite::Statement q(db, "SELECT id, owner_pid, owner_host, COALESCE(heartbeat, created) FROM runs WHERE status = 'running'");
  struct Stale {
    std::string id, heartbeat, reason;
  };
  std::vector<Stale> stale;
  const std::string host = host_name();
  while (q.executeStep()) {
    const std::string id = q.getColumn(0).getString();
    const auto pid = q.getColumn(1).getInt64();
    const std::string heartbeat = q.getColumn(3).getString();
    const bool old = heartbeat < cutoff;
    if (q.getColumn(2).getString() == host) {
      // Same host: the owner's lock is the truth; a run whose heartbeat lags (a long evaluation) stays.
      switch (probe_run_lock(impl_->path, id)) {
        case LockState::Held: continue;
        case LockState::Free:
          stale.push_back({id, heartbeat, "owning process " + std::to_string(pid) + " ended without finishing the run"});
          continue;
        case LockState::Absent:  // an owner that took no lock (or a lock folder removed): is its process there?
          if (pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
          stale.push_back({id, heartbeat, "owning process " + std::to_string(pid) + " is gone"});
          continue;
      }
    }
    if (old)
      stale.push_back({id, heartbeat, "no heartbeat from " + q.getColumn(2).getString() + " for more than " +
                                          std::to_string(static_cast<int>(max_age_seconds)) + " s"});
  }
  int changed = 0;
  for (const auto& st : stale) {
    // Only if nothing changed since the SELECT: a run that just finished or beat its heart stays.
    SQLite::Statement u(db, "UPDATE runs SET status = 'interrupted', reason = ? WHERE id = ? AND status = 'running' AND "
                            "COALESCE(heartbeat, created) = ?");
    u.bind(1, st.reason);
    u.bind(2, st.id);
    u.bind(3, st.heartbeat);
    changed += u.exec();
  }
  return changed;
}

}  // namespace etlab
