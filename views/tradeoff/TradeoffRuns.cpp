// SPDX-License-Identifier: MIT
// The trade-off view's first tab: finished runs as points, time or speed against peak memory.
#include "views/tradeoff/TradeoffView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/config/attention_kind.h"
#include "views/tradeoff/TradeoffCharts.h"

namespace etlab {

using namespace tradeoff;  // views/tradeoff/TradeoffCharts.h

void TradeoffView::rebuildRuns() {
  QChart* chart = m_runsView->chart();
  for (auto* l : m_labels) delete l;
  m_labels.clear();
  m_points.clear();
  clearChart(chart);
  chart->setTitle(QString());

  const TradeoffX metric = xMetric();
  const bool higherIsBetter = metric != TradeoffX::WallSeconds;
  const auto& runs = m_data->runs;
  QStringList notes = collectRunPoints(metric);

  if (!m_data->error.isEmpty()) {
    m_runsMessageText = tr("Cannot read the database: %1").arg(m_data->error);
  } else if (runs.empty()) {
    m_runsMessageText = tr("No finished runs yet. Train a run to completion and it appears here with its "
                           "wall time, throughput and peak memory.");
  } else if (m_points.empty()) {
    m_runsMessageText = tr("None of the %n finished run(s) can be plotted: %1.", nullptr, static_cast<int>(runs.size()))
                            .arg(notes.join(QStringLiteral("; ")));
    notes.clear();
  } else {
    m_runsMessageText.clear();
  }
  m_runsMessage->setText(m_runsMessageText);
  m_runsMessage->setVisible(!m_runsMessageText.isEmpty());
  m_runsView->setVisible(m_runsMessageText.isEmpty());
  m_runsNote->setText(notes.isEmpty() ? QString() : tr("Not shown: %1.").arg(notes.join(QStringLiteral("; "))));
  m_runsNote->setVisible(!notes.isEmpty());
  m_x->setEnabled(!runs.empty());
  m_log->setEnabled(!runs.empty());
  if (m_points.empty()) return;

  // Pareto front (both minimised: speed axes are negated), drawn as the staircase bounding what it dominates.
  std::vector<double> fx, fy;
  for (const auto& p : m_points) {
    fx.push_back(higherIsBetter ? -p.x : p.x);
    fy.push_back(p.memoryMiB);
  }
  const auto front = paretoFront(fx, fy);
  for (size_t i : front) m_points[i].onFront = true;

  QAbstractAxis *xAxis = nullptr, *yAxis = nullptr;
  double xlo = std::numeric_limits<double>::max(), xhi = 0, ylo = xlo, yhi = 0;
  for (const auto& p : m_points) {
    xlo = std::min(xlo, p.x);
    xhi = std::max(xhi, p.x);
    ylo = std::min(ylo, p.memoryMiB);
    yhi = std::max(yhi, p.memoryMiB);
  }
  if (logAxes()) {
    xAxis = logAxis(xlo, xhi);
    yAxis = logAxis(ylo, yhi);
  } else {
    xAxis = linearAxis(xhi);
    yAxis = linearAxis(yhi);
  }
  switch (metric) {
    case TradeoffX::WallSeconds: xAxis->setTitleText(tr("Wall time (s)  ← faster")); break;
    case TradeoffX::TokensPerSecond: xAxis->setTitleText(tr("Throughput (tokens/s)  faster →")); break;
    case TradeoffX::SpeedupVsDense: xAxis->setTitleText(tr("Speed-up vs dense (×)  faster →")); break;
  }
  yAxis->setTitleText(tr("Peak memory (MiB)"));
  chart->addAxis(xAxis, Qt::AlignBottom);
  chart->addAxis(yAxis, Qt::AlignLeft);

  auto* frontLine = new QLineSeries;
  frontLine->setName(tr("Pareto front"));
  {
    const double sign = higherIsBetter ? -1.0 : 1.0;
    // Up from the top edge to the fastest point: slower runs above it are dominated by it.
    frontLine->append(m_points[front.front()].x, logAxes() ? static_cast<QLogValueAxis*>(yAxis)->max()
                                                           : static_cast<QValueAxis*>(yAxis)->max());
    for (size_t k = 0; k < front.size(); ++k) {
      const auto& p = m_points[front[k]];
      if (k > 0) frontLine->append(p.x, m_points[front[k - 1]].memoryMiB);  // across at the previous height, then down
      frontLine->append(p.x, p.memoryMiB);
    }
    // Continue to the edge of the plot: everything beyond the last point is dominated by it too.
    const auto& last = m_points[front.back()];
    const double edge = sign > 0 ? (logAxes() ? static_cast<QLogValueAxis*>(xAxis)->max() : static_cast<QValueAxis*>(xAxis)->max())
                                 : (logAxes() ? static_cast<QLogValueAxis*>(xAxis)->min() : static_cast<QValueAxis*>(xAxis)->min());
    if (edge > 0 || !logAxes()) frontLine->append(edge, last.memoryMiB);
  }
  QPen frontPen(QColor(0x44, 0x44, 0x44));
  frontPen.setStyle(Qt::DashLine);
  frontPen.setWidthF(1.6);
  frontLine->setPen(frontPen);
  chart->addSeries(frontLine);
  frontLine->attachAxis(xAxis);
  frontLine->attachAxis(yAxis);

  const auto seriesOf = addRunSeries(chart, xAxis, yAxis);

  addRunLabels(chart, seriesOf);
  if (higherIsBetter)
    chart->setTitle(tr("%n finished run(s): lower right is better (faster, less memory)", nullptr, static_cast<int>(m_points.size())));
  else
    chart->setTitle(tr("%n finished run(s): lower left is better (faster, less memory)", nullptr, static_cast<int>(m_points.size())));
  placeLabels();
}

// The runs that can be plotted on the chosen x axis, as points; the notes say what was left out and why.
QStringList TradeoffView::collectRunPoints(TradeoffX metric) {
  const auto& runs = m_data->runs;

  // The newest finished dense run of each task (runs come newest first), for the speed-up.
  std::map<std::string, const RunRecord*> denseOf;
  auto taskKey = [](const RunRecord& r) { return r.task.empty() ? "preset:" + r.preset : r.task; };
  for (const auto& r : runs)
    if (r.method == reference_kind().name && !denseOf.count(taskKey(r))) denseOf[taskKey(r)] = &r;

  int noMemory = 0, noTime = 0, noReference = 0;
  for (const auto& r : runs) {
    double x = 0.0;
    switch (metric) {
      case TradeoffX::WallSeconds: x = r.wall_seconds; break;
      case TradeoffX::TokensPerSecond: x = r.tokens_per_second; break;
      case TradeoffX::SpeedupVsDense: {
        auto it = denseOf.find(taskKey(r));
        if (it == denseOf.end()) {
          ++noReference;
          continue;
        }
        const RunRecord& d = *it->second;
        if (r.tokens_per_second > 0 && d.tokens_per_second > 0) x = r.tokens_per_second / d.tokens_per_second;
        else if (r.wall_seconds > 0 && d.wall_seconds > 0) x = d.wall_seconds / r.wall_seconds;
        break;
      }
    }
    if (r.peak_bytes <= 0) {
      ++noMemory;
      continue;
    }
    if (!(x > 0) || !std::isfinite(x)) {
      ++noTime;
      continue;
    }
    TradeoffRunPoint p;
    p.runId = QString::fromStdString(r.id);
    p.name = QString::fromStdString(r.name.empty() ? r.preset : r.name);
    p.method = QString::fromStdString(r.method);
    p.task = QString::fromStdString(r.task);
    p.x = x;
    p.peakBytes = r.peak_bytes;
    p.memoryMiB = static_cast<double>(r.peak_bytes) / kMiB;
    p.accuracy = testAccuracy(r.summary_json);
    m_points.push_back(p);
  }

  QStringList notes;
  if (noMemory) notes << tr("%n run(s) recorded no peak memory", nullptr, noMemory);
  if (noTime) notes << tr("%n run(s) recorded no %1", nullptr, noTime).arg(metric == TradeoffX::WallSeconds ? tr("wall time") : tr("throughput"));
  if (noReference) notes << tr("%n run(s) have no finished dense run of their task to compare with", nullptr, noReference);
  return notes;
}

// One scatter series per method (colour and marker from its place in the registry's order), clickable
// and with a tooltip per point; returns each point's series.
std::vector<QScatterSeries*> TradeoffView::addRunSeries(QChart* chart, QAbstractAxis* xAxis, QAbstractAxis* yAxis) {
  std::map<int, QScatterSeries*> byMethod;
  std::vector<QScatterSeries*> seriesOf;
  for (const auto& p : m_points) {
    const int idx = methodIndex(p.method);
    auto it = byMethod.find(idx);
    if (it == byMethod.end()) {
      auto* s = new QScatterSeries;
      s->setName(methodLabel(p.method));
      s->setColor(okabeIto(idx));
      s->setBorderColor(okabeIto(idx).darker(140));
      s->setMarkerShape(markerShape(idx));
      s->setMarkerSize(13);
      it = byMethod.emplace(idx, s).first;
      const QString method = p.method;
      connect(s, &QScatterSeries::clicked, this, [this, method](const QPointF& v) {
        for (size_t i = 0; i < m_points.size(); ++i)
          if (m_points[i].method == method && m_points[i].x == v.x() && m_points[i].memoryMiB == v.y()) {
            activatePoint(static_cast<int>(i));
            return;
          }
      });
      connect(s, &QScatterSeries::hovered, this, [this, method](const QPointF& v, bool state) {
        if (!state) {
          QToolTip::hideText();
          return;
        }
        for (const auto& q : m_points)
          if (q.method == method && q.x == v.x() && q.memoryMiB == v.y()) {
            QToolTip::showText(QCursor::pos(),
                               tr("%1 (%2)\n%3 · %4\n%5: %6\nPeak memory: %7 MiB\nTest accuracy: %8\nClick to open the run")
                                   .arg(q.name, q.runId.left(8), q.method, q.task, m_x->currentText())
                                   .arg(q.x, 0, 'g', 4)
                                   .arg(q.memoryMiB, 0, 'f', 1)
                                   .arg(q.accuracy >= 0 ? QString::number(100.0 * q.accuracy, 'f', 1) + QStringLiteral("%")
                                                        : tr("not recorded")),
                               m_runsView);
            return;
          }
      });
    }
    it->second->append(p.x, p.memoryMiB);
    seriesOf.push_back(it->second);
  }
  for (auto& [idx, s] : byMethod) {
    chart->addSeries(s);
    s->attachAxis(xAxis);
    s->attachAxis(yAxis);
  }
  return seriesOf;
}

// Accuracy labels next to the points (Qt 6.4 has no per-point label text); front members in bold.
void TradeoffView::addRunLabels(QChart* chart, const std::vector<QScatterSeries*>& seriesOf) {
  QFont font = chart->font();
  font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.9));
  for (size_t i = 0; i < m_points.size(); ++i) {
    const auto& p = m_points[i];
    auto* label = new QGraphicsSimpleTextItem(p.accuracy >= 0 ? QString::number(100.0 * p.accuracy, 'f', 1) + QStringLiteral("%")
                                                             : QString(),
                                              chart);
    QFont f = font;
    f.setBold(p.onFront);
    label->setFont(f);
    label->setBrush(QColor(0x22, 0x22, 0x22));
    label->setZValue(100);
    label->setData(0, QVariant::fromValue(static_cast<void*>(seriesOf[i])));
    m_labels.push_back(label);
  }
}

void TradeoffView::placeLabels() {
  QChart* chart = m_runsView->chart();
  const QRectF plot = chart->plotArea();
  for (size_t i = 0; i < m_labels.size() && i < m_points.size(); ++i) {
    auto* label = m_labels[i];
    auto* series = static_cast<QAbstractSeries*>(label->data(0).value<void*>());
    const QPointF at = chart->mapToPosition(QPointF(m_points[i].x, m_points[i].memoryMiB), series);
    const QRectF box = label->boundingRect();
    QPointF pos = at + QPointF(8, -box.height() - 2);
    if (pos.x() + box.width() > plot.right()) pos.setX(at.x() - 8 - box.width());  // keep it inside the plot
    if (pos.y() < plot.top()) pos.setY(at.y() + 4);
    label->setPos(pos);
    label->setVisible(!label->text().isEmpty() && plot.adjusted(-1, -1, 1, 1).contains(at));
  }
}

void TradeoffView::activatePoint(int index) {
  if (index < 0 || index >= static_cast<int>(m_points.size())) return;
  Q_EMIT runActivated(m_points[static_cast<size_t>(index)].runId);
}

}  // namespace etlab
