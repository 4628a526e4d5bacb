// SPDX-License-Identifier: MIT
#include "core/measure/environment.h"

#include <algorithm>
#include <fstream>
#include <thread>

#include <torch/torch.h>
#include <torch/version.h>
#include <unistd.h>

#include "core/config/blas_tuning.h"
#include "core/config/version.h"

namespace etlab {

namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "unknown";
}

}  // namespace

nlohmann::json runtime_environment(int64_t threads, const std::string& device) {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  return {{"etlab_version", version()},
          {"git_revision", git_revision()},
          {"libtorch_version", TORCH_VERSION},
          {"device", device},
          {"threads", threads},
          {"hardware_threads", std::thread::hardware_concurrency()},
          {"cpu", cpu_model()},
          {"openblas_coretype", blas_coretype().empty() ? "auto" : blas_coretype()},
          {"host", host}};
}

int64_t apply_threads(int64_t threads) {
  const int64_t n = threads > 0 ? threads : std::max<int64_t>(1, static_cast<int64_t>(std::thread::hardware_concurrency()));
  at::set_num_threads(static_cast<int>(n));
  return n;
}

}  // namespace etlab
