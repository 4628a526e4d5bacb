// SPDX-License-Identifier: MIT
// The trade-off view's second tab: benchmark time and memory against the sequence length.
#include "views/tradeoff/TradeoffView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/config/attention_kind.h"
#include "views/tradeoff/TradeoffCharts.h"

namespace etlab {

using namespace tradeoff;  // views/tradeoff/TradeoffCharts.h

void TradeoffView::rebuildCurves() {
  QChart *time = m_timeView->chart(), *mem = m_memView->chart();
  clearChart(time);
  clearChart(mem);
  m_curves.clear();
  m_crossover.reset();
  m_crossoverText.clear();
  const QString mode = benchmarkMode(), device = benchmarkDevice();

  collectCurves(mode, device);

  if (!m_data->error.isEmpty())
    m_curvesMessageText = tr("Cannot read the database: %1").arg(m_data->error);
  else if (m_data->benchmarks.empty())
    m_curvesMessageText = tr("No attention benchmarks in this database yet. Measure dense, learned-sparse and "
                             "fixed-sparse attention over several sequence lengths with\n"
                             "etlab-cli bench attention --seq 512,1024,2048,4096 --db %1")
                              .arg(QFileInfo(m_data->dbPath).fileName());
  else if (m_curves.empty())
    m_curvesMessageText = tr("No benchmarks for the %1 pass on %2.").arg(modeName(mode), device);
  else
    m_curvesMessageText.clear();
  m_curvesMessage->setText(m_curvesMessageText);
  m_curvesMessage->setVisible(!m_curvesMessageText.isEmpty());
  m_timeView->setVisible(m_curvesMessageText.isEmpty());
  m_memView->setVisible(m_curvesMessageText.isEmpty());
  m_crossoverLabel->setVisible(m_curvesMessageText.isEmpty());
  if (m_curves.empty()) return;

  double nlo = std::numeric_limits<double>::max(), nhi = 0, tlo = nlo, thi = 0, mlo = nlo, mhi = 0;
  for (const auto& c : m_curves)
    for (size_t i = 0; i < c.n.size(); ++i) {
      nlo = std::min(nlo, c.n[i]);
      nhi = std::max(nhi, c.n[i]);
      if (c.timeMs[i] > 0) {
        tlo = std::min(tlo, c.timeMs[i]);
        thi = std::max(thi, c.timeMs[i]);
      }
      if (c.peakBytes[i] > 0) {
        mlo = std::min(mlo, c.peakBytes[i] / kMiB);
        mhi = std::max(mhi, c.peakBytes[i] / kMiB);
      }
    }
  if (thi <= 0) tlo = 1e-3, thi = 1;
  if (mhi <= 0) mlo = 1e-3, mhi = 1;
  if (nhi <= nlo) nhi = nlo * 2;

  auto fmtSlope = [](double s) { return std::isnan(s) ? tr("n/a") : QString::number(s, 'f', 2); };
  struct Panel {
    QChart* chart;
    QLogValueAxis *x, *y;
  };
  Panel panels[2] = {{time, logAxis(nlo, nhi, 2.0, false), logAxis(tlo, thi, 10.0)},
                     {mem, logAxis(nlo, nhi, 2.0, false), logAxis(mlo, mhi, 10.0)}};
  // `bench model` rows (mode train_step or inference) time the whole model, not attention alone.
  const bool model = mode == QStringLiteral("train_step") || mode == QStringLiteral("inference");
  time->setTitle((model ? tr("Time of a %1 on %2") : tr("Attention time, %1 pass on %2")).arg(modeName(mode), device));
  mem->setTitle((model ? tr("Peak memory of a %1 on %2") : tr("Attention peak memory, %1 pass on %2")).arg(modeName(mode), device));
  panels[0].y->setTitleText(tr("Time per call (ms)"));
  panels[1].y->setTitleText(tr("Peak memory (MiB)"));
  for (auto& p : panels) {
    p.x->setTitleText(tr("Sequence length n"));
    p.x->setLabelFormat(QStringLiteral("%.0f"));
    p.chart->addAxis(p.x, Qt::AlignBottom);
    p.chart->addAxis(p.y, Qt::AlignLeft);
  }
  for (int panel = 0; panel < 2; ++panel) {
    for (const auto& c : m_curves) {
      auto* s = new QLineSeries;
      const int idx = c.style;
      const auto& ys = panel == 0 ? c.timeMs : c.peakBytes;
      for (size_t i = 0; i < c.n.size(); ++i)
        if (ys[i] > 0) s->append(c.n[i], panel == 0 ? ys[i] : ys[i] / kMiB);
      s->setName(tr("%1  slope %2").arg(methodLabel(c.method), fmtSlope(panel == 0 ? c.timeSlope : c.memorySlope)));
      QPen pen(okabeIto(idx));
      pen.setWidthF(2.2);
      s->setPen(pen);
      panels[panel].chart->addSeries(s);
      s->attachAxis(panels[panel].x);
      s->attachAxis(panels[panel].y);
      // The measured lengths as markers, shaped as in the runs tab (colour is not the only cue).
      auto* dots = new QScatterSeries;
      dots->append(s->points());
      dots->setColor(okabeIto(idx));
      dots->setBorderColor(okabeIto(idx).darker(140));
      dots->setMarkerShape(markerShape(idx));
      dots->setMarkerSize(10);
      panels[panel].chart->addSeries(dots);
      dots->attachAxis(panels[panel].x);
      dots->attachAxis(panels[panel].y);
      for (auto* m : panels[panel].chart->legend()->markers(dots)) m->setVisible(false);
    }
  }

  addCrossover(time, panels[0].x, panels[0].y);
  m_crossoverLabel->setText(m_crossoverText);
  for (QChart* c : {time, mem}) placeLegendInPlot(c);
}

// The newest row per (method, n) of this pass and device as curves, with their fitted slopes.
void TradeoffView::collectCurves(const QString& mode, const QString& device) {
  // Whole-model rows (`bench model`) of several presets are different models: their curves are kept
  // apart by preset, so that one line never joins two models.
  auto presetOf = [](const BenchmarkRecord& b) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(b.extra_json)).object().value(QStringLiteral("preset")).toString();
  };
  QSet<QString> presets;
  for (const auto& b : m_data->benchmarks)
    if (QString::fromStdString(b.mode) == mode && QString::fromStdString(b.device) == device) presets.insert(presetOf(b));
  const bool byPreset = presets.size() > 1;
  // Newest row per (method, n) for this mode and device (rows come in insertion order).
  std::map<std::pair<int, QString>, std::map<int64_t, const BenchmarkRecord*>> rows;
  QStringList presetOrder(presets.begin(), presets.end());
  presetOrder.sort();
  std::map<std::pair<int, QString>, int> styles;
  for (const auto& b : m_data->benchmarks) {
    if (QString::fromStdString(b.mode) != mode || QString::fromStdString(b.device) != device || b.n <= 0) continue;
    const QString method = QString::fromStdString(b.method);
    const QString label = byPreset ? QStringLiteral("%1 · %2").arg(method, presetOf(b)) : method;
    styles[{methodIndex(method), label}] = methodIndex(method) + 3 * static_cast<int>(presetOrder.indexOf(presetOf(b)) * byPreset);
    auto& slot = rows[{methodIndex(method), label}][b.n];
    if (!slot || b.created >= slot->created) slot = &b;
  }
  for (const auto& [key, byN] : rows) {
    TradeoffCurve c;
    c.method = key.second;
    c.style = styles[key];
    QStringList kernels;
    for (const auto& [n, b] : byN) {
      c.n.push_back(static_cast<double>(n));
      c.timeMs.push_back(b->time_ms);
      c.peakBytes.push_back(static_cast<double>(b->peak_bytes));
      c.spreadMs.push_back(b->time_spread_ms);
      kernels << QString::fromStdString(b->kernel);
    }
    kernels.removeDuplicates();
    c.kernel = kernels.join(QStringLiteral(", "));
    c.timeSlope = fitLogLogSlope(c.n, c.timeMs);
    c.memorySlope = fitLogLogSlope(c.n, c.peakBytes);
    m_curves.push_back(std::move(c));
  }
}

// Where the learned kind overtakes the dense reference: a dotted line on the time chart and a sentence.
void TradeoffView::addCrossover(QChart* time, QLogValueAxis* x, QLogValueAxis* y) {
  // Where the learned kind overtakes the dense reference.
  const AttentionKind* learnedKind = nullptr;
  for (const AttentionKind* k : kinds_in_order())
    if (k->learned && !learnedKind) learnedKind = k;
  const QString denseName = QString::fromStdString(reference_kind().name);
  const QString learnedName = learnedKind ? QString::fromStdString(learnedKind->name) : QString();
  const TradeoffCurve *sparse = nullptr, *dense = nullptr;
  for (const auto& c : m_curves) {
    if (!learnedName.isEmpty() && c.method == learnedName) sparse = &c;
    if (c.method == denseName) dense = &c;
  }
  if (!sparse || !dense) {
    m_crossoverText = tr("Crossover: needs both %1 and %2 benchmarks for this pass and device.").arg(denseName, learnedName);
  } else {
    m_crossover = crossover(sparse->n, sparse->timeMs, dense->n, dense->timeMs);
    if (m_crossover) {
      m_crossoverText = tr("Crossover: %1 becomes faster than %2 at n ≈ %3 (interpolated in log–log space).")
                            .arg(learnedName, denseName)
                            .arg(*m_crossover, 0, 'f', 0);
      auto* line = new QLineSeries;
      line->setName(tr("crossover n ≈ %1").arg(*m_crossover, 0, 'f', 0));
      QPen pen(QColor(0x44, 0x44, 0x44));
      pen.setStyle(Qt::DotLine);
      pen.setWidthF(1.6);
      line->setPen(pen);
      line->append(*m_crossover, y->min());
      line->append(*m_crossover, y->max());
      time->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
    } else {
      const auto d = logDifference(sparse->n, sparse->timeMs, dense->n, dense->timeMs);
      if (d.empty())
        m_crossoverText = tr("Crossover: none in range (%1 and %2 share no sequence lengths).").arg(denseName, learnedName);
      else if (d.front().second < 0)
        m_crossoverText = tr("Crossover: none in range — %1 is already faster at n = %2.")
                              .arg(learnedName)
                              .arg(std::exp(d.front().first), 0, 'f', 0);
      else
        m_crossoverText = tr("Crossover: none in range — %1 stays faster up to n = %2.")
                              .arg(denseName)
                              .arg(std::exp(d.back().first), 0, 'f', 0);
    }
  }
}

}  // namespace etlab
