// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/engine/engine.h"

namespace etlab::cli {

/// Reports training progress: JSON lines on stdout (`--json`), a progress bar on a terminal, or plain
/// lines otherwise. Stops the run when SIGINT/SIGTERM arrived.
class CliObserver : public RunObserver {
 public:
  explicit CliObserver(bool json);
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
  double last_print_ = -1.0;
};

/// "1:02:03" or "2:03".
std::string format_duration(double seconds);

}  // namespace etlab::cli
