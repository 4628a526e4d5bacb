// SPDX-License-Identifier: MIT
#include "views/runs/RunTableModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"

namespace etlab {

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

bool RunTableModel::reload(const QString& dbPath) {
  std::vector<RunRecord> runs;
  std::vector<double> accuracy;
  try {
    RunStore store(dbPath.toStdString());
    store.reap_stale_runs();
    runs = store.list_runs();
  } catch (const std::exception& e) {
    m_error = QString::fromStdString(e.what());
    return false;
  }
  for (const auto& r : runs) {
    const auto s = nlohmann::json::parse(r.summary_json, nullptr, false);
    accuracy.push_back(!s.is_discarded() && s.contains("test/accuracy") && s["test/accuracy"].is_number()
                           ? s["test/accuracy"].get<double>()
                           : std::numeric_limits<double>::quiet_NaN());
  }
  beginResetModel();
  m_runs = std::move(runs);
  m_accuracy = std::move(accuracy);
  endResetModel();
  m_error.clear();
  return true;
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const RunRecord& r = m_runs[static_cast<size_t>(index.row())];
  const double acc = m_accuracy[static_cast<size_t>(index.row())];
  if (role == Qt::ToolTipRole && index.column() == Status && !r.reason.empty()) return QString::fromStdString(r.reason);
  if (role == Qt::ForegroundRole && index.column() == Status) {
    if (r.status == "failed") return QBrush(QColor(0xC0, 0x39, 0x2B));
    if (r.status == "running") return QBrush(QColor(0x1F, 0x77, 0xB4));
    return {};
  }
  if (role == Qt::TextAlignmentRole && (index.column() == Step || index.column() == TestAccuracy ||
                                        index.column() == Trainable || index.column() == Wall))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
  const bool sortKey = role == Qt::UserRole;
  switch (index.column()) {
    case Id: return QString::fromStdString(r.id.substr(0, 8));
    case Status: return QString::fromStdString(r.status);
    case Preset: return QString::fromStdString(r.preset);
    case Method: return QString::fromStdString(r.method);
    case Task: return QString::fromStdString(r.task);
    case Step: return sortKey ? QVariant(static_cast<qlonglong>(r.step)) : QVariant(QLocale().toString(static_cast<qlonglong>(r.step)));
    case TestAccuracy:
      if (std::isnan(acc)) return sortKey ? QVariant(-1.0) : QVariant(QStringLiteral("–"));
      return sortKey ? QVariant(acc) : QVariant(QLocale().toString(acc * 100.0, 'f', 1) + QLatin1Char('%'));
    case Trainable:
      return sortKey ? QVariant(static_cast<qlonglong>(r.params_trainable))
                     : QVariant(QLocale().toString(static_cast<qlonglong>(r.params_trainable)));
    case Wall: return sortKey ? QVariant(r.wall_seconds) : QVariant(QLocale().toString(r.wall_seconds, 'f', 1) + QStringLiteral(" s"));
    case Created: return QString::fromStdString(r.created.substr(0, 19)).replace(QLatin1Char('T'), QLatin1Char(' '));
    default: return {};
  }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Id: return tr("Run");
    case Status: return tr("Status");
    case Preset: return tr("Preset");
    case Method: return tr("Method");
    case Task: return tr("Task");
    case Step: return tr("Step");
    case TestAccuracy: return tr("Test accuracy");
    case Trainable: return tr("Trainable parameters");
    case Wall: return tr("Wall time");
    case Created: return tr("Created (UTC)");
    default: return {};
  }
}

}  // namespace etlab
