// SPDX-License-Identifier: MIT
#include "views/spectra/SpectraView.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QPainter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"
#include "views/attention/Heatmap.h"
#include "views/common/ChartExport.h"

namespace etlab {

// --- computations ------------------------------------------------------------------------------

std::vector<double> subspaceSimilarity(const AdapterVectorsRecord& a, const AdapterVectorsRecord& b, int* n_i, int* n_j) {
  auto valid = [](const AdapterVectorsRecord& r) {
    return r.rows > 0 && r.cols > 0 && r.data.size() == static_cast<size_t>(r.rows * r.cols);
  };
  std::vector<double> out;
  int ni = 0, nj = 0;
  if (valid(a) && valid(b) && a.cols == b.cols) {
    ni = static_cast<int>(a.rows);
    nj = static_cast<int>(b.rows);
    const auto cols = static_cast<size_t>(a.cols);
    // S(i, j) = sum over p < i, q < j of <a_p, b_q>^2 = ||U_A[:i]^T U_B[:j]||_F^2, by 2-D prefix sums.
    std::vector<double> sums(static_cast<size_t>((ni + 1) * (nj + 1)), 0.0);
    auto at = [&](int i, int j) -> double& { return sums[static_cast<size_t>(i * (nj + 1) + j)]; };
    out.resize(static_cast<size_t>(ni * nj));
    for (int i = 1; i <= ni; ++i) {
      const float* u = a.data.data() + static_cast<size_t>(i - 1) * cols;
      for (int j = 1; j <= nj; ++j) {
        const float* v = b.data.data() + static_cast<size_t>(j - 1) * cols;
        double dot = 0.0;
        for (size_t c = 0; c < cols; ++c) dot += static_cast<double>(u[c]) * v[c];
        at(i, j) = dot * dot + at(i - 1, j) + at(i, j - 1) - at(i - 1, j - 1);
        out[static_cast<size_t>((i - 1) * nj + (j - 1))] = std::clamp(at(i, j) / std::min(i, j), 0.0, 1.0);
      }
    }
  }
  if (n_i) *n_i = ni;
  if (n_j) *n_j = nj;
  return out;
}

std::vector<double> cumulativeEnergy(const std::vector<float>& singular) {
  std::vector<double> out(singular.size(), 0.0);
  double total = 0.0;
  for (float s : singular) total += static_cast<double>(s) * s;
  if (total <= 0.0) return out;
  double run = 0.0;
  for (size_t i = 0; i < singular.size(); ++i) {
    run += static_cast<double>(singular[i]) * singular[i];
    out[i] = std::min(1.0, run / total);
  }
  return out;
}

int rankForEnergy(const std::vector<float>& singular, double threshold) {
  const auto energy = cumulativeEnergy(singular);
  if (energy.empty() || energy.back() <= 0.0) return 0;
  for (size_t i = 0; i < energy.size(); ++i)
    if (energy[i] >= threshold - 1e-12) return static_cast<int>(i) + 1;
  return static_cast<int>(energy.size());
}

SpectraData loadSpectra(const QString& dbPath, const QStringList& runIds) {
  SpectraData data;
  data.dbPath = dbPath;
  if (runIds.isEmpty()) return data;
  try {
    RunStore store(dbPath.toStdString(), /*read_only=*/true);
    for (const QString& id : runIds) {
      SpectraRun run;
      run.runId = id;
      try {
        const auto rec = store.find_run(id.toStdString());
        if (!rec) throw StoreError("no run " + id.toStdString());
        run.runId = QString::fromStdString(rec->id);
        const auto cfg = nlohmann::json::parse(rec->config_json, nullptr, false);
        if (cfg.is_object()) {
          if (cfg.contains("lora") && cfg["lora"].is_object() && cfg["lora"].contains("r") && cfg["lora"]["r"].is_number())
            run.loraR = cfg["lora"]["r"].get<int>();
          else if (cfg.contains("lora.r") && cfg["lora.r"].is_number())
            run.loraR = cfg["lora.r"].get<int>();
        }
        run.spectra = store.spectra(rec->id);
        std::stable_sort(run.spectra.begin(), run.spectra.end(),
                         [](const SpectrumRecord& x, const SpectrumRecord& y) { return x.step < y.step; });
        run.vectors = store.adapter_vectors(rec->id);
        if (!run.spectra.empty()) run.kind = QString::fromStdString(run.spectra.front().kind);
      } catch (const std::exception& e) {
        run.error = QString::fromStdString(e.what());
      }
      run.label = run.runId.left(8);
      if (!run.kind.isEmpty()) run.label += QStringLiteral(" ") + run.kind;
      if (run.kind == QStringLiteral("lora") && run.loraR > 0) run.label += QStringLiteral(" r=%1").arg(run.loraR);
      data.runs.push_back(std::move(run));
    }
  } catch (const std::exception& e) {
    data.error = QString::fromStdString(e.what());
    data.runs.clear();
  }
  return data;
}

// --- drawing -----------------------------------------------------------------------------------

namespace {

// Okabe–Ito: distinguishable with colour-vision deficiencies, and all dark enough on white.
QColor runColor(int i) {
  static const QRgb colors[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000};
  return QColor::fromRgb(colors[static_cast<size_t>(std::max(0, i)) % 7]);
}

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

struct Curve {
  QString label;
  QColor color;
  std::vector<QPointF> points;
};

struct RefLine {
  double at = 0.0;
  QString label;
  QColor color = QColor(0x44, 0x44, 0x44);
};

struct LineChart {
  QString title, xLabel, yLabel, empty;
  bool logY = false;
  bool fixedY = false;  ///< use yMin..yMax as given
  double yMin = 0.0, yMax = 1.0;
  bool yFromZero = true;  ///< linear axes start at zero
  std::vector<Curve> curves;
  std::vector<RefLine> hLines, vLines;
};

QFont titleFont(const QFont& base) {
  QFont f = base;
  f.setBold(true);
  return f;
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
  p.save();
  p.translate(area.left() + 2, plot.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-plot.height() / 2, 0, plot.height(), lh), Qt::AlignCenter, c.yLabel);
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

  // Legend, in the corner the curves cross least.
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

/// A chart on screen: the same painter function as the exports, on white.
class ChartCanvas : public QWidget {
 public:
  ChartCanvas(std::function<void(QPainter&, const QRectF&)> paint, QWidget* parent)
      : QWidget(parent), m_paint(std::move(paint)) {
    setMinimumSize(300, 210);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.fillRect(r, Qt::white);
    p.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 1.0));
    p.drawRect(r);
    m_paint(p, r);
  }

 private:
  std::function<void(QPainter&, const QRectF&)> m_paint;
};

const char* const kModuleOrder[] = {"q", "k", "v", "o", "ffn_in", "ffn_out", "router_q", "router_k"};

int moduleRank(const std::string& m) {
  for (int i = 0; i < 8; ++i)
    if (m == kModuleOrder[i]) return i;
  return 8;
}

// The record of a run at (module, layer) at `step` or the last step before it.
const SpectrumRecord* spectrumAt(const SpectraRun& run, const std::string& module, int layer, int64_t step) {
  const SpectrumRecord* best = nullptr;
  for (const auto& s : run.spectra)
    if (s.module == module && s.layer == layer && s.step <= step && (!best || s.step >= best->step)) best = &s;
  return best;
}

// The last adapter vectors of a run at (module, layer).
const AdapterVectorsRecord* lastVectors(const SpectraRun& run, const std::string& module, int layer) {
  const AdapterVectorsRecord* best = nullptr;
  for (const auto& v : run.vectors)
    if (v.module == module && v.layer == layer && (!best || v.step >= best->step)) best = &v;
  return best;
}

QString percent(double fraction) {
  return QString::number(fraction * 100.0, 'g', 4) + QStringLiteral("%");
}

}  // namespace

// --- the view ----------------------------------------------------------------------------------

SpectraView::SpectraView(QWidget* parent)
    : QWidget(parent), m_data(std::make_shared<SpectraData>()), m_watcher(new QFutureWatcher<SpectraData>(this)) {
  m_module = new QComboBox(this);
  m_module->setToolTip(tr("Which adapted weight: q, k, v, o projections, the feed-forward layers or the sparse-attention router"));
  m_layer = new QComboBox(this);
  m_layer->setToolTip(tr("Transformer layer"));
  m_step = new QComboBox(this);
  m_step->setToolTip(tr("Evaluation step whose spectrum is shown (runs without it show their last one before)"));
  m_scale = new QComboBox(this);
  m_scale->addItem(tr("log"), true);
  m_scale->addItem(tr("linear"), false);
  m_scale->setToolTip(tr("Vertical scale of the singular values"));
  m_threshold = new QDoubleSpinBox(this);
  m_threshold->setRange(0.05, 1.0);
  m_threshold->setDecimals(3);
  m_threshold->setSingleStep(0.01);
  m_threshold->setValue(0.90);
  m_threshold->setToolTip(tr("Fraction of the update's energy (sum of squared singular values) a rank must keep"));

  auto* controls = new QHBoxLayout;
  auto addControl = [&](const QString& label, QWidget* w) {
    auto* l = new QLabel(label, this);
    l->setBuddy(w);
    controls->addWidget(l);
    controls->addWidget(w);
    controls->addSpacing(8);
  };
  addControl(tr("&Module"), m_module);
  addControl(tr("&Layer"), m_layer);
  addControl(tr("S&tep"), m_step);
  addControl(tr("&Scale"), m_scale);
  addControl(tr("&Energy threshold"), m_threshold);
  controls->addStretch(1);

  m_message = new QLabel(tr("Choose one or more runs to see the rank spectra of their weight updates."), this);
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setWordWrap(true);
  m_message->setMinimumHeight(80);

  m_singularChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintSingular(p, r); }, this);
  m_energyChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintEnergy(p, r); }, this);
  m_evolutionChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintEvolution(p, r); }, this);
  m_subspaceChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintSubspace(p, r); }, this);
  m_singularChart->setToolTip(tr("Singular values of the weight update, largest first: a steep drop means the update is low-rank"));
  m_energyChart->setToolTip(tr("Share of the update's energy kept by its top r directions; the dashed line is the threshold"));
  m_evolutionChart->setToolTip(tr("Stable rank (||ΔW||_F² / ||ΔW||_2²) at each evaluation"));
  m_subspaceChart->setToolTip(
      tr("How much the top-i directions of adapter A overlap the top-j directions of adapter B (1: same subspace, 0: orthogonal)"));

  m_runA = new QComboBox(this);
  m_runB = new QComboBox(this);
  m_runA->setToolTip(tr("Adapter A (rows of the heatmap)"));
  m_runB->setToolTip(tr("Adapter B (columns of the heatmap)"));
  m_subspaceControls = new QWidget(this);
  auto* sub = new QHBoxLayout(m_subspaceControls);
  sub->setContentsMargins(0, 0, 0, 0);
  m_subspaceLabel = new QLabel(tr("Compare adapters"), m_subspaceControls);
  sub->addWidget(m_subspaceLabel);
  sub->addWidget(m_runA, 1);
  sub->addWidget(new QLabel(tr("with"), m_subspaceControls));
  sub->addWidget(m_runB, 1);

  m_charts = new QWidget(this);
  auto* grid = new QGridLayout(m_charts);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(6);
  grid->addWidget(m_singularChart, 0, 0, 2, 1);
  grid->addWidget(m_energyChart, 0, 1, 2, 1);
  grid->addWidget(m_evolutionChart, 2, 0, 2, 1);
  grid->addWidget(m_subspaceControls, 2, 1);
  grid->addWidget(m_subspaceChart, 3, 1);
  grid->setRowStretch(0, 1);
  grid->setRowStretch(1, 1);
  grid->setRowStretch(3, 2);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);

  m_ranks = new QLabel(this);
  m_ranks->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_ranks->setWordWrap(true);

  m_startRun = new QPushButton(this);
  m_startRun->setToolTip(tr("Open the new-run dialog with this run's preset and the suggested LoRA rank"));
  m_startRun->hide();
  connect(m_startRun, &QPushButton::clicked, this, [this] {
    for (const auto& c : m_curves)
      if (c.rankAtThreshold > 0) {
        Q_EMIT startRunRequested(c.runId, suggestedRank());
        return;
      }
  });
  auto* rankRow = new QHBoxLayout;
  rankRow->addWidget(m_ranks, 1);
  rankRow->addWidget(m_startRun, 0, Qt::AlignTop);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_message);
  layout->addWidget(m_charts, 1);
  layout->addLayout(rankRow);
  m_charts->hide();
  m_ranks->hide();
  for (QWidget* w : {static_cast<QWidget*>(m_module), static_cast<QWidget*>(m_layer), static_cast<QWidget*>(m_step),
                     static_cast<QWidget*>(m_scale), static_cast<QWidget*>(m_threshold)})
    w->setEnabled(false);

  connect(m_watcher, &QFutureWatcher<SpectraData>::finished, this, &SpectraView::onLoaded);
  connect(m_module, &QComboBox::currentIndexChanged, this, [this] {
    fillLayersAndSteps();
    refresh();
  });
  connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
    fillLayersAndSteps();
    refresh();
  });
  connect(m_step, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
  connect(m_scale, &QComboBox::currentIndexChanged, this, [this] { m_singularChart->update(); });
  connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &SpectraView::refresh);
  connect(m_runA, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
  connect(m_runB, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
}

SpectraView::~SpectraView() = default;

void SpectraView::setRuns(const QString& dbPath, const QStringList& runIds) {
  m_message->setText(runIds.isEmpty() ? tr("Choose one or more runs to see the rank spectra of their weight updates.")
                                      : tr("Loading the spectra of %n run(s)…", nullptr, static_cast<int>(runIds.size())));
  m_message->show();
  m_charts->hide();
  m_ranks->hide();
  m_watcher->setFuture(QtConcurrent::run(loadSpectra, dbPath, runIds));
}

void SpectraView::onLoaded() {
  m_data = std::make_shared<SpectraData>(m_watcher->result());
  const auto& data = *m_data;
  int withSpectra = 0, withVectors = 0;
  for (const auto& r : data.runs) {
    withSpectra += !r.spectra.empty();
    withVectors += !r.vectors.empty();
  }
  const bool ok = data.error.isEmpty() && withSpectra > 0;
  if (!data.error.isEmpty()) {
    m_message->setText(tr("Cannot read the spectra: %1").arg(data.error));
  } else if (data.runs.empty()) {
    m_message->setText(tr("Choose one or more runs to see the rank spectra of their weight updates."));
  } else if (!ok) {
    QStringList why;
    for (const auto& r : data.runs)
      if (!r.error.isEmpty()) why << tr("%1: %2").arg(r.runId.left(8), r.error);
    const QString base =
        data.runs.size() == 1
            ? tr("Run %1 recorded no spectra.").arg(data.runs.front().runId.left(8))
            : tr("None of the %1 chosen runs recorded spectra.").arg(data.runs.size());
    m_message->setText(base + QStringLiteral(" ") +
                       tr("Spectra of the weight updates are recorded at evaluations of LoRA and full fine-tune runs; "
                          "dense training from scratch has none.") +
                       (why.isEmpty() ? QString() : QStringLiteral("\n") + why.join(QStringLiteral("\n"))));
  }
  m_message->setVisible(!ok);
  for (QWidget* w : {static_cast<QWidget*>(m_module), static_cast<QWidget*>(m_layer), static_cast<QWidget*>(m_step),
                     static_cast<QWidget*>(m_scale), static_cast<QWidget*>(m_threshold)})
    w->setEnabled(ok);
  m_charts->setVisible(ok);
  m_ranks->setVisible(ok);

  {
    const QSignalBlocker b1(m_module), b2(m_runA), b3(m_runB);
    std::set<std::pair<int, std::string>> modules;
    for (const auto& r : data.runs)
      for (const auto& s : r.spectra) modules.insert({moduleRank(s.module), s.module});
    m_module->clear();
    for (const auto& m : modules) m_module->addItem(QString::fromStdString(m.second), QString::fromStdString(m.second));
    m_runA->clear();
    m_runB->clear();
    int firstA = -1, firstB = -1;
    for (size_t i = 0; i < data.runs.size(); ++i) {
      const auto& r = data.runs[i];
      m_runA->addItem(r.label, static_cast<int>(i));
      m_runB->addItem(r.label, static_cast<int>(i));
      if (!r.vectors.empty()) {
        if (firstA < 0) firstA = static_cast<int>(i);
        else if (firstB < 0) firstB = static_cast<int>(i);
      }
    }
    m_runA->setCurrentIndex(std::max(0, firstA));
    m_runB->setCurrentIndex(firstB >= 0 ? firstB : std::min<int>(1, m_runB->count() - 1));
  }
  m_subspaceControls->setVisible(data.runs.size() >= 2);
  {
    const QSignalBlocker b(m_step);
    m_step->clear();  // filled afresh, at the last step
  }
  fillLayersAndSteps();
  refresh();
  Q_EMIT loaded(ok);
}

void SpectraView::fillLayersAndSteps() {
  const auto& data = *m_data;
  const std::string module = currentModule().toStdString();
  const QSignalBlocker b1(m_layer), b2(m_step);
  const int oldLayer = m_layer->currentData().isValid() ? m_layer->currentData().toInt() : -1;
  std::set<int> layers;
  for (const auto& r : data.runs)
    for (const auto& s : r.spectra)
      if (s.module == module) layers.insert(s.layer);
  m_layer->clear();
  for (int l : layers) m_layer->addItem(tr("layer %1").arg(l), l);
  const int li = m_layer->findData(oldLayer);
  m_layer->setCurrentIndex(li >= 0 ? li : 0);

  const int layer = currentLayer();
  const bool hadStep = m_step->count() > 0;
  const qlonglong oldStep = hadStep ? m_step->currentData().toLongLong() : -1;
  std::set<int64_t> steps;
  for (const auto& r : data.runs)
    for (const auto& s : r.spectra)
      if (s.module == module && s.layer == layer) steps.insert(s.step);
  m_step->clear();
  for (int64_t s : steps) m_step->addItem(tr("step %1").arg(s), static_cast<qlonglong>(s));
  const int si = hadStep ? m_step->findData(oldStep) : -1;
  m_step->setCurrentIndex(si >= 0 ? si : m_step->count() - 1);  // default: the last step
}

void SpectraView::refresh() {
  const auto& data = *m_data;
  const std::string module = currentModule().toStdString();
  const int layer = currentLayer();
  const int64_t step = currentStep();
  const double threshold = energyThreshold();
  m_curves.clear();
  QStringList lines;
  for (size_t i = 0; i < data.runs.size(); ++i) {
    const auto& run = data.runs[i];
    if (!run.error.isEmpty()) {
      lines << tr("%1: cannot be read (%2)").arg(run.label, run.error);
      continue;
    }
    if (run.spectra.empty()) {
      lines << tr("%1: no spectra recorded (dense runs have none)").arg(run.label);
      continue;
    }
    const SpectrumRecord* rec = step >= 0 ? spectrumAt(run, module, layer, step) : nullptr;
    if (!rec) {
      lines << tr("%1: no spectrum of %2 layer %3 at or before step %4")
                   .arg(run.label, QString::fromStdString(module))
                   .arg(layer)
                   .arg(step);
      continue;
    }
    SpectraCurve c;
    c.runId = run.runId;
    c.label = run.label;
    c.kind = QString::fromStdString(rec->kind);
    c.runIndex = static_cast<int>(i);
    c.step = rec->step;
    c.singular = rec->singular;
    c.energy = cumulativeEnergy(c.singular);
    c.stableRank = rec->stable_rank;
    c.effectiveRank = rec->effective_rank;
    c.rankAtThreshold = rankForEnergy(c.singular, threshold);
    QString line = tr("%1: stable rank %2 · effective rank %3 · %4 of the energy in the top %5 of %6 directions")
                       .arg(c.label)
                       .arg(c.stableRank, 0, 'f', 2)
                       .arg(c.effectiveRank, 0, 'f', 2)
                       .arg(percent(threshold))
                       .arg(c.rankAtThreshold)
                       .arg(c.singular.size());
    if (c.step != step) line += QStringLiteral(" ") + tr("(its last spectrum before: step %1)").arg(c.step);
    lines << line;
    m_curves.push_back(std::move(c));
  }
  if (!m_curves.empty()) {
    const auto& first = m_curves.front();
    const QString suggestion =
        first.kind == QStringLiteral("full")
            ? tr("Suggested rank: r = %1, the smallest LoRA rank that would keep %2 of the energy of the full update of %3.")
            : tr("Suggested rank: r = %1, the smallest rank that keeps %2 of the update's energy in %3.");
    lines.prepend(suggestion.arg(first.rankAtThreshold).arg(percent(threshold)).arg(first.label));
  }

  // Subspace similarity of the two chosen adapters (their last recorded vectors).
  m_subspace = SubspaceFigure{};
  const int ia = m_runA->currentData().isValid() ? m_runA->currentData().toInt() : -1;
  const int ib = m_runB->currentData().isValid() ? m_runB->currentData().toInt() : -1;
  const int nRuns = static_cast<int>(data.runs.size());
  if (nRuns < 2 || ia < 0 || ib < 0 || ia >= nRuns || ib >= nRuns) {
    m_subspace.message = tr("Choose two LoRA runs to compare the subspaces their adapters learned.");
  } else {
    const auto& ra = data.runs[static_cast<size_t>(ia)];
    const auto& rb = data.runs[static_cast<size_t>(ib)];
    m_subspace.labelA = ra.label;
    m_subspace.labelB = rb.label;
    const AdapterVectorsRecord* va = lastVectors(ra, module, layer);
    const AdapterVectorsRecord* vb = lastVectors(rb, module, layer);
    const QString where = tr("%1 layer %2").arg(QString::fromStdString(module)).arg(layer);
    if (!va || !vb) {
      m_subspace.message = tr("%1 has no adapter vectors for %2: only LoRA runs record them (full fine-tunes and dense runs do not).")
                               .arg(!va ? ra.label : rb.label, where);
    } else if (va->cols != vb->cols) {
      m_subspace.message = tr("These adapters do not match: %1 reads %2 input features, %3 reads %4; their subspaces cannot be compared.")
                               .arg(ra.label)
                               .arg(va->cols)
                               .arg(rb.label)
                               .arg(vb->cols);
    } else {
      m_subspace.phi = subspaceSimilarity(*va, *vb, &m_subspace.n_i, &m_subspace.n_j);
      m_subspace.stepA = va->step;
      m_subspace.stepB = vb->step;
      if (m_subspace.phi.empty())
        m_subspace.message = tr("The adapter vectors of %1 are malformed (rows × columns do not match the data).").arg(where);
    }
  }
  m_ranks->setText(lines.join(QLatin1Char('\n')));
  const int r = suggestedRank();
  m_startRun->setText(tr("Start a LoRA run with r = %1…").arg(r));
  m_startRun->setVisible(r > 0 && !m_ranks->isHidden());
  for (QWidget* w : {m_singularChart, m_energyChart, m_evolutionChart, m_subspaceChart}) w->update();
}

void SpectraView::select(const QString& module, int layer, int64_t step) {
  {
    const QSignalBlocker b(m_module);
    const int mi = m_module->findData(module);
    if (mi >= 0) m_module->setCurrentIndex(mi);
  }
  {
    const QSignalBlocker b(m_layer);
    fillLayersAndSteps();
    const int li = m_layer->findData(layer);
    if (li >= 0) m_layer->setCurrentIndex(li);
  }
  fillLayersAndSteps();
  {
    const QSignalBlocker b(m_step);
    int best = -1;
    for (int i = 0; i < m_step->count(); ++i)
      if (m_step->itemData(i).toLongLong() <= step) best = i;
    m_step->setCurrentIndex(best >= 0 ? best : 0);
  }
  refresh();
}

void SpectraView::setEnergyThreshold(double threshold) { m_threshold->setValue(threshold); }

void SpectraView::setLogScale(bool log) { m_scale->setCurrentIndex(log ? 0 : 1); }

void SpectraView::setSubspaceRuns(int a, int b) {
  {
    const QSignalBlocker b1(m_runA), b2(m_runB);
    m_runA->setCurrentIndex(m_runA->findData(a));
    m_runB->setCurrentIndex(m_runB->findData(b));
  }
  refresh();
}

QString SpectraView::currentModule() const { return m_module->currentData().toString(); }

int SpectraView::currentLayer() const { return m_layer->currentData().isValid() ? m_layer->currentData().toInt() : -1; }

int64_t SpectraView::currentStep() const {
  return m_step->currentData().isValid() ? static_cast<int64_t>(m_step->currentData().toLongLong()) : -1;
}

double SpectraView::energyThreshold() const { return m_threshold->value(); }

bool SpectraView::logScale() const { return m_scale->currentData().toBool(); }

int SpectraView::suggestedRank() const { return m_curves.empty() ? 0 : m_curves.front().rankAtThreshold; }

QString SpectraView::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

QString SpectraView::rankText() const { return m_ranks->text(); }

QColor SpectraView::seriesColor(int runIndex) { return runColor(runIndex); }

void SpectraView::paintSingular(QPainter& p, const QRectF& box) const {
  LineChart c;
  c.title = tr("Singular values of the update · %1 · layer %2 · step %3").arg(currentModule()).arg(currentLayer()).arg(currentStep());
  c.xLabel = tr("index i");
  c.yLabel = logScale() ? tr("singular value σ (log scale)") : tr("singular value σ");
  c.logY = logScale();
  c.empty = tr("No spectrum at this module, layer and step.");
  for (const auto& cv : m_curves) {
    Curve k{cv.label, runColor(cv.runIndex), {}};
    for (size_t i = 0; i < cv.singular.size(); ++i) k.points.emplace_back(static_cast<double>(i + 1), cv.singular[i]);
    c.curves.push_back(std::move(k));
  }
  paintLineChart(p, box, c);
}

void SpectraView::paintEnergy(QPainter& p, const QRectF& box) const {
  LineChart c;
  c.title = tr("Cumulative energy Σσ² (normalised)");
  c.xLabel = tr("rank r");
  c.yLabel = tr("share of energy");
  c.fixedY = true;
  c.yMin = 0.0;
  c.yMax = 1.0;
  c.empty = tr("No spectrum at this module, layer and step.");
  for (const auto& cv : m_curves) {
    Curve k{cv.label, runColor(cv.runIndex), {}};
    for (size_t i = 0; i < cv.energy.size(); ++i) k.points.emplace_back(static_cast<double>(i + 1), cv.energy[i]);
    c.curves.push_back(std::move(k));
  }
  c.hLines.push_back({energyThreshold(), tr("threshold %1").arg(percent(energyThreshold()))});
  if (suggestedRank() > 0) c.vLines.push_back({static_cast<double>(suggestedRank()), tr("r = %1").arg(suggestedRank())});
  paintLineChart(p, box, c);
}

void SpectraView::paintEvolution(QPainter& p, const QRectF& box) const {
  LineChart c;
  const std::string module = currentModule().toStdString();
  const int layer = currentLayer();
  c.title = tr("Stable rank over training · %1 · layer %2").arg(currentModule()).arg(layer);
  c.xLabel = tr("step");
  c.yLabel = tr("stable rank");
  c.empty = tr("No spectra recorded for this module and layer.");
  for (size_t i = 0; i < m_data->runs.size(); ++i) {
    const auto& run = m_data->runs[i];
    Curve k{run.label, runColor(static_cast<int>(i)), {}};
    for (const auto& s : run.spectra)
      if (s.module == module && s.layer == layer) k.points.emplace_back(static_cast<double>(s.step), s.stable_rank);
    if (!k.points.empty()) c.curves.push_back(std::move(k));
  }
  if (currentStep() >= 0 && !c.curves.empty())
    c.vLines.push_back({static_cast<double>(currentStep()), tr("step %1").arg(currentStep())});
  paintLineChart(p, box, c);
}

void SpectraView::paintSubspace(QPainter& p, const QRectF& box) const {
  QString title = tr("Adapter subspace similarity φ(i, j) · %1 · layer %2").arg(currentModule()).arg(currentLayer());
  if (!m_subspace.phi.empty())
    title += QStringLiteral(" · ") + (m_subspace.stepA == m_subspace.stepB
                                          ? tr("step %1").arg(m_subspace.stepA)
                                          : tr("steps %1 / %2").arg(m_subspace.stepA).arg(m_subspace.stepB));
  paintSimilarity(p, box, title, m_subspace);
}

void SpectraView::paintAll(QPainter& p, const QRectF& box) const {
  p.fillRect(box, Qt::white);
  const QFontMetricsF fm(p.font());
  const QStringList lines = m_ranks->text().split(QLatin1Char('\n'));
  const double textH = lines.size() * fm.height() + 10;
  const double gap = 8;
  const QRectF grid = box.adjusted(gap, gap, -gap, -gap - textH);
  const double w = (grid.width() - gap) / 2, h = (grid.height() - gap) / 2;
  auto cell = [&](int r, int c) { return QRectF(grid.left() + c * (w + gap), grid.top() + r * (h + gap), w, h); };
  const std::function<void(QPainter&, const QRectF&)> charts[] = {
      [this](QPainter& q, const QRectF& r) { paintSingular(q, r); },
      [this](QPainter& q, const QRectF& r) { paintEnergy(q, r); },
      [this](QPainter& q, const QRectF& r) { paintEvolution(q, r); },
      [this](QPainter& q, const QRectF& r) { paintSubspace(q, r); }};
  for (int i = 0; i < 4; ++i) {
    const QRectF r = cell(i / 2, i % 2);
    p.save();
    p.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    charts[i](p, r);
    p.restore();
  }
  p.setPen(kText);
  double y = grid.bottom() + 8;
  for (const QString& line : lines) {
    p.drawText(QRectF(box.left() + gap, y, box.width() - 2 * gap, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(line, Qt::ElideRight, box.width() - 2 * gap));
    y += fm.height();
  }
}

bool SpectraView::exportTo(const QString& path, int dpi, QString* error) const {
  if (m_curves.empty()) {
    if (error) *error = tr("nothing to export yet: no spectrum is shown");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    std::vector<QStringList> rows;
    for (const auto& c : m_curves)
      for (size_t i = 0; i < c.singular.size(); ++i)
        rows.push_back({c.runId, currentModule(), QString::number(currentLayer()), QString::number(c.step),
                        QString::number(i + 1), QString::number(c.singular[i], 'g', 9)});
    return exportCsv(path,
                     {QStringLiteral("run"), QStringLiteral("module"), QStringLiteral("layer"), QStringLiteral("step"),
                      QStringLiteral("index"), QStringLiteral("singular_value")},
                     rows, error);
  }
  return exportChart(path, QSizeF(960, 700), dpi, [this](QPainter& p, const QRectF& box) {
    QFont font = p.font();
    font.setPixelSize(9);  // 9 pt: the export's coordinates are points
    p.setFont(font);
    p.setRenderHint(QPainter::Antialiasing);
    paintAll(p, box);
  }, error);
}

}  // namespace etlab
