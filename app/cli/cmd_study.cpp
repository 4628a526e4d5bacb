// SPDX-License-Identifier: MIT
// `etlab-cli study review`: the literature review's claims, measured on this machine.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/progress.h"
#include "core/store/run_store.h"
#include "core/study/review.h"

namespace etlab::cli {

void add_study_command(CLI::App& app) {
  struct Args {
    study::ReviewOptions o;
    DbOptions db;
    std::string out;
    std::string data_dir;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* study = app.add_subcommand("study", "studies built from several runs");
  study->require_subcommand(1);
  auto* review = study->add_subcommand("review", "measure each claim of the literature review: claimed, measured, verdict");
  review->add_option("--budget", args->o.budget, "smoke (minutes, CI), quick, standard or full")
      ->check(CLI::IsMember({"smoke", "quick", "standard", "full"}));
  review->add_option("--db", args->db.db, "database file (default: $XDG_DATA_HOME/etlab/etlab.db)");
  review->add_option("--out", args->out, "folder for review.md and review.json (default: etlab-review-BUDGET)");
  review->add_option("--threads", args->o.threads, "intra-op threads (0 = all cores)")->check(CLI::Range(0, 4096));
  review->add_option("--data-dir", args->o.data_dir, "data cache (default: $ETLAB_DATA_DIR or ~/.cache/etlab/data)");
  review->add_option("--gaps", args->o.gaps,
                     "research-gap studies to run too, comma-separated: combined, seq2seq, long_context, hardware, "
                     "rank_from_spectrum, router_transfer, vision, failure_predictor, or all")
      ->delimiter(',')
      ->check(CLI::IsMember(
          {"combined", "seq2seq", "long_context", "hardware", "rank_from_spectrum", "router_transfer", "vision", "failure_predictor", "all"}));
  review->add_flag("--json", args->json, "JSON lines of progress; the last line is the report");
  review->callback([args] {
    const std::string out = args->out.empty() ? "etlab-review-" + args->o.budget : args->out;
    const auto md = std::filesystem::path(out) / "review.md", js = std::filesystem::path(out) / "review.json";
    for (const auto& p : {md, js})
      if (std::filesystem::exists(p)) {
        print_error(p.string() + " already exists; choose another --out (nothing was overwritten)", args->json);
        throw CLI::RuntimeError(2);
      }
    try {
      RunStore store(args->db.resolved());
      CliObserver observer(args->json);
      const auto report = study::run_review(store, args->o, observer);
      std::filesystem::create_directories(out);
      std::ofstream(md) << report.markdown();
      std::ofstream(js) << report.to_json().dump(2) << "\n";
      if (args->json) {
        std::cout << report.to_json().dump() << std::endl;
      } else {
        std::cout << report.markdown() << "\nwrote " << md.string() << " and " << js.string() << "\n";
      }
    } catch (const std::exception& e) {
      print_error(e.what(), args->json);
      throw CLI::RuntimeError(1);
    }
  });
}

}  // namespace etlab::cli
