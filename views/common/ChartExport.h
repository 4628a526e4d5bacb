// SPDX-License-Identifier: MIT
#pragma once

#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QPainter;
class QRectF;

namespace etlab {

/// Paints a chart into a rectangle; the same function draws on screen and into every export format.
using ChartPainter = std::function<void(QPainter&, const QRectF&)>;

/// Writes a chart as PNG (at `dpi`), SVG or PDF, chosen by the file's suffix. `size` is the chart's
/// size in points (1/72 in). An existing file is never overwritten unless `overwrite`.
bool exportChart(const QString& path, const QSizeF& size, int dpi, const ChartPainter& paint, QString* error = nullptr,
                 bool overwrite = false);

/// Writes rows as CSV (RFC 4180 quoting). An existing file is never overwritten unless `overwrite`.
bool exportCsv(const QString& path, const QStringList& header, const std::vector<QStringList>& rows,
               QString* error = nullptr, bool overwrite = false);

/// The formats exportChart writes, for file dialogs.
QString chartFileFilter();

}  // namespace etlab
