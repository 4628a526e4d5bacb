// SPDX-License-Identifier: MIT
// Database import: any bytes as another machine's database, merged into a fresh one. A damaged or
// hostile file must end in a StoreError (or import what is sound) and leave the destination whole;
// nothing outside the destination's folder is written. Seed corpus: `fuzz_merge --make-seed=PATH`
// writes a small valid database with one finished run (tests/fuzz/run.sh does this).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/run_store.h"

namespace fs = std::filesystem;

namespace {

fs::path work;
std::string template_bytes;  // the empty destination database every input is merged into

void make_seed(const std::string& path) {
  etlab::RunStore store(path, false, false);
  etlab::RunRecord rec;
  rec.name = "seed";
  rec.config_json = R"({"task": {"dataset": "listops"}})";
  rec.method = "dense";
  rec.task = "listops";
  const std::string id = store.create_run(rec, true);
  etlab::LogBatch batch;
  batch.step = 3;
  for (int s = 1; s <= 3; ++s) batch.metrics.push_back({s, "train/loss", 2.0 / s, 0.0});
  store.write_batch(id, batch);
  etlab::RunTotals totals;
  totals.step = 3;
  store.finish_run(id, etlab::RunStatus::Finished, "", totals);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  for (int i = 1; i < *argc; ++i)
    if (std::strncmp((*argv)[i], "--make-seed=", 12) == 0) {
      make_seed((*argv)[i] + 12);
      std::exit(0);
    }
  work = fs::temp_directory_path() / ("etlab-fuzz-merge-" + std::to_string(::getpid()));
  fs::create_directories(work / "src");
  fs::create_directories(work / "home");
  // The destination every input is merged into starts as this empty database. Its bytes are kept in
  // memory and written out for each input (fs::copy_file's sendfile loop gives up on EINTR, which
  // libFuzzer's timeout alarm causes now and then).
  etlab::RunStore(((work / "template.db")).string(), false, false);
  std::ifstream in(work / "template.db", std::ios::binary);
  template_bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path src = work / "src" / "other.db", home = work / "home" / "etlab.db";
  for (const auto& p : {src, home})
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  {
    std::ofstream out(src, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  {
    std::ofstream out(home, std::ios::binary);
    out.write(template_bytes.data(), static_cast<std::streamsize>(template_bytes.size()));
    if (!out.flush()) std::abort();
  }
  try {
    etlab::RunStore store(home.string(), false, false);
    store.merge_from(src.string());
  } catch (const etlab::StoreError&) {
    // Refused by name: what a damaged or hostile file must get. Anything else escapes and is a crash.
  }
  // Whatever happened, the destination is a sound database.
  SQLite::Database check(home.string(), SQLite::OPEN_READONLY);
  if (check.execAndGet("PRAGMA integrity_check").getString() != "ok") std::abort();
  // And nothing was written beside the source's folder or the destination's.
  for (const auto& entry : fs::directory_iterator(work)) {
    const auto name = entry.path().filename().string();
    if (name != "src" && name != "home" && name.rfind("template.db", 0) != 0) std::abort();
  }
  return 0;
}
