// SPDX-License-Identifier: MIT
#include "views/study/ReviewModel.h"

#include <QFile>
#include <QFileInfo>

namespace etlab {

namespace {

QString str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
}

}  // namespace

const ReviewClaim* ReviewReportData::find(const QString& id) const {
  for (const auto& c : claims)
    if (c.id == id) return &c;
  return nullptr;
}

bool loadReviewReport(const QString& path, ReviewReportData* out, QString* error) {
  auto fail = [error](const QString& why) {
    if (error) *error = why;
    return false;
  };
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return fail(ReviewTableModel::tr("cannot read %1: %2").arg(path, f.errorString()));
  if (f.size() > 64 * 1024 * 1024) return fail(ReviewTableModel::tr("%1 is larger than 64 MiB; not a review report").arg(path));
  const QByteArray bytes = f.readAll();
  const auto j = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
  if (j.is_discarded()) return fail(ReviewTableModel::tr("%1 is not valid JSON").arg(path));
  if (!j.is_object() || !j.contains("claims") || !j["claims"].is_array() || !j.contains("budget"))
    return fail(ReviewTableModel::tr("%1 is not a review study report (no budget or claims); it is written by "
                                     "etlab-cli study review")
                    .arg(path));
  ReviewReportData r;
  r.path = QFileInfo(path).absoluteFilePath();
  r.budget = str(j, "budget");
  r.mark = str(j, "mark");
  r.rules = str(j, "rules");
  auto number = [&j](const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0; };
  r.seconds = number("seconds");
  r.runsTrained = static_cast<qint64>(number("runs_trained"));
  r.runsReused = static_cast<qint64>(number("runs_reused"));
  for (const auto& c : j["claims"]) {
    if (!c.is_object()) return fail(ReviewTableModel::tr("%1: a claim is not an object").arg(path));
    ReviewClaim claim;
    claim.id = str(c, "id");
    claim.side = str(c, "side");
    claim.claim = str(c, "claim");
    claim.claimed = str(c, "claimed");
    claim.measured = str(c, "measured");
    claim.verdict = str(c, "verdict");
    claim.rule = str(c, "rule");
    claim.setting = str(c, "setting");
    if (claim.id.isEmpty() || claim.verdict.isEmpty())
      return fail(ReviewTableModel::tr("%1: a claim has no id or verdict").arg(path));
    if (c.contains("runs") && c["runs"].is_array())
      for (const auto& id : c["runs"])
        if (id.is_string()) claim.runs << QString::fromStdString(id.get<std::string>());
    claim.values = c.contains("values") ? c["values"] : nlohmann::json::object();
    r.claims.push_back(std::move(claim));
  }
  if (j.contains("gaps") && j["gaps"].is_array())
    for (const auto& g : j["gaps"]) {
      if (!g.is_object()) return fail(ReviewTableModel::tr("%1: a research-gap study is not an object").arg(path));
      ReviewGap gap;
      gap.id = str(g, "id");
      gap.title = str(g, "title");
      gap.question = str(g, "question");
      gap.setting = str(g, "setting");
      gap.rule = str(g, "rule");
      gap.conclusion = str(g, "conclusion");
      if (gap.id.isEmpty() || gap.conclusion.isEmpty())
        return fail(ReviewTableModel::tr("%1: a research-gap study has no id or conclusion").arg(path));
      auto strings = [](const nlohmann::json& a) {
        QStringList out;
        if (a.is_array())
          for (const auto& x : a)
            if (x.is_string()) out << QString::fromStdString(x.get<std::string>());
        return out;
      };
      gap.columns = strings(g.value("columns", nlohmann::json::array()));
      gap.runs = strings(g.value("runs", nlohmann::json::array()));
      if (g.contains("rows") && g["rows"].is_array())
        for (const auto& row : g["rows"]) gap.rows.push_back(strings(row));
      gap.chart = g.contains("chart") && g["chart"].is_object() ? g["chart"] : nlohmann::json::object();
      r.gaps.push_back(std::move(gap));
    }
  *out = std::move(r);
  return true;
}

QString reviewGapHtml(const ReviewGap& gap) {
  QString html = QStringLiteral("<h3>%1</h3><p><i>%2</i></p><p>%3</p>")
                     .arg(gap.title.toHtmlEscaped(), gap.question.toHtmlEscaped(), gap.setting.toHtmlEscaped());
  if (!gap.columns.isEmpty()) {
    html += QStringLiteral("<table border=1 cellspacing=0 cellpadding=3><tr>");
    for (const auto& c : gap.columns) html += QStringLiteral("<th>") + c.toHtmlEscaped() + QStringLiteral("</th>");
    html += QStringLiteral("</tr>");
    for (const auto& row : gap.rows) {
      html += QStringLiteral("<tr>");
      for (const auto& cell : row) html += QStringLiteral("<td>") + cell.toHtmlEscaped() + QStringLiteral("</td>");
      html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
  }
  html += QStringLiteral("<p><b>%1</b> %2</p><p><small>%3 %4</small></p>")
              .arg(ReviewTableModel::tr("Conclusion."), gap.conclusion.toHtmlEscaped(), ReviewTableModel::tr("Rule:"),
                   gap.rule.toHtmlEscaped());
  return html;
}

QColor verdictColor(const QString& verdict) {
  if (verdict.startsWith(QStringLiteral("supported"))) return QColor(0xd4, 0xed, 0xda);
  if (verdict.startsWith(QStringLiteral("refuted"))) return QColor(0xf8, 0xd7, 0xda);
  if (verdict.startsWith(QStringLiteral("inconclusive"))) return QColor(0xff, 0xf3, 0xcd);
  return QColor(0xe9, 0xec, 0xef);  // invalid reference, not measured
}

ReviewTableModel::ReviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewTableModel::setReport(const ReviewReportData& report) {
  beginResetModel();
  m_report = report;
  endResetModel();
}

int ReviewTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_report.claims.size());
}

int ReviewTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReviewTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& c = m_report.claims[static_cast<size_t>(index.row())];
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case ClaimColumn: return QString(c.side + QStringLiteral(": ") + c.claim);
      case ClaimedColumn: return c.claimed;
      case MeasuredColumn: return c.measured;
      case VerdictColumn: return c.verdict;
      case SettingColumn: return c.setting;
      case RunsColumn: return c.runs.isEmpty() ? QStringLiteral("–") : QString::number(c.runs.size());
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    if (index.column() == RunsColumn && !c.runs.isEmpty()) {
      QStringList shortIds;
      for (const auto& id : c.runs) shortIds << id.left(8);
      return tr("Double-click to select these runs: %1").arg(shortIds.join(QLatin1Char(' ')));
    }
    return tr("Rule: %1").arg(c.rule);
  }
  if (role == Qt::BackgroundRole && index.column() == VerdictColumn) return verdictColor(c.verdict);
  if (role == Qt::ForegroundRole && index.column() == VerdictColumn) return QColor(Qt::black);
  if (role == Qt::UserRole) return c.id;
  return {};
}

QVariant ReviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case ClaimColumn: return tr("Claim");
    case ClaimedColumn: return tr("Claimed");
    case MeasuredColumn: return tr("Measured here");
    case VerdictColumn: return tr("Verdict");
    case SettingColumn: return tr("Setting");
    case RunsColumn: return tr("Runs");
    default: return {};
  }
}

}  // namespace etlab
