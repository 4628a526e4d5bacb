// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/config/run_config.h"
#include "core/lora/lora_variants.h"

namespace etlab {

/// A linear layer y = x W^T + b that can carry a LoRA adapter: y = x W^T + b + s * (drop(x) A^T) B^T
/// with s = alpha / r (or alpha / sqrt(r)). The adapter's options are the run's LoraOptions (PEFT names:
/// r [r], alpha [lora_alpha], dropout [lora_dropout], init [init_lora_weights], rslora [use_rslora]).
/// When an adapter is attached, W and b are frozen. `merge()` folds s*B*A into W for inference;
/// `unmerge()` takes it out again.
///
///   LoraLinear q(256, 256);
///   LoraOptions lora;
///   lora.r = 8;
///   q->attach_lora(lora);
///   auto y = q->forward(x);
class LoraLinearImpl : public torch::nn::Module {
 public:
  LoraLinearImpl(int64_t in_features, int64_t out_features, bool bias = true);

  /// Re-initialises W and b like torch::nn::Linear (Kaiming-uniform, a = sqrt(5)).
  void reset_parameters();
  torch::Tensor forward(const torch::Tensor& x);

  /// Adds an adapter (its init and form from the registries of core/lora/lora_variants.h) and freezes
  /// the base weight and bias; throws std::logic_error when the layer already has one and
  /// std::invalid_argument for a rank out of range or an unknown init or form.
  void attach_lora(const LoraOptions& options);
  bool has_lora() const { return lora_A.defined(); }
  /// The adapter's update in weight space (s * B * A for the plain form; zeros without an adapter), [out, in].
  torch::Tensor delta_weight() const;
  void merge();
  void unmerge();
  bool merged() const { return merged_; }

  int64_t in_features, out_features;
  torch::Tensor weight, bias;
  torch::Tensor lora_A, lora_B;  ///< [r, in], [out, r]
  double scaling = 1.0;
  double lora_dropout = 0.0;
  const LoraForm* form = nullptr;  ///< how the attached adapter enters the output

 private:
  bool with_bias_;
  bool merged_ = false;
};
TORCH_MODULE(LoraLinear);

}  // namespace etlab
