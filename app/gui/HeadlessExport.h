// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QString>
#include <QStringList>

namespace etlab {

/// What `etlab export` renders: one view of one run (or several, for curves and spectra).
struct ExportRequest {
  QString db, view, format, out;  ///< view: heatmap | spectrum | tradeoff | curves; format: png | svg | pdf | csv
  QStringList runs;                ///< ids or unique prefixes (tradeoff: none needed)
  int layer = 0, head = 0, probe = 0;
  qint64 step = -1;                ///< -1: the last recorded step
  QString module = QStringLiteral("q"), metric = QStringLiteral("train/loss");
  QString tradeoff = QStringLiteral("runs");  ///< tradeoff: runs (scatter) | lengths (time and memory against n)
  QString pass = QStringLiteral("fwd");       ///< tradeoff lengths: fwd | fwdbwd
  QString device = QStringLiteral("cpu");
  int dpi = 200;
};

/// Renders a view without a window, through the same widgets and painting code as the app.
/// Returns false with `error` set (unknown run, nothing recorded, file exists, …).
bool runHeadlessExport(const ExportRequest& request, QString* error);

/// Writes DIR/index.html (self-contained: charts embedded) plus each chart as PNG and its data as
/// CSV, for one run or a comparison of several.
bool writeReport(const QString& db, const QStringList& runs, const QString& dir, QString* error);

/// Pieces both HTML reports share.
/// Creates `dirPath` unless it already holds a report (index.html); false with `error` otherwise.
bool prepareReportFolder(const QString& dirPath, QDir* dir, QString* error);
/// The chart written as DIR/<file>.png, embedded, with links to it and to DIR/<file>.csv; headed by
/// `title` when `heading`, which also serves (escaped) as the image's alt text.
QString embeddedChartHtml(const QDir& dir, const QString& title, const QString& file, bool heading = true);
/// Writes DIR/index.html: `title`, a line of `subtitle` (HTML) and `body`; `css` is added to the shared style.
bool writeReportPage(const QDir& dir, const QString& title, const QString& subtitle, const QString& body, const QString& css,
                     QString* error);

/// Writes DIR/index.html for a review study (review.json from `etlab-cli study review`): the claims
/// table, the study's charts as drawn by the Review Study view (embedded, and as PNG + CSV beside it)
/// and the verdict rules.
bool writeReviewReport(const QString& reviewJson, const QString& dir, QString* error);

/// `etlab export …` / `etlab report …` on the command line; returns the process exit code.
int headlessMain(int argc, char** argv);

}  // namespace etlab
