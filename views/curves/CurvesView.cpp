// SPDX-License-Identifier: MIT
#include "views/curves/CurvesView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "views/common/ChartExport.h"

namespace etlab {

namespace {

// Okabe–Ito: distinguishable with every common colour-vision deficiency.
const QColor kRunColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                             QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                             QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};

QString runLabel(const RunRecord& r) {
  QString s = QString::fromStdString(r.id.substr(0, 8));
  if (!r.name.empty()) s += QStringLiteral(" ") + QString::fromStdString(r.name);
  else if (!r.method.empty()) s += QStringLiteral(" ") + QString::fromStdString(r.method);
  return s;
}

// Dotted key -> value text, for the comparison table.
void flatten(const nlohmann::json& j, const std::string& prefix, std::map<std::string, std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) flatten(v, prefix.empty() ? k : prefix + "." + k, out);
  } else {
    out[prefix] = j.is_string() ? j.get<std::string>() : j.dump();
  }
}

}  // namespace

std::vector<double> smoothSeries(const std::vector<double>& values, double weight) {
  std::vector<double> out(values.size());
  weight = std::clamp(weight, 0.0, 0.999);
  double last = 0.0, debias = 0.0;
  for (size_t i = 0; i < values.size(); ++i) {
    last = last * weight + (1.0 - weight) * values[i];
    debias = debias * weight + (1.0 - weight);
    out[i] = debias > 0 ? last / debias : values[i];
  }
  return out;
}

CurvesData loadCurves(const QString& dbPath, const QStringList& runIds, int maxPoints) {
  CurvesData d;
  try {
    RunStore store(dbPath.toStdString(), true);
    std::set<std::string> keys;
    for (const QString& id : runIds) {
      auto run = store.find_run(id.toStdString());
      if (!run) continue;
      d.runs.push_back(*run);
      for (const auto& key : store.metric_keys(run->id)) {
        keys.insert(key);
        d.series[run->id][key] = store.series(run->id, key, maxPoints);
      }
      // Evaluation results as series too (val/accuracy, val/loss, …).
      std::map<std::string, std::vector<SeriesPoint>> evals;
      for (const auto& e : store.evals(run->id)) {
        const std::string key = e.split + "/" + e.metric;
        evals[key].push_back({e.step, e.value, e.value, e.value, 1});
      }
      for (auto& [key, pts] : evals) {
        keys.insert(key);
        d.series[run->id][key] = std::move(pts);
      }
      d.throughput[run->id] = store.metrics(run->id, "train/tokens_per_s");
      d.summaries[run->id] = store.metric_summaries(run->id);
      RunFilter same;
      same.preset = run->preset;
      for (auto& g : store.seed_groups(same, "test/accuracy"))
        if (std::find(g.run_ids.begin(), g.run_ids.end(), run->id) != g.run_ids.end()) d.seedGroups[run->id] = g;
    }
    for (const auto& k : keys) d.keys << QString::fromStdString(k);
  } catch (const std::exception& e) {
    d.error = QString::fromStdString(e.what());
  }
  return d;
}

CurvesView::CurvesView(QWidget* parent) : QWidget(parent), m_watcher(new QFutureWatcher<CurvesData>(this)) {
  m_metric = new QComboBox(this);
  m_metric->setMinimumContentsLength(18);
  m_x = new QComboBox(this);
  m_x->addItem(tr("step"), static_cast<int>(XAxis::Step));
  m_x->addItem(tr("wall time (s)"), static_cast<int>(XAxis::Time));
  m_x->addItem(tr("tokens (from logged throughput)"), static_cast<int>(XAxis::Tokens));
  m_smooth = new QSlider(Qt::Horizontal, this);
  m_smooth->setRange(0, 99);
  m_smooth->setValue(60);
  m_smooth->setToolTip(tr("Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind"));
  m_smoothLabel = new QLabel(this);
  m_smoothLabel->setMinimumWidth(m_smoothLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
  m_onlyDiff = new QCheckBox(tr("Only differences"), this);
  m_onlyDiff->setChecked(true);
  m_message = new QLabel(tr("Select one or more runs to plot their curves."), this);
  m_message->setAlignment(Qt::AlignCenter);

  auto* chart = new QChart;
  chart->legend()->setAlignment(Qt::AlignBottom);
  m_chartView = new QChartView(chart, this);
  m_chartView->setRenderHint(QPainter::Antialiasing);
  m_chartView->setMinimumHeight(220);
  m_table = new QTableWidget(this);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setDefaultSectionSize(20);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Metric"), this));
  controls->addWidget(m_metric, 1);
  controls->addWidget(new QLabel(tr("x"), this));
  controls->addWidget(m_x);
  controls->addWidget(new QLabel(tr("Smoothing"), this));
  controls->addWidget(m_smooth, 1);
  controls->addWidget(m_smoothLabel);
  controls->addWidget(m_onlyDiff);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_chartView);
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  split->setSizes({480, 280});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_message);
  layout->addWidget(split, 1);

  connect(m_watcher, &QFutureWatcher<CurvesData>::finished, this, &CurvesView::onLoaded);
  connect(m_metric, &QComboBox::currentIndexChanged, this, &CurvesView::rebuildChart);
  connect(m_x, &QComboBox::currentIndexChanged, this, &CurvesView::rebuildChart);
  connect(m_smooth, &QSlider::valueChanged, this, &CurvesView::rebuildChart);
  connect(m_onlyDiff, &QCheckBox::toggled, this, &CurvesView::rebuildTable);
}

QChart* CurvesView::chart() const { return m_chartView->chart(); }

void CurvesView::setRuns(const QString& dbPath, const QStringList& runIds) {
  m_message->setText(tr("Loading %n run(s)…", nullptr, static_cast<int>(runIds.size())));
  m_message->show();
  m_watcher->setFuture(QtConcurrent::run(loadCurves, dbPath, runIds, 2000));
}

void CurvesView::onLoaded() {
  m_data = m_watcher->result();
  const bool ok = m_data.error.isEmpty() && !m_data.runs.empty();
  m_message->setText(m_data.error.isEmpty() ? tr("Select one or more runs to plot their curves.")
                                            : tr("Cannot load the runs: %1").arg(m_data.error));
  m_message->setVisible(!ok);
  const QString current = m_metric->currentText();
  {
    const QSignalBlocker block(m_metric);
    m_metric->clear();
    m_metric->addItems(m_data.keys);
    const int i = m_metric->findText(current.isEmpty() ? QStringLiteral("train/loss") : current);
    m_metric->setCurrentIndex(i >= 0 ? i : m_metric->findText(QStringLiteral("train/loss")));
  }
  rebuildChart();
  rebuildTable();
  Q_EMIT loaded(ok);
}

void CurvesView::setMetric(const QString& key) { m_metric->setCurrentText(key); }
void CurvesView::setXAxis(XAxis x) { m_x->setCurrentIndex(m_x->findData(static_cast<int>(x))); }
void CurvesView::setSmoothing(double w) { m_smooth->setValue(static_cast<int>(std::lround(w * 100))); }
void CurvesView::setOnlyDifferences(bool only) { m_onlyDiff->setChecked(only); }

std::vector<std::pair<double, double>> CurvesView::points(const std::string& runId, bool smoothed) const {
  std::vector<std::pair<double, double>> out;
  auto run = m_data.series.find(runId);
  if (run == m_data.series.end()) return out;
  auto it = run->second.find(m_metric->currentText().toStdString());
  if (it == run->second.end()) return out;
  const auto& pts = it->second;
  std::vector<double> values;
  for (const auto& p : pts) values.push_back(p.value);
  if (smoothed) values = smoothSeries(values, m_smooth->value() / 100.0);
  // x: the step, the wall time logged with the point (evaluations: interpolated from the training
  // series), or the tokens seen by then (the logged throughput integrated over wall time).
  const auto x = static_cast<XAxis>(m_x->currentData().toInt());
  std::vector<std::pair<int64_t, double>> wallAt, tokensAt;
  if (x != XAxis::Step) {
    double tokens = 0.0, lastWall = 0.0;
    for (const auto& m : m_data.throughput.at(runId)) {
      tokens += m.value * (m.wall - lastWall);
      lastWall = m.wall;
      wallAt.push_back({m.step, m.wall});
      tokensAt.push_back({m.step, tokens});
    }
  }
  auto interp = [](const std::vector<std::pair<int64_t, double>>& table, int64_t step) {
    if (table.empty()) return std::nan("");
    if (step <= table.front().first)
      return table.front().first > 0 ? table.front().second * double(step) / double(table.front().first) : table.front().second;
    for (size_t i = 1; i < table.size(); ++i)
      if (step <= table[i].first) {
        const double f = double(step - table[i - 1].first) / double(table[i].first - table[i - 1].first);
        return table[i - 1].second + f * (table[i].second - table[i - 1].second);
      }
    return table.back().second;
  };
  for (size_t i = 0; i < pts.size(); ++i) {
    double xv = static_cast<double>(pts[i].step);
    if (x == XAxis::Time) xv = pts[i].wall > 0 ? pts[i].wall : interp(wallAt, pts[i].step);
    if (x == XAxis::Tokens) xv = interp(tokensAt, pts[i].step);
    if (std::isfinite(xv) && std::isfinite(values[i])) out.push_back({xv, values[i]});
  }
  return out;
}

void CurvesView::rebuildChart() {
  m_smoothLabel->setText(QString::number(m_smooth->value() / 100.0, 'f', 2));
  QChart* c = m_chartView->chart();
  c->removeAllSeries();
  for (auto* a : c->axes()) {
    c->removeAxis(a);
    delete a;
  }
  const QString key = m_metric->currentText();
  c->setTitle(key.isEmpty() ? QString() : tr("%1 — %n run(s)", nullptr, static_cast<int>(m_data.runs.size())).arg(key));
  auto* ax = new QValueAxis;
  auto* ay = new QValueAxis;
  ax->setTitleText(m_x->currentText());
  ay->setTitleText(key);
  c->addAxis(ax, Qt::AlignBottom);
  c->addAxis(ay, Qt::AlignLeft);
  double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
  const bool smoothing = m_smooth->value() > 0;
  int colorIndex = 0;
  for (const auto& run : m_data.runs) {
    const QColor color = kRunColors[colorIndex++ % 8];
    for (bool smoothed : {false, true}) {
      if (smoothed && !smoothing) continue;
      const auto pts = points(run.id, smoothed);
      if (pts.empty()) continue;
      auto* s = new QLineSeries;
      for (const auto& [x, y] : pts) {
        s->append(x, y);
        xmin = std::min(xmin, x), xmax = std::max(xmax, x), ymin = std::min(ymin, y), ymax = std::max(ymax, y);
      }
      QPen pen(smoothing && !smoothed ? QColor(color.red(), color.green(), color.blue(), 70) : color);
      pen.setWidthF(smoothing && !smoothed ? 1.0 : 2.0);
      s->setPen(pen);
      s->setName(runLabel(run));
      c->addSeries(s);
      s->attachAxis(ax);
      s->attachAxis(ay);
      if (smoothing && !smoothed)
        for (auto* marker : c->legend()->markers(s)) marker->setVisible(false);  // one legend entry per run
    }
  }
  if (xmin <= xmax) {
    const double pad = (ymax - ymin) * 0.05 + 1e-12;
    ax->setRange(xmin, xmax);
    ay->setRange(ymin - pad, ymax + pad);
    ax->applyNiceNumbers();
  }
}

void CurvesView::rebuildTable() {
  m_table->clear();
  const int n = static_cast<int>(m_data.runs.size());
  m_table->setColumnCount(n);
  QStringList headers;
  for (const auto& r : m_data.runs) headers << runLabel(r);
  m_table->setHorizontalHeaderLabels(headers);
  // Rows: results first (summary, mean ± std over seeds), then every configuration key.
  std::vector<std::map<std::string, std::string>> columns(static_cast<size_t>(n));
  std::set<std::string> resultKeys, configKeys;
  for (int i = 0; i < n; ++i) {
    const auto& r = m_data.runs[static_cast<size_t>(i)];
    auto& col = columns[static_cast<size_t>(i)];
    col["status"] = r.status;
    col["method"] = r.method;
    col["params trainable"] = std::to_string(r.params_trainable);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f s", r.wall_seconds);
    col["wall time"] = buf;
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(r.peak_bytes) / (1 << 20));
    col["peak memory"] = buf;
    for (const char* k : {"status", "method", "params trainable", "wall time", "peak memory"}) resultKeys.insert(k);
    const auto summary = nlohmann::json::parse(r.summary_json, nullptr, false);
    if (summary.is_object())
      for (const auto& [k, v] : summary.items())
        if (k.rfind("test/", 0) == 0 || k.rfind("val/", 0) == 0) {
          std::snprintf(buf, sizeof buf, "%.4g", v.is_number() ? v.get<double>() : 0.0);
          col[k] = buf;
          resultKeys.insert(k);
        }
    auto g = m_data.seedGroups.find(r.id);
    if (g != m_data.seedGroups.end() && g->second.values.size() > 1) {
      std::snprintf(buf, sizeof buf, "%.4f ± %.4f (n=%zu)", g->second.mean, g->second.stddev, g->second.values.size());
      col["test/accuracy over seeds"] = buf;
      resultKeys.insert("test/accuracy over seeds");
    }
    std::map<std::string, std::string> config;
    flatten(nlohmann::json::parse(r.config_json, nullptr, false), "", config);
    for (auto& [k, v] : config) {
      col["config: " + k] = v;
      configKeys.insert("config: " + k);
    }
  }
  std::vector<std::string> rows(resultKeys.begin(), resultKeys.end());
  rows.insert(rows.end(), configKeys.begin(), configKeys.end());
  QStringList labels;
  int row = 0;
  m_table->setRowCount(static_cast<int>(rows.size()));
  for (const auto& key : rows) {
    std::set<std::string> distinct;
    for (const auto& col : columns) distinct.insert(col.count(key) ? col.at(key) : std::string("–"));
    const bool differs = distinct.size() > 1;
    if (m_onlyDiff->isChecked() && n > 1 && !differs && configKeys.count(key)) continue;
    labels << QString::fromStdString(key);
    for (int i = 0; i < n; ++i) {
      const auto& col = columns[static_cast<size_t>(i)];
      auto* item = new QTableWidgetItem(QString::fromStdString(col.count(key) ? col.at(key) : "–"));
      if (differs && n > 1) item->setFont([] { QFont f; f.setBold(true); return f; }());
      m_table->setItem(row, i, item);
    }
    ++row;
  }
  m_table->setRowCount(row);
  m_table->setVerticalHeaderLabels(labels);
  m_table->resizeColumnsToContents();
  for (int c = 0; c < m_table->columnCount(); ++c) m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 280));
}

bool CurvesView::exportTo(const QString& path, int dpi, QString* error) const {
  if (m_data.runs.empty()) {
    if (error) *error = tr("nothing to export yet");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    std::vector<QStringList> rows;
    for (const auto& run : m_data.runs) {
      const auto raw = points(run.id, false), smooth = points(run.id, true);
      for (size_t i = 0; i < raw.size(); ++i)
        rows.push_back({QString::fromStdString(run.id), QString::number(raw[i].first, 'g', 17), QString::number(raw[i].second, 'g', 17),
                        QString::number(smooth[i].second, 'g', 17)});
    }
    return exportCsv(path, {QStringLiteral("run"), m_x->currentText(), m_metric->currentText(), QStringLiteral("smoothed")}, rows,
                     error);
  }
  QChartView* view = m_chartView;
  // The chart as laid out on screen, at its own aspect ratio (a hidden view gets a sensible size).
  const QSizeF size = view->isVisible() && view->width() > 200 ? QSizeF(view->size()) : QSizeF(720, 440);
  if (!view->isVisible()) view->resize(size.toSize());
  return exportChart(path, size, dpi, [view](QPainter& p, const QRectF& box) {
    p.fillRect(box, Qt::white);
    view->render(&p, box, view->viewport()->rect());
  }, error);
}

}  // namespace etlab
