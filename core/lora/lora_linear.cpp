// SPDX-License-Identifier: MIT
#include "core/lora/lora_linear.h"

#include <cmath>
#include <stdexcept>

namespace etlab {

double LoraOptions::scaling() const {
  return rslora_ ? alpha_ / std::sqrt(static_cast<double>(r_)) : alpha_ / static_cast<double>(r_);
}

LoraLinearImpl::LoraLinearImpl(int64_t in, int64_t out, bool with_bias)
    : in_features(in), out_features(out), with_bias_(with_bias) {
  weight = register_parameter("weight", torch::empty({out, in}));
  if (with_bias_) bias = register_parameter("bias", torch::empty({out}));
  reset_parameters();
}

void LoraLinearImpl::reset_parameters() {
  torch::NoGradGuard no_grad;
  torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
  if (bias.defined()) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(in_features));
    torch::nn::init::uniform_(bias, -bound, bound);
  }
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
  auto y = torch::nn::functional::linear(x, weight, bias);
  if (!has_lora() || merged_) return y;
  auto h = x;
  if (lora_dropout > 0.0 && is_training()) h = torch::dropout(h, lora_dropout, true);
  // y + (x A^T)(s B^T): two thin matmuls, the second accumulating into y (one addmm instead of a
  // matmul, a scaling and an add over the full activation); never the dense [out, in] update.
  const auto rows = h.numel() / in_features;
  auto low = torch::mm(h.reshape({rows, in_features}), lora_A.t());
  return torch::addmm(y.reshape({rows, out_features}), low, lora_B.t() * scaling).view(y.sizes());
}

void LoraLinearImpl::attach_lora(const LoraOptions& o) {
  if (o.r() < 1 || o.r() > std::min(in_features, out_features))
    throw std::invalid_argument("LoRA rank " + std::to_string(o.r()) + " must be in [1, " +
                                std::to_string(std::min(in_features, out_features)) + "]");
  if (has_lora()) throw std::logic_error("a LoRA adapter is already attached to this layer");
  torch::NoGradGuard no_grad;
  scaling = o.scaling();
  lora_dropout = o.dropout();
  auto A = torch::empty({o.r(), in_features}, weight.options());
  auto B = torch::zeros({out_features, o.r()}, weight.options());
  if (o.init() == "pissa") {
    // PiSSA: the adapter starts on W's principal subspace, W keeps the residual; s*B*A + W_res = W.
    auto svd = torch::linalg::svd(weight.detach(), /*full_matrices=*/false, /*driver=*/c10::nullopt);
    auto U = std::get<0>(svd).slice(1, 0, o.r());
    auto S = std::get<1>(svd).slice(0, 0, o.r());
    auto Vh = std::get<2>(svd).slice(0, 0, o.r());
    auto root = torch::sqrt(S / scaling);
    B.copy_(U * root.unsqueeze(0));
    A.copy_(root.unsqueeze(1) * Vh);
    weight.sub_(torch::matmul(B, A) * scaling);
  } else if (o.init() == "kaiming") {
    torch::nn::init::kaiming_uniform_(A, std::sqrt(5.0));
  } else {
    throw std::invalid_argument("unknown LoRA init '" + o.init() + "'");
  }
  lora_A = register_parameter("lora_A", A);
  lora_B = register_parameter("lora_B", B);
  weight.set_requires_grad(false);
  if (bias.defined()) bias.set_requires_grad(false);
}

torch::Tensor LoraLinearImpl::delta_weight() const {
  if (!has_lora()) return torch::zeros_like(weight);
  return torch::matmul(lora_B, lora_A) * scaling;
}

void LoraLinearImpl::merge() {
  if (!has_lora() || merged_) return;
  torch::NoGradGuard no_grad;
  weight.add_(delta_weight());
  merged_ = true;
}

void LoraLinearImpl::unmerge() {
  if (!has_lora() || !merged_) return;
  torch::NoGradGuard no_grad;
  weight.sub_(delta_weight());
  merged_ = false;
}

}  // namespace etlab
