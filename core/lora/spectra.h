// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <torch/torch.h>

namespace etlab {

/// Singular values of a matrix (descending) as floats; computed in double for accuracy.
std::vector<float> singular_values(const torch::Tensor& matrix);

/// Stable rank ||W||_F^2 / ||W||_2^2 from singular values (0 for a zero matrix).
double stable_rank(const std::vector<float>& singular);

/// Effective rank exp(H(p)), p = s / sum(s) (Roy & Vetterli 2007); 0 for a zero matrix.
double effective_rank(const std::vector<float>& singular);

/// Top `count` right-singular vectors of A ([r, in]) as rows [count, in], row-major.
std::vector<float> top_right_singular_vectors(const torch::Tensor& A, int64_t count);

}  // namespace etlab
