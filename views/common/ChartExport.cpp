// SPDX-License-Identifier: MIT
#include "views/common/ChartExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>

#include <cmath>

namespace etlab {

namespace {

// lupdate files free tr() calls under the namespace's context.
QString tr(const char* s) { return QCoreApplication::translate("etlab", s); }

bool refuseExisting(const QString& path, bool overwrite, QString* error) {
  if (!overwrite && QFileInfo::exists(path)) {
    if (error) *error = tr("%1 already exists; choose another name (nothing was overwritten)").arg(path);
    return true;
  }
  return false;
}

QString csvCell(const QString& s) {
  if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))) return s;
  QString q = s;
  q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
  return QStringLiteral("\"") + q + QStringLiteral("\"");
}

}  // namespace

QString chartFileFilter() {
  return tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)");
}

bool exportChart(const QString& path, const QSizeF& size, int dpi, const ChartPainter& paint, QString* error,
                 bool overwrite) {
  if (refuseExisting(path, overwrite, error)) return false;
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QRectF box(QPointF(0, 0), size);
  if (suffix == QStringLiteral("png")) {
    // Points -> pixels at the chosen resolution; the painter is scaled so text and lines keep their size.
    const double scale = std::max(36, dpi) / 72.0;
    QImage img(QSize(static_cast<int>(std::ceil(size.width() * scale)), static_cast<int>(std::ceil(size.height() * scale))),
               QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    img.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    img.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    {
      QPainter p(&img);
      p.setRenderHint(QPainter::Antialiasing);
      p.scale(scale, scale);
      paint(p, box);
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !img.save(&out, "PNG") || !out.commit()) {
      if (error) *error = tr("cannot write %1").arg(path);
      return false;
    }
    return true;
  }
  if (suffix == QStringLiteral("svg")) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size.toSize());
    svg.setViewBox(box);
    svg.setResolution(72);
    svg.setTitle(QStringLiteral("etlab chart"));
    QPainter p;
    if (!p.begin(&svg)) {
      if (error) *error = tr("cannot write %1").arg(path);
      return false;
    }
    paint(p, box);
    p.end();
    return true;
  }
  if (suffix == QStringLiteral("pdf")) {
    QPdfWriter pdf(path);
    pdf.setResolution(72);
    pdf.setPageSize(QPageSize(size, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setCreator(QStringLiteral("etlab"));
    QPainter p;
    if (!p.begin(&pdf)) {
      if (error) *error = tr("cannot write %1").arg(path);
      return false;
    }
    paint(p, box);
    p.end();
    return true;
  }
  if (error) *error = tr("unknown chart format '%1' (png, svg, pdf)").arg(suffix);
  return false;
}

bool exportCsv(const QString& path, const QStringList& header, const std::vector<QStringList>& rows, QString* error,
               bool overwrite) {
  if (refuseExisting(path, overwrite, error)) return false;
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
    if (error) *error = tr("cannot write %1").arg(path);
    return false;
  }
  QTextStream ts(&out);
  auto line = [&](const QStringList& cells) {
    QStringList quoted;
    for (const auto& c : cells) quoted << csvCell(c);
    ts << quoted.join(QLatin1Char(',')) << '\n';
  };
  line(header);
  for (const auto& r : rows) line(r);
  ts.flush();
  if (!out.commit()) {
    if (error) *error = tr("cannot write %1").arg(path);
    return false;
  }
  return true;
}

}  // namespace etlab
