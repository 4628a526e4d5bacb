// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace etlab {

/// One claim of a review study report (review.json written by `etlab-cli study review`).
struct ReviewClaim {
  QString id, side, claim, claimed, measured, verdict, rule, setting;
  QStringList runs;
  nlohmann::json values;
};

/// A research-gap study of the report: question, table, chart specification, conclusion.
struct ReviewGap {
  QString id, title, question, setting, rule, conclusion;
  QStringList columns, runs;
  std::vector<QStringList> rows;
  nlohmann::json chart;  ///< {kind: lines|bars, title, x_label, y_label, log_x, log_y, categories, series: [{name, x, y, dashed}]}
};

/// A review study report as read from review.json.
struct ReviewReportData {
  QString budget, mark, path;
  QString rules;  ///< the verdict rules as Markdown bullets
  double seconds = 0.0;
  qint64 runsTrained = 0, runsReused = 0;
  std::vector<ReviewClaim> claims;
  std::vector<ReviewGap> gaps;
  const ReviewClaim* find(const QString& id) const;
};

/// Reads review.json; false with `error` naming what is wrong (unreadable, not JSON, not a review).
bool loadReviewReport(const QString& path, ReviewReportData* out, QString* error);

/// One gap study as HTML (question, setting, table, conclusion, rule), every text escaped; used by the
/// view's Research gaps page and by the HTML report.
QString reviewGapHtml(const ReviewGap& gap);

/// The verdict's first word, the colour the table and the report give it.
QColor verdictColor(const QString& verdict);

/// The claims table: claim, claimed, measured, verdict, setting, runs. The rule is the tooltip.
class ReviewTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { ClaimColumn, ClaimedColumn, MeasuredColumn, VerdictColumn, SettingColumn, RunsColumn, ColumnCount };
  explicit ReviewTableModel(QObject* parent = nullptr);
  void setReport(const ReviewReportData& report);
  const ReviewReportData& report() const { return m_report; }
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  ReviewReportData m_report;
};

}  // namespace etlab
