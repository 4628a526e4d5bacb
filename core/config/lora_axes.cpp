// SPDX-License-Identifier: MIT
#include "core/config/lora_axes.h"

namespace etlab {

Registry<LoraChoice>& lora_inits() {
  static Registry<LoraChoice>* r = [] {
    auto* reg = new Registry<LoraChoice>("LoRA init");
    reg->add({"kaiming", "A Kaiming-uniform (a = sqrt(5)), B = 0: the adapted model starts at the base (PEFT's default)"});
    reg->add({"gaussian", "A ~ N(0, 1/r), B = 0 (PEFT's init_lora_weights=\"gaussian\")"});
    reg->add({"pissa", "A, B from the top-r singular vectors of W; W keeps the residual (PiSSA)"});
    reg->add({"olora", "A, B from the QR decomposition of W (A = R[:r], B = Q[:, :r]); W keeps the residual (OLoRA)"});
    return reg;
  }();
  return *r;
}

Registry<LoraChoice>& lora_forms() {
  static Registry<LoraChoice>* r = [] {
    auto* reg = new Registry<LoraChoice>("LoRA form");
    reg->add({"plain", "W x + s B A x: the update adds to the frozen layer (LoRA)"});
    return reg;
  }();
  return *r;
}

}  // namespace etlab
