// SPDX-License-Identifier: MIT
// GoogleTest entry point of the LibTorch tests: the same OpenBLAS tuning as etlab-cli, then the tests.
#include <gtest/gtest.h>

#include "core/config/blas_tuning.h"

int main(int argc, char** argv) {
  etlab::reexec_with_blas_coretype(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
