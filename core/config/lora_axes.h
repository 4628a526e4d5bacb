// SPDX-License-Identifier: MIT
#pragma once

// LoRA's options as orthogonal axes, as in PEFT, torch-free: where an axis has choices, each choice is
// one entry of its own small registry (the schema's choice list and the New run dialog read them);
// core/lora/lora_variants.h holds what each choice does. The axes:
//   - init (`lora.init`): how an adapter starts (PEFT's init_lora_weights);
//   - scaling: alpha/r, or alpha/sqrt(r) with `lora.rslora` (PEFT's use_rslora) — two values, no registry;
//   - form (`lora.form`): how an adapter enters the layer's output (plain; DoRA next);
//   - optimizer parameter groups: core/train/param_groups.h (LoRA+ next).

#include <string>

#include "core/config/registry.h"

namespace etlab {

/// One choice on one axis.
struct LoraChoice {
  std::string name;
  std::string help;
};

/// Initialisations: kaiming, gaussian, pissa, olora.
Registry<LoraChoice>& lora_inits();
/// Forward forms: plain.
Registry<LoraChoice>& lora_forms();

}  // namespace etlab
