// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/engine/engine.h"

namespace etlab::cli {

/// Reports training progress: JSON lines on stdout (`--json`), a progress bar on a terminal, or plain
/// lines otherwise. Stops the run when SIGINT/SIGTERM arrived.
class CliObserver : public RunObserver {
 public:
  /// `rank` > 0: a rank of a data-parallel job other than 0, which reports only how it ended, on stderr
  /// (rank 0 reports the job).
  explicit CliObserver(bool json, int rank = 0);
  void on_start(const std::string& run_id, const nlohmann::json& info) override;
  void on_step(const StepEvent& e) override;
  void on_eval(const EvalEvent& e) override;
  void on_message(const std::string& text) override;
  void on_finish(const RunResult& r) override;
  bool should_stop() override;
  /// The run this observer saw start ("" before on_start).
  const std::string& run_id() const { return run_id_; }

 private:
  std::string run_id_;
  bool json_;
  bool tty_;
  int rank_ = 0;
  double last_print_ = -1.0;
};

/// "1:02:03" or "2:03".
std::string format_duration(double seconds);

}  // namespace etlab::cli
