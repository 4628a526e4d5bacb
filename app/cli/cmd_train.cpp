// SPDX-License-Identifier: MIT
// `etlab-cli train` and `etlab-cli resume`.
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "app/cli/cli_common.h"
#include "app/cli/progress.h"
#include "core/data/data_cache.h"
#include "core/data/dataset.h"
#include "core/dist/dist_env.h"
#include "core/store/run_store.h"
#include "core/store/write_failure.h"

namespace etlab::cli {

namespace {

struct TrainArgs {
  ConfigSource source;
  std::vector<std::string> sweeps;
  int64_t seeds = 1;
  DbOptions db;
  int64_t threads = -1;
  std::string device;
  std::string data_dir;
  bool json = false;
  bool distributed = false;
  int64_t dist_timeout_s = 600, bucket_mb = 25;
  std::string lr_scaling = "none";
};

struct ResumeArgs {
  std::string run;
  DbOptions db;
  int64_t threads = -1;
  std::string data_dir;
  bool json = false;
};

// A write that failed for want of space (SQLite's or a checkpoint's): say so, what is kept, and how to
// carry on; any other error as it is.
std::string explain_failure(const std::string& what, const std::string& run_id, const std::string& db,
                            bool explained = false) {
  if (!explained && !is_write_failure(what)) return what;
  std::string out = db + ": " + (explained ? what : write_failure_reason(what));
  if (!run_id.empty())
    out += ". Run " + run_id.substr(0, 8) + " keeps everything up to its last checkpoint and is shown as interrupted;"
           " continue it with `etlab-cli resume " + run_id.substr(0, 8) + " --db " + db + "`";
  return out;
}

// Expands --sweep key=v1,v2 (cartesian product) and --seeds N into one assignment list per run.
std::vector<std::vector<std::string>> expand_sweeps(const std::vector<std::string>& sweeps, bool json, bool* ok) {
  std::vector<std::vector<std::string>> combos{{}};
  *ok = true;
  for (const auto& sweep : sweeps) {
    const auto eq = sweep.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == sweep.size()) {
      print_error("--sweep expects key=v1,v2,... (got '" + sweep + "')", json);
      *ok = false;
      return {};
    }
    const std::string key = sweep.substr(0, eq);
    std::vector<std::string> values;
    std::stringstream ss(sweep.substr(eq + 1));
    std::string v;
    while (std::getline(ss, v, ',')) values.push_back(v);
    std::vector<std::vector<std::string>> next;
    for (const auto& c : combos)
      for (const auto& value : values) {
        auto n = c;
        n.push_back(key + "=" + value);
        next.push_back(std::move(n));
      }
    combos = std::move(next);
  }
  return combos;
}

int run_train(const TrainArgs& a) {
  nlohmann::json base;
  if (!a.source.load(base, a.json)) return 2;
  bool ok = true;
  auto combos = expand_sweeps(a.sweeps, a.json, &ok);
  if (!ok) return 2;
  if (a.distributed && (combos.size() > 1 || a.seeds > 1)) {
    print_error("--distributed trains one run: drop --sweep and --seeds (start one job per run)", a.json);
    return 2;
  }
  int rank = 0;
  if (a.distributed) {
    try {
      rank = read_dist_env().rank;
    } catch (const std::exception& e) {
      print_error(e.what(), a.json);
      return 2;
    }
  }
  // Validate every run of the sweep before training any: a rejected config writes nothing.
  std::vector<RunConfig> configs;
  for (const auto& combo : combos) {
    for (int64_t i = 0; i < a.seeds; ++i) {
      nlohmann::json cfg = base;
      std::vector<ConfigIssue> issues;
      for (const auto& s : combo)
        if (auto issue = apply_set(cfg, s)) issues.push_back(*issue);
      if (issues.empty() && a.seeds > 1) {
        const auto* seed = json_at(cfg, "train.seed");
        json_put(cfg, "train.seed", (seed && seed->is_number_integer() ? seed->get<int64_t>() : 0) + i);
      }
      RunConfig rc;
      if (issues.empty()) issues = parse_run_config(cfg, rc);
      if (!issues.empty()) {
        print_issues(issues, a.json);
        return 2;
      }
      if (const auto launch = check_launch(rc, a.distributed); !launch.empty()) {
        print_issues(launch, a.json);
        return 2;
      }
      configs.push_back(std::move(rc));
    }
  }
  // The data every run reads, before the database is opened: a missing or corrupted package, or a user
  // file that does not parse, is a problem with the configuration, not a failed run.
  const DataCache cache(a.data_dir);
  std::set<std::string> checked;
  for (const auto& rc : configs) {
    const std::string key = rc.task.dataset + '\n' + rc.task.path + '\n' + rc.task.tokenizer;
    if (!checked.insert(key).second) continue;
    if (const auto issues = check_data(rc.task, cache); !issues.empty()) {
      print_issues(issues, a.json);
      return 2;
    }
  }
  install_stop_handlers();
  std::unique_ptr<RunStore> store;
  try {
    store = std::make_unique<RunStore>(a.db.resolved());
    if (store->read_only()) throw StoreError(a.db.resolved() + " is read-only; choose another --db");
  } catch (const StoreError& e) {
    print_error(e.what(), a.json);
    return 1;
  }
  EngineOptions eo;
  eo.threads = a.threads;
  eo.device = a.device;
  eo.data_dir = a.data_dir;
  eo.distributed = a.distributed;
  eo.dist_timeout_s = a.dist_timeout_s;
  eo.bucket_mb = a.bucket_mb;
  eo.lr_scaling = a.lr_scaling;
  int rc = 0;
  for (const auto& cfg : configs) {
    // Stopped before training: a data-parallel rank says so (its peers wait for it), as a cancelled run would.
    if (g_stop_requested) return a.distributed ? 130 : rc;
    CliObserver observer(a.json, rank);
    try {
      auto result = train_run(cfg, *store, observer, eo);
      if (result.status != RunStatus::Finished) rc = result.status == RunStatus::Cancelled ? 130 : 1;
      if (result.status == RunStatus::Interrupted && result.write_failed) {
        print_error(explain_failure(result.reason, result.run_id, a.db.resolved(), true), a.json);
        return 1;
      }
    } catch (const std::exception& e) {
      const std::string what = explain_failure(e.what(), observer.run_id(), a.db.resolved());
      // Ranks other than 0 keep stdout for rank 0's JSON lines: their errors go to stderr.
      if (rank > 0) print_error("rank " + std::to_string(rank) + ": " + what, false);
      else print_error(what, a.json);
      return 1;
    }
  }
  return rc;
}

int run_resume(const ResumeArgs& a) {
  install_stop_handlers();
  try {
    RunStore store(a.db.resolved());
    CliObserver observer(a.json);
    EngineOptions eo;
    eo.threads = a.threads;
    eo.data_dir = a.data_dir;
    auto result = resume_run(a.run, store, observer, eo);
    if (result.status == RunStatus::Interrupted && result.write_failed) {
      print_error(explain_failure(result.reason, result.run_id, a.db.resolved(), true), a.json);
      return 1;
    }
    return result.status == RunStatus::Finished ? 0 : (result.status == RunStatus::Cancelled ? 130 : 1);
  } catch (const std::exception& e) {
    print_error(explain_failure(e.what(), a.run, a.db.resolved()), a.json);
    return 1;
  }
}

}  // namespace

void add_train_commands(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto* train = app.add_subcommand("train", "train one run, a sweep or several seeds");
  args->source.add_to(*train);
  train->add_option("--sweep", args->sweeps, "one run per value: --sweep lora.r=4,8,16 (repeat for a grid)");
  train->add_option("--seeds", args->seeds, "runs per configuration with seeds train.seed, +1, ...")->check(CLI::Range(1, 1000));
  train->add_option("--db", args->db.db, "database file (default: $XDG_DATA_HOME/etlab/etlab.db)");
  train->add_option("--threads", args->threads, "intra-op threads (0 = all cores)")->check(CLI::Range(0, 4096));
  train->add_option("--device", args->device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  train->add_option("--data-dir", args->data_dir, "data cache (default: $ETLAB_DATA_DIR or ~/.cache/etlab/data)");
  train->add_flag("--json", args->json, "JSON lines on stdout; the last line of each run has run_id, status, metrics");
  train->add_flag("--distributed", args->distributed,
                  "one rank of a data-parallel job: reads MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK "
                  "(torchrun, Slurm, or `etlab-cli launch`); rank 0 writes the run");
  train->add_option("--dist-timeout", args->dist_timeout_s, "seconds before rendezvous or a collective gives up (default 600)")
      ->check(CLI::Range(1, 86400));
  train->add_option("--bucket-mb", args->bucket_mb, "gradient all-reduce bucket size in MiB (default 25)")->check(CLI::Range(1, 4096));
  train->add_option("--lr-scaling", args->lr_scaling, "none (default) or linear: train.lr times the number of ranks")
      ->check(CLI::IsMember({"none", "linear"}));
  train->callback([args] {
    const int rc = run_train(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });

  auto rargs = std::make_shared<ResumeArgs>();
  auto* resume = app.add_subcommand("resume", "continue an interrupted or cancelled run from its last checkpoint");
  resume->add_option("run", rargs->run, "run id or unique prefix")->required();
  resume->add_option("--db", rargs->db.db, "database file");
  resume->add_option("--threads", rargs->threads, "intra-op threads (use the original count for bit-identical losses)");
  resume->add_option("--data-dir", rargs->data_dir, "data cache");
  resume->add_flag("--json", rargs->json, "JSON lines on stdout");
  resume->callback([rargs] {
    const int rc = run_resume(*rargs);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace etlab::cli
