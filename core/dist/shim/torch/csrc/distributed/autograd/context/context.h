// SPDX-License-Identifier: MIT
#pragma once

// Debian's libtorch-dev (1.13) ships c10d's reducer.hpp but not the distributed-autograd header it
// includes. The Reducer only names two types from it, in declarations: the gradient callback's
// signature and a shared pointer to an RPC autograd context, which etlab never creates. This header
// declares exactly those two names as LibTorch defines them, so that the Reducer's layout and symbols
// are LibTorch's own; it is on the include path of core/dist/data_parallel.cpp alone.

#include <functional>
#include <memory>

#include <ATen/core/Tensor.h>

namespace torch::distributed::autograd {

class DistAutogradContext {
 public:
  using GradCallback = std::function<bool(at::Tensor&)>;
};
using ContextPtr = std::shared_ptr<DistAutogradContext>;

}  // namespace torch::distributed::autograd
