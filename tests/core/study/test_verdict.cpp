// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>

#include "core/study/verdict.h"

namespace etlab::study {
namespace {

TEST(Verdict, StatsUseTheSampleStandardDeviation) {
  const auto s = stats_of({1.0, 2.0, 3.0, 4.0});
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_NEAR(s.sd, 1.2909944, 1e-6);
  EXPECT_NEAR(s.se, 1.2909944 / 2.0, 1e-6);
  EXPECT_EQ(stats_of({}).n, 0);
  EXPECT_EQ(stats_of({5.0}).se, 0.0);
}

TEST(Verdict, AtLeastIsInconclusiveWhenTheSpreadStraddlesTheThreshold) {
  EXPECT_EQ(at_least(stats_of({2.5, 2.6, 2.4}), 2.3), Verdict::Supported);
  EXPECT_EQ(at_least(stats_of({1.5, 1.6, 1.4}), 2.3), Verdict::Refuted);
  EXPECT_EQ(at_least(stats_of({1.8, 2.8, 2.3}), 2.3), Verdict::Inconclusive);
  EXPECT_EQ(at_least(stats_of({2.31}), 2.3), Verdict::Supported);  // one seed: the point decides
  EXPECT_EQ(at_least(Stats{}, 2.3), Verdict::NotMeasured);
  EXPECT_EQ(at_most(stats_of({1.2, 1.25, 1.22}), 1.5), Verdict::Supported);
  EXPECT_EQ(at_most(stats_of({1.9, 2.0, 1.95}), 1.5), Verdict::Refuted);
}

TEST(Verdict, ParityAllowsOnePointOrTwoPooledStandardErrors) {
  // Tight seeds: the margin is 1 point.
  EXPECT_EQ(parity(stats_of({84.5, 84.6, 84.4}), stats_of({85.0, 85.1, 84.9})), Verdict::Supported);
  EXPECT_EQ(parity(stats_of({80.0, 80.1, 79.9}), stats_of({85.0, 85.1, 84.9})), Verdict::Refuted);
  EXPECT_NEAR(parity_margin(stats_of({84.5, 84.6, 84.4}), stats_of({85.0, 85.1, 84.9})), 1.0, 1e-12);
  // Noisy seeds widen the margin to 2 pooled SE.
  const auto noisy_full = stats_of({80.0, 90.0, 85.0}), noisy_lora = stats_of({76.0, 86.0, 81.0});
  EXPECT_GT(parity_margin(noisy_lora, noisy_full), 4.0);
  EXPECT_EQ(parity(noisy_lora, noisy_full), Verdict::Supported);
  // Below the line, but within 2 SE of it: inconclusive.
  EXPECT_EQ(parity(stats_of({70.0, 80.0, 75.0}), noisy_full), Verdict::Inconclusive);
}

TEST(Verdict, LogLogSlopeIsTheExponent) {
  EXPECT_NEAR(loglog_slope({512, 1024, 2048}, {3.0 * 512 * 512, 3.0 * 1024 * 1024, 3.0 * 2048 * 2048}), 2.0, 1e-12);
  EXPECT_NEAR(loglog_slope({512, 1024, 2048}, {5.0, 10.0, 20.0}), 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(loglog_slope({1024}, {7.0})));
  EXPECT_TRUE(std::isnan(loglog_slope({1024, 1024}, {7.0, 8.0})));
}

TEST(Verdict, ReferenceMustBeatTheMajorityClassByTenPoints) {
  EXPECT_TRUE(reference_valid(61.0, 50.0));
  EXPECT_FALSE(reference_valid(59.0, 50.0));
  EXPECT_NE(rules_markdown().find("majority-class"), std::string::npos);
}

}  // namespace
}  // namespace etlab::study
