// SPDX-License-Identifier: MIT
#pragma once

// What each choice on LoRA's axes does (core/config/lora_axes.h lists them torch-free): one entry per
// initialisation and per forward form, found by the name the configuration gives. A new choice is
// an entry in both registries (a test may add one from its own binary).

#include <functional>
#include <string>

#include <torch/torch.h>

#include "core/config/registry.h"

namespace etlab {

class LoraLinearImpl;

/// Fills A [r, in] and B [out, r] of a freshly attached adapter; may change the base weight (PiSSA and
/// OLoRA move the adapter's part out of it). Runs under no-grad.
struct LoraInit {
  std::string name;
  std::function<void(LoraLinearImpl& layer, torch::Tensor& A, torch::Tensor& B)> apply;
  /// The adapter starts with a non-zero update moved out of W: the recorded spectrum is then the change
  /// from that start.
  bool moves_base = false;
};

/// How an adapter enters the layer: `forward` gets the adapter's input (dropout applied) and the frozen
/// layer's output y; `delta_weight` is the same update in weight space [out, in] (merge, spectra).
struct LoraForm {
  std::string name;
  std::function<torch::Tensor(const LoraLinearImpl& layer, const torch::Tensor& x, const torch::Tensor& y)> forward;
  std::function<torch::Tensor(const LoraLinearImpl& layer)> delta_weight;
};

Registry<LoraInit>& lora_init_impls();
Registry<LoraForm>& lora_form_impls();

}  // namespace etlab
