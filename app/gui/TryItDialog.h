// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QString>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProcess;
class QPushButton;

namespace etlab {

class HeatmapView;

/// "Try it": type or paste text (or pick one of the run's held-out examples) and see the finished
/// run's prediction and the blocks each head attended for exactly that input. Inference runs in an
/// `etlab-cli infer` child process, so the window never waits on the model.
class TryItDialog : public QDialog {
  Q_OBJECT

 public:
  TryItDialog(const QString& dbPath, const QString& runId, QWidget* parent = nullptr);
  ~TryItDialog() override;

  void setText(const QString& text);
  /// Starts inference on the current text.
  void predict();
  QString predictionText() const;
  HeatmapView* heatmap() const { return m_view; }
  const QJsonObject& lastResult() const { return m_result; }

 Q_SIGNALS:
  void finished(bool ok);

 private:
  void showResult();
  void showHead();

  QString m_db, m_run;
  QPlainTextEdit* m_text;
  QComboBox *m_examples, *m_head;
  QPushButton* m_go;
  QLabel *m_prediction, *m_status;
  HeatmapView* m_view;
  QProcess* m_process = nullptr;
  QJsonObject m_result;
};

}  // namespace etlab
