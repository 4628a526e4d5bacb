// SPDX-License-Identifier: MIT
#pragma once

// etlab's CPU block-sparse attention kernel, torch-free: blocked online softmax over the selected key
// blocks of every query block, OpenMP over (batch, head, query block), no gathered copies of keys or
// values, and a backward that recomputes the probabilities from the saved log-sum-exp (as
// FlashAttention does) instead of keeping them. Compiled once per instruction set (AVX-512, AVX2+FMA,
// baseline x86-64) and dispatched at run time.

#include <cstdint>
#include <string>

namespace etlab::cpu {

/// Shapes: q [B, H, Nq, D], k and v [B, H, Nk, D], all contiguous fp32. Query block i (rows
/// i*block .. ) attends to key blocks indices[b, h, i, 0..K) whose index_valid entry is true.
/// Causal attention aligns the ends: query row r sits at key position r + (Nk - Nq).
struct BlockSparseProblem {
  int64_t batch = 0, heads = 0, nq = 0, nk = 0, dim = 0, block = 0, topk = 0;
  bool causal = false;
  /// Token window inside the selected blocks (0: none): a query at key position i keeps keys j with
  /// i - window < j (causal) or |i - j| < window, and every key j < sinks.
  int64_t window = 0, sinks = 0;
  float scale = 1.0f;
  const float* q = nullptr;
  const float* k = nullptr;
  const float* v = nullptr;
  const int64_t* indices = nullptr;    ///< [B, H, Mq, K]
  const bool* index_valid = nullptr;   ///< [B, H, Mq, K]
  const bool* key_valid = nullptr;     ///< [B, Nk], or null when every key is real
  int threads = 1;                     ///< OpenMP threads to use
};

/// Scratch floats the forward and the backward need (per-thread blocks; the backward's per-part dk/dv
/// when several threads share a (batch, head) pair). The caller allocates them, so that they are
/// counted with every other tensor.
int64_t block_sparse_forward_scratch(const BlockSparseProblem& p);
int64_t block_sparse_backward_scratch(const BlockSparseProblem& p);

/// out [B, H, Nq, D]; lse [B, H, Nq] = log-sum-exp of each row's scaled scores (+inf for a row that
/// sees no key at all: its output is zero and it gets no gradient). NaN in a row's scores gives NaN.
void block_sparse_forward(const BlockSparseProblem& p, float* out, float* lse, float* scratch);

/// Gradients of sum(dout * out) with respect to q, k and v (each overwritten, same shapes as the
/// inputs). Parallel over (batch, head); when there are fewer (batch, head) pairs than threads, the
/// query blocks of a pair are split and each part accumulates into its own dk/dv, summed at the end.
void block_sparse_backward(const BlockSparseProblem& p, const float* out, const float* dout, const float* lse,
                           float* dq, float* dk, float* dv, float* scratch);

/// Instruction set the dispatcher chose on this CPU: "avx512", "avx2" or "baseline".
const char* block_sparse_isa();

/// Uses `isa` ("baseline", "avx2", "avx512") from now on when this CPU has it; false otherwise (tests
/// run every variant this way; ETLAB_KERNEL_ISA does the same at start-up).
bool block_sparse_use_isa(const std::string& isa);

}  // namespace etlab::cpu
