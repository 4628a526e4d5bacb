// SPDX-License-Identifier: MIT
#include "views/spectra/SpectraCharts.h"

#include <QFontInfo>
#include <QFontMetricsF>

#include <algorithm>
#include <functional>
#include <cmath>
#include <limits>

#include "views/attention/Heatmap.h"
#include "views/common/Palette.h"
#include "views/spectra/SpectraView.h"

namespace etlab::spectra {

namespace {

QFont titleFont(const QFont& base) {
  QFont f = base;
  f.setBold(true);
  return f;
}

}  // namespace

QColor runColor(int i) { return okabeIto(std::max(0, i) % 7); }  // without yellow: every run dark enough on white

const QColor kText(0x20, 0x20, 0x20), kMuted(0x70, 0x70, 0x70), kGrid(0xe4, 0xe4, 0xe4), kFrame(0xa0, 0xa0, 0xa0);

QString tickText(double v) {
  if (v == 0.0) return QStringLiteral("0");
  const double a = std::abs(v);
  if (a >= 1e-3 && a < 1e5) return QString::number(v, 'g', 4);
  return QString::number(v, 'e', 0);
}

std::vector<double> niceTicks(double lo, double hi, int target, bool integer) {
  std::vector<double> ticks;
  double span = hi - lo;
  if (!(span > 0)) span = std::max(1.0, std::abs(hi));
  const double raw = span / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  if (integer) step = std::max(1.0, std::round(step));
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9 && ticks.size() < 200; v += step)
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  return ticks;
}

double niceCeil(double v) {
  if (v <= 0) return 1.0;
  const double mag = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (m * mag >= v * (1 - 1e-9)) return m * mag;
  return 10 * mag;
}

// The chart's title; returns the space below it.
QRectF paintTitle(QPainter& p, const QRectF& box, const QString& title) {
  const QFont base = p.font();
  p.setFont(titleFont(base));
  const QFontMetricsF fm(p.font());
  const QRectF r(box.left() + 6, box.top() + 4, box.width() - 12, fm.height());
  p.setPen(kText);
  p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(title, Qt::ElideRight, r.width()));
  p.setFont(base);
  return QRectF(box.left(), r.bottom() + 4, box.width(), box.bottom() - r.bottom() - 4);
}

void paintEmpty(QPainter& p, const QRectF& area, const QString& text) {
  p.setPen(kMuted);
  p.drawText(area.adjusted(16, 8, -16, -8), Qt::AlignCenter | Qt::TextWordWrap, text);
}

namespace {

// The vertical range (log10 units for a log axis) and its ticks.
struct VerticalScale {
  double y0 = 0, y1 = 1;
  std::vector<double> ticks;
};

VerticalScale verticalScale(const LineChart& c, double ymin, double ymax) {
  double y0, y1;
  std::vector<double> yticks;
  if (c.logY) {
    ymin = std::max(ymin, ymax * 1e-7);  // float noise of a rank-deficient update would flatten the rest
    double l0 = std::floor(std::log10(ymin)), l1 = std::ceil(std::log10(ymax));
    if (l1 <= l0) l1 = l0 + 1;
    y0 = l0;
    y1 = l1;
    const int decades = static_cast<int>(l1 - l0);
    const int every = decades > 12 ? 3 : decades > 6 ? 2 : 1;
    for (int k = static_cast<int>(l0); k <= static_cast<int>(l1); ++k) {
      if ((k - static_cast<int>(l0)) % every == 0) yticks.push_back(std::pow(10.0, k));
      if (decades <= 2 && k < l1) {
        yticks.push_back(2 * std::pow(10.0, k));
        yticks.push_back(5 * std::pow(10.0, k));
      }
    }
  } else {
    if (c.fixedY) {
      y0 = c.yMin;
      y1 = c.yMax;
    } else {
      y0 = c.yFromZero ? std::min(0.0, ymin) : ymin;
      y1 = niceCeil(ymax * 1.05);
      for (const auto& h : c.hLines) y1 = std::max(y1, h.at);
    }
    if (y1 <= y0) y1 = y0 + 1;
    yticks = niceTicks(y0, y1, 5, false);
  }
  return {y0, y1, yticks};
}

// The legend, in the corner of the plot the curves and the reference labels cross least.
void paintLegend(QPainter& p, const LineChart& c, const QRectF& plot, const std::vector<QRectF>& labels,
                 const std::function<double(double)>& mx, const std::function<double(double)>& my) {
  const QFontMetricsF fm(p.font());
  const double lh = fm.height();
  std::vector<const Curve*> entries;
  for (const auto& cv : c.curves)
    if (!cv.label.isEmpty()) entries.push_back(&cv);
  if (!entries.empty()) {
    double w = 0;
    for (const auto* e : entries) w = std::max(w, fm.horizontalAdvance(e->label));
    const QSizeF size(w + 34, entries.size() * lh + 8);
    const QRectF inner = plot.adjusted(6, 6, -6, -6);
    const QRectF corners[] = {QRectF(QPointF(inner.right() - size.width(), inner.top()), size),
                              QRectF(QPointF(inner.right() - size.width(), inner.bottom() - size.height()), size),
                              QRectF(inner.topLeft(), size),
                              QRectF(QPointF(inner.left(), inner.bottom() - size.height()), size)};
    QRectF best = corners[0];
    int bestHits = std::numeric_limits<int>::max();
    for (const QRectF& r : corners) {
      int hits = 0;
      for (const QRectF& l : labels)
        if (l.intersects(r)) hits += 1000;
      for (const auto& cv : c.curves)
        for (size_t i = 0; i < cv.points.size(); ++i) {
          if (c.logY && !(cv.points[i].y() > 0)) continue;
          const QPointF q(mx(cv.points[i].x()), my(cv.points[i].y()));
          const QRectF zone = r.adjusted(-10, -10, 10, 10);  // a curve hugging the legend is as bad as one under it
          if (zone.contains(q)) hits += 2;
          if (i > 0 && (!c.logY || cv.points[i - 1].y() > 0)) {
            const QPointF prev(mx(cv.points[i - 1].x()), my(cv.points[i - 1].y()));
            for (int k = 1; k < 8; ++k)
              if (zone.contains(prev + (q - prev) * (k / 8.0))) ++hits;
          }
        }
      if (hits < bestHits) {
        bestHits = hits;
        best = r;
      }
    }
    p.setPen(QPen(kGrid, 1.0));
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRoundedRect(best, 3, 3);
    double y = best.top() + 4;
    for (const auto* e : entries) {
      p.setPen(QPen(e->color, 2.2, Qt::SolidLine, Qt::RoundCap));
      p.drawLine(QPointF(best.left() + 6, y + lh / 2), QPointF(best.left() + 24, y + lh / 2));
      p.setPen(kText);
      p.drawText(QRectF(best.left() + 29, y, w + 4, lh), Qt::AlignLeft | Qt::AlignVCenter, e->label);
      y += lh;
    }
  }
}

}  // namespace

void paintLineChart(QPainter& p, const QRectF& box, const LineChart& c) {
  p.save();
  const QRectF area = paintTitle(p, box, c.title);
  const QFontMetricsF fm(p.font());
  const double lh = fm.height();

  double xmin = std::numeric_limits<double>::max(), xmax = -xmin, ymin = xmin, ymax = -xmin;
  size_t npoints = 0;
  for (const auto& cv : c.curves)
    for (const auto& pt : cv.points) {
      if (c.logY && !(pt.y() > 0)) continue;
      xmin = std::min(xmin, pt.x());
      xmax = std::max(xmax, pt.x());
      ymin = std::min(ymin, pt.y());
      ymax = std::max(ymax, pt.y());
      ++npoints;
    }
  if (npoints == 0) {
    paintEmpty(p, area, c.empty);
    p.restore();
    return;
  }
  for (const auto& v : c.vLines) {
    xmin = std::min(xmin, v.at);
    xmax = std::max(xmax, v.at);
  }
  if (xmax - xmin < 1) {
    xmin -= 0.5;
    xmax += 0.5;
  }
  const double xpad = (xmax - xmin) * 0.03;
  const double x0 = xmin - xpad, x1 = xmax + xpad;

  // Vertical range and ticks.
  const VerticalScale scale = verticalScale(c, ymin, ymax);
  const double y0 = scale.y0, y1 = scale.y1;
  const std::vector<double>& yticks = scale.ticks;
  auto ty = [&](double y) { return c.logY ? std::log10(std::max(y, 1e-300)) : y; };

  double labelW = 0;
  for (double t : yticks) labelW = std::max(labelW, fm.horizontalAdvance(tickText(t)));
  QRectF plot(area.left() + lh + 8 + labelW, area.top() + 4, 0, 0);
  plot.setRight(area.right() - 12);
  plot.setBottom(area.bottom() - 2 * lh - 8);
  if (plot.width() < 40 || plot.height() < 30) {
    p.restore();
    return;
  }
  auto mx = [&](double x) { return plot.left() + (x - x0) / (x1 - x0) * plot.width(); };
  auto my = [&](double y) { return plot.bottom() - (ty(y) - y0) / (y1 - y0) * plot.height(); };

  const bool integerX = std::all_of(c.curves.begin(), c.curves.end(), [](const Curve& cv) {
    return std::all_of(cv.points.begin(), cv.points.end(), [](const QPointF& q) { return q.x() == std::round(q.x()); });
  });
  const int xTarget = std::max(2, static_cast<int>(plot.width() / (fm.horizontalAdvance(QStringLiteral("000000")) + 12)));
  std::vector<double> xticks = niceTicks(xmin, xmax, xTarget, integerX);

  // Grid, frame, tick labels.
  p.setPen(QPen(kGrid, 0.8));
  for (double t : yticks) p.drawLine(QPointF(plot.left(), my(t)), QPointF(plot.right(), my(t)));
  for (double t : xticks) p.drawLine(QPointF(mx(t), plot.top()), QPointF(mx(t), plot.bottom()));
  p.setPen(QPen(kFrame, 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawRect(plot);
  p.setPen(kText);
  for (double t : yticks) {
    const QRectF r(area.left(), my(t) - lh / 2, plot.left() - area.left() - 4, lh);
    p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, tickText(t));
  }
  double lastRight = -1e9;
  for (double t : xticks) {
    const QString s = tickText(t);
    const double w = fm.horizontalAdvance(s);
    const QRectF r(mx(t) - w / 2 - 2, plot.bottom() + 2, w + 4, lh);
    if (r.left() < lastRight + 4) continue;
    p.drawText(r, Qt::AlignCenter, s);
    lastRight = r.right();
  }
  p.drawText(QRectF(plot.left(), plot.bottom() + lh + 4, plot.width(), lh), Qt::AlignCenter, c.xLabel);
  // The y label, centred on the plot, may run past its ends into the title's and the x labels' rows;
  // elided when even that is too short (a small window), never cut at both ends.
  const double yRoom = 2 * std::min(plot.center().y() - area.top(), area.bottom() - plot.center().y()) - 4;
  p.save();
  p.translate(area.left() + 2, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-yRoom / 2, 0, yRoom, lh), Qt::AlignCenter, fm.elidedText(c.yLabel, Qt::ElideRight, yRoom));
  p.restore();

  // Reference lines (their labels are obstacles for the legend).
  std::vector<QRectF> labels;
  p.save();
  p.setClipRect(plot);
  for (const auto& h : c.hLines) {
    p.setPen(QPen(h.color, 1.0, Qt::DashLine));
    p.drawLine(QPointF(plot.left(), my(h.at)), QPointF(plot.right(), my(h.at)));
    // Below the line at the right: cumulative curves have risen past it there, so the label stays clear of them.
    const double w = fm.horizontalAdvance(h.label) + 4;
    labels.emplace_back(plot.right() - 4 - w, my(h.at) + 1, w, lh);
    p.drawText(labels.back(), Qt::AlignRight | Qt::AlignTop, h.label);
  }
  for (const auto& v : c.vLines) {
    p.setPen(QPen(v.color, 1.0, Qt::DotLine));
    p.drawLine(QPointF(mx(v.at), plot.top()), QPointF(mx(v.at), plot.bottom()));
    const double w = fm.horizontalAdvance(v.label) + 4;
    const bool right = mx(v.at) + w < plot.right();
    labels.emplace_back(right ? mx(v.at) + 3 : mx(v.at) - w - 3, plot.bottom() - lh - 2, w, lh);
    p.drawText(labels.back(), right ? Qt::AlignLeft : Qt::AlignRight, v.label);
  }

  // Curves.
  for (const auto& cv : c.curves) {
    QPolygonF line;
    for (const auto& pt : cv.points)
      if (!c.logY || pt.y() > 0) line << QPointF(mx(pt.x()), my(pt.y()));
    p.setPen(QPen(cv.color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(line);
    if (line.size() <= 48) {
      p.setBrush(cv.color);
      p.setPen(QPen(Qt::white, 0.8));
      for (const auto& q : line) p.drawEllipse(q, 3.0, 3.0);
    }
  }
  p.restore();

  paintLegend(p, c, plot, labels, mx, my);
  p.restore();
}

// The phi(i, j) heatmap with axes (i down, j across, from 1) and a colour bar.
void paintSimilarity(QPainter& p, const QRectF& box, const QString& title, const SubspaceFigure& f) {
  p.save();
  const QRectF area = paintTitle(p, box, title);
  if (f.phi.empty()) {
    paintEmpty(p, area, f.message);
    p.restore();
    return;
  }
  const QFontMetricsF fm(p.font());
  const double lh = fm.height();
  const double labelW = fm.horizontalAdvance(QString::number(f.n_i));
  const double barW = 12, barLabelW = fm.horizontalAdvance(QStringLiteral("0.5"));
  QRectF avail(area.left() + lh + 8 + labelW, area.top() + 4, 0, 0);
  avail.setRight(area.right() - barW - barLabelW - 24);
  avail.setBottom(area.bottom() - 2 * lh - 8);
  if (avail.width() < 20 || avail.height() < 20) {
    p.restore();
    return;
  }
  const double cell = std::min(avail.width() / f.n_j, avail.height() / f.n_i);  // square cells
  const QRectF plot(avail.left() + (avail.width() - cell * f.n_j) / 2, avail.top(), cell * f.n_j, cell * f.n_i);

  HeatmapData d;
  d.rows = f.n_i;
  d.cols = f.n_j;
  d.pooled = true;
  d.values.assign(f.phi.begin(), f.phi.end());
  const QImage img = renderHeatmap(d, ColorMap::Viridis, 1.0);
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  p.drawImage(plot, img);
  p.setPen(QPen(kFrame, 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawRect(plot);

  // Values in the cells when they fit.
  QFont small = p.font();
  small.setPixelSize(std::max(6, static_cast<int>(std::lround(p.font().pixelSize() > 0 ? p.font().pixelSize() * 0.85
                                                                                    : QFontInfo(p.font()).pixelSize() * 0.85))));
  const QFontMetricsF sfm(small);
  if (cell >= sfm.horizontalAdvance(QStringLiteral("0.00")) + 4 && cell >= sfm.height() + 2) {
    p.save();
    p.setFont(small);
    for (int i = 0; i < f.n_i; ++i)
      for (int j = 0; j < f.n_j; ++j) {
        const double v = f.phi[static_cast<size_t>(i * f.n_j + j)];
        p.setPen(v > 0.6 ? QColor(Qt::black) : QColor(Qt::white));
        p.drawText(QRectF(plot.left() + j * cell, plot.top() + i * cell, cell, cell), Qt::AlignCenter,
                   QString::number(v, 'f', 2));
      }
    p.restore();
  }

  // Axes: ticks at cell centres.
  p.setPen(kText);
  for (double t : niceTicks(1, f.n_i, std::max(2, static_cast<int>(plot.height() / (lh * 1.6))), true)) {
    const double y = plot.top() + (t - 0.5) * cell;
    p.drawText(QRectF(area.left(), y - lh / 2, plot.left() - area.left() - 4, lh), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(t));
  }
  const double colW = fm.horizontalAdvance(QString::number(f.n_j)) + 8;
  for (double t : niceTicks(1, f.n_j, std::max(2, static_cast<int>(plot.width() / colW)), true)) {
    const double x = plot.left() + (t - 0.5) * cell;
    p.drawText(QRectF(x - colW / 2, plot.bottom() + 2, colW, lh), Qt::AlignCenter, QString::number(t));
  }
  const QString xLabel = SpectraView::tr("j: top vectors of %1").arg(f.labelB);
  const QString yLabel = SpectraView::tr("i: top vectors of %1").arg(f.labelA);
  p.drawText(QRectF(area.left(), plot.bottom() + lh + 4, area.width(), lh), Qt::AlignCenter,
             fm.elidedText(xLabel, Qt::ElideRight, area.width()));
  p.save();
  p.translate(area.left() + 2, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-area.height() / 2, 0, area.height(), lh), Qt::AlignCenter,
             fm.elidedText(yLabel, Qt::ElideRight, area.height() - 8));
  p.restore();

  // Colour bar 0..1.
  const QRectF bar(avail.right() + 14, plot.top(), barW, std::max(40.0, std::min(plot.height(), avail.height())));
  p.drawImage(bar, renderLegend(ColorMap::Viridis, 1, 128));
  p.setPen(QPen(kFrame, 1.0));
  p.drawRect(bar);
  p.setPen(kText);
  for (double t : {0.0, 0.5, 1.0}) {
    const double y = bar.bottom() - t * bar.height();
    p.drawText(QRectF(bar.right() + 3, y - lh / 2, barLabelW + 6, lh), Qt::AlignLeft | Qt::AlignVCenter, tickText(t));
  }
  p.restore();
}

}  // namespace etlab::spectra
