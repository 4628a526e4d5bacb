// SPDX-License-Identifier: MIT
#include "core/lora/spectra.h"

#include <cmath>

namespace etlab {

std::vector<float> singular_values(const torch::Tensor& matrix) {
  torch::NoGradGuard no_grad;
  auto s = at::linalg_svdvals(matrix.detach().to(torch::kCPU, torch::kDouble)).to(torch::kFloat).contiguous();
  return std::vector<float>(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
}

double stable_rank(const std::vector<float>& s) {
  if (s.empty() || s.front() <= 0.0f) return 0.0;
  double fro = 0.0;
  for (float v : s) fro += static_cast<double>(v) * v;
  return fro / (static_cast<double>(s.front()) * s.front());
}

double effective_rank(const std::vector<float>& s) {
  double sum = 0.0;
  for (float v : s) sum += v;
  if (sum <= 0.0) return 0.0;
  double h = 0.0;
  for (float v : s) {
    const double p = v / sum;
    if (p > 0.0) h -= p * std::log(p);
  }
  return std::exp(h);
}

std::vector<float> top_right_singular_vectors(const torch::Tensor& A, int64_t count) {
  torch::NoGradGuard no_grad;
  auto svd = torch::linalg::svd(A.detach().to(torch::kCPU, torch::kDouble), /*full_matrices=*/false, c10::nullopt);
  auto vh = std::get<2>(svd);
  count = std::min(count, vh.size(0));
  auto rows = vh.slice(0, 0, count).to(torch::kFloat).contiguous();
  return std::vector<float>(rows.data_ptr<float>(), rows.data_ptr<float>() + rows.numel());
}

}  // namespace etlab
