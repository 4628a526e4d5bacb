// SPDX-License-Identifier: MIT
#include "core/lora/lora_linear.h"

#include <cmath>
#include <stdexcept>

namespace etlab {

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
  return form->forward(*this, h, y);
}

void LoraLinearImpl::attach_lora(const LoraOptions& o) {
  if (o.r < 1 || o.r > std::min(in_features, out_features))
    throw std::invalid_argument("LoRA rank " + std::to_string(o.r) + " must be in [1, " +
                                std::to_string(std::min(in_features, out_features)) + "]");
  if (has_lora()) throw std::logic_error("a LoRA adapter is already attached to this layer");
  const LoraInit& init = lora_init_impls().at(o.init);
  form = &lora_form_impls().at(o.form);
  torch::NoGradGuard no_grad;
  scaling = o.scaling();
  lora_dropout = o.dropout;
  auto A = torch::empty({o.r, in_features}, weight.options());
  auto B = torch::zeros({out_features, o.r}, weight.options());
  init.apply(*this, A, B);
  lora_A = register_parameter("lora_A", A);
  lora_B = register_parameter("lora_B", B);
  weight.set_requires_grad(false);
  if (bias.defined()) bias.set_requires_grad(false);
}

torch::Tensor LoraLinearImpl::delta_weight() const {
  if (!has_lora()) return torch::zeros_like(weight);
  return form->delta_weight(*this);
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
