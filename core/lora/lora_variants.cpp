// SPDX-License-Identifier: MIT
#include "core/lora/lora_variants.h"

#include <cmath>

#include "core/lora/lora_linear.h"

namespace etlab {

namespace {

// PiSSA: the adapter starts on W's principal subspace, W keeps the residual; s*B*A + W_res = W.
void pissa(LoraLinearImpl& layer, torch::Tensor& A, torch::Tensor& B) {
  const int64_t r = A.size(0);
  auto svd = torch::linalg::svd(layer.weight.detach(), /*full_matrices=*/false, /*driver=*/c10::nullopt);
  auto U = std::get<0>(svd).slice(1, 0, r);
  auto S = std::get<1>(svd).slice(0, 0, r);
  auto Vh = std::get<2>(svd).slice(0, 0, r);
  auto root = torch::sqrt(S / layer.scaling);
  B.copy_(U * root.unsqueeze(0));
  A.copy_(root.unsqueeze(1) * Vh);
  layer.weight.sub_(torch::matmul(B, A) * layer.scaling);
}

// OLoRA: W = QR; the adapter takes Q's first r columns and R's first r rows, W keeps the residual.
void olora(LoraLinearImpl& layer, torch::Tensor& A, torch::Tensor& B) {
  const int64_t r = A.size(0);
  auto qr = torch::linalg::qr(layer.weight.detach().to(torch::kFloat), "reduced");
  B.copy_(std::get<0>(qr).slice(1, 0, r));
  A.copy_(std::get<1>(qr).slice(0, 0, r));
  layer.weight.sub_(torch::matmul(B, A) * layer.scaling);
}

}  // namespace

Registry<LoraInit>& lora_init_impls() {
  static Registry<LoraInit>* r = [] {
    auto* reg = new Registry<LoraInit>("LoRA init");
    reg->add({"kaiming", [](LoraLinearImpl&, torch::Tensor& A, torch::Tensor&) { torch::nn::init::kaiming_uniform_(A, std::sqrt(5.0)); }});
    reg->add({"gaussian", [](LoraLinearImpl&, torch::Tensor& A, torch::Tensor&) {
                A.normal_(0.0, 1.0 / static_cast<double>(A.size(0)));
              }});
    reg->add({"pissa", pissa, true});
    reg->add({"olora", olora, true});
    return reg;
  }();
  return *r;
}

Registry<LoraForm>& lora_form_impls() {
  static Registry<LoraForm>* r = [] {
    auto* reg = new Registry<LoraForm>("LoRA form");
    reg->add({"plain",
              [](const LoraLinearImpl& l, const torch::Tensor& x, const torch::Tensor& y) {
                // y + (x A^T)(s B^T): two thin matmuls, the second accumulating into y (one addmm instead of a
                // matmul, a scaling and an add over the full activation); never the dense [out, in] update.
                const auto rows = x.numel() / l.in_features;
                auto low = torch::mm(x.reshape({rows, l.in_features}), l.lora_A.t());
                return torch::addmm(y.reshape({rows, l.out_features}), low, l.lora_B.t() * l.scaling).view(y.sizes());
              },
              [](const LoraLinearImpl& l) { return torch::matmul(l.lora_B, l.lora_A) * l.scaling; }});
    return reg;
  }();
  return *r;
}

}  // namespace etlab
