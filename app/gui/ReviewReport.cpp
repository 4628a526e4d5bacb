// SPDX-License-Identifier: MIT
// `etlab report --review DIR/review.json --out FOLDER`: the review study as one self-contained HTML page
// (the claims table, the study's charts drawn by the app's own Review Study view and embedded, the
// verdict rules), with every chart also as PNG and its data as CSV beside it.
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include "app/gui/HeadlessExport.h"
#include "core/config/version.h"
#include "views/study/ReviewView.h"

namespace etlab {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("etlab", s); }

QString esc(const QString& s) { return s.toHtmlEscaped(); }

// The rules are Markdown bullets ("- …") with `code`; rendered as a list, escaped first.
QString rulesHtml(const QString& markdown) {
  QString html;
  for (const QString& raw : markdown.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    QString line = raw.trimmed();
    if (!line.startsWith(QStringLiteral("- "))) continue;
    line = esc(line.mid(2));
    // `x` → <code>x</code>, pairwise
    QString out;
    bool open = false;
    for (const QChar c : line) {
      if (c == QLatin1Char('`')) {
        out += open ? QStringLiteral("</code>") : QStringLiteral("<code>");
        open = !open;
      } else {
        out += c;
      }
    }
    if (open) out += QStringLiteral("</code>");
    html += QStringLiteral("<li>") + out + QStringLiteral("</li>");
  }
  return html.isEmpty() ? QString() : QStringLiteral("<ul>") + html + QStringLiteral("</ul>");
}

}  // namespace

bool writeReviewReport(const QString& reviewJson, const QString& dirPath, QString* error) {
  ReviewView view;
  QString why;
  if (!view.loadReport(reviewJson, &why)) {
    if (error) *error = why;
    return false;
  }
  QDir dir;
  if (!prepareReportFolder(dirPath, &dir, error)) return false;
  const ReviewReportData& r = view.report();
  QString body;
  body += QStringLiteral("<p>%1</p>").arg(tr("Budget <b>%1</b> (%2) · measured in %3 min · %4 runs trained, %5 reused · from <code>%6</code>")
                                              .arg(esc(r.budget), esc(r.mark), QString::number(r.seconds / 60.0, 'f', 1),
                                                   QString::number(r.runsTrained), QString::number(r.runsReused),
                                                   esc(r.path)));
  body += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
              .arg(tr("claim"), tr("claimed"), tr("measured here"), tr("verdict"), tr("setting"), tr("runs"));
  for (const auto& c : r.claims) {
    QStringList ids;
    for (const auto& id : c.runs) ids << id.left(8);
    body += QStringLiteral("<tr><td>%1: %2</td><td>%3</td><td>%4</td><td style=\"background:%5\">%6</td><td>%7</td>"
                           "<td class=ids>%8</td></tr>")
                .arg(esc(c.side), esc(c.claim), esc(c.claimed), esc(c.measured), verdictColor(c.verdict).name(),
                     esc(c.verdict), esc(c.setting), esc(ids.join(QLatin1Char(' '))));
  }
  body += QStringLiteral("</table>");

  view.resize(1100, 900);
  view.show();
  QEventLoop settle;
  // Shows a chart in the view and writes it as DIR/<file>.png and .csv; the HTML embeds it, or says why not.
  auto chart = [&](const QString& id, const QString& file, bool heading) -> QString {
    view.showChart(id);
    QTimer::singleShot(150, &settle, &QEventLoop::quit);
    settle.exec();
    QString chartError;
    if (!view.exportChart(dir.filePath(file + QStringLiteral(".png")), 110, &chartError))
      return (heading ? QStringLiteral("<h2>%1</h2>").arg(esc(view.chartTitle(id))) : QString()) +
             QStringLiteral("<p class=note>%1</p>").arg(esc(chartError));
    view.exportChart(dir.filePath(file + QStringLiteral(".csv")), 110, &chartError);
    return embeddedChartHtml(dir, view.chartTitle(id), file, heading);
  };
  for (const QString& id : view.chartIds())
    if (!id.startsWith(QStringLiteral("gap:"))) body += chart(id, id, true);  // gap charts go with their study below
  if (!r.gaps.empty()) {
    body += QStringLiteral("<h2>%1</h2>").arg(tr("Research gaps"));
    int index = 0;
    for (const auto& g : r.gaps) {
      body += reviewGapHtml(g);
      ++index;
      const QString id = QStringLiteral("gap:") + g.id;
      if (!view.chartIds().contains(id)) continue;
      // The file name comes from the report: only letters, digits, _ and - are kept, and the position
      // keeps two studies of the same id apart.
      QString safe;
      for (const QChar ch : g.id) safe += ch.isLetterOrNumber() && ch.unicode() < 128 ? ch : QLatin1Char('_');
      body += chart(id, QStringLiteral("gap-%1-").arg(index) + safe.left(40), false);
    }
  }
  body += QStringLiteral("<h2>%1</h2>").arg(tr("Verdict rules (fixed before any run)")) + rulesHtml(r.rules);
  body += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Rule per claim"));
  for (const auto& c : r.claims) body += QStringLiteral("<li><code>%1</code>: %2</li>").arg(esc(c.id), esc(c.rule));
  body += QStringLiteral("</ul>");
  return writeReportPage(dir, tr("etlab review study"),
                         tr("The literature review's claims measured on this machine · etlab %1 · git %2")
                             .arg(QString::fromStdString(version()), QString::fromStdString(git_revision())),
                         body,
                         QStringLiteral("body{max-width:1200px}table{font-size:90%}td,th{vertical-align:top}"
                                        "td.ids{font-family:monospace;font-size:85%;max-width:14em}"),
                         error);
}

}  // namespace etlab
