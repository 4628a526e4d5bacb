// SPDX-License-Identifier: MIT
#include "views/attention/HeatmapView.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace etlab {

namespace {

constexpr double kLeft = 64, kTop = 60, kRight = 88, kBottom = 36;  // kTop leaves room for rotated token labels  // figure margins (pixels)

QString shortToken(const QString& t) {
  QString s = t;
  s.replace(QLatin1Char('\n'), QStringLiteral("⏎")).replace(QLatin1Char('\t'), QStringLiteral("⇥"));
  if (s == QStringLiteral(" ")) return QStringLiteral("␣");
  return s.size() > 8 ? s.left(7) + QStringLiteral("…") : s;
}

}  // namespace

void paintHeatmapFigure(QPainter& p, const QRectF& target, const HeatmapFigure& fig, const QRectF& viewIn) {
  const auto& d = fig.data;
  p.save();
  p.setRenderHint(QPainter::TextAntialiasing);
  const QPalette pal;
  const QColor fg = p.device() && p.device()->devType() == QInternal::Widget ? pal.color(QPalette::WindowText) : Qt::black;
  p.setPen(fg);
  QFont font = p.font();
  font.setPointSizeF(9);
  p.setFont(font);
  const QFontMetricsF fm(font);
  const QRectF area(target.left() + kLeft, target.top() + kTop, std::max(10.0, target.width() - kLeft - kRight),
                    std::max(10.0, target.height() - kTop - kBottom));
  p.drawText(QRectF(target.left(), target.top() + 4, target.width(), 20), Qt::AlignHCenter | Qt::AlignTop, fig.title);
  if (d.rows <= 0 || fig.image.isNull()) {
    p.drawText(area, Qt::AlignCenter, QCoreApplication::translate("Heatmap", "nothing recorded for this selection"));
    p.restore();
    return;
  }
  const QRectF view = viewIn.isNull() ? QRectF(0, 0, d.cols, d.rows) : viewIn;
  // Nearest-neighbour scaling keeps cells crisp; only the visible part of the cached image is drawn.
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  p.drawImage(area, fig.image, view);
  p.setPen(QPen(fg, 1));
  p.drawRect(area);

  // Axes: token labels when cells are large enough, otherwise positions.
  const double cw = area.width() / view.width(), ch = area.height() / view.height();
  auto drawRowLabels = [&] {
    const int first = std::max(0, static_cast<int>(std::floor(view.top())));
    const int last = std::min<int>(static_cast<int>(d.rows) - 1, static_cast<int>(std::ceil(view.bottom())) - 1);
    const bool tokens = ch >= fm.height() && !d.rowLabels.isEmpty();
    const int stride = tokens ? 1 : std::max(1, static_cast<int>(std::ceil(fm.height() * 2.5 / ch)));
    for (int r = first; r <= last; ++r) {
      if (!tokens && r % stride != 0) continue;
      const double y = area.top() + (r + 0.5 - view.top()) * ch;
      const QString text = tokens && r < d.rowLabels.size() ? shortToken(d.rowLabels[r]) : QString::number(r);
      p.drawText(QRectF(target.left(), y - fm.height() / 2, kLeft - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, text);
    }
  };
  auto drawColLabels = [&] {
    const int first = std::max(0, static_cast<int>(std::floor(view.left())));
    const int last = std::min<int>(static_cast<int>(d.cols) - 1, static_cast<int>(std::ceil(view.right())) - 1);
    const bool tokens = cw >= fm.height() && !d.colLabels.isEmpty();
    const double labelWidth = fm.horizontalAdvance(QStringLiteral("00000"));
    const int stride = tokens ? 1 : std::max(1, static_cast<int>(std::ceil(labelWidth * 1.5 / cw)));
    for (int c = first; c <= last; ++c) {
      if (!tokens && c % stride != 0) continue;
      const double x = area.left() + (c + 0.5 - view.left()) * cw;
      const QString text = tokens && c < d.colLabels.size() ? shortToken(d.colLabels[c]) : QString::number(c);
      if (tokens) {
        p.save();
        p.translate(x, area.top() - 3);
        p.rotate(-60);
        p.drawText(QPointF(0, fm.ascent() / 2), text);
        p.restore();
      } else {
        p.drawText(QRectF(x - labelWidth, area.bottom() + 2, 2 * labelWidth, fm.height()), Qt::AlignHCenter | Qt::AlignTop, text);
      }
    }
  };
  drawRowLabels();
  drawColLabels();
  p.drawText(QRectF(area.left(), area.bottom() + fm.height() + 2, area.width(), fm.height() + 2), Qt::AlignHCenter,
             fig.colAxis);
  p.save();
  p.translate(target.left() + 10, area.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-area.height() / 2, -fm.height(), area.height(), fm.height() + 2), Qt::AlignHCenter, fig.rowAxis);
  p.restore();

  // Legend: the colour bar with its range.
  const ColorMap legendMap = d.signedValues ? ColorMap::Diverging : fig.map;
  const QRectF bar(area.right() + 14, area.top(), 14, area.height());
  p.drawImage(bar, renderLegend(legendMap, 1, 256));
  p.drawRect(bar);
  const double hi = fig.vmax, lo = d.signedValues ? -fig.vmax : 0.0;
  auto num = [](double v) { return QString::number(v, 'g', 3); };
  p.drawText(QRectF(bar.right() + 3, bar.top() - fm.height() / 2, kRight - 30, fm.height()), Qt::AlignLeft, num(hi));
  p.drawText(QRectF(bar.right() + 3, bar.bottom() - fm.height() / 2, kRight - 30, fm.height()), Qt::AlignLeft, num(lo));
  if (d.signedValues)
    p.drawText(QRectF(bar.right() + 3, bar.center().y() - fm.height() / 2, kRight - 30, fm.height()), Qt::AlignLeft,
               QStringLiteral("0"));
  p.restore();
}

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent, false);
  setMinimumSize(240, 200);
}

void HeatmapView::setFigure(HeatmapFigure figure) {
  const bool sameShape = figure.data.rows == m_fig.data.rows && figure.data.cols == m_fig.data.cols;
  m_fig = std::move(figure);
  if (!sameShape || m_view.isNull()) resetView();  // scrubbing steps keeps the zoom
  update();
}

void HeatmapView::resetView() {
  m_view = QRectF(0, 0, std::max<int64_t>(1, m_fig.data.cols), std::max<int64_t>(1, m_fig.data.rows));
  update();
}

void HeatmapView::setViewRect(const QRectF& cells) {
  m_view = cells;
  clampView();
  update();
}

QRectF HeatmapView::mapArea() const {
  return QRectF(kLeft, kTop, std::max(10.0, width() - kLeft - kRight), std::max(10.0, height() - kTop - kBottom));
}

void HeatmapView::clampView() {
  const double W = std::max<int64_t>(1, m_fig.data.cols), H = std::max<int64_t>(1, m_fig.data.rows);
  double w = std::clamp(m_view.width(), std::min(4.0, W), W), h = std::clamp(m_view.height(), std::min(4.0, H), H);
  double x = std::clamp(m_view.left(), 0.0, W - w), y = std::clamp(m_view.top(), 0.0, H - h);
  m_view = QRectF(x, y, w, h);
}

void HeatmapView::zoomBy(double factor, const QPointF& pos) {
  if (m_fig.data.rows <= 0) return;
  const QRectF a = mapArea();
  const double fx = std::clamp((pos.x() - a.left()) / a.width(), 0.0, 1.0);
  const double fy = std::clamp((pos.y() - a.top()) / a.height(), 0.0, 1.0);
  const QPointF anchor(m_view.left() + fx * m_view.width(), m_view.top() + fy * m_view.height());
  const double w = m_view.width() / factor, h = m_view.height() / factor;
  m_view = QRectF(anchor.x() - fx * w, anchor.y() - fy * h, w, h);
  clampView();
  update();
}

QPoint HeatmapView::cellAt(const QPointF& pos) const {
  const QRectF a = mapArea();
  if (!a.contains(pos) || m_fig.data.rows <= 0) return {-1, -1};
  const int col = static_cast<int>(m_view.left() + (pos.x() - a.left()) / a.width() * m_view.width());
  const int row = static_cast<int>(m_view.top() + (pos.y() - a.top()) / a.height() * m_view.height());
  if (row < 0 || col < 0 || row >= m_fig.data.rows || col >= m_fig.data.cols) return {-1, -1};
  return {col, row};
}

void HeatmapView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Base));
  paintHeatmapFigure(p, QRectF(rect()), m_fig, m_view);
}

void HeatmapView::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  if (steps != 0) zoomBy(std::pow(1.25, steps), e->position());
  e->accept();
}

void HeatmapView::mousePressEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton) {
    m_dragging = true;
    m_dragStart = e->position();
    m_dragView = m_view;
    setCursor(Qt::ClosedHandCursor);
  }
}

void HeatmapView::mouseMoveEvent(QMouseEvent* e) {
  if (m_dragging) {
    const QRectF a = mapArea();
    const QPointF delta = e->position() - m_dragStart;
    m_view = m_dragView.translated(-delta.x() / a.width() * m_view.width(), -delta.y() / a.height() * m_view.height());
    clampView();
    update();
    return;
  }
  const QPoint cell = cellAt(e->position());
  if (cell.x() < 0) {
    QToolTip::hideText();
    return;
  }
  const auto& d = m_fig.data;
  const int r = cell.y(), c = cell.x();
  const double v = d.valueAt(r, c);
  const QString q = r < d.rowLabels.size() ? shortToken(d.rowLabels[r]) : QString();
  const QString k = c < d.colLabels.size() ? shortToken(d.colLabels[c]) : QString();
  const QString what = d.pooled ? tr("query block %1 → key block %2").arg(r).arg(c)
                                : tr("query %1 “%2” → key %3 “%4”").arg(r).arg(q).arg(c).arg(k);
  QString text = what + QStringLiteral("\n") + tr("value %1").arg(v, 0, 'g', 4);
  if (d.hasSelection() && !d.signedValues) text += d.isSelected(r, c) ? tr(" · block attended") : tr(" · block skipped");
  QToolTip::showText(e->globalPosition().toPoint(), text, this);
  Q_EMIT cellHovered(r, c, v);
}

void HeatmapView::mouseReleaseEvent(QMouseEvent*) {
  m_dragging = false;
  unsetCursor();
}

void HeatmapView::mouseDoubleClickEvent(QMouseEvent*) { resetView(); }

void HeatmapView::keyPressEvent(QKeyEvent* e) {
  const QPointF center = mapArea().center();
  const double stepX = m_view.width() * 0.1, stepY = m_view.height() * 0.1;
  switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25, center); break;
    case Qt::Key_Minus: zoomBy(0.8, center); break;
    case Qt::Key_0: resetView(); break;
    case Qt::Key_Left: setViewRect(m_view.translated(-stepX, 0)); break;
    case Qt::Key_Right: setViewRect(m_view.translated(stepX, 0)); break;
    case Qt::Key_Up: setViewRect(m_view.translated(0, -stepY)); break;
    case Qt::Key_Down: setViewRect(m_view.translated(0, stepY)); break;
    default: QWidget::keyPressEvent(e);
  }
}

}  // namespace etlab
