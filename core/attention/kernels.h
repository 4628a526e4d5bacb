// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include <torch/torch.h>

#include "core/config/attention_kind.h"

namespace etlab {

/// Shapes used throughout: q [B, H, Nq, D], k and v [B, H, Nk, D]; `key_valid` [B, Nk] bool (true =
/// a real token, false = padding) or undefined for "all valid". Causal attention aligns the ends of
/// the two sequences: query i sits at key position i + (Nk - Nq) and sees keys up to it.

/// Which dense kernel to run: the private SDPA of LibTorch 1.13 (`at::_scaled_dot_product_attention`,
/// `scaled_dot_product_attention` on 2.x), matmul-softmax-matmul, or etlab's fused block kernel run
/// over every allowed block (exact; fp32 on the CPU, elsewhere it falls back to SDPA).
enum class DenseKernel { Sdpa, Math, Fused };

/// Block size of the fused kernel when it computes dense attention.
constexpr int64_t kFusedDenseBlock = 64;

/// Descriptive name (recorded in traces and benchmarks).
std::string to_string(DenseKernel kernel);
/// The configuration value: "sdpa", "math" or "fused".
std::string config_name(DenseKernel kernel);

/// The kernel "auto" resolves to: measured once per process on a representative shape (all run
/// side by side, the fastest kept). `libtorch_only` limits the race to LibTorch's two. Thread-safe.
DenseKernel auto_dense_kernel(bool libtorch_only = false);

/// Parses "auto" | "sdpa" | "math" | "fused".
DenseKernel dense_kernel_from(const std::string& name);

/// The kernel that really runs for these inputs: Fused becomes Sdpa where it does not apply (CUDA,
/// other dtypes).
DenseKernel effective_dense_kernel(const torch::Tensor& q, DenseKernel kernel);

/// Exact attention. With `probs` non-null, also returns the probabilities [B, H, Nq, Nk] (always via
/// the math path, which is then the kernel that ran).
torch::Tensor dense_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const torch::Tensor& key_valid, bool causal, DenseKernel kernel,
                              torch::Tensor* probs = nullptr);

/// Geometry of a block-sparse attention call.
struct BlockGeometry {
  int64_t nq = 0, nk = 0, block = 0;
  int64_t mq = 0, mk = 0;  ///< number of query / key blocks (last one may be partial)
  int64_t offset = 0;      ///< nk - nq: causal position of query 0
  BlockGeometry(int64_t nq_, int64_t nk_, int64_t block_);
};

/// Key blocks each query block may use [B, Mq, Mk] bool: a block is allowed when it holds at least
/// one real key and, for causal attention, starts at or before the block's last query position.
torch::Tensor allowed_blocks(const BlockGeometry& g, const torch::Tensor& key_valid, int64_t batch, bool causal,
                             const torch::TensorOptions& device);

/// The "own" key block of every query block [Mq] (the block holding its first query's position).
torch::Tensor own_blocks(const BlockGeometry& g, const torch::TensorOptions& device);

/// Which implementation of block-sparse attention runs:
///  - Fused:  etlab's CPU kernel (core/attention/block_sparse_cpu.h): online softmax over the selected
///            blocks read in place, its own backward from the saved log-sum-exp; fp32 on the CPU only;
///  - Gather: gathers the selected key/value blocks and runs batched LibTorch matmuls, autograd through
///            them; any device and dtype, and the only one that can return the probabilities;
///  - Auto:   Fused where it applies, Gather otherwise.
enum class SparseKernel { Auto, Fused, Gather };

/// The kernel `kernel` resolves to for these inputs, as recorded in traces and benchmarks:
/// "block_sparse_cpu(avx512|avx2|baseline)" or "block_sparse_gather".
std::string sparse_kernel_name(const torch::Tensor& q, SparseKernel kernel, bool want_probs = false);

/// Block top-k attention: query block i attends to the key blocks `indices[b, h, i, :]` ([B, H, Mq, K]
/// int64); entries with `index_valid` false are ignored. Never forms an Nq x Nk tensor: work and
/// memory are O(Nq * K * block). `tokens` limits the keys inside the chosen blocks (a sliding window
/// and its sinks, masked in the edge blocks). With `probs` (Gather only; Auto then gathers), returns the
/// probabilities on the gathered keys [B, H, Mq, block, K * block]. A query row that sees no key at
/// all (only possible in padding) gets zeros from Fused and a uniform average from Gather.
torch::Tensor block_sparse_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                     const torch::Tensor& key_valid, bool causal, int64_t block,
                                     const torch::Tensor& indices, const torch::Tensor& index_valid,
                                     torch::Tensor* probs = nullptr, SparseKernel kernel = SparseKernel::Auto,
                                     const TokenWindow& tokens = {});

/// Top-k key blocks from router scores [B, H, Mq, Mk]: disallowed blocks never win over allowed ones,
/// the own block is always kept. Returns {indices [B, H, Mq, K], valid [B, H, Mq, K]}.
std::pair<torch::Tensor, torch::Tensor> select_top_blocks(const torch::Tensor& scores, const torch::Tensor& allowed,
                                                         const torch::Tensor& own, int64_t k);

/// The selection of a static-pattern kind (AttentionKind::pattern) for one call: the kind's pattern
/// drawn on `g` from its keys (`params`, AttentionOptions::params), then the own block and the
/// pattern's best blocks among those allowed [B, Mq, Mk]. {indices, valid} are [B, H, Mq, K].
struct PatternSelection {
  torch::Tensor indices, valid;
  TokenWindow tokens;
};
PatternSelection pattern_selection(const AttentionKind& kind, const nlohmann::json& params, const PatternGeometry& g,
                                   const torch::Tensor& allowed);

/// Selection as a dense bool block mask [B, H, Mq, Mk] (for recording and statistics).
torch::Tensor selection_mask(const torch::Tensor& indices, const torch::Tensor& index_valid, int64_t mk);

/// Scatters block-sparse probabilities back to [B, H, Nq, Nk] (probes only; small n).
torch::Tensor expand_block_probs(const torch::Tensor& probs, const torch::Tensor& indices, const BlockGeometry& g);

/// Sums probabilities over key blocks and averages over the queries of each block: [B, H, Mq, Mk].
torch::Tensor pool_probs_to_blocks(const torch::Tensor& full_probs, const BlockGeometry& g);

}  // namespace etlab
