// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace etlab {

/// "New run": a preset and its main parameters (task, model size, attention variant with B/k/pattern,
/// LoRA r/alpha/targets/init, steps, seed, threads, device), free overrides, a sweep over one
/// parameter and seeds. Validated as the user types by the core's own validation; each problem is
/// shown next to its field and OK stays disabled until there is none.
class NewRunDialog : public QDialog {
  Q_OBJECT

 public:
  explicit NewRunDialog(QWidget* parent = nullptr);

  void setPreset(const QString& name);
  /// Sets one form field (dotted key) as the user would; returns false for a key not in the form.
  bool setField(const QString& key, const QString& value);
  void setOverrides(const QString& lines);
  void setSweep(const QString& key, const QString& values, int seeds);

  /// Problems of the current input as (field, message); empty when it can run.
  QList<QPair<QString, QString>> issues() const { return m_issues; }
  /// The message shown next to a field ("" when it is fine).
  QString fieldError(const QString& key) const;
  /// etlab-cli arguments for the input: train --preset NAME --set k=v … [--sweep k=v1,v2] [--seeds N].
  QStringList cliArguments() const;
  QString summary() const;

 private:
  void loadPreset();
  void revalidate();
  QStringList assignments(QList<QPair<QString, QString>>* problems) const;

  struct Field {
    QWidget* editor = nullptr;
    QLabel* error = nullptr;
  };
  QComboBox* m_preset;
  QLabel *m_presetHelp, *m_general;
  QMap<QString, Field> m_fields;
  nlohmann::json m_presetResolved;
  QPlainTextEdit* m_overrides;
  QLineEdit *m_sweepKey, *m_sweepValues;
  QSpinBox* m_seeds;
  QLabel* m_sweepError;
  QDialogButtonBox* m_buttons;
  QList<QPair<QString, QString>> m_issues;
  bool m_loading = false;
};

}  // namespace etlab
