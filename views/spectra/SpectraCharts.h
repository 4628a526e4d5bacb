// SPDX-License-Identifier: MIT
// The rank-spectra view's charts, painted with QPainter so that the screen and the PNG, SVG and PDF
// exports come from the same code: line charts with linear or log axes and reference lines, and the
// subspace-similarity heatmap. Internal to views/spectra.
#pragma once

#include <QColor>
#include <QPainter>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

#include "views/spectra/SpectraData.h"

namespace etlab::spectra {

/// The colour of run i (Okabe–Ito: distinguishable with colour-vision deficiencies, dark enough on white).
QColor runColor(int i);

extern const QColor kText, kMuted, kGrid, kFrame;

/// An axis label: "0", up to 4 significant digits, or a power of ten for very small or large values.
QString tickText(double v);
/// About `target` round tick values covering lo..hi (whole numbers when `integer`).
std::vector<double> niceTicks(double lo, double hi, int target, bool integer);
/// The round value (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at or above v.
double niceCeil(double v);

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

/// The chart's title at the top of `box`; returns the space below it.
QRectF paintTitle(QPainter& p, const QRectF& box, const QString& title);
/// A grey, wrapped message in place of a chart.
void paintEmpty(QPainter& p, const QRectF& area, const QString& text);
/// Axes, grid, curves, reference lines and a legend placed where it hides the fewest points.
void paintLineChart(QPainter& p, const QRectF& box, const LineChart& c);
/// The phi(i, j) heatmap with axes (i down, j across, from 1) and a colour bar.
void paintSimilarity(QPainter& p, const QRectF& box, const QString& title, const SubspaceFigure& f);

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

}  // namespace etlab::spectra
