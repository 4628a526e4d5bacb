// SPDX-License-Identifier: MIT
#pragma once

// Internal to the trainer: the state of one training session and the pieces that act on it
// (batching and evaluation, checkpoints, probe and spectrum recording).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/config/run_config.h"
#include "core/data/dataset.h"
#include "core/train/run_events.h"
#include "core/model/transformer.h"
#include "core/store/records.h"

namespace etlab {

class DataParallel;
class RunStore;

struct Batch {
  torch::Tensor tokens;  ///< [B, N] int64
  torch::Tensor valid;   ///< [B, N] bool
  torch::Tensor labels;  ///< [B] (classification) or [B, N] next tokens (language modelling; sequence to sequence: [B, T])
  torch::Tensor dec_tokens, dec_valid;  ///< sequence to sequence: the decoder's input [B, T]
  int64_t real_tokens = 0;
};

/// Pads examples to the longest one. Language modelling splits each window into input and target;
/// examples with a target (sequence to sequence) give the decoder its input and labels.
Batch make_batch(const std::vector<const Example*>& examples, int32_t pad_id, bool lm, const torch::Device& device);

/// The model's output for a batch: the encoder-decoder's when the batch has a decoder input.
ModelOutput forward_batch(Transformer& model, const Batch& batch, bool lm, TraceRequest* trace = nullptr);

/// Mean loss of a batch (cross-entropy; per target token for language modelling and sequence to sequence).
torch::Tensor task_loss(const ModelOutput& out, const Batch& batch, bool lm);

struct Session {
  RunConfig config;
  RunStore* store = nullptr;
  RunObserver* observer = nullptr;
  std::string run_id;
  torch::Device device{torch::kCPU};
  int64_t threads = 1;
  /// The data-parallel job this session is one rank of (nullptr: training alone). Only rank 0 writes
  /// to the store, evaluates and checkpoints; every rank trains on its shard of each global batch.
  DataParallel* dist = nullptr;
  int64_t rank = 0, world = 1;
  bool writer() const { return rank == 0; }

  std::unique_ptr<Tokenizer> tokenizer;
  DatasetSplits data;
  bool prepend_cls = false;
  Transformer model{nullptr};
  std::unique_ptr<torch::optim::AdamW> optimizer;
  std::vector<double> lr_scales;  ///< per optimizer group: its learning rate is the schedule's times this
  std::string base_run_id;
  std::string router_checkpoint;  ///< train.router_from resolved: the checkpoint the router is read from
  /// Base weights of every adaptable matrix ("q:3") for full fine-tune spectra (W - W_base).
  std::map<std::string, torch::Tensor> base_weights;
  /// PiSSA: each adapter's update at initialisation (the recorded spectrum is the change from it).
  std::map<std::string, torch::Tensor> lora_initial_delta;
  std::vector<ProbeRecord> probes;

  // Progress: everything a resumed run needs to continue bit-identically.
  int64_t step = 0;  ///< completed optimizer steps
  int64_t epoch = 0, cursor = 0;
  std::vector<int64_t> order;  ///< permutation of the training set for `epoch`
  int64_t evals_done = 0, prob_evals_done = 0;
  int64_t best_step = -1, evals_without_improvement = 0;
  double best_metric = -1e300;
  int64_t tokens_seen = 0;
  double elapsed_before = 0.0;  ///< seconds trained in earlier sessions of this run

  /// Next micro-batch of the training set (deterministic by seed and epoch, reshuffled per epoch). In a
  /// data-parallel job every rank draws the same global batch of batch x world examples and keeps its
  /// own slice, so that the ranks together see what one process with world times the batch would.
  std::vector<const Example*> next_examples();
  void shuffle_epoch();
};

/// A session for `cfg`, not yet trained: the engine options applied (threads, device, the measured dense
/// kernel fixed in the configuration), the router source and the fine-tune's base resolved (its
/// checkpoint into `base_checkpoint`), the data loaded and the probes chosen. Throws
/// std::runtime_error naming the problem; nothing is written.
std::unique_ptr<Session> prepare_session(RunConfig cfg, RunStore& store, RunObserver& obs, const EngineOptions& options,
                                         std::string* base_checkpoint);

/// Fine-tuning keeps the base's architecture and tokenizer: copies them from `base` into `cfg`
/// (dropout, pooling and a longer max_len stay the fine-tune's). Throws when the tokenizers differ.
void adopt_base_model(RunConfig& cfg, const RunConfig& base);

/// Builds the model (loading `base_checkpoint` when fine-tuning and keeping its weights for spectra),
/// LoRA adapters and the optimizer. Seeds LibTorch's generator from train.seed first.
void build_model(Session& s, const std::string& base_checkpoint);

/// Runs the training loop from the session's current step to the end; failures after this point end
/// the run as failed with the reason.
RunResult run_session(Session& s);

/// Evaluates a split: loss, accuracy and macro-F1 (classification) or loss and perplexity (LM).
std::vector<EvalPoint> evaluate(Session& s, const std::vector<Example>& split, const std::string& name, int64_t max_batches);

// --- checkpoints (checkpoint.cpp) -------------------------------------------------------------
/// Full state for resuming, with the run's training time so far; returns the record (path relative
/// to the database folder).
CheckpointRecord save_full_checkpoint(Session& s, double elapsed_seconds);
void load_full_checkpoint(Session& s, const std::string& absolute_path);
/// Final weights: the whole model ("model") or, for LoRA runs, only what was trained ("adapter").
/// The model's weights (adapter-only for LoRA) as kind "model"/"adapter", or as `kind` ("best").
CheckpointRecord save_weights(Session& s, const std::string& kind = {});
/// Loads the parameters present in a checkpoint file into `model` (by name and shape); returns how
/// many were loaded and, with `missing`, the names of the parameters it could not fill. Used for
/// fine-tuning from a base and for inference.
/// `family` names the tensors in the file (nullptr: etlab's own names).
int64_t load_weights_into(torch::nn::Module& model, const std::string& absolute_path,
                          std::vector<std::string>* missing = nullptr, const ModelFamily* family = nullptr);
/// Absolute path of a run's newest checkpoint of `kind` ("full", "model", "adapter"); empty when none.
std::string checkpoint_of(const RunStore& store, const std::string& run_id, const std::string& kind);
/// The base weights of a fine-tuned run: its base run's model checkpoint, or the checkpoint file it
/// was started from. Empty when the run has no base.
std::string base_weights_of(const RunStore& store, const RunRecord& run);
/// Absolute path of a checkpoint given its stored relative path.
std::string checkpoint_path(const RunStore& store, const std::string& relative);

// --- recording (recorder.cpp) -----------------------------------------------------------------
/// Selections (always) and probabilities (when `with_probs`) of every probe at this step.
void record_probes(Session& s, bool with_probs, LogBatch& out);
/// Rank spectra of the weight updates; adapter vectors when `with_vectors`.
void record_spectra(Session& s, bool with_vectors, LogBatch& out);
/// Packs a bool mask [Mq, Mk] into LSB-first bytes.
std::vector<uint8_t> pack_bits(const torch::Tensor& mask);

}  // namespace etlab
