// SPDX-License-Identifier: MIT
#include "views/tradeoff/TradeoffView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QPainter>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <algorithm>

#include "views/common/ChartExport.h"
#include "views/tradeoff/TradeoffCharts.h"

namespace etlab {

using namespace tradeoff;  // views/tradeoff/TradeoffCharts.h

// --- widget ----------------------------------------------------------------------------------------

TradeoffView::TradeoffView(QWidget* parent)
    : QWidget(parent), m_data(std::make_shared<TradeoffData>()), m_watcher(new QFutureWatcher<TradeoffData>(this)) {
  m_tabs = new QTabWidget(this);

  // Runs: time or speed against peak memory.
  auto* runsPage = new QWidget(m_tabs);
  m_x = new QComboBox(runsPage);
  m_x->addItem(tr("Wall time (s)"), static_cast<int>(TradeoffX::WallSeconds));
  m_x->addItem(tr("Throughput (tokens/s)"), static_cast<int>(TradeoffX::TokensPerSecond));
  m_x->addItem(tr("Speed-up vs dense"), static_cast<int>(TradeoffX::SpeedupVsDense));
  m_x->setToolTip(tr("Horizontal axis. Speed-up: throughput over the newest finished dense run of the same task "
                     "(wall time when a run recorded no throughput)."));
  m_log = new QCheckBox(tr("Logarithmic axes"), runsPage);
  m_runsView = new QChartView(new QChart, runsPage);
  m_runsView->setRenderHint(QPainter::Antialiasing);
  m_runsView->setFrameShape(QFrame::NoFrame);
  styleChart(m_runsView->chart());
  m_runsMessage = new QLabel(runsPage);
  m_runsNote = new QLabel(runsPage);
  m_runsNote->setWordWrap(true);
  QPalette notePalette = m_runsNote->palette();
  notePalette.setColor(QPalette::WindowText, QColor(0x55, 0x55, 0x55));
  m_runsNote->setPalette(notePalette);
  auto* runsControls = new QHBoxLayout;
  runsControls->addWidget(new QLabel(tr("Time axis"), runsPage));
  runsControls->addWidget(m_x);
  runsControls->addSpacing(12);
  runsControls->addWidget(m_log);
  runsControls->addStretch(1);
  auto* runsLayout = new QVBoxLayout(runsPage);
  runsLayout->addLayout(runsControls);
  runsLayout->addWidget(m_runsMessage, 1);
  runsLayout->addWidget(m_runsView, 1);
  runsLayout->addWidget(m_runsNote);
  m_tabs->addTab(runsPage, tr("Runs: speed vs memory"));

  // Sequence-length curves from the benchmarks.
  auto* curvesPage = new QWidget(m_tabs);
  m_benchMode = new QComboBox(curvesPage);
  m_benchMode->setToolTip(tr("Forward pass only, or forward and backward"));
  m_device = new QComboBox(curvesPage);
  m_timeView = new QChartView(new QChart, curvesPage);
  m_memView = new QChartView(new QChart, curvesPage);
  for (QChartView* v : {m_timeView, m_memView}) {
    v->setRenderHint(QPainter::Antialiasing);
    v->setFrameShape(QFrame::NoFrame);
    styleChart(v->chart());
    QLegend* legend = v->chart()->legend();
    legend->detachFromChart();
    legend->setAlignment(Qt::AlignLeft);  // one entry per line
    legend->setBackgroundVisible(true);
    legend->setBrush(QColor(255, 255, 255, 230));
    legend->setPen(QPen(QColor(0xbb, 0xbb, 0xbb)));
    legend->setZValue(50);
    connect(v->chart(), &QChart::plotAreaChanged, this, [chart = v->chart()] { placeLegendInPlot(chart); });
  }
  m_curvesMessage = new QLabel(curvesPage);
  m_crossoverLabel = new QLabel(curvesPage);
  m_crossoverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_crossoverLabel->setWordWrap(true);
  m_crossoverLabel->setToolTip(tr("Slopes in the legends are least-squares fits of log(time) and log(memory) against "
                                  "log(n): 1 grows linearly with the sequence length, 2 quadratically."));
  auto* curvesControls = new QHBoxLayout;
  curvesControls->addWidget(new QLabel(tr("Pass"), curvesPage));
  curvesControls->addWidget(m_benchMode);
  curvesControls->addSpacing(12);
  curvesControls->addWidget(new QLabel(tr("Device"), curvesPage));
  curvesControls->addWidget(m_device);
  curvesControls->addStretch(1);
  auto* charts = new QHBoxLayout;
  charts->addWidget(m_timeView, 1);
  charts->addWidget(m_memView, 1);
  auto* curvesLayout = new QVBoxLayout(curvesPage);
  curvesLayout->addLayout(curvesControls);
  curvesLayout->addWidget(m_curvesMessage, 1);
  curvesLayout->addLayout(charts, 1);
  curvesLayout->addWidget(m_crossoverLabel);
  m_tabs->addTab(curvesPage, tr("Sequence length"));

  for (QLabel* l : {m_runsMessage, m_curvesMessage}) {
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  m_runsMessage->setText(tr("Open a database to compare the speed and memory of its runs."));
  m_curvesMessage->setText(tr("Open a database to see how attention scales with sequence length."));
  m_runsMessageText = m_runsMessage->text();
  m_curvesMessageText = m_curvesMessage->text();
  m_runsView->hide();
  m_timeView->hide();
  m_memView->hide();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tabs);

  connect(m_watcher, &QFutureWatcher<TradeoffData>::finished, this, &TradeoffView::onLoaded);
  connect(m_x, &QComboBox::currentIndexChanged, this, &TradeoffView::rebuildRuns);
  connect(m_log, &QCheckBox::toggled, this, &TradeoffView::rebuildRuns);
  connect(m_benchMode, &QComboBox::currentIndexChanged, this, &TradeoffView::rebuildCurves);
  connect(m_device, &QComboBox::currentIndexChanged, this, &TradeoffView::rebuildCurves);
  connect(m_runsView->chart(), &QChart::plotAreaChanged, this, &TradeoffView::placeLabels);
}

TradeoffView::~TradeoffView() {
  m_watcher->disconnect(this);
  m_watcher->waitForFinished();
}

void TradeoffView::setDatabase(const QString& dbPath) {
  m_runsMessage->setText(tr("Loading %1…").arg(QFileInfo(dbPath).fileName()));
  m_curvesMessage->setText(m_runsMessage->text());
  m_watcher->setFuture(QtConcurrent::run(loadTradeoffData, dbPath));
}

void TradeoffView::onLoaded() {
  if (m_watcher->future().resultCount() == 0) return;
  m_data = std::make_shared<TradeoffData>(m_watcher->result());
  // One colour and marker per method, the same in both tabs, in the attention registry's order.
  QStringList methods;
  for (const auto& r : m_data->runs) methods << QString::fromStdString(r.method);
  for (const auto& b : m_data->benchmarks) methods << QString::fromStdString(b.method);
  methods.removeDuplicates();
  std::sort(methods.begin(), methods.end(), [](const QString& a, const QString& b) {
    const int ra = methodRank(a), rb = methodRank(b);
    return ra != rb ? ra < rb : a < b;
  });
  m_methodOrder.clear();
  for (int i = 0; i < methods.size(); ++i) m_methodOrder.insert(methods[i], i);
  fillBenchmarkCombos();
  rebuildRuns();
  rebuildCurves();
  Q_EMIT loaded(m_data->error.isEmpty());
}

int TradeoffView::methodIndex(const QString& method) const { return m_methodOrder.value(method, 0); }

void TradeoffView::fillBenchmarkCombos() {
  const QString oldMode = benchmarkMode(), oldDevice = benchmarkDevice();
  QStringList modes, devices;
  for (const auto& b : m_data->benchmarks) {
    modes << QString::fromStdString(b.mode);
    devices << QString::fromStdString(b.device);
  }
  modes.removeDuplicates();
  devices.removeDuplicates();
  std::sort(modes.begin(), modes.end(), [](const QString& a, const QString& b) {
    // fwd before fwdbwd before anything else
    auto rank = [](const QString& m) { return m == QStringLiteral("fwd") ? 0 : m == QStringLiteral("fwdbwd") ? 1 : 2; };
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
  });
  std::sort(devices.begin(), devices.end());
  const QSignalBlocker b1(m_benchMode), b2(m_device);
  m_benchMode->clear();
  for (const auto& m : modes) m_benchMode->addItem(modeName(m), m);
  m_device->clear();
  for (const auto& d : devices) m_device->addItem(d, d);
  if (const int i = m_benchMode->findData(oldMode); i >= 0) m_benchMode->setCurrentIndex(i);
  if (const int i = m_device->findData(oldDevice); i >= 0) m_device->setCurrentIndex(i);
  m_benchMode->setEnabled(m_benchMode->count() > 1);
  m_device->setEnabled(m_device->count() > 1);
}

TradeoffView::Mode TradeoffView::mode() const { return m_tabs->currentIndex() == 1 ? CurvesMode : RunsMode; }
void TradeoffView::setMode(Mode mode) { m_tabs->setCurrentIndex(mode == CurvesMode ? 1 : 0); }
TradeoffX TradeoffView::xMetric() const { return static_cast<TradeoffX>(m_x->currentData().toInt()); }
void TradeoffView::setXMetric(TradeoffX x) { m_x->setCurrentIndex(std::max(0, m_x->findData(static_cast<int>(x)))); }
bool TradeoffView::logAxes() const { return m_log->isChecked(); }
void TradeoffView::setLogAxes(bool on) { m_log->setChecked(on); }
QString TradeoffView::benchmarkMode() const { return m_benchMode->currentData().toString(); }
QString TradeoffView::benchmarkDevice() const { return m_device->currentData().toString(); }
QChart* TradeoffView::runsChart() const { return m_runsView->chart(); }
QChart* TradeoffView::timeChart() const { return m_timeView->chart(); }
QChart* TradeoffView::memoryChart() const { return m_memView->chart(); }
QString TradeoffView::crossoverText() const { return m_crossoverText; }
QString TradeoffView::message(Mode mode) const { return mode == CurvesMode ? m_curvesMessageText : m_runsMessageText; }

QStringList TradeoffView::benchmarkModes() const {
  QStringList out;
  for (int i = 0; i < m_benchMode->count(); ++i) out << m_benchMode->itemData(i).toString();
  return out;
}

QStringList TradeoffView::benchmarkDevices() const {
  QStringList out;
  for (int i = 0; i < m_device->count(); ++i) out << m_device->itemData(i).toString();
  return out;
}

void TradeoffView::setBenchmarkSelection(const QString& mode, const QString& device) {
  {
    const QSignalBlocker b1(m_benchMode), b2(m_device);
    if (const int i = m_benchMode->findData(mode); i >= 0) m_benchMode->setCurrentIndex(i);
    if (const int i = m_device->findData(device); i >= 0) m_device->setCurrentIndex(i);
  }
  rebuildCurves();
}

QStringList TradeoffView::pointLabels() const {
  QStringList out;
  for (const auto* l : m_labels) out << l->text();
  return out;
}

bool TradeoffView::exportTo(const QString& path, int dpi, QString* error) const {
  const bool curves = mode() == CurvesMode;
  if (curves ? m_curves.empty() : m_points.empty()) {
    if (error) *error = tr("nothing to export yet");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    std::vector<QStringList> rows;
    if (curves) {
      for (const auto& c : m_curves)
        for (size_t i = 0; i < c.n.size(); ++i)
          rows.push_back({c.method, c.kernel, benchmarkMode(), benchmarkDevice(), csvNumber(c.n[i]), csvNumber(c.timeMs[i]),
                          csvNumber(c.spreadMs[i]), csvNumber(c.peakBytes[i]), csvNumber(c.timeSlope), csvNumber(c.memorySlope)});
      return exportCsv(path,
                       {QStringLiteral("method"), QStringLiteral("kernel"), QStringLiteral("mode"), QStringLiteral("device"),
                        QStringLiteral("n"), QStringLiteral("time_ms"), QStringLiteral("time_spread_ms"),
                        QStringLiteral("peak_bytes"), QStringLiteral("time_slope"), QStringLiteral("memory_slope")},
                       rows, error);
    }
    const TradeoffX metric = xMetric();
    const QString xName = metric == TradeoffX::WallSeconds       ? QStringLiteral("wall_seconds")
                          : metric == TradeoffX::TokensPerSecond ? QStringLiteral("tokens_per_second")
                                                                 : QStringLiteral("speedup_vs_dense");
    for (const auto& p : m_points)
      rows.push_back({p.runId, p.name, p.method, p.task, csvNumber(p.x), QString::number(p.peakBytes),
                      p.accuracy >= 0 ? csvNumber(p.accuracy) : QString(), p.onFront ? QStringLiteral("1") : QStringLiteral("0")});
    return exportCsv(path,
                     {QStringLiteral("run_id"), QStringLiteral("name"), QStringLiteral("method"), QStringLiteral("task"), xName,
                      QStringLiteral("peak_bytes"), QStringLiteral("test_accuracy"), QStringLiteral("pareto")},
                     rows, error);
  }
  std::vector<QChartView*> views;
  if (curves) views = {m_timeView, m_memView};
  else views = {m_runsView};
  QSizeF size(0, 0);
  for (auto* v : views) {
    const QSize s = v->isVisible() ? v->size() : QSize(640, 480);
    size.setWidth(size.width() + s.width());
    size.setHeight(std::max<qreal>(size.height(), s.height()));
  }
  return exportChart(path, size, dpi, [&views](QPainter& p, const QRectF& box) {
    p.fillRect(box, Qt::white);
    qreal x = box.left();
    for (auto* v : views) {
      const QSize s = v->isVisible() ? v->size() : QSize(640, 480);
      v->render(&p, QRectF(x, box.top(), s.width(), s.height()), v->viewport()->rect());
      x += s.width();
    }
  }, error);
}

}  // namespace etlab
