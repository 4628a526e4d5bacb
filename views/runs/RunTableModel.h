// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <vector>

#include <nlohmann/json.hpp>

#include "core/store/records.h"

namespace etlab {

/// The runs of one database as a table. Reads through the torch-free RunStore; `reload()` opens its
/// own connection each time, so it may be called from any thread that owns the model.
class RunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Id, Name, Status, Preset, Method, Task, Experiment, Tags, Step, TestAccuracy, Trainable, Wall, Created, ColumnCount };
  /// Item roles beyond Qt's: the full run id, and the sort key (numbers sort as numbers).
  enum Role { RunIdRole = Qt::UserRole + 1, SortRole = Qt::UserRole };

  explicit RunTableModel(QObject* parent = nullptr);

  /// Reads the runs of `dbPath` (the bin instead when `bin`); returns false and sets errorString()
  /// when the file cannot be read.
  bool reload(const QString& dbPath, bool bin = false);
  QString errorString() const { return m_error; }
  const RunRecord& run(int row) const { return m_runs.at(static_cast<size_t>(row)); }
  const nlohmann::json& config(int row) const { return m_configs.at(static_cast<size_t>(row)); }
  QStringList tags(int row) const { return m_tags.at(static_cast<size_t>(row)); }
  /// A status name as shown to the user (translated).
  static QString statusText(const std::string& status);
  /// Row of a run id, or -1.
  int rowOf(const QString& runId) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<RunRecord> m_runs;
  std::vector<double> m_accuracy;  ///< test accuracy per run, NaN when absent
  std::vector<nlohmann::json> m_configs;
  std::vector<QStringList> m_tags;
  QString m_error;
};

/// Filters runs by free text (any column), status, method, tag and configuration conditions
/// ("lora.r=8", "attention.kind=learned_sparse"; several separated by spaces must all hold).
class RunFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit RunFilterProxy(QObject* parent = nullptr);
  void setText(const QString& text);
  void setStatus(const QString& status);  ///< empty = any
  void setMethod(const QString& method);
  void setTag(const QString& tag);
  /// Returns false (and keeps the previous conditions) when a condition is not KEY=VALUE.
  bool setConfigConditions(const QString& conditions);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString m_text, m_status, m_method, m_tag;
  std::vector<std::pair<std::string, nlohmann::json>> m_conditions;
};

}  // namespace etlab
