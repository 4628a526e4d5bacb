// SPDX-License-Identifier: MIT
// `etlab-cli infer`, `etlab-cli bench attention` and `etlab-cli bench model`.
#include <cstdio>
#include <iostream>
#include <memory>
#include <cmath>
#include <map>
#include <sstream>

#include "app/cli/cli_common.h"
#include "core/engine/engine.h"
#include "core/store/run_store.h"
#include "core/study/verdict.h"

namespace etlab::cli {

namespace {

void print_fits(const std::vector<BenchmarkRecord>& rows) {
  std::map<std::string, std::vector<const BenchmarkRecord*>> by;
  for (const auto& r : rows) by[r.method].push_back(&r);
  std::printf("\nfitted log-log slopes (time ~ n^a, memory ~ n^b):\n");
  for (const auto& [method, rs] : by) {
    std::vector<double> n, t, m;
    for (const auto* r : rs) {
      n.push_back(static_cast<double>(r->n));
      t.push_back(r->time_ms);
      m.push_back(static_cast<double>(r->peak_bytes));
    }
    std::printf("  %-15s a = %.2f  b = %.2f\n", method.c_str(), study::loglog_slope(n, t), study::loglog_slope(n, m));
  }
  // Crossover: the smallest measured n from which a learned kind beats the dense baseline at every longer length.
  for (const AttentionKind* kind : kinds_in_order()) {
    if (!kind->learned) continue;
    const auto& sparse = by[kind->name];
    int64_t from = -1;
    for (auto it = sparse.rbegin(); it != sparse.rend(); ++it) {
      if (nlohmann::json::parse((*it)->extra_json).value("speedup_vs_dense", 0.0) <= 1.0) break;
      from = (*it)->n;
    }
    if (from > 0)
      std::printf("crossover: %s beats the %s baseline from n = %lld on (at every longer length measured)\n", kind->name.c_str(),
                  reference_kind().name.c_str(), static_cast<long long>(from));
    else
      std::printf("crossover: %s is not faster than %s at the longest length measured\n", kind->name.c_str(),
                  reference_kind().name.c_str());
  }
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

}  // namespace

void add_infer_command(CLI::App& app) {
  struct Args {
    std::string run, text;
    DbOptions db;
    std::string data_dir;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("infer", "predict with a finished run and show what it attended to");
  cmd->add_option("--run", args->run, "run id or unique prefix")->required();
  cmd->add_option("--text", args->text, "input text (ListOps runs: an expression such as \"[MAX 2 9 ]\")")->required();
  cmd->add_option("--db", args->db.db, "database file");
  cmd->add_option("--data-dir", args->data_dir, "data cache");
  cmd->add_flag("--json", args->json, "one JSON object");
  cmd->callback([args] {
    try {
      RunStore store(args->db.resolved(), true);
      EngineOptions eo;
      eo.data_dir = args->data_dir;
      const auto r = infer(store, args->run, args->text, eo);
      if (args->json) {
        nlohmann::json sel = nlohmann::json::array();
        for (const auto& s : r.selections) {
          nlohmann::json rows = nlohmann::json::array();
          for (int64_t qb = 0; qb < s.q_blocks; ++qb) {
            nlohmann::json keys = nlohmann::json::array();
            for (int64_t kb = 0; kb < s.k_blocks; ++kb)
              if (s.selected(qb, kb)) keys.push_back(kb);
            rows.push_back(keys);
          }
          sel.push_back({{"layer", s.layer}, {"head", s.head}, {"block", s.block}, {"key_blocks", rows}});
        }
        nlohmann::json probs = nlohmann::json::object();
        for (size_t i = 0; i < r.classes.size() && i < r.probabilities.size(); ++i) probs[r.classes[i]] = r.probabilities[i];
        std::cout << nlohmann::json{{"run_id", r.run_id},
                                    {"prediction", r.predicted >= 0 && r.predicted < static_cast<int64_t>(r.classes.size())
                                                       ? r.classes[static_cast<size_t>(r.predicted)]
                                                       : ""},
                                    {"probabilities", probs},
                                    {"tokens", r.pieces.size()},
                                    {"pieces", r.pieces},
                                    {"selections", sel}}
                         .dump()
                  << std::endl;
        return;
      }
      std::printf("prediction: %s\n", r.classes.empty() ? "?" : r.classes[static_cast<size_t>(r.predicted)].c_str());
      for (size_t i = 0; i < r.classes.size() && i < r.probabilities.size(); ++i)
        std::printf("  %-20s %.4f\n", r.classes[i].c_str(), r.probabilities[i]);
      std::printf("%zu tokens; attended key blocks per query block:\n", r.pieces.size());
      for (const auto& s : r.selections) {
        std::printf("  layer %d head %d:", s.layer, s.head);
        for (int64_t qb = 0; qb < s.q_blocks; ++qb) {
          std::printf(" q%lld{", static_cast<long long>(qb));
          bool first = true;
          for (int64_t kb = 0; kb < s.k_blocks; ++kb)
            if (s.selected(qb, kb)) {
              std::printf(first ? "%lld" : ",%lld", static_cast<long long>(kb));
              first = false;
            }
          std::printf("}");
        }
        std::printf("\n");
      }
    } catch (const std::exception& e) {
      print_error(e.what(), args->json);
      throw CLI::RuntimeError(1);
    }
  });
}

// "512,1024" -> lengths; prints the error and exits 2 on a bad item.
std::vector<int64_t> parse_lengths(const std::string& text, bool json) {
  std::vector<int64_t> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    try {
      size_t used = 0;
      const long long n = std::stoll(item, &used);
      if (used != item.size() || n < 1 || n > (1 << 20)) throw std::out_of_range("n");
      out.push_back(n);
    } catch (const std::exception&) {
      print_error("--seq: '" + item + "' is not a length between 1 and 1048576", json);
      throw CLI::RuntimeError(2);
    }
  }
  return out;
}

void add_bench_model_command(CLI::App& bench) {
  struct Args {
    std::string seq;
    std::string variants = joined(default_model_variants(), ",");
    BenchModelOptions o;
    ConfigSource source;
    DbOptions db;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = bench.add_subcommand("model", "whole-model training step and inference: dense vs sparse vs LoRA variants of a preset");
  args->source.add_to(*cmd);
  cmd->add_option("--seq", args->seq, "comma-separated sequence lengths (default: the preset's task.max_len)");
  cmd->add_option("--variants", args->variants, "comma-separated: " + joined(model_variants(), ", "));
  cmd->add_option("--batch", args->o.batch, "batch (0 = the preset's train.batch)")->check(CLI::Range(0, 4096));
  cmd->add_option("--threads", args->o.threads, "intra-op threads (0 = all cores)")->check(CLI::Range(0, 4096));
  cmd->add_option("--repeats", args->o.repeats, "timed repeats after one warm-up")->check(CLI::Range(1, 1000));
  cmd->add_option("--device", args->o.device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  cmd->add_option("--db", args->db.db, "also store the results in this database");
  cmd->add_option("--profile", args->o.profile_dir,
                  "folder: one more step per variant under LibTorch's profiler, written as Chrome traces");
  cmd->add_flag("--json", args->json, "one JSON object per line per (variant, n, mode)");
  cmd->callback([args] {
    auto& o = args->o;
    if (!args->source.load(o.config, args->json)) throw CLI::RuntimeError(2);
    o.label = args->source.preset.empty() ? args->source.config_file : args->source.preset;
    if (!args->seq.empty()) o.lengths = parse_lengths(args->seq, args->json);
    o.variants.clear();
    std::stringstream ss(args->variants);
    for (std::string item; std::getline(ss, item, ',');)
      if (!item.empty()) o.variants.push_back(item);
    try {
      const auto rows = bench_model(o);
      if (!args->db.db.empty()) RunStore(args->db.db).add_benchmarks(rows);
      for (const auto& r : rows) {
        const auto extra = nlohmann::json::parse(r.extra_json);
        if (args->json) {
          nlohmann::json j = {{"method", r.method}, {"n", r.n}, {"mode", r.mode}, {"time_ms", r.time_ms},
                              {"spread_ms", r.time_spread_ms}, {"peak_bytes", r.peak_bytes}, {"kernel", r.kernel},
                              {"k", r.k}, {"block", r.block}, {"device", r.device}, {"batch", r.batch},
                              {"heads", r.heads}, {"dim", r.dim}, {"threads", r.threads}};
          j.update(extra);
          std::cout << j.dump() << std::endl;
        } else {
          std::printf("%-15s %-10s n=%-6lld %10.1f ms (spread %.1f)  %9.0f tok/s  mem %8.1f MiB  trainable %9lld / %lld  %.2fx speed, %.0f%% memory of dense  %s\n",
                      r.method.c_str(), r.mode.c_str(), static_cast<long long>(r.n), r.time_ms, r.time_spread_ms,
                      extra["tokens_per_s"].get<double>(), static_cast<double>(r.peak_bytes) / 1048576.0,
                      static_cast<long long>(extra["params_trainable"].get<int64_t>()),
                      static_cast<long long>(extra["params_total"].get<int64_t>()), extra.value("speedup_vs_dense", 0.0),
                      100.0 * extra.value("memory_vs_dense", 0.0), r.kernel.c_str());
        }
      }
    } catch (const std::exception& e) {
      print_error(e.what(), args->json);
      throw CLI::RuntimeError(1);
    }
  });
}

void add_bench_command(CLI::App& app) {
  struct Args {
    std::string seq = "512,1024,2048";
    std::string topk = "auto";
    BenchAttentionOptions o;
    DbOptions db;
    bool save = false;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* bench = app.add_subcommand("bench", "benchmarks");
  bench->require_subcommand(1);
  add_bench_model_command(*bench);
  auto* attn = bench->add_subcommand("attention", "dense vs learned-sparse vs fixed-sparse attention, side by side");
  attn->add_option("--seq", args->seq, "comma-separated sequence lengths");
  attn->add_option("--block", args->o.block, "block size B")->check(CLI::Range(1, 65536));
  attn->add_option("--topk", args->topk, "key blocks per query block: auto = ceil(log2(n/B)) or a number");
  attn->add_option("--heads", args->o.heads, "heads")->check(CLI::Range(1, 256));
  attn->add_option("--dim", args->o.dim, "head width")->check(CLI::Range(1, 4096));
  attn->add_option("--batch", args->o.batch, "batch")->check(CLI::Range(1, 4096));
  attn->add_option("--threads", args->o.threads, "intra-op threads (0 = all cores)")->check(CLI::Range(0, 4096));
  attn->add_option("--repeats", args->o.repeats, "timed repeats after one warm-up")->check(CLI::Range(1, 1000));
  attn->add_option("--mode", args->o.mode, "fwd, or fwdbwd (forward + backward to q, k, v)")->check(CLI::IsMember({"fwd", "fwdbwd"}));
  attn->add_option("--device", args->o.device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  attn->add_option("--dtype", args->o.dtype, "fp32, bf16 or fp16 (etlab's CPU kernel is fp32; others gather)")
      ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
  attn->add_option("--chunk", args->o.chunk, "query rows per chunk of the memory-lean exact baseline")->check(CLI::Range(1, 1 << 20));
  attn->add_option("--db", args->db.db, "also store the results in this database");
  attn->add_flag("--json", args->json, "one JSON object per line per (method, n)");
  attn->callback([args] {
    auto& o = args->o;
    o.lengths = parse_lengths(args->seq, args->json);
    if (args->topk == "auto") {
      o.topk = 0;
    } else {
      try {
        o.topk = std::stoll(args->topk);
        if (o.topk < 1) throw std::out_of_range("k");
      } catch (const std::exception&) {
        print_error("--topk: expected auto or a positive integer (got '" + args->topk + "')", args->json);
        throw CLI::RuntimeError(2);
      }
    }
    try {
      // Methods left out at some length (they would not fit) are said on stderr.
      struct Notes : RunObserver {
        void on_message(const std::string& text) override {
          if (text.find("skipped") != std::string::npos) std::fprintf(stderr, "etlab-cli: %s\n", text.c_str());
        }
      } notes;
      const auto rows = bench_attention(o, &notes);
      if (!args->db.db.empty()) RunStore(args->db.db).add_benchmarks(rows);
      for (const auto& r : rows) {
        const auto extra = nlohmann::json::parse(r.extra_json);
        if (args->json) {
          nlohmann::json j = {{"method", r.method}, {"n", r.n},         {"time_ms", r.time_ms}, {"spread_ms", r.time_spread_ms},
                              {"peak_bytes", r.peak_bytes}, {"kernel", r.kernel}, {"k", r.k}, {"block", r.block},
                              {"mode", r.mode}, {"device", r.device}, {"batch", r.batch}, {"heads", r.heads}, {"dim", r.dim},
                              {"threads", r.threads}, {"flops", r.flops}};
          j.update(extra);
          std::cout << j.dump() << std::endl;
        } else {
          std::string extras;
          char buf[200];
          if (extra.contains("speedup_vs_dense")) {
            std::snprintf(buf, sizeof buf, "  %.2fx vs %s (%.0f%% of ideal %.1fx)  mem %.0f%% of dense, %.0f%% of chunked",
                          extra["speedup_vs_dense"].get<double>(), extra["baseline"].get<std::string>().c_str(),
                          100.0 * extra["fraction_of_ideal"].get<double>(), extra["ideal_speedup"].get<double>(),
                          100.0 * extra["memory_vs_dense"].get<double>(), 100.0 * extra["memory_vs_chunked_dense"].get<double>());
            extras = buf;
          }
          if (extra.contains("relative_error_vs_dense")) {
            std::snprintf(buf, sizeof buf, "  rel. error vs dense %.1e", extra["relative_error_vs_dense"].get<double>());
            extras = buf;
          }
          std::printf("%-15s n=%-6lld k=%-4lld %10.2f ms (spread %.2f) %7.1f GFLOP/s  peak %8.1f MiB  %s%s\n", r.method.c_str(),
                      static_cast<long long>(r.n), static_cast<long long>(r.k), r.time_ms, r.time_spread_ms,
                      extra["gflops_per_s"].get<double>(), static_cast<double>(r.peak_bytes) / 1048576.0, r.kernel.c_str(),
                      extras.c_str());
        }
      }
      if (!args->json && o.lengths.size() >= 2) print_fits(rows);
    } catch (const std::exception& e) {
      print_error(e.what(), args->json);
      throw CLI::RuntimeError(1);
    }
  });
}

}  // namespace etlab::cli
