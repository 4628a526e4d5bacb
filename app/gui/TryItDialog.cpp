// SPDX-License-Identifier: MIT
#include "app/gui/TryItDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

#include "app/gui/JobManager.h"
#include "core/store/run_store.h"
#include "views/attention/HeatmapView.h"

namespace etlab {

TryItDialog::TryItDialog(const QString& dbPath, const QString& runId, QWidget* parent)
    : QDialog(parent), m_db(dbPath), m_run(runId) {
  setWindowTitle(tr("Try run %1").arg(runId.left(8)));
  m_text = new QPlainTextEdit(this);
  m_text->setPlaceholderText(tr("Type or paste an input for this model, or pick a held-out example above"));
  m_text->setMaximumHeight(110);
  m_examples = new QComboBox(this);
  m_examples->addItem(tr("(your own text)"));
  try {
    RunStore store(dbPath.toStdString(), true);
    for (const auto& p : store.probes(runId.toStdString())) {
      QString t = QString::fromStdString(p.text).simplified();
      m_examples->addItem(t.size() > 70 ? t.left(69) + QStringLiteral("…") : t, QString::fromStdString(p.text));
    }
  } catch (const std::exception&) {
    // No examples to offer; typing still works.
  }
  connect(m_examples, &QComboBox::activated, this, [this](int i) {
    if (i > 0) m_text->setPlainText(m_examples->itemData(i).toString());
  });
  m_go = new QPushButton(tr("Predict"), this);
  m_go->setDefault(true);
  connect(m_go, &QPushButton::clicked, this, &TryItDialog::predict);
  m_prediction = new QLabel(this);
  m_prediction->setWordWrap(true);
  m_prediction->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  m_head = new QComboBox(this);
  m_head->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_head->setMinimumContentsLength(16);
  connect(m_head, &QComboBox::currentIndexChanged, this, &TryItDialog::showHead);
  m_view = new HeatmapView(this);

  auto* form = new QFormLayout;
  form->addRow(tr("Example"), m_examples);
  form->addRow(tr("Input"), m_text);
  auto* row = new QHBoxLayout;
  row->addWidget(m_go);
  row->addWidget(m_status, 1);
  row->addWidget(new QLabel(tr("Layer and head"), this));
  row->addWidget(m_head);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(row);
  layout->addWidget(m_prediction);
  layout->addWidget(m_view, 1);
  layout->addWidget(buttons);
  resize(900, 760);
}

TryItDialog::~TryItDialog() {
  if (m_process) {
    m_process->disconnect(this);  // its last signals must not reach a half-destroyed dialog
    m_process->kill();
    m_process->waitForFinished(3000);
  }
}

void TryItDialog::setText(const QString& text) { m_text->setPlainText(text); }

QString TryItDialog::predictionText() const { return m_prediction->text(); }

void TryItDialog::predict() {
  if (m_process) return;  // one at a time
  const QString text = m_text->toPlainText();
  if (text.trimmed().isEmpty()) {
    m_status->setText(tr("Type an input first."));
    return;
  }
  if (text.size() > 64 * 1024) {  // far beyond any model here, and beyond what a command line carries
    m_status->setText(tr("The input is too long (%1 characters; at most 65,536).").arg(text.size()));
    return;
  }
  m_go->setEnabled(false);
  m_status->setText(tr("Running the model…"));
  m_process = new QProcess(this);
  connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
    const QByteArray out = m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    m_process->deleteLater();
    m_process = nullptr;
    m_go->setEnabled(true);
    const QByteArray last = out.trimmed().split('\n').last();
    const QJsonObject o = QJsonDocument::fromJson(last).object();
    if (status != QProcess::NormalExit || code != 0 || o.contains(QStringLiteral("error")) || o.isEmpty()) {
      QString why = o.value(QStringLiteral("error")).toString();
      if (why.isEmpty()) why = QString::fromUtf8(err).trimmed().section(QLatin1Char('\n'), -2);
      if (why.isEmpty()) why = tr("the inference process crashed");
      m_status->setText(tr("Cannot predict: %1").arg(why));
      Q_EMIT finished(false);
      return;
    }
    m_result = o;
    m_status->clear();
    showResult();
    Q_EMIT finished(true);
  });
  connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e != QProcess::FailedToStart || !m_process) return;
    m_status->setText(tr("Cannot predict: %1 could not be started (%2)").arg(JobManager::cliPath(), m_process->errorString()));
    m_process->deleteLater();
    m_process = nullptr;
    m_go->setEnabled(true);
    Q_EMIT finished(false);
  });
  m_process->start(JobManager::cliPath(), {QStringLiteral("infer"), QStringLiteral("--db"), m_db, QStringLiteral("--run"), m_run,
                                           QStringLiteral("--text"), text, QStringLiteral("--json")});
}

void TryItDialog::showResult() {
  // Prediction with every class's probability, most likely first.
  const QJsonObject probs = m_result.value(QStringLiteral("probabilities")).toObject();
  std::vector<std::pair<double, QString>> ranked;
  for (auto it = probs.begin(); it != probs.end(); ++it) ranked.push_back({it.value().toDouble(), it.key()});
  std::sort(ranked.rbegin(), ranked.rend());
  QStringList parts;
  for (const auto& [p, name] : ranked) parts << QStringLiteral("%1 %2%").arg(name.toHtmlEscaped()).arg(p * 100.0, 0, 'f', 1);
  m_prediction->setText(tr("<b>Prediction: %1</b> (%2 tokens) — %3")
                            .arg(m_result.value(QStringLiteral("prediction")).toString().toHtmlEscaped())
                            .arg(m_result.value(QStringLiteral("tokens")).toInt())
                            .arg(parts.join(QStringLiteral(" · "))));
  const QSignalBlocker block(m_head);
  m_head->clear();
  for (const auto& s : m_result.value(QStringLiteral("selections")).toArray()) {
    const QJsonObject o = s.toObject();
    m_head->addItem(tr("layer %1, head %2").arg(o.value(QStringLiteral("layer")).toInt()).arg(o.value(QStringLiteral("head")).toInt()));
  }
  showHead();
}

void TryItDialog::showHead() {
  const QJsonArray sels = m_result.value(QStringLiteral("selections")).toArray();
  const int i = m_head->currentIndex();
  if (i < 0 || i >= sels.size()) return;
  const QJsonObject s = sels.at(i).toObject();
  const QJsonArray rows = s.value(QStringLiteral("key_blocks")).toArray();
  HeatmapFigure fig;
  auto& d = fig.data;
  d.block = s.value(QStringLiteral("block")).toInt();
  d.q_blocks = rows.size();
  int64_t kBlocks = 0;
  for (const auto& r : rows)
    for (const auto& k : r.toArray()) kBlocks = std::max<int64_t>(kBlocks, k.toInt() + 1);
  const qsizetype n = m_result.value(QStringLiteral("pieces")).toArray().size();
  d.k_blocks = std::max<int64_t>(kBlocks, d.q_blocks);
  d.selected.assign(static_cast<size_t>(d.q_blocks * d.k_blocks), 0);
  for (qsizetype q = 0; q < rows.size(); ++q)
    for (const auto& k : rows.at(q).toArray()) d.selected[static_cast<size_t>(q * d.k_blocks + k.toInt())] = 1;
  d.rows = n > 0 ? n : d.q_blocks * d.block;
  d.cols = n > 0 ? n : d.k_blocks * d.block;
  for (const auto& p : m_result.value(QStringLiteral("pieces")).toArray()) d.rowLabels << p.toString();
  d.colLabels = d.rowLabels;
  fig.image = renderHeatmap(d, ColorMap::Viridis);
  fig.vmax = 1.0;
  fig.title = tr("Blocks attended for this input · %1").arg(m_head->currentText());
  fig.rowAxis = tr("query position");
  fig.colAxis = tr("key position");
  m_view->setFigure(fig);
}

}  // namespace etlab
