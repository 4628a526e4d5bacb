// SPDX-License-Identifier: MIT
// Helpers shared by the trade-off view's two tabs: axes, chart style, legend placement, labels.
// Internal to views/tradeoff.
#pragma once

#include <QScatterSeries>
#include <QString>
#include <QStringList>

#include <string>

class QChart;
class QLogValueAxis;
class QValueAxis;

namespace etlab::tradeoff {

inline constexpr double kMiB = 1024.0 * 1024.0;

/// test/accuracy of a run's summary in [0, 1] (percentages tolerated); -1 when it has none.
double testAccuracy(const std::string& summaryJson);
/// The attention kinds' own methods first, in the registry's order; then LoRA variants, then anything
/// else (alphabetical within).
int methodRank(const QString& m);
/// A method as legends show it: its kind's registry label with the method's suffix ("+lora", ":local").
QString methodLabel(const QString& m);
/// The i-th series' marker (cycled).
QScatterSeries::MarkerShape markerShape(int i);
/// Removes every series and axis of the chart.
void clearChart(QChart* chart);
/// A logarithmic axis over [lo, hi] with a little room at both ends; base 2 for narrow ranges (ticks
/// 0.5, 1, 2, 4…), base 10 for wide ones. With `snap` on a decade axis (or whenever fewer than two ticks
/// would show) the range is widened to whole powers of the base, so both ends carry labels.
QLogValueAxis* logAxis(double lo, double hi, double forceBase = 0, bool snap = true);
/// A linear axis from 0 to a little above hi, with round ticks.
QValueAxis* linearAxis(double hi);
/// Puts a detached, vertical legend in the top-left corner of the plot area (where rising curves leave room).
void placeLegendInPlot(QChart* chart);
/// Margins, title font and legend of every chart of the view.
void styleChart(QChart* chart);
/// A number for CSV: the shortest text that reads back as the same double.
QString csvNumber(double v);
/// A benchmark mode's name for people (fwd → "forward", …).
QString modeName(const QString& mode);

}  // namespace etlab::tradeoff
