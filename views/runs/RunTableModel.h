// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

#include "core/store/records.h"

namespace etlab {

/// The runs of one database as a table: name, status, preset, method, task, step, test accuracy,
/// trainable parameters, wall time, created. Reads through the torch-free RunStore; `reload()` opens
/// its own connection each time, so it may be called from any thread that owns the model.
class RunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Id, Status, Preset, Method, Task, Step, TestAccuracy, Trainable, Wall, Created, ColumnCount };

  explicit RunTableModel(QObject* parent = nullptr);

  /// Reads every run of `dbPath`; returns false and sets errorString() when the file cannot be read.
  bool reload(const QString& dbPath);
  QString errorString() const { return m_error; }
  const RunRecord& run(int row) const { return m_runs.at(static_cast<size_t>(row)); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<RunRecord> m_runs;
  std::vector<double> m_accuracy;  ///< test accuracy per run, NaN when absent
  QString m_error;
};

}  // namespace etlab
