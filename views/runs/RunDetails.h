// SPDX-License-Identifier: MIT
#pragma once

#include <map>

#include <QCoreApplication>
#include <QString>

#include "core/store/run_store.h"

namespace etlab {

class RunDetails {
  Q_DECLARE_TR_FUNCTIONS(RunDetails)

 public:
  /// The Details view of one run as HTML: status, tags, notes, metric summaries, artefact counts and
  /// configuration. A data-parallel run gets a panel per rank (throughput, memory) and the job's facts:
  /// ranks, effective batch, learning-rate scaling, how the ranks were compared.
  static QString html(const RunStore& store, const RunRecord& run);

 private:
  struct RankFacts {
    double tokens_last = 0, tokens_max = 0, peak_bytes = 0, peak_rss = 0;
  };
  static QString rankPanels(const RunRecord& run, const std::map<int, RankFacts>& ranks);
};

}  // namespace etlab
