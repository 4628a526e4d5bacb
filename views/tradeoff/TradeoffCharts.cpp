// SPDX-License-Identifier: MIT
#include "views/tradeoff/TradeoffCharts.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>

#include <nlohmann/json.hpp>

#include "core/config/attention_kind.h"
#include "views/tradeoff/TradeoffView.h"

namespace etlab::tradeoff {

double testAccuracy(const std::string& summaryJson) {
  const auto j = nlohmann::json::parse(summaryJson, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return -1.0;
  auto it = j.find("test/accuracy");
  if (it == j.end() || !it->is_number()) return -1.0;
  const double v = it->get<double>();
  return v > 1.0 ? v / 100.0 : v;  // tolerate percentages
}

int methodRank(const QString& m) {
  // A kind's own runs and benchmarks first, in the registry's order (its name, or its name and a
  // pattern: "fixed_sparse:local", with or without adapters); then adapters and fine-tunes of the
  // others ("dense+lora"), then anything else (benchmark baselines).
  const std::string method = m.toStdString();
  int last = 0;
  for (const AttentionKind* k : kinds_in_order()) last = std::max(last, k->order);
  const AttentionKind* k = kind_of_method(method);
  if (k && (method == k->name || method.compare(k->name.size(), 1, ":") == 0)) return k->order;
  if (m.contains(QStringLiteral("lora"))) return last + 1;
  return last + 2;
}

QString methodLabel(const QString& m) {
  const std::string method = m.toStdString();
  const AttentionKind* k = kind_of_method(method);
  return k ? QString::fromStdString(k->display() + method.substr(k->name.size())) : m;
}

QScatterSeries::MarkerShape markerShape(int i) {
  static const QScatterSeries::MarkerShape shapes[] = {
      QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapeTriangle,
      QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapePentagon, QScatterSeries::MarkerShapeStar};
  return shapes[static_cast<size_t>(i) % std::size(shapes)];
}

void clearChart(QChart* chart) {
  chart->removeAllSeries();
  const auto axes = chart->axes();
  for (QAbstractAxis* a : axes) {
    chart->removeAxis(a);
    delete a;
  }
}

QLogValueAxis* logAxis(double lo, double hi, double forceBase, bool snap) {
  auto* axis = new QLogValueAxis;
  const double base = forceBase > 0 ? forceBase : (hi / lo < 64 ? 2.0 : 10.0);
  const double lb = std::log(base);
  double a = lo / 1.15, b = hi * 1.15;
  const double ka = std::ceil(std::log(a) / lb - 1e-9), kb = std::floor(std::log(b) / lb + 1e-9);
  if ((snap && base == 10.0) || kb - ka < 1) {
    // Slightly beyond the powers, so rounding cannot drop the end ticks.
    a = std::pow(base, std::floor(std::log(a) / lb + 1e-9)) * (1 - 1e-9);
    b = std::pow(base, std::ceil(std::log(b) / lb - 1e-9)) * (1 + 1e-9);
  }
  axis->setBase(base);
  axis->setRange(a, b);
  axis->setLabelFormat(QStringLiteral("%g"));
  axis->setMinorTickCount(base == 10.0 ? -1 : 0);
  return axis;
}

QValueAxis* linearAxis(double hi) {
  auto* axis = new QValueAxis;
  axis->setRange(0, hi > 0 ? hi * 1.08 : 1.0);
  axis->applyNiceNumbers();
  axis->setLabelFormat(QStringLiteral("%g"));
  return axis;
}

void placeLegendInPlot(QChart* chart) {
  QLegend* legend = chart->legend();
  const QFontMetricsF fm(legend->font());
  qreal width = 0;
  int rows = 0;
  for (auto* m : legend->markers()) {
    if (m->series()->name().isEmpty()) continue;  // the marker dots of a curve have no entry of their own
    width = std::max(width, fm.horizontalAdvance(m->label()));
    ++rows;
  }
  const QRectF plot = chart->plotArea();
  const QSizeF size(width + 2 * fm.height() + 24, rows * (fm.height() + 10) + 24);
  legend->setGeometry(QRectF(plot.topLeft() + QPointF(8, 8), size));
  legend->update();
}

void styleChart(QChart* chart) {
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->layout()->setContentsMargins(0, 0, 0, 0);  // no grey ring around the chart, on screen or exported
  chart->legend()->setShowToolTips(true);
  chart->setMargins(QMargins(6, 6, 6, 6));
  chart->setBackgroundRoundness(0);
  QFont title = chart->titleFont();
  title.setPointSizeF(title.pointSizeF() * 1.1);
  title.setBold(true);
  chart->setTitleFont(title);
}

QString csvNumber(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString modeName(const QString& mode) {
  if (mode == QStringLiteral("fwd")) return TradeoffView::tr("forward");
  if (mode == QStringLiteral("fwdbwd")) return TradeoffView::tr("forward + backward");
  if (mode == QStringLiteral("train_step")) return TradeoffView::tr("whole-model training step");
  if (mode == QStringLiteral("inference")) return TradeoffView::tr("whole-model inference");
  return mode;
}

}  // namespace etlab::tradeoff
