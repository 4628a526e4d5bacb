// SPDX-License-Identifier: MIT
#include "core/config/model_family.h"

#include <algorithm>
#include <stdexcept>

namespace etlab {

bool ModelFamily::serves(const std::string& objective) const {
  return std::find(objectives.begin(), objectives.end(), objective) != objectives.end();
}

bool ModelFamily::allows_pooling(const std::string& pooling) const {
  return pooling == "auto" || std::find(poolings.begin(), poolings.end(), pooling) != poolings.end();
}

Registry<ModelFamily>& model_families() {
  static Registry<ModelFamily>* r = [] {
    auto* reg = new Registry<ModelFamily>("model family");
    ModelFamily encoder;
    encoder.name = encoder.arch = "encoder";
    encoder.help = "bidirectional pre-LN transformer encoder with rotary positions";
    encoder.default_pooling = "cls";
    encoder.poolings = {"cls", "mean"};
    encoder.objectives = {"classify"};
    reg->add(encoder);

    ModelFamily decoder = encoder;
    decoder.name = decoder.arch = "decoder";
    decoder.help = "causal pre-LN transformer decoder with rotary positions (language models)";
    decoder.causal = true;
    decoder.default_pooling = "mean";
    decoder.poolings = {"mean", "last"};
    decoder.objectives = {"classify", "lm"};
    reg->add(decoder);

    ModelFamily seq2seq = encoder;
    seq2seq.name = seq2seq.arch = "encoder_decoder";
    seq2seq.help = "encoder plus a causal decoder with cross-attention (sequence to sequence)";
    seq2seq.decoder_stack = true;
    seq2seq.objectives = {"seq2seq"};
    reg->add(seq2seq);

    ModelFamily vit = encoder;
    vit.name = "vit";
    vit.help = "a ViT: the encoder over image patches, with a learned CLS and position embedding";
    vit.patches = true;
    vit.positions = "rope+learned";
    reg->add(vit);
    return reg;
  }();
  return *r;
}

const ModelFamily& model_family(const std::string& arch, int64_t patch) {
  const ModelFamily* own = nullptr;
  for (const ModelFamily* f : model_families().all()) {
    if (f->arch != arch) continue;
    if (f->patches == (patch > 0)) return *f;
    if (!f->patches && !own) own = f;
  }
  if (own) return *own;
  throw std::invalid_argument("model.arch: no model family '" + arch + "'");
}

std::vector<std::string> model_archs() {
  std::vector<std::string> out;
  for (const ModelFamily* f : model_families().all())
    if (std::find(out.begin(), out.end(), f->arch) == out.end()) out.push_back(f->arch);
  return out;
}

}  // namespace etlab
