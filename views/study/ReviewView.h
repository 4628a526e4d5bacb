// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include "views/study/ReviewModel.h"

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace etlab {

/// The review study as a view: the claims table (measured beside claimed, the verdict coloured, the rule
/// as tooltip, double-click for the runs behind a claim) and the study's charts: accuracy against n,
/// the LoRA rank sweep, full fine-tuning against LoRA per task, attention time against n.
class ReviewView : public QWidget {
  Q_OBJECT
 public:
  explicit ReviewView(QWidget* parent = nullptr);

  /// Reads a review.json; on failure the view keeps what it showed and `error` says why.
  bool loadReport(const QString& path, QString* error = nullptr);
  const ReviewReportData& report() const { return m_model->report(); }

  /// Charts the loaded report has data for, in display order (ids: accuracy_n, rank, parity, complexity,
  /// then gap:<id> for each research-gap study).
  QStringList chartIds() const;
  QString chartTitle(const QString& id) const;
  QString currentChart() const;
  /// Shows the chart (on the Charts page).
  void showChart(const QString& id);
  /// Writes the chart on screen as PNG, SVG or PDF (by suffix), or its data as CSV.
  bool exportChart(const QString& path, int dpi = 150, QString* error = nullptr) const;

  QTableView* table() const { return m_table; }
  QComboBox* chartSelector() const { return m_chartBox; }

 Q_SIGNALS:
  /// The user asked for the runs behind a claim (double-click).
  void runsActivated(const QStringList& runIds);

 private:
  void rebuildChart();
  void exportClicked();

  ReviewTableModel* m_model;
  QLabel* m_header;
  QTableView* m_table;
  QComboBox* m_chartBox;
  QChartView* m_chartView;
  QPushButton* m_export;
  QLabel* m_chartNote;
  QTabWidget* m_pages;
  QTextBrowser* m_gaps;
};

}  // namespace etlab
