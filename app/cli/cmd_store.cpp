// SPDX-License-Identifier: MIT
// Commands over the run store: runs, show, rename, tag, note, delete, restore, bin, prune, vacuum,
// export-runs, merge, export.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/cli_common.h"
#include "core/config/attention_kind.h"
#include "core/store/run_store.h"

namespace etlab::cli {

namespace {

namespace fs = std::filesystem;

nlohmann::json parse_or_empty(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json::object() : j;
}

nlohmann::json run_json(const RunStore& store, const RunRecord& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"status", r.status},
          {"reason", r.reason},
          {"preset", r.preset},
          {"method", r.method},
          {"task", r.task},
          {"experiment", r.experiment},
          {"seed", r.seed},
          {"created", r.created},
          {"started", r.started},
          {"finished", r.finished},
          {"step", r.step},
          {"params_total", r.params_total},
          {"params_trainable", r.params_trainable},
          {"wall_seconds", r.wall_seconds},
          {"tokens_per_second", r.tokens_per_second},
          {"peak_bytes", r.peak_bytes},
          {"tags", store.tags(r.id)},
          {"notes", r.notes},
          {"base_run", r.base_run},
          {"origin", r.origin},
          {"deleted", r.deleted},
          {"summary", parse_or_empty(r.summary_json)}};
}

std::string human_bytes(int64_t b) {
  char buf[32];
  const double v = static_cast<double>(b);
  if (b >= (1LL << 30)) std::snprintf(buf, sizeof buf, "%.2f GiB", v / (1LL << 30));
  else if (b >= (1LL << 20)) std::snprintf(buf, sizeof buf, "%.1f MiB", v / (1LL << 20));
  else if (b >= 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", v / 1024.0);
  else std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(b));
  return buf;
}

/// Opens an existing database (never creates one for a command that only reads or edits).
std::unique_ptr<RunStore> open_existing(const DbOptions& db, bool read_only = false) {
  const std::string path = db.resolved();
  if (!fs::exists(path)) throw StoreError("no database at " + path);
  auto store = std::make_unique<RunStore>(path, read_only);
  store->reap_stale_runs();
  return store;
}

RunRecord require_run(const RunStore& store, const std::string& id) {
  auto run = store.find_run(id);
  if (!run) throw StoreError("no run '" + id + "' in " + store.path());
  return *run;
}

/// Runs a command body, turning errors into a message and exit status 1.
template <typename F>
void guarded(bool json, F&& body) {
  try {
    body();
  } catch (const std::exception& e) {
    print_error(e.what(), json);
    throw CLI::RuntimeError(1);
  }
}

void print_cleanup(const char* what, const CleanupReport& r, bool dry, bool json) {
  if (json) {
    std::cout << nlohmann::json{{"dry_run", dry}, {"runs", r.runs}, {"files", r.files}, {"bytes", r.bytes}, {"paths", r.paths},
                                {"notes", r.notes}}
                     .dump()
              << std::endl;
    return;
  }
  for (const auto& n : r.notes) std::printf("  %s\n", n.c_str());
  std::printf("%s%s: %lld run(s), %lld file(s), %s %s\n", what, dry ? " (dry run)" : "", static_cast<long long>(r.runs),
              static_cast<long long>(r.files), human_bytes(r.bytes).c_str(), dry ? "would be freed" : "freed");
}

void add_runs(CLI::App& app) {
  struct Args {
    DbOptions db;
    bool json = false, deleted = false, ascending = false;
    RunFilter filter;
    std::vector<std::string> where;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("runs", "list the runs of a database (filters combine)");
  cmd->add_option("--db", a->db.db, "database file");
  cmd->add_flag("--json", a->json, "an array of run objects");
  cmd->add_option("--status", a->filter.status, "only runs with this status")
      ->check(CLI::IsMember({"queued", "running", "finished", "failed", "cancelled", "interrupted"}));
  cmd->add_option("--preset", a->filter.preset, "only runs of this preset");
  cmd->add_option("--method", a->filter.method,
                  "only runs of this method: an attention kind (" + attention_kinds().joined_names() + "), lora, sparse+lora");
  cmd->add_option("--task", a->filter.task, "only runs of this task, e.g. listops or sentiment:imdb");
  cmd->add_option("--tag", a->filter.tag, "only runs with this tag");
  cmd->add_option("--where", a->where, "config condition KEY=VALUE, e.g. --where lora.r=8 (repeatable)");
  cmd->add_option("--search", a->filter.text, "text in the name, preset, notes or id");
  cmd->add_flag("--deleted", a->deleted, "list the bin instead");
  cmd->add_option("--sort", a->filter.order_by,
                  "created, status, preset, method, name, task, step, wall_seconds, tokens_per_second, peak_bytes, "
                  "params_trainable, seed, or summary:KEY (e.g. summary:test/accuracy)");
  cmd->add_flag("--asc", a->ascending, "ascending order (default: descending)");
  cmd->add_option("--limit", a->filter.limit, "at most N runs");
  cmd->add_option("--offset", a->filter.offset, "skip the first N runs");
  cmd->callback([a] {
    guarded(a->json, [&] {
      for (const auto& w : a->where) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0) throw StoreError("--where needs KEY=VALUE, got '" + w + "'");
        a->filter.where.push_back({w.substr(0, eq), w.substr(eq + 1)});
      }
      a->filter.only_deleted = a->deleted;
      a->filter.descending = !a->ascending;
      const std::string path = a->db.resolved();
      if (!fs::exists(path)) {
        // Listing must not create files: an absent default database simply has no runs yet.
        if (!a->db.db.empty()) throw StoreError("no database at " + path);
        if (a->json) std::cout << "[]" << std::endl;
        else std::printf("no runs yet in %s\n", path.c_str());
        return;
      }
      RunStore store(path);
      store.reap_stale_runs();
      const auto runs = store.list_runs(a->filter);
      if (a->json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& r : runs) arr.push_back(run_json(store, r));
        std::cout << arr.dump(2) << std::endl;
        return;
      }
      std::printf("%-8s  %-11s %-22s %-18s %6s %9s  %-24s %s\n", "id", "status", "preset", "method", "step", "test acc",
                  "created", "name / tags");
      for (const auto& r : runs) {
        const auto summary = parse_or_empty(r.summary_json);
        std::string acc = "-";
        if (summary.contains("test/accuracy") && summary["test/accuracy"].is_number()) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%.4f", summary["test/accuracy"].get<double>());
          acc = buf;
        }
        std::string label = r.name;
        for (const auto& t : store.tags(r.id)) label += " #" + t;
        std::printf("%-8s  %-11s %-22s %-18s %6lld %9s  %-24s %s\n", r.id.substr(0, 8).c_str(), r.status.c_str(),
                    r.preset.c_str(), r.method.c_str(), static_cast<long long>(r.step), acc.c_str(), r.created.c_str(),
                    label.c_str());
      }
      const auto total = store.count_runs(a->filter);
      if (static_cast<int64_t>(runs.size()) < total)
        std::printf("(%zu of %lld shown; use --limit/--offset)\n", runs.size(), static_cast<long long>(total));
    });
  });
}

void add_show(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string run;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("show", "a run's configuration, summary and artefact counts");
  cmd->add_option("run", a->run, "run id or unique prefix")->required();
  cmd->add_option("--db", a->db.db, "database file");
  cmd->add_flag("--json", a->json, "one JSON object");
  cmd->callback([a] {
    guarded(a->json, [&] {
      auto store = open_existing(a->db);
      const auto r = require_run(*store, a->run);
      const auto c = store->artefact_counts(r.id);
      nlohmann::json counts = {{"metrics", c.metrics},       {"evals", c.evals},
                               {"probes", c.probes},         {"selections", c.selections},
                               {"probabilities", c.probabilities}, {"spectra", c.spectra},
                               {"adapter_vectors", c.adapter_vectors}, {"checkpoints", c.checkpoints},
                               {"checkpoint_bytes", c.checkpoint_bytes}, {"benchmarks", c.benchmarks}};
      nlohmann::json metrics = nlohmann::json::array();
      for (const auto& m : store->metric_summaries(r.id))
        metrics.push_back({{"key", m.key},   {"count", m.count}, {"last", m.last}, {"last_step", m.last_step},
                           {"min", m.min},   {"max", m.max},     {"best", m.best}, {"best_step", m.best_step}});
      if (a->json) {
        auto j = run_json(*store, r);
        j["config"] = parse_or_empty(r.config_json);
        j["environment"] = parse_or_empty(r.environment_json);
        j["artefacts"] = counts;
        j["metrics"] = metrics;
        std::cout << j.dump(2) << std::endl;
        return;
      }
      std::printf("run        %s%s\n", r.id.c_str(), r.name.empty() ? "" : ("  \"" + r.name + "\"").c_str());
      std::printf("status     %s%s\n", r.status.c_str(), r.reason.empty() ? "" : (" (" + r.reason + ")").c_str());
      std::printf("preset     %s   method %s   task %s   seed %lld\n", r.preset.c_str(), r.method.c_str(), r.task.c_str(),
                  static_cast<long long>(r.seed));
      std::printf("created    %s   finished %s\n", r.created.c_str(), r.finished.empty() ? "-" : r.finished.c_str());
      std::printf("steps      %lld   wall %.1f s   %.0f tokens/s   peak %s\n", static_cast<long long>(r.step), r.wall_seconds,
                  r.tokens_per_second, human_bytes(r.peak_bytes).c_str());
      std::printf("parameters %lld total, %lld trainable\n", static_cast<long long>(r.params_total),
                  static_cast<long long>(r.params_trainable));
      if (!r.experiment.empty()) std::printf("experiment %s\n", r.experiment.c_str());
      const auto tags = store->tags(r.id);
      if (!tags.empty()) {
        std::string t;
        for (const auto& x : tags) t += (t.empty() ? "" : ", ") + x;
        std::printf("tags       %s\n", t.c_str());
      }
      if (!r.notes.empty()) std::printf("notes      %s\n", r.notes.c_str());
      if (!r.base_run.empty()) std::printf("base run   %s\n", r.base_run.c_str());
      if (!r.origin.empty()) std::printf("merged from %s\n", r.origin.c_str());
      std::printf("\nsummary\n");
      const auto summary = parse_or_empty(r.summary_json);
      for (const auto& [k, v] : summary.items()) std::printf("  %-28s %s\n", k.c_str(), v.dump().c_str());
      std::printf("\nmetrics (count, last, best at step)\n");
      for (const auto& m : store->metric_summaries(r.id))
        std::printf("  %-28s %6lld  %12.6g  %12.6g @ %lld\n", m.key.c_str(), static_cast<long long>(m.count), m.last, m.best,
                    static_cast<long long>(m.best_step));
      std::printf("\nartefacts\n");
      for (const auto& [k, v] : counts.items())
        std::printf("  %-28s %s\n", k.c_str(), k == "checkpoint_bytes" ? human_bytes(v.get<int64_t>()).c_str() : v.dump().c_str());
      std::printf("\nconfig\n%s\n", parse_or_empty(r.config_json).dump(2).c_str());
    });
  });
}

// rename / note / tag / untag / delete / restore: one run, one change.
void add_edits(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string run, value;
    std::vector<std::string> values;
  };
  auto simple = [&app](const char* name, const char* help, const char* value_help,
                       std::function<void(RunStore&, const std::string&, Args&)> apply) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("run", a->run, "run id or unique prefix")->required();
    if (value_help) cmd->add_option("value", a->values, value_help)->required();
    cmd->add_option("--db", a->db.db, "database file");
    cmd->callback([a, apply, name] {
      guarded(false, [&] {
        auto store = open_existing(a->db);
        const auto r = require_run(*store, a->run);
        apply(*store, r.id, *a);
        std::printf("%s: %s\n", name, r.id.c_str());
      });
    });
  };
  auto joined = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  simple("rename", "give a run a name", "NAME", [joined](RunStore& s, const std::string& id, Args& a) { s.rename_run(id, joined(a.values)); });
  simple("note", "set a run's notes (an empty string clears them)", "TEXT",
         [joined](RunStore& s, const std::string& id, Args& a) { s.set_notes(id, joined(a.values)); });
  simple("tag", "add tags to a run", "TAG...", [](RunStore& s, const std::string& id, Args& a) {
    for (const auto& t : a.values) s.add_tag(id, t);
  });
  simple("untag", "remove tags from a run", "TAG...", [](RunStore& s, const std::string& id, Args& a) {
    for (const auto& t : a.values) s.remove_tag(id, t);
  });
  simple("experiment", "put a run into an experiment (group)", "NAME",
         [joined](RunStore& s, const std::string& id, Args& a) { s.set_experiment(id, joined(a.values)); });
  simple("delete", "move a run to the bin (undo with restore until the bin is emptied)", nullptr,
         [](RunStore& s, const std::string& id, Args&) { s.delete_run(id); });
  simple("restore", "take a run back out of the bin", nullptr, [](RunStore& s, const std::string& id, Args&) { s.restore_run(id); });
}

void add_maintenance(CLI::App& app) {
  struct Args {
    DbOptions db;
    bool json = false, empty = false, dry = false;
    std::string keep = "last,best";
    std::vector<std::string> runs;
  };
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("bin", "list the runs in the bin, or empty it for good");
    cmd->add_option("--db", a->db.db, "database file");
    cmd->add_flag("--empty", a->empty, "remove the binned runs and their files (cannot be undone)");
    cmd->add_flag("--dry-run", a->dry, "with --empty: only say what would be removed");
    cmd->add_flag("--json", a->json, "JSON output");
    cmd->callback([a] {
      guarded(a->json, [&] {
        auto store = open_existing(a->db);
        if (a->empty) {
          print_cleanup("bin", store->empty_bin(a->dry), a->dry, a->json);
          return;
        }
        RunFilter f;
        f.only_deleted = true;
        const auto runs = store->list_runs(f);
        if (a->json) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& r : runs) arr.push_back(run_json(*store, r));
          std::cout << arr.dump(2) << std::endl;
          return;
        }
        for (const auto& r : runs)
          std::printf("%-8s  %-11s %-22s deleted %s\n", r.id.substr(0, 8).c_str(), r.status.c_str(), r.preset.c_str(),
                      r.deleted_at.c_str());
        std::printf("%zu run(s) in the bin\n", runs.size());
      });
    });
  }
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("prune", "checkpoint retention for finished runs; shows the space freed");
    cmd->add_option("--db", a->db.db, "database file");
    cmd->add_option("--keep", a->keep, "last, best, last,best or none (default last,best)");
    cmd->add_option("--runs", a->runs, "only these runs (ids or prefixes, comma-separated)")->delimiter(',');
    cmd->add_flag("--dry-run", a->dry, "only say what would be removed");
    cmd->add_flag("--json", a->json, "JSON output");
    cmd->callback([a] {
      guarded(a->json, [&] {
        auto store = open_existing(a->db);
        std::vector<std::string> ids;
        for (const auto& r : a->runs) ids.push_back(require_run(*store, r).id);
        print_cleanup("prune", store->prune_checkpoints(a->keep, ids, a->dry), a->dry, a->json);
      });
    });
  }
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("vacuum", "rewrite the database compactly");
    cmd->add_option("--db", a->db.db, "database file");
    cmd->callback([a] {
      guarded(false, [&] {
        auto store = open_existing(a->db);
        const auto [before, after] = store->vacuum();
        std::printf("vacuum: %s -> %s\n", human_bytes(before).c_str(), human_bytes(after).c_str());
      });
    });
  }
}

void print_exchange(const ExchangeReport& r, bool json) {
  if (json) {
    std::cout << nlohmann::json{{"copied", r.copied},
                                {"skipped", r.skipped},
                                {"checkpoints", r.checkpoints},
                                {"checkpoint_bytes", r.checkpoint_bytes},
                                {"missing_files", r.missing_files},
                                {"invalid_runs", r.invalid}}
                     .dump()
              << std::endl;
    return;
  }
  std::printf("%zu run(s) copied, %zu already present (skipped), %lld checkpoint file(s) (%s)\n", r.copied.size(),
              r.skipped.size(), static_cast<long long>(r.checkpoints), human_bytes(r.checkpoint_bytes).c_str());
  for (const auto& m : r.missing_files) std::printf("  checkpoint left out: %s\n", m.c_str());
  for (const auto& id : r.invalid) std::printf("  run refused: id '%s' is not a UUID\n", id.c_str());
}

void add_exchange(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::vector<std::string> runs;
    std::string out, from, into, run, what = "metrics", format = "csv", key;
    bool no_checkpoints = false, json = false;
  };
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("export-runs", "write runs to a new self-contained database");
    cmd->add_option("--db", a->db.db, "database file");
    cmd->add_option("--runs", a->runs, "run ids or prefixes, comma-separated")->delimiter(',')->required();
    cmd->add_option("--out", a->out, "the new database (must not exist)")->required();
    cmd->add_flag("--no-checkpoints", a->no_checkpoints, "leave the checkpoint files out");
    cmd->add_flag("--json", a->json, "JSON output");
    cmd->callback([a] {
      guarded(a->json, [&] {
        auto store = open_existing(a->db);  // an older schema is migrated first, as every command does
        print_exchange(store->export_runs(a->runs, a->out, !a->no_checkpoints), a->json);
      });
    });
  }
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("merge", "import the runs of another database (idempotent by run id)");
    cmd->add_option("--from", a->from, "the database to read (never modified)")->required();
    cmd->add_option("--into", a->into, "the database to add to (default: the default database)");
    cmd->add_flag("--no-checkpoints", a->no_checkpoints, "leave the checkpoint files out");
    cmd->add_flag("--json", a->json, "JSON output");
    cmd->callback([a] {
      guarded(a->json, [&] {
        DbOptions into{a->into};
        RunStore store(into.resolved());
        print_exchange(store.merge_from(a->from, !a->no_checkpoints), a->json);
      });
    });
  }
  {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("export", "a run's metric series, evaluations or benchmarks as CSV or JSON");
    cmd->add_option("run", a->run, "run id or unique prefix (benchmarks: 'all' for every benchmark)")->required();
    cmd->add_option("--db", a->db.db, "database file");
    cmd->add_option("--what", a->what, "metrics, evals, spectra or benchmarks")
        ->check(CLI::IsMember({"metrics", "evals", "spectra", "benchmarks"}));
    cmd->add_option("--key", a->key, "metrics: only this series, e.g. train/loss");
    cmd->add_option("--format", a->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", a->out, "file to write (default: standard output; an existing file is not overwritten)");
    cmd->callback([a] {
      guarded(false, [&] {
        auto store = open_existing(a->db, true);
        std::string run_id;
        if (!(a->what == "benchmarks" && a->run == "all")) run_id = require_run(*store, a->run).id;
        std::vector<std::string> header;
        std::vector<std::vector<nlohmann::json>> rows;
        if (a->what == "metrics") {
          header = {"step", "key", "value", "wall_seconds"};
          for (const auto& m : store->metrics(run_id, a->key)) rows.push_back({m.step, m.key, m.value, m.wall});
        } else if (a->what == "evals") {
          header = {"step", "split", "metric", "value"};
          for (const auto& e : store->evals(run_id)) rows.push_back({e.step, e.split, e.metric, e.value});
        } else if (a->what == "spectra") {
          header = {"step", "module", "layer", "kind", "stable_rank", "effective_rank", "singular_values"};
          for (const auto& s : store->spectra(run_id))
            rows.push_back({s.step, s.module, s.layer, s.kind, s.stable_rank, s.effective_rank, nlohmann::json(s.singular).dump()});
        } else {
          header = {"run_id", "created", "method", "n", "batch", "heads", "dim", "block", "k", "device", "threads", "kernel",
                    "mode", "time_ms", "time_spread_ms", "peak_bytes", "flops"};
          for (const auto& b : store->benchmarks(run_id))
            rows.push_back({b.run_id, b.created, b.method, b.n, b.batch, b.heads, b.dim, b.block, b.k, b.device, b.threads,
                            b.kernel, b.mode, b.time_ms, b.time_spread_ms, b.peak_bytes, b.flops});
        }
        std::ostringstream text;
        if (a->format == "json") {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& row : rows) {
            nlohmann::json o;
            for (size_t i = 0; i < header.size(); ++i) o[header[i]] = row[i];
            arr.push_back(o);
          }
          text << arr.dump(2) << "\n";
        } else {
          auto cell = [](const nlohmann::json& v) {
            std::string s = v.is_string() ? v.get<std::string>() : v.dump();
            if (s.find_first_of(",\"\n") == std::string::npos) return s;
            std::string q = "\"";
            for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            return q + "\"";
          };
          for (size_t i = 0; i < header.size(); ++i) text << (i ? "," : "") << header[i];
          text << "\n";
          for (const auto& row : rows) {
            for (size_t i = 0; i < row.size(); ++i) text << (i ? "," : "") << cell(row[i]);
            text << "\n";
          }
        }
        if (a->out.empty()) {
          std::cout << text.str();
        } else {
          if (fs::exists(a->out)) throw StoreError(a->out + " already exists; choose a new file (nothing was overwritten)");
          std::ofstream out(a->out);
          if (!(out << text.str())) throw StoreError("cannot write " + a->out);
          std::fprintf(stderr, "wrote %zu row(s) to %s\n", rows.size(), a->out.c_str());
        }
      });
    });
  }
}

}  // namespace

void add_store_commands(CLI::App& app) {
  add_runs(app);
  add_show(app);
  add_edits(app);
  add_maintenance(app);
  add_exchange(app);
}

}  // namespace etlab::cli
