// SPDX-License-Identifier: MIT
#include "app/cli/progress.h"

#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "app/cli/cli_common.h"

namespace etlab::cli {

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

CliObserver::CliObserver(bool json, int rank) : json_(json), tty_(isatty(STDERR_FILENO) != 0), rank_(rank) {}

void CliObserver::on_start(const std::string& run_id, const nlohmann::json& info) {
  run_id_ = run_id;
  if (rank_ > 0) return;
  if (json_) {
    nlohmann::json j = info;
    j["event"] = "start";
    j["run_id"] = run_id;
    std::cout << j.dump(-1, ' ', false, kNotUtf8Replaced) << std::endl;
  } else {
    std::cerr << "run " << run_id << " started";
    if (info.contains("params_trainable"))
      std::cerr << " (" << info["params_trainable"] << " of " << info["params_total"] << " parameters trainable, "
                << info.value("threads", 0) << " threads)";
    std::cerr << "\n";
  }
}

void CliObserver::on_step(const StepEvent& e) {
  if (rank_ > 0) return;
  if (json_) {
    std::cout << nlohmann::json{{"event", "step"},       {"run_id", e.run_id},   {"step", e.step},
                                {"total_steps", e.total_steps}, {"loss", e.loss}, {"aux_loss", e.aux_loss},
                                {"lr", e.lr},             {"grad_norm", e.grad_norm}, {"tokens_per_s", e.tokens_per_second},
                                {"elapsed_s", e.elapsed_seconds}, {"eta_s", e.eta_seconds}, {"dense_warmup", e.dense_warmup}}
                     .dump(-1, ' ', false, kNotUtf8Replaced)
              << std::endl;
    return;
  }
  // At most a few updates per second on a terminal; one line every 10% otherwise.
  const bool tenth = e.total_steps >= 10 && e.step % (e.total_steps / 10) == 0;
  if (tty_ ? (e.elapsed_seconds - last_print_ < 0.2 && e.step != e.total_steps) : !tenth) return;
  last_print_ = e.elapsed_seconds;
  const int width = 24;
  const int filled = static_cast<int>(width * e.step / std::max<int64_t>(1, e.total_steps));
  char line[256];
  std::snprintf(line, sizeof line, "[%s%s] %lld/%lld loss %.4f lr %.2e %.0f tok/s ETA %s%s",
                std::string(static_cast<size_t>(filled), '#').c_str(), std::string(static_cast<size_t>(width - filled), '.').c_str(),
                static_cast<long long>(e.step), static_cast<long long>(e.total_steps), e.loss, e.lr, e.tokens_per_second,
                format_duration(e.eta_seconds).c_str(), e.dense_warmup ? " (dense warm-up)" : "");
  if (tty_) std::cerr << "\r" << line << "\033[K" << std::flush;
  else std::cerr << line << "\n";
}

void CliObserver::on_eval(const EvalEvent& e) {
  if (rank_ > 0) return;
  if (json_) {
    nlohmann::json m = nlohmann::json::object();
    for (const auto& p : e.metrics) m[p.split + "/" + p.metric] = p.value;
    std::cout << nlohmann::json{{"event", "eval"}, {"run_id", e.run_id}, {"step", e.step}, {"metrics", m}}.dump(-1, ' ', false, kNotUtf8Replaced) << std::endl;
    return;
  }
  std::string text;
  for (const auto& p : e.metrics) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " %s/%s %.4f", p.split.c_str(), p.metric.c_str(), p.value);
    text += buf;
  }
  std::cerr << (tty_ ? "\r\033[K" : "") << "eval @" << e.step << ":" << text << "\n";
}

void CliObserver::on_message(const std::string& text) {
  if (rank_ > 0) return;
  if (json_) std::cout << nlohmann::json{{"event", "message"}, {"text", text}}.dump(-1, ' ', false, kNotUtf8Replaced) << std::endl;
  else std::cerr << text << "\n";
}

void CliObserver::on_finish(const RunResult& r) {
  if (rank_ > 0) {
    if (r.status != RunStatus::Finished)
      std::cerr << "etlab-cli: rank " << rank_ << ": run " << r.run_id << " " << to_string(r.status)
                << (r.reason.empty() ? "" : " (" + r.reason + ")") << "\n";
    return;
  }
  if (json_) {
    std::cout << nlohmann::json{{"event", "result"}, {"run_id", r.run_id}, {"status", to_string(r.status)},
                                {"reason", r.reason}, {"metrics", r.summary}}
                     .dump(-1, ' ', false, kNotUtf8Replaced)
              << std::endl;
    return;
  }
  std::cerr << (tty_ ? "\r\033[K" : "") << "run " << r.run_id << " " << to_string(r.status);
  if (!r.reason.empty()) std::cerr << " (" << r.reason << ")";
  std::cerr << "\n";
  for (const char* key : {"test/accuracy", "test/macro_f1", "test/loss", "test/perplexity", "majority_baseline", "wall_seconds"})
    if (r.summary.contains(key)) std::cerr << "  " << key << " = " << r.summary[key] << "\n";
}

bool CliObserver::should_stop() { return g_stop_requested.load(); }

}  // namespace etlab::cli
