// SPDX-License-Identifier: MIT
#include "views/spectra/SpectraView.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <set>

#include "views/common/ChartExport.h"
#include "views/spectra/SpectraCharts.h"

namespace etlab {

using namespace spectra;  // the charts (views/spectra/SpectraCharts.h)

namespace {

const char* const kModuleOrder[] = {"q", "k", "v", "o", "ffn_in", "ffn_out", "router_q", "router_k"};

int moduleRank(const std::string& m) {
  for (int i = 0; i < 8; ++i)
    if (m == kModuleOrder[i]) return i;
  return 8;
}

// The record of a run at (module, layer) at `step` or the last step before it.
const SpectrumRecord* spectrumAt(const SpectraRun& run, const std::string& module, int layer, int64_t step) {
  const SpectrumRecord* best = nullptr;
  for (const auto& s : run.spectra)
    if (s.module == module && s.layer == layer && s.step <= step && (!best || s.step >= best->step)) best = &s;
  return best;
}

// The last adapter vectors of a run at (module, layer).
const AdapterVectorsRecord* lastVectors(const SpectraRun& run, const std::string& module, int layer) {
  const AdapterVectorsRecord* best = nullptr;
  for (const auto& v : run.vectors)
    if (v.module == module && v.layer == layer && (!best || v.step >= best->step)) best = &v;
  return best;
}

QString percent(double fraction) {
  return QString::number(fraction * 100.0, 'g', 4) + QStringLiteral("%");
}

}  // namespace

// --- the view ----------------------------------------------------------------------------------

SpectraView::SpectraView(QWidget* parent)
    : QWidget(parent), m_data(std::make_shared<SpectraData>()), m_watcher(new QFutureWatcher<SpectraData>(this)) {
  m_module = new QComboBox(this);
  m_module->setToolTip(tr("Which adapted weight: q, k, v, o projections, the feed-forward layers or the sparse-attention router"));
  m_layer = new QComboBox(this);
  m_layer->setToolTip(tr("Transformer layer"));
  m_step = new QComboBox(this);
  m_step->setToolTip(tr("Evaluation step whose spectrum is shown (runs without it show their last one before)"));
  m_scale = new QComboBox(this);
  m_scale->addItem(tr("log"), true);
  m_scale->addItem(tr("linear"), false);
  m_scale->setToolTip(tr("Vertical scale of the singular values"));
  m_threshold = new QDoubleSpinBox(this);
  m_threshold->setRange(0.05, 1.0);
  m_threshold->setDecimals(3);
  m_threshold->setSingleStep(0.01);
  m_threshold->setValue(0.90);
  m_threshold->setToolTip(tr("Fraction of the update's energy (sum of squared singular values) a rank must keep"));

  auto* controls = new QHBoxLayout;
  auto addControl = [&](const QString& label, QWidget* w) {
    auto* l = new QLabel(label, this);
    l->setBuddy(w);
    controls->addWidget(l);
    controls->addWidget(w);
    controls->addSpacing(8);
  };
  addControl(tr("&Module"), m_module);
  addControl(tr("&Layer"), m_layer);
  addControl(tr("S&tep"), m_step);
  addControl(tr("&Scale"), m_scale);
  addControl(tr("&Energy threshold"), m_threshold);
  controls->addStretch(1);

  m_message = new QLabel(tr("Choose one or more runs to see the rank spectra of their weight updates."), this);
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setWordWrap(true);
  m_message->setMinimumHeight(80);

  m_singularChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintSingular(p, r); }, this);
  m_energyChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintEnergy(p, r); }, this);
  m_evolutionChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintEvolution(p, r); }, this);
  m_subspaceChart = new ChartCanvas([this](QPainter& p, const QRectF& r) { paintSubspace(p, r); }, this);
  m_singularChart->setToolTip(tr("Singular values of the weight update, largest first: a steep drop means the update is low-rank"));
  m_energyChart->setToolTip(tr("Share of the update's energy kept by its top r directions; the dashed line is the threshold"));
  m_evolutionChart->setToolTip(tr("Stable rank (||ΔW||_F² / ||ΔW||_2²) at each evaluation"));
  m_subspaceChart->setToolTip(
      tr("How much the top-i directions of adapter A overlap the top-j directions of adapter B (1: same subspace, 0: orthogonal)"));

  m_runA = new QComboBox(this);
  m_runB = new QComboBox(this);
  m_runA->setToolTip(tr("Adapter A (rows of the heatmap)"));
  m_runB->setToolTip(tr("Adapter B (columns of the heatmap)"));
  m_subspaceControls = new QWidget(this);
  auto* sub = new QHBoxLayout(m_subspaceControls);
  sub->setContentsMargins(0, 0, 0, 0);
  m_subspaceLabel = new QLabel(tr("Compare adapters"), m_subspaceControls);
  sub->addWidget(m_subspaceLabel);
  sub->addWidget(m_runA, 1);
  sub->addWidget(new QLabel(tr("with"), m_subspaceControls));
  sub->addWidget(m_runB, 1);

  m_charts = new QWidget(this);
  auto* grid = new QGridLayout(m_charts);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(6);
  grid->addWidget(m_singularChart, 0, 0, 2, 1);
  grid->addWidget(m_energyChart, 0, 1, 2, 1);
  grid->addWidget(m_evolutionChart, 2, 0, 2, 1);
  grid->addWidget(m_subspaceControls, 2, 1);
  grid->addWidget(m_subspaceChart, 3, 1);
  grid->setRowStretch(0, 1);
  grid->setRowStretch(1, 1);
  grid->setRowStretch(3, 2);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);

  m_ranks = new QLabel(this);
  m_ranks->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_ranks->setWordWrap(true);

  m_startRun = new QPushButton(this);
  m_startRun->setToolTip(tr("Open the new-run dialog with this run's preset and the suggested LoRA rank"));
  m_startRun->hide();
  connect(m_startRun, &QPushButton::clicked, this, [this] {
    for (const auto& c : m_curves)
      if (c.rankAtThreshold > 0) {
        Q_EMIT startRunRequested(c.runId, suggestedRank());
        return;
      }
  });
  auto* rankRow = new QHBoxLayout;
  rankRow->addWidget(m_ranks, 1);
  rankRow->addWidget(m_startRun, 0, Qt::AlignTop);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_message);
  layout->addWidget(m_charts, 1);
  layout->addLayout(rankRow);
  m_charts->hide();
  m_ranks->hide();
  for (QWidget* w : {static_cast<QWidget*>(m_module), static_cast<QWidget*>(m_layer), static_cast<QWidget*>(m_step),
                     static_cast<QWidget*>(m_scale), static_cast<QWidget*>(m_threshold)})
    w->setEnabled(false);

  connect(m_watcher, &QFutureWatcher<SpectraData>::finished, this, &SpectraView::onLoaded);
  connect(m_module, &QComboBox::currentIndexChanged, this, [this] {
    fillLayersAndSteps();
    refresh();
  });
  connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
    fillLayersAndSteps();
    refresh();
  });
  connect(m_step, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
  connect(m_scale, &QComboBox::currentIndexChanged, this, [this] { m_singularChart->update(); });
  connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &SpectraView::refresh);
  connect(m_runA, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
  connect(m_runB, &QComboBox::currentIndexChanged, this, &SpectraView::refresh);
}

SpectraView::~SpectraView() = default;

void SpectraView::setRuns(const QString& dbPath, const QStringList& runIds) {
  m_message->setText(runIds.isEmpty() ? tr("Choose one or more runs to see the rank spectra of their weight updates.")
                                      : tr("Loading the spectra of %n run(s)…", nullptr, static_cast<int>(runIds.size())));
  m_message->show();
  m_charts->hide();
  m_ranks->hide();
  m_watcher->setFuture(QtConcurrent::run(loadSpectra, dbPath, runIds));
}

void SpectraView::onLoaded() {
  m_data = std::make_shared<SpectraData>(m_watcher->result());
  const auto& data = *m_data;
  int withSpectra = 0, withVectors = 0;
  for (const auto& r : data.runs) {
    withSpectra += !r.spectra.empty();
    withVectors += !r.vectors.empty();
  }
  const bool ok = data.error.isEmpty() && withSpectra > 0;
  if (!data.error.isEmpty()) {
    m_message->setText(tr("Cannot read the spectra: %1").arg(data.error));
  } else if (data.runs.empty()) {
    m_message->setText(tr("Choose one or more runs to see the rank spectra of their weight updates."));
  } else if (!ok) {
    QStringList why;
    for (const auto& r : data.runs)
      if (!r.error.isEmpty()) why << tr("%1: %2").arg(r.runId.left(8), r.error);
    const QString base =
        data.runs.size() == 1
            ? tr("Run %1 recorded no spectra.").arg(data.runs.front().runId.left(8))
            : tr("None of the %1 chosen runs recorded spectra.").arg(data.runs.size());
    m_message->setText(base + QStringLiteral(" ") +
                       tr("Spectra of the weight updates are recorded at evaluations of LoRA and full fine-tune runs; "
                          "dense training from scratch has none.") +
                       (why.isEmpty() ? QString() : QStringLiteral("\n") + why.join(QStringLiteral("\n"))));
  }
  m_message->setVisible(!ok);
  for (QWidget* w : {static_cast<QWidget*>(m_module), static_cast<QWidget*>(m_layer), static_cast<QWidget*>(m_step),
                     static_cast<QWidget*>(m_scale), static_cast<QWidget*>(m_threshold)})
    w->setEnabled(ok);
  m_charts->setVisible(ok);
  m_ranks->setVisible(ok);

  {
    const QSignalBlocker b1(m_module), b2(m_runA), b3(m_runB);
    std::set<std::pair<int, std::string>> modules;
    for (const auto& r : data.runs)
      for (const auto& s : r.spectra) modules.insert({moduleRank(s.module), s.module});
    m_module->clear();
    for (const auto& m : modules) m_module->addItem(QString::fromStdString(m.second), QString::fromStdString(m.second));
    m_runA->clear();
    m_runB->clear();
    int firstA = -1, firstB = -1;
    for (size_t i = 0; i < data.runs.size(); ++i) {
      const auto& r = data.runs[i];
      m_runA->addItem(r.label, static_cast<int>(i));
      m_runB->addItem(r.label, static_cast<int>(i));
      if (!r.vectors.empty()) {
        if (firstA < 0) firstA = static_cast<int>(i);
        else if (firstB < 0) firstB = static_cast<int>(i);
      }
    }
    m_runA->setCurrentIndex(std::max(0, firstA));
    m_runB->setCurrentIndex(firstB >= 0 ? firstB : std::min<int>(1, m_runB->count() - 1));
  }
  m_subspaceControls->setVisible(data.runs.size() >= 2);
  {
    const QSignalBlocker b(m_step);
    m_step->clear();  // filled afresh, at the last step
  }
  fillLayersAndSteps();
  refresh();
  Q_EMIT loaded(ok);
}

void SpectraView::fillLayersAndSteps() {
  const auto& data = *m_data;
  const std::string module = currentModule().toStdString();
  const QSignalBlocker b1(m_layer), b2(m_step);
  const int oldLayer = m_layer->currentData().isValid() ? m_layer->currentData().toInt() : -1;
  std::set<int> layers;
  for (const auto& r : data.runs)
    for (const auto& s : r.spectra)
      if (s.module == module) layers.insert(s.layer);
  m_layer->clear();
  for (int l : layers) m_layer->addItem(tr("layer %1").arg(l), l);
  const int li = m_layer->findData(oldLayer);
  m_layer->setCurrentIndex(li >= 0 ? li : 0);

  const int layer = currentLayer();
  const bool hadStep = m_step->count() > 0;
  const qlonglong oldStep = hadStep ? m_step->currentData().toLongLong() : -1;
  std::set<int64_t> steps;
  for (const auto& r : data.runs)
    for (const auto& s : r.spectra)
      if (s.module == module && s.layer == layer) steps.insert(s.step);
  m_step->clear();
  for (int64_t s : steps) m_step->addItem(tr("step %1").arg(s), static_cast<qlonglong>(s));
  const int si = hadStep ? m_step->findData(oldStep) : -1;
  m_step->setCurrentIndex(si >= 0 ? si : m_step->count() - 1);  // default: the last step
}

void SpectraView::refresh() {
  const auto& data = *m_data;
  const std::string module = currentModule().toStdString();
  const int layer = currentLayer();
  const int64_t step = currentStep();
  const double threshold = energyThreshold();
  m_curves.clear();
  QStringList lines;
  for (size_t i = 0; i < data.runs.size(); ++i) {
    const auto& run = data.runs[i];
    if (!run.error.isEmpty()) {
      lines << tr("%1: cannot be read (%2)").arg(run.label, run.error);
      continue;
    }
    if (run.spectra.empty()) {
      lines << tr("%1: no spectra recorded (dense runs have none)").arg(run.label);
      continue;
    }
    const SpectrumRecord* rec = step >= 0 ? spectrumAt(run, module, layer, step) : nullptr;
    if (!rec) {
      lines << tr("%1: no spectrum of %2 layer %3 at or before step %4")
                   .arg(run.label, QString::fromStdString(module))
                   .arg(layer)
                   .arg(step);
      continue;
    }
    SpectraCurve c;
    c.runId = run.runId;
    c.label = run.label;
    c.kind = QString::fromStdString(rec->kind);
    c.runIndex = static_cast<int>(i);
    c.step = rec->step;
    c.singular = rec->singular;
    c.energy = cumulativeEnergy(c.singular);
    c.stableRank = rec->stable_rank;
    c.effectiveRank = rec->effective_rank;
    c.rankAtThreshold = rankForEnergy(c.singular, threshold);
    QString line = tr("%1: stable rank %2 · effective rank %3 · %4 of the energy in the top %5 of %6 directions")
                       .arg(c.label)
                       .arg(c.stableRank, 0, 'f', 2)
                       .arg(c.effectiveRank, 0, 'f', 2)
                       .arg(percent(threshold))
                       .arg(c.rankAtThreshold)
                       .arg(c.singular.size());
    if (c.step != step) line += QStringLiteral(" ") + tr("(its last spectrum before: step %1)").arg(c.step);
    lines << line;
    m_curves.push_back(std::move(c));
  }
  if (!m_curves.empty()) {
    const auto& first = m_curves.front();
    const QString suggestion =
        first.kind == QStringLiteral("full")
            ? tr("Suggested rank: r = %1, the smallest LoRA rank that would keep %2 of the energy of the full update of %3.")
            : tr("Suggested rank: r = %1, the smallest rank that keeps %2 of the update's energy in %3.");
    lines.prepend(suggestion.arg(first.rankAtThreshold).arg(percent(threshold)).arg(first.label));
  }

  // Subspace similarity of the two chosen adapters (their last recorded vectors).
  m_subspace = SubspaceFigure{};
  const int ia = m_runA->currentData().isValid() ? m_runA->currentData().toInt() : -1;
  const int ib = m_runB->currentData().isValid() ? m_runB->currentData().toInt() : -1;
  const int nRuns = static_cast<int>(data.runs.size());
  if (nRuns < 2 || ia < 0 || ib < 0 || ia >= nRuns || ib >= nRuns) {
    m_subspace.message = tr("Choose two LoRA runs to compare the subspaces their adapters learned.");
  } else {
    const auto& ra = data.runs[static_cast<size_t>(ia)];
    const auto& rb = data.runs[static_cast<size_t>(ib)];
    m_subspace.labelA = ra.label;
    m_subspace.labelB = rb.label;
    const AdapterVectorsRecord* va = lastVectors(ra, module, layer);
    const AdapterVectorsRecord* vb = lastVectors(rb, module, layer);
    const QString where = tr("%1 layer %2").arg(QString::fromStdString(module)).arg(layer);
    if (!va || !vb) {
      m_subspace.message = tr("%1 has no adapter vectors for %2: only LoRA runs record them (full fine-tunes and dense runs do not).")
                               .arg(!va ? ra.label : rb.label, where);
    } else if (va->cols != vb->cols) {
      m_subspace.message = tr("These adapters do not match: %1 reads %2 input features, %3 reads %4; their subspaces cannot be compared.")
                               .arg(ra.label)
                               .arg(va->cols)
                               .arg(rb.label)
                               .arg(vb->cols);
    } else {
      m_subspace.phi = subspaceSimilarity(*va, *vb, &m_subspace.n_i, &m_subspace.n_j);
      m_subspace.stepA = va->step;
      m_subspace.stepB = vb->step;
      if (m_subspace.phi.empty())
        m_subspace.message = tr("The adapter vectors of %1 are malformed (rows × columns do not match the data).").arg(where);
    }
  }
  m_ranks->setText(lines.join(QLatin1Char('\n')));
  const int r = suggestedRank();
  m_startRun->setText(tr("Start a LoRA run with r = %1…").arg(r));
  m_startRun->setVisible(r > 0 && !m_ranks->isHidden());
  for (QWidget* w : {m_singularChart, m_energyChart, m_evolutionChart, m_subspaceChart}) w->update();
}

void SpectraView::select(const QString& module, int layer, int64_t step) {
  {
    const QSignalBlocker b(m_module);
    const int mi = m_module->findData(module);
    if (mi >= 0) m_module->setCurrentIndex(mi);
  }
  {
    const QSignalBlocker b(m_layer);
    fillLayersAndSteps();
    const int li = m_layer->findData(layer);
    if (li >= 0) m_layer->setCurrentIndex(li);
  }
  fillLayersAndSteps();
  {
    const QSignalBlocker b(m_step);
    int best = -1;
    for (int i = 0; i < m_step->count(); ++i)
      if (m_step->itemData(i).toLongLong() <= step) best = i;
    m_step->setCurrentIndex(best >= 0 ? best : 0);
  }
  refresh();
}

void SpectraView::setEnergyThreshold(double threshold) { m_threshold->setValue(threshold); }

void SpectraView::setLogScale(bool log) { m_scale->setCurrentIndex(log ? 0 : 1); }

void SpectraView::setSubspaceRuns(int a, int b) {
  {
    const QSignalBlocker b1(m_runA), b2(m_runB);
    m_runA->setCurrentIndex(m_runA->findData(a));
    m_runB->setCurrentIndex(m_runB->findData(b));
  }
  refresh();
}

QString SpectraView::currentModule() const { return m_module->currentData().toString(); }

int SpectraView::currentLayer() const { return m_layer->currentData().isValid() ? m_layer->currentData().toInt() : -1; }

int64_t SpectraView::currentStep() const {
  return m_step->currentData().isValid() ? static_cast<int64_t>(m_step->currentData().toLongLong()) : -1;
}

double SpectraView::energyThreshold() const { return m_threshold->value(); }

bool SpectraView::logScale() const { return m_scale->currentData().toBool(); }

int SpectraView::suggestedRank() const { return m_curves.empty() ? 0 : m_curves.front().rankAtThreshold; }

QString SpectraView::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

QString SpectraView::rankText() const { return m_ranks->text(); }

QColor SpectraView::seriesColor(int runIndex) { return runColor(runIndex); }

void SpectraView::paintSingular(QPainter& p, const QRectF& box) const {
  LineChart c;
  c.title = tr("Singular values of the update · %1 · layer %2 · step %3").arg(currentModule()).arg(currentLayer()).arg(currentStep());
  c.xLabel = tr("index i");
  c.yLabel = logScale() ? tr("singular value σ (log scale)") : tr("singular value σ");
  c.logY = logScale();
  c.empty = tr("No spectrum at this module, layer and step.");
  for (const auto& cv : m_curves) {
    Curve k{cv.label, runColor(cv.runIndex), {}};
    for (size_t i = 0; i < cv.singular.size(); ++i) k.points.emplace_back(static_cast<double>(i + 1), cv.singular[i]);
    c.curves.push_back(std::move(k));
  }
  paintLineChart(p, box, c);
}

void SpectraView::paintEnergy(QPainter& p, const QRectF& box) const {
  LineChart c;
  c.title = tr("Cumulative energy Σσ² (normalised)");
  c.xLabel = tr("rank r");
  c.yLabel = tr("share of energy");
  c.fixedY = true;
  c.yMin = 0.0;
  c.yMax = 1.0;
  c.empty = tr("No spectrum at this module, layer and step.");
  for (const auto& cv : m_curves) {
    Curve k{cv.label, runColor(cv.runIndex), {}};
    for (size_t i = 0; i < cv.energy.size(); ++i) k.points.emplace_back(static_cast<double>(i + 1), cv.energy[i]);
    c.curves.push_back(std::move(k));
  }
  c.hLines.push_back({energyThreshold(), tr("threshold %1").arg(percent(energyThreshold()))});
  if (suggestedRank() > 0) c.vLines.push_back({static_cast<double>(suggestedRank()), tr("r = %1").arg(suggestedRank())});
  paintLineChart(p, box, c);
}

void SpectraView::paintEvolution(QPainter& p, const QRectF& box) const {
  LineChart c;
  const std::string module = currentModule().toStdString();
  const int layer = currentLayer();
  c.title = tr("Stable rank over training · %1 · layer %2").arg(currentModule()).arg(layer);
  c.xLabel = tr("step");
  c.yLabel = tr("stable rank");
  c.empty = tr("No spectra recorded for this module and layer.");
  for (size_t i = 0; i < m_data->runs.size(); ++i) {
    const auto& run = m_data->runs[i];
    Curve k{run.label, runColor(static_cast<int>(i)), {}};
    for (const auto& s : run.spectra)
      if (s.module == module && s.layer == layer) k.points.emplace_back(static_cast<double>(s.step), s.stable_rank);
    if (!k.points.empty()) c.curves.push_back(std::move(k));
  }
  if (currentStep() >= 0 && !c.curves.empty())
    c.vLines.push_back({static_cast<double>(currentStep()), tr("step %1").arg(currentStep())});
  paintLineChart(p, box, c);
}

void SpectraView::paintSubspace(QPainter& p, const QRectF& box) const {
  QString title = tr("Adapter subspace similarity φ(i, j) · %1 · layer %2").arg(currentModule()).arg(currentLayer());
  if (!m_subspace.phi.empty())
    title += QStringLiteral(" · ") + (m_subspace.stepA == m_subspace.stepB
                                          ? tr("step %1").arg(m_subspace.stepA)
                                          : tr("steps %1 / %2").arg(m_subspace.stepA).arg(m_subspace.stepB));
  paintSimilarity(p, box, title, m_subspace);
}

void SpectraView::paintAll(QPainter& p, const QRectF& box) const {
  p.fillRect(box, Qt::white);
  const QFontMetricsF fm(p.font());
  const QStringList lines = m_ranks->text().split(QLatin1Char('\n'));
  const double textH = lines.size() * fm.height() + 10;
  const double gap = 8;
  const QRectF grid = box.adjusted(gap, gap, -gap, -gap - textH);
  const double w = (grid.width() - gap) / 2, h = (grid.height() - gap) / 2;
  auto cell = [&](int r, int c) { return QRectF(grid.left() + c * (w + gap), grid.top() + r * (h + gap), w, h); };
  const std::function<void(QPainter&, const QRectF&)> charts[] = {
      [this](QPainter& q, const QRectF& r) { paintSingular(q, r); },
      [this](QPainter& q, const QRectF& r) { paintEnergy(q, r); },
      [this](QPainter& q, const QRectF& r) { paintEvolution(q, r); },
      [this](QPainter& q, const QRectF& r) { paintSubspace(q, r); }};
  for (int i = 0; i < 4; ++i) {
    const QRectF r = cell(i / 2, i % 2);
    p.save();
    p.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    charts[i](p, r);
    p.restore();
  }
  p.setPen(kText);
  double y = grid.bottom() + 8;
  for (const QString& line : lines) {
    p.drawText(QRectF(box.left() + gap, y, box.width() - 2 * gap, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(line, Qt::ElideRight, box.width() - 2 * gap));
    y += fm.height();
  }
}

bool SpectraView::exportTo(const QString& path, int dpi, QString* error) const {
  if (m_curves.empty()) {
    if (error) *error = tr("nothing to export yet: no spectrum is shown");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    std::vector<QStringList> rows;
    for (const auto& c : m_curves)
      for (size_t i = 0; i < c.singular.size(); ++i)
        rows.push_back({c.runId, currentModule(), QString::number(currentLayer()), QString::number(c.step),
                        QString::number(i + 1), QString::number(c.singular[i], 'g', 9)});
    return exportCsv(path,
                     {QStringLiteral("run"), QStringLiteral("module"), QStringLiteral("layer"), QStringLiteral("step"),
                      QStringLiteral("index"), QStringLiteral("singular_value")},
                     rows, error);
  }
  return exportChart(path, QSizeF(960, 700), dpi, [this](QPainter& p, const QRectF& box) {
    QFont font = p.font();
    font.setPixelSize(9);  // 9 pt: the export's coordinates are points
    p.setFont(font);
    p.setRenderHint(QPainter::Antialiasing);
    paintAll(p, box);
  }, error);
}

}  // namespace etlab
