// SPDX-License-Identifier: MIT
// A child process for the store's crash and concurrency tests: it writes runs through the same
// RunStore calls the trainer makes (one transaction per logging interval, every artefact type),
// resumes interrupted runs, or reads like the GUI does.
//
//   store_writer write  DB RUNS STEPS MARKER [TAG]   train-like writes; appends each finished run id to MARKER
//   store_writer resume DB MARKER                    finishes every interrupted run from its last step
//   store_writer read   DB SECONDS                   lists, filters and reads series until SECONDS pass
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"

using namespace etlab;

namespace {

constexpr int kLogEvery = 5;

void mark(const std::string& marker, const std::string& id) {
  // Written only after finish_run committed: every id in the file must be a finished run.
  std::ofstream out(marker, std::ios::app);
  out << id << '\n';
  out.flush();
}

void write_steps(RunStore& store, const std::string& id, int64_t from, int64_t steps) {
  LogBatch batch;
  for (int64_t step = from; step <= steps; ++step) {
    batch.metrics.push_back({step, "train/loss", 3.0 / static_cast<double>(step), 0.01 * static_cast<double>(step)});
    batch.metrics.push_back({step, "train/lr", 1e-3, 0.01 * static_cast<double>(step)});
    if (step % kLogEvery == 0 || step == steps) {
      batch.evals.push_back({step, "val", "accuracy", 0.5 + 0.001 * static_cast<double>(step)});
      SelectionRecord sel;
      sel.step = step;
      sel.q_blocks = sel.k_blocks = 8;
      sel.block = 16;
      sel.bits.assign(8, static_cast<uint8_t>(step & 0xFF));
      batch.selections.push_back(sel);
      ProbRecord prob;
      prob.step = step;
      prob.rows = prob.cols = 16;
      prob.values.assign(256, 1.0f / 16.0f);
      batch.probabilities.push_back(prob);
      batch.spectra.push_back({step, "q", 0, "lora", {3.0f, 2.0f, 1.0f}, 1.5, 2.5});
      batch.step = step;
      store.write_batch(id, batch);
      batch = LogBatch{};
    }
  }
}

int write_mode(const std::string& db, int runs, int64_t steps, const std::string& marker, const std::string& tag) {
  RunStore store(db);
  for (int r = 0; r < runs; ++r) {
    RunRecord rec;
    rec.preset = "writer";
    rec.method = r % 2 ? "learned_sparse" : "dense";
    rec.seed = r;
    rec.config_json = nlohmann::json{{"train", {{"steps", steps}, {"seed", r}}}, {"writer", tag}}.dump();
    const std::string id = store.create_run(rec, /*owned=*/true);
    if (!tag.empty()) store.add_tag(id, tag);
    store.set_params(id, 1000, 100, {{"encoder", 1000, 100}});
    store.add_probes(id, {{0, "test", "probe text", 1, {1, 2, 3, 4}}});
    write_steps(store, id, 1, steps);
    store.finish_run(id, RunStatus::Finished, "", RunTotals{R"({"test/accuracy":0.5})", 1.0, 10.0, 1, steps});
    mark(marker, id);
  }
  return 0;
}

int resume_mode(const std::string& db, const std::string& marker) {
  RunStore store(db);
  store.reap_stale_runs();
  RunFilter f;
  f.status = "interrupted";
  for (const auto& run : store.list_runs(f)) {
    const int64_t steps = nlohmann::json::parse(run.config_json)["train"]["steps"].get<int64_t>();
    if (!store.claim_run(run.id, {"interrupted"})) return 4;
    // Resume from the last logging interval that committed (what a checkpoint at each flush would hold).
    write_steps(store, run.id, run.step + 1, steps);
    store.finish_run(run.id, RunStatus::Finished, "", RunTotals{R"({"test/accuracy":0.5})", 1.0, 10.0, 1, steps});
    mark(marker, run.id);
  }
  return 0;
}

int read_mode(const std::string& db, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int64_t reads = 0;
  while (std::chrono::steady_clock::now() < until) {
    RunStore store(db, /*read_only=*/true);
    for (const auto& run : store.list_runs()) {
      store.series(run.id, "train/loss", 50);
      store.metric_summaries(run.id);
      store.selections(run.id, 0);
      ++reads;
    }
    RunFilter f;
    f.method = "dense";
    store.count_runs(f);
    usleep(2000);
  }
  std::printf("%lld\n", static_cast<long long>(reads));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "write" && argc >= 6)
      return write_mode(argv[2], std::atoi(argv[3]), std::atoll(argv[4]), argv[5], argc > 6 ? argv[6] : "");
    if (mode == "resume" && argc == 4) return resume_mode(argv[2], argv[3]);
    if (mode == "read" && argc == 4) return read_mode(argv[2], std::atof(argv[3]));
    std::fprintf(stderr, "usage: store_writer write DB RUNS STEPS MARKER [TAG] | resume DB MARKER | read DB SECONDS\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_writer: %s\n", e.what());
    return 1;
  }
}
