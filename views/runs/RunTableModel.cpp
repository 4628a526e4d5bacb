// SPDX-License-Identifier: MIT
#include "views/runs/RunTableModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>
#include <limits>
#include <map>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"

namespace etlab {

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString RunTableModel::statusText(const std::string& status) {
  if (status == "queued") return tr("queued");
  if (status == "running") return tr("running");
  if (status == "finished") return tr("finished");
  if (status == "failed") return tr("failed");
  if (status == "cancelled") return tr("cancelled");
  if (status == "interrupted") return tr("interrupted");
  return QString::fromStdString(status);
}

bool RunTableModel::reload(const QString& dbPath, bool bin) {
  std::vector<RunRecord> runs;
  std::map<std::string, std::vector<std::string>> tags;
  try {
    RunStore store(dbPath.toStdString());
    store.reap_stale_runs();
    RunFilter f;
    f.only_deleted = bin;
    runs = store.list_runs(f);
    tags = store.all_tags();
  } catch (const std::exception& e) {
    m_error = QString::fromStdString(e.what());
    return false;
  }
  std::vector<double> accuracy;
  std::vector<nlohmann::json> configs;
  std::vector<QStringList> tagLists;
  for (const auto& r : runs) {
    const auto s = nlohmann::json::parse(r.summary_json, nullptr, false);
    accuracy.push_back(!s.is_discarded() && s.contains("test/accuracy") && s["test/accuracy"].is_number()
                           ? s["test/accuracy"].get<double>()
                           : std::numeric_limits<double>::quiet_NaN());
    auto c = nlohmann::json::parse(r.config_json, nullptr, false);
    configs.push_back(c.is_discarded() ? nlohmann::json::object() : std::move(c));
    QStringList t;
    for (const auto& tag : tags[r.id]) t << QString::fromStdString(tag);
    tagLists.push_back(t);
  }
  beginResetModel();
  m_runs = std::move(runs);
  m_accuracy = std::move(accuracy);
  m_configs = std::move(configs);
  m_tags = std::move(tagLists);
  endResetModel();
  m_error.clear();
  return true;
}

int RunTableModel::rowOf(const QString& runId) const {
  const std::string id = runId.toStdString();
  for (size_t i = 0; i < m_runs.size(); ++i)
    if (m_runs[i].id == id) return static_cast<int>(i);
  return -1;
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
  if (role == RunIdRole) return QString::fromStdString(r.id);
  if (role == Qt::ToolTipRole && index.column() == Name && !r.notes.empty()) return QString::fromStdString(r.notes);
  if (role != Qt::DisplayRole && role != SortRole) return {};
  const bool sortKey = role == SortRole;
  switch (index.column()) {
    case Id: return QString::fromStdString(r.id.substr(0, 8));
    case Name: return QString(QString::fromStdString(r.name) + (r.notes.empty() || sortKey ? QString() : QStringLiteral(" ✎")));
    case Tags: return m_tags[static_cast<size_t>(index.row())].join(QStringLiteral(", "));
    case Experiment: return QString::fromStdString(r.experiment);
    case Status: return sortKey ? QString::fromStdString(r.status) : statusText(r.status);
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
    case Name: return tr("Name");
    case Tags: return tr("Tags");
    case Experiment: return tr("Experiment");
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

RunFilterProxy::RunFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(RunTableModel::SortRole);
  setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void RunFilterProxy::setText(const QString& text) {
  m_text = text;
  invalidateFilter();
}
void RunFilterProxy::setStatus(const QString& status) {
  m_status = status;
  invalidateFilter();
}
void RunFilterProxy::setMethod(const QString& method) {
  m_method = method;
  invalidateFilter();
}
void RunFilterProxy::setTag(const QString& tag) {
  m_tag = tag;
  invalidateFilter();
}

bool RunFilterProxy::setConfigConditions(const QString& text) {
  std::vector<std::pair<std::string, nlohmann::json>> parsed;
  for (const QString& part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    const int eq = part.indexOf(QLatin1Char('='));
    if (eq <= 0) return false;
    const std::string key = part.left(eq).toStdString(), value = part.mid(eq + 1).toStdString();
    auto v = nlohmann::json::parse(value, nullptr, false);
    std::string pointer;
    for (const QString& k : part.left(eq).split(QLatin1Char('.'))) pointer += "/" + k.toStdString();
    parsed.emplace_back(pointer, v.is_discarded() ? nlohmann::json(value) : v);
  }
  m_conditions = std::move(parsed);
  invalidateFilter();
  return true;
}

bool RunFilterProxy::filterAcceptsRow(int row, const QModelIndex&) const {
  const auto* m = static_cast<const RunTableModel*>(sourceModel());
  const RunRecord& r = m->run(row);
  if (!m_status.isEmpty() && QString::fromStdString(r.status) != m_status) return false;
  if (!m_method.isEmpty() && QString::fromStdString(r.method) != m_method) return false;
  if (!m_tag.isEmpty() && !m->tags(row).contains(m_tag, Qt::CaseInsensitive)) return false;
  for (const auto& [pointer, value] : m_conditions) {
    const auto& c = m->config(row);
    const nlohmann::json::json_pointer ptr(pointer);
    if (!c.contains(ptr) || c.at(ptr) != value) return false;
  }
  if (m_text.isEmpty()) return true;
  for (int col = 0; col < RunTableModel::ColumnCount; ++col)
    if (m->data(m->index(row, col)).toString().contains(m_text, Qt::CaseInsensitive)) return true;
  return QString::fromStdString(r.notes).contains(m_text, Qt::CaseInsensitive) ||
         QString::fromStdString(r.id).startsWith(m_text, Qt::CaseInsensitive);
}

}  // namespace etlab
