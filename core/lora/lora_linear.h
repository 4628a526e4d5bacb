// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <torch/torch.h>

namespace etlab {

/// Options of a LoRA adapter (PEFT names in brackets): rank r [r], alpha [lora_alpha], dropout
/// [lora_dropout], init "kaiming" (A ~ Kaiming-uniform a=sqrt(5), B = 0) or "pissa" (A, B from the
/// top-r SVD of W, W replaced by the residual), rsLoRA scaling alpha/sqrt(r) [use_rslora].
struct LoraOptions {
  LoraOptions(int64_t r, double alpha) : r_(r), alpha_(alpha) {}
  double scaling() const;

  TORCH_ARG(int64_t, r);
  TORCH_ARG(double, alpha);
  TORCH_ARG(double, dropout) = 0.0;
  TORCH_ARG(std::string, init) = "kaiming";
  TORCH_ARG(bool, rslora) = false;
};

/// A linear layer y = x W^T + b that can carry a LoRA adapter: y = x W^T + b + s * (drop(x) A^T) B^T
/// with s = alpha / r (or alpha / sqrt(r)). When an adapter is attached, W and b are frozen. `merge()`
/// folds s*B*A into W for inference; `unmerge()` takes it out again.
///
///   LoraLinear q(LoraLinearOptions(256, 256));
///   q->attach_lora(LoraOptions(8, 16));
///   auto y = q->forward(x);
class LoraLinearImpl : public torch::nn::Module {
 public:
  LoraLinearImpl(int64_t in_features, int64_t out_features, bool bias = true);

  /// Re-initialises W and b like torch::nn::Linear (Kaiming-uniform, a = sqrt(5)).
  void reset_parameters();
  torch::Tensor forward(const torch::Tensor& x);

  /// Adds an adapter and freezes the base weight and bias; throws std::logic_error when the layer
  /// already has one.
  void attach_lora(const LoraOptions& options);
  bool has_lora() const { return lora_A.defined(); }
  /// s * B * A (zeros without an adapter), shape [out, in].
  torch::Tensor delta_weight() const;
  void merge();
  void unmerge();
  bool merged() const { return merged_; }

  int64_t in_features, out_features;
  torch::Tensor weight, bias;
  torch::Tensor lora_A, lora_B;  ///< [r, in], [out, r]
  double scaling = 1.0;
  double lora_dropout = 0.0;

 private:
  bool with_bias_;
  bool merged_ = false;
};
TORCH_MODULE(LoraLinear);

}  // namespace etlab
