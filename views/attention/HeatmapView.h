// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

#include "views/attention/Heatmap.h"

namespace etlab {

/// Draws a heatmap figure (title, axes with token labels where they fit, the map, a colour legend)
/// into any painter: the widget, PNG, SVG and PDF exports all go through this one function.
struct HeatmapFigure {
  HeatmapData data;
  QImage image;  ///< renderHeatmap(data, ...), cached by the caller
  ColorMap map = ColorMap::Viridis;
  double vmax = 1.0;
  QString title, rowAxis, colAxis;
};
/// `view` is the part of the matrix shown, in cell coordinates (the whole matrix when null).
void paintHeatmapFigure(QPainter& p, const QRectF& target, const HeatmapFigure& fig, const QRectF& view = {});

/// One attention matrix, zoomable (wheel, +/-), pannable (drag, arrow keys) and inspectable (hover
/// shows query and key tokens and the value). The rendered image is cached: zoom and pan only repaint.
class HeatmapView : public QWidget {
  Q_OBJECT

 public:
  explicit HeatmapView(QWidget* parent = nullptr);

  void setFigure(HeatmapFigure figure);
  const HeatmapFigure& figure() const { return m_fig; }
  /// Visible cell rectangle.
  QRectF viewRect() const { return m_view; }
  void setViewRect(const QRectF& cells);
  void resetView();
  void zoomBy(double factor, const QPointF& aroundWidgetPos);
  /// The cell under a widget position, or (-1, -1).
  QPoint cellAt(const QPointF& widgetPos) const;
  QSize sizeHint() const override { return {560, 520}; }

 Q_SIGNALS:
  void cellHovered(int row, int col, double value);

 protected:
  void paintEvent(QPaintEvent*) override;
  void wheelEvent(QWheelEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void keyPressEvent(QKeyEvent* e) override;

 private:
  QRectF mapArea() const;
  void clampView();

  HeatmapFigure m_fig;
  QRectF m_view;
  bool m_dragging = false;
  QPointF m_dragStart;
  QRectF m_dragView;
};

}  // namespace etlab
