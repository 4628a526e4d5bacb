// SPDX-License-Identifier: MIT
#include "views/tradeoff/TradeoffView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QFileInfo>
#include <QSet>
#include <QJsonObject>
#include <QJsonDocument>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QTabWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"
#include "views/common/ChartExport.h"

namespace etlab {

// --- math ----------------------------------------------------------------------------------------

double fitLogLogSlope(const std::vector<double>& n, const std::vector<double>& y) {
  std::vector<std::pair<double, double>> pts;
  const size_t count = std::min(n.size(), y.size());
  for (size_t i = 0; i < count; ++i)
    if (std::isfinite(n[i]) && std::isfinite(y[i]) && n[i] > 0 && y[i] > 0) pts.emplace_back(std::log(n[i]), std::log(y[i]));
  if (pts.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  double mx = 0, my = 0;
  for (const auto& [x, v] : pts) {
    mx += x;
    my += v;
  }
  mx /= static_cast<double>(pts.size());
  my /= static_cast<double>(pts.size());
  double sxy = 0, sxx = 0;
  for (const auto& [x, v] : pts) {
    sxy += (x - mx) * (v - my);
    sxx += (x - mx) * (x - mx);
  }
  if (sxx <= 0) return std::numeric_limits<double>::quiet_NaN();  // a single distinct n
  return sxy / sxx;
}

std::vector<size_t> paretoFront(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<size_t> order;
  const size_t count = std::min(x.size(), y.size());
  for (size_t i = 0; i < count; ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] != x[b] ? x[a] < x[b] : y[a] < y[b]; });
  // Sweep in x: a point is on the front when its y beats every point before it (identical points tie).
  std::vector<size_t> front;
  for (size_t i : order) {
    if (front.empty() || y[i] < y[front.back()] || (x[i] == x[front.back()] && y[i] == y[front.back()]))
      front.push_back(i);
  }
  return front;
}

namespace {

/// A curve as sorted, de-duplicated (log n, log y) knots.
std::vector<std::pair<double, double>> logKnots(const std::vector<double>& n, const std::vector<double>& y) {
  std::map<double, double> m;
  const size_t count = std::min(n.size(), y.size());
  for (size_t i = 0; i < count; ++i)
    if (std::isfinite(n[i]) && std::isfinite(y[i]) && n[i] > 0 && y[i] > 0) m[std::log(n[i])] = std::log(y[i]);
  return {m.begin(), m.end()};
}

/// Piecewise-linear value of the knots at `t` (inside their range).
double interpolate(const std::vector<std::pair<double, double>>& k, double t) {
  auto hi = std::lower_bound(k.begin(), k.end(), t, [](const auto& p, double v) { return p.first < v; });
  if (hi == k.end()) return k.back().second;
  if (hi->first == t || hi == k.begin()) return hi->second;
  auto lo = hi - 1;
  return lo->second + (hi->second - lo->second) * (t - lo->first) / (hi->first - lo->first);
}

/// log yA − log yB on the union of both grids over the shared range (empty when they share none).
std::vector<std::pair<double, double>> logDifference(const std::vector<double>& nA, const std::vector<double>& yA,
                                                     const std::vector<double>& nB, const std::vector<double>& yB) {
  const auto a = logKnots(nA, yA), b = logKnots(nB, yB);
  std::vector<std::pair<double, double>> d;
  if (a.empty() || b.empty()) return d;
  const double lo = std::max(a.front().first, b.front().first), hi = std::min(a.back().first, b.back().first);
  if (lo > hi) return d;
  std::set<double> grid;
  for (const auto& k : a)
    if (k.first >= lo && k.first <= hi) grid.insert(k.first);
  for (const auto& k : b)
    if (k.first >= lo && k.first <= hi) grid.insert(k.first);
  for (double t : grid) d.emplace_back(t, interpolate(a, t) - interpolate(b, t));
  return d;
}

}  // namespace

std::optional<double> crossover(const std::vector<double>& nA, const std::vector<double>& yA,
                                const std::vector<double>& nB, const std::vector<double>& yB) {
  const auto d = logDifference(nA, yA, nB, yB);
  for (size_t i = 0; i + 1 < d.size(); ++i) {
    const double d0 = d[i].second, d1 = d[i + 1].second;
    if (d0 >= 0 && d1 < 0) {
      const double t = d0 / (d0 - d1);  // both curves are linear between neighbouring knots: exact
      return std::exp(d[i].first + t * (d[i + 1].first - d[i].first));
    }
  }
  return std::nullopt;
}

QColor okabeIto(int i) {
  static const QRgb palette[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442};
  const int size = static_cast<int>(std::size(palette));
  return QColor::fromRgb(palette[((i % size) + size) % size]);
}

// --- data ------------------------------------------------------------------------------------------

TradeoffData loadTradeoffData(const QString& dbPath) {
  TradeoffData d;
  d.dbPath = dbPath;
  try {
    RunStore store(dbPath.toStdString(), /*read_only=*/true);
    RunFilter f;
    f.status = "finished";
    f.order_by = "created";
    f.descending = true;
    d.runs = store.list_runs(f);
    d.benchmarks = store.benchmarks();
  } catch (const std::exception& e) {
    d.error = QString::fromStdString(e.what());
  }
  return d;
}

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

double testAccuracy(const std::string& summaryJson) {
  const auto j = nlohmann::json::parse(summaryJson, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return -1.0;
  auto it = j.find("test/accuracy");
  if (it == j.end() || !it->is_number()) return -1.0;
  const double v = it->get<double>();
  return v > 1.0 ? v / 100.0 : v;  // tolerate percentages
}

/// dense first, then learned sparse, fixed patterns, LoRA variants, anything else (alphabetical within).
int methodRank(const QString& m) {
  if (m == QStringLiteral("dense")) return 0;
  if (m == QStringLiteral("learned_sparse")) return 1;
  if (m.startsWith(QStringLiteral("fixed_sparse"))) return 2;
  if (m.contains(QStringLiteral("lora"))) return 3;
  return 4;
}

QScatterSeries::MarkerShape markerShape(int i) {
  static const QScatterSeries::MarkerShape shapes[] = {
      QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapeTriangle,
      QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapePentagon, QScatterSeries::MarkerShapeStar};
  return shapes[static_cast<size_t>(i) % std::size(shapes)];
}

void clearChart(QChart* chart) {
  chart->removeAllSeries();
  const auto axes = chart->axes();
  for (QAbstractAxis* a : axes) {
    chart->removeAxis(a);
    delete a;
  }
}

/// A logarithmic axis over [lo, hi] with a little room at both ends; base 2 for narrow ranges (ticks
/// 0.5, 1, 2, 4…), base 10 for wide ones. With `snap` on a decade axis (or whenever fewer than two ticks
/// would show) the range is widened to whole powers of the base, so both ends carry labels.
QLogValueAxis* logAxis(double lo, double hi, double forceBase = 0, bool snap = true) {
  auto* axis = new QLogValueAxis;
  const double base = forceBase > 0 ? forceBase : (hi / lo < 64 ? 2.0 : 10.0);
  const double lb = std::log(base);
  double a = lo / 1.15, b = hi * 1.15;
  const double ka = std::ceil(std::log(a) / lb - 1e-9), kb = std::floor(std::log(b) / lb + 1e-9);
  if ((snap && base == 10.0) || kb - ka < 1) {
    // Slightly beyond the powers, so rounding cannot drop the end ticks.
    a = std::pow(base, std::floor(std::log(a) / lb + 1e-9)) * (1 - 1e-9);
    b = std::pow(base, std::ceil(std::log(b) / lb - 1e-9)) * (1 + 1e-9);
  }
  axis->setBase(base);
  axis->setRange(a, b);
  axis->setLabelFormat(QStringLiteral("%g"));
  axis->setMinorTickCount(base == 10.0 ? -1 : 0);
  return axis;
}

QValueAxis* linearAxis(double hi) {
  auto* axis = new QValueAxis;
  axis->setRange(0, hi > 0 ? hi * 1.08 : 1.0);
  axis->applyNiceNumbers();
  axis->setLabelFormat(QStringLiteral("%g"));
  return axis;
}

/// Puts a detached, vertical legend in the top-left corner of the plot area (where rising curves leave room).
void placeLegendInPlot(QChart* chart) {
  QLegend* legend = chart->legend();
  const QFontMetricsF fm(legend->font());
  qreal width = 0;
  int rows = 0;
  for (auto* m : legend->markers()) {
    if (m->series()->name().isEmpty()) continue;  // the marker dots of a curve have no entry of their own
    width = std::max(width, fm.horizontalAdvance(m->label()));
    ++rows;
  }
  const QRectF plot = chart->plotArea();
  const QSizeF size(width + 2 * fm.height() + 24, rows * (fm.height() + 10) + 24);
  legend->setGeometry(QRectF(plot.topLeft() + QPointF(8, 8), size));
  legend->update();
}

void styleChart(QChart* chart) {
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->layout()->setContentsMargins(0, 0, 0, 0);  // no grey ring around the chart, on screen or exported
  chart->legend()->setShowToolTips(true);
  chart->setMargins(QMargins(6, 6, 6, 6));
  chart->setBackgroundRoundness(0);
  QFont title = chart->titleFont();
  title.setPointSizeF(title.pointSizeF() * 1.1);
  title.setBold(true);
  chart->setTitleFont(title);
}

QString csvNumber(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString modeName(const QString& mode) {
  if (mode == QStringLiteral("fwd")) return TradeoffView::tr("forward");
  if (mode == QStringLiteral("fwdbwd")) return TradeoffView::tr("forward + backward");
  if (mode == QStringLiteral("train_step")) return TradeoffView::tr("whole-model training step");
  if (mode == QStringLiteral("inference")) return TradeoffView::tr("whole-model inference");
  return mode;
}

}  // namespace

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
  // One colour and marker per method, the same in both tabs.
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

void TradeoffView::rebuildRuns() {
  QChart* chart = m_runsView->chart();
  for (auto* l : m_labels) delete l;
  m_labels.clear();
  m_points.clear();
  clearChart(chart);
  chart->setTitle(QString());

  const TradeoffX metric = xMetric();
  const bool higherIsBetter = metric != TradeoffX::WallSeconds;
  const auto& runs = m_data->runs;

  // The newest finished dense run of each task (runs come newest first), for the speed-up.
  std::map<std::string, const RunRecord*> denseOf;
  auto taskKey = [](const RunRecord& r) { return r.task.empty() ? "preset:" + r.preset : r.task; };
  for (const auto& r : runs)
    if (r.method == "dense" && !denseOf.count(taskKey(r))) denseOf[taskKey(r)] = &r;

  int noMemory = 0, noTime = 0, noReference = 0;
  for (const auto& r : runs) {
    double x = 0.0;
    switch (metric) {
      case TradeoffX::WallSeconds: x = r.wall_seconds; break;
      case TradeoffX::TokensPerSecond: x = r.tokens_per_second; break;
      case TradeoffX::SpeedupVsDense: {
        auto it = denseOf.find(taskKey(r));
        if (it == denseOf.end()) {
          ++noReference;
          continue;
        }
        const RunRecord& d = *it->second;
        if (r.tokens_per_second > 0 && d.tokens_per_second > 0) x = r.tokens_per_second / d.tokens_per_second;
        else if (r.wall_seconds > 0 && d.wall_seconds > 0) x = d.wall_seconds / r.wall_seconds;
        break;
      }
    }
    if (r.peak_bytes <= 0) {
      ++noMemory;
      continue;
    }
    if (!(x > 0) || !std::isfinite(x)) {
      ++noTime;
      continue;
    }
    TradeoffRunPoint p;
    p.runId = QString::fromStdString(r.id);
    p.name = QString::fromStdString(r.name.empty() ? r.preset : r.name);
    p.method = QString::fromStdString(r.method);
    p.task = QString::fromStdString(r.task);
    p.x = x;
    p.peakBytes = r.peak_bytes;
    p.memoryMiB = static_cast<double>(r.peak_bytes) / kMiB;
    p.accuracy = testAccuracy(r.summary_json);
    m_points.push_back(p);
  }

  QStringList notes;
  if (noMemory) notes << tr("%n run(s) recorded no peak memory", nullptr, noMemory);
  if (noTime) notes << tr("%n run(s) recorded no %1", nullptr, noTime).arg(metric == TradeoffX::WallSeconds ? tr("wall time") : tr("throughput"));
  if (noReference) notes << tr("%n run(s) have no finished dense run of their task to compare with", nullptr, noReference);

  if (!m_data->error.isEmpty()) {
    m_runsMessageText = tr("Cannot read the database: %1").arg(m_data->error);
  } else if (runs.empty()) {
    m_runsMessageText = tr("No finished runs yet. Train a run to completion and it appears here with its "
                           "wall time, throughput and peak memory.");
  } else if (m_points.empty()) {
    m_runsMessageText = tr("None of the %n finished run(s) can be plotted: %1.", nullptr, static_cast<int>(runs.size()))
                            .arg(notes.join(QStringLiteral("; ")));
    notes.clear();
  } else {
    m_runsMessageText.clear();
  }
  m_runsMessage->setText(m_runsMessageText);
  m_runsMessage->setVisible(!m_runsMessageText.isEmpty());
  m_runsView->setVisible(m_runsMessageText.isEmpty());
  m_runsNote->setText(notes.isEmpty() ? QString() : tr("Not shown: %1.").arg(notes.join(QStringLiteral("; "))));
  m_runsNote->setVisible(!notes.isEmpty());
  m_x->setEnabled(!runs.empty());
  m_log->setEnabled(!runs.empty());
  if (m_points.empty()) return;

  // Pareto front (both minimised: speed axes are negated), drawn as the staircase bounding what it dominates.
  std::vector<double> fx, fy;
  for (const auto& p : m_points) {
    fx.push_back(higherIsBetter ? -p.x : p.x);
    fy.push_back(p.memoryMiB);
  }
  const auto front = paretoFront(fx, fy);
  for (size_t i : front) m_points[i].onFront = true;

  QAbstractAxis *xAxis = nullptr, *yAxis = nullptr;
  double xlo = std::numeric_limits<double>::max(), xhi = 0, ylo = xlo, yhi = 0;
  for (const auto& p : m_points) {
    xlo = std::min(xlo, p.x);
    xhi = std::max(xhi, p.x);
    ylo = std::min(ylo, p.memoryMiB);
    yhi = std::max(yhi, p.memoryMiB);
  }
  if (logAxes()) {
    xAxis = logAxis(xlo, xhi);
    yAxis = logAxis(ylo, yhi);
  } else {
    xAxis = linearAxis(xhi);
    yAxis = linearAxis(yhi);
  }
  switch (metric) {
    case TradeoffX::WallSeconds: xAxis->setTitleText(tr("Wall time (s)  ← faster")); break;
    case TradeoffX::TokensPerSecond: xAxis->setTitleText(tr("Throughput (tokens/s)  faster →")); break;
    case TradeoffX::SpeedupVsDense: xAxis->setTitleText(tr("Speed-up vs dense (×)  faster →")); break;
  }
  yAxis->setTitleText(tr("Peak memory (MiB)"));
  chart->addAxis(xAxis, Qt::AlignBottom);
  chart->addAxis(yAxis, Qt::AlignLeft);

  auto* frontLine = new QLineSeries;
  frontLine->setName(tr("Pareto front"));
  {
    const double sign = higherIsBetter ? -1.0 : 1.0;
    // Up from the top edge to the fastest point: slower runs above it are dominated by it.
    frontLine->append(m_points[front.front()].x, logAxes() ? static_cast<QLogValueAxis*>(yAxis)->max()
                                                           : static_cast<QValueAxis*>(yAxis)->max());
    for (size_t k = 0; k < front.size(); ++k) {
      const auto& p = m_points[front[k]];
      if (k > 0) frontLine->append(p.x, m_points[front[k - 1]].memoryMiB);  // across at the previous height, then down
      frontLine->append(p.x, p.memoryMiB);
    }
    // Continue to the edge of the plot: everything beyond the last point is dominated by it too.
    const auto& last = m_points[front.back()];
    const double edge = sign > 0 ? (logAxes() ? static_cast<QLogValueAxis*>(xAxis)->max() : static_cast<QValueAxis*>(xAxis)->max())
                                 : (logAxes() ? static_cast<QLogValueAxis*>(xAxis)->min() : static_cast<QValueAxis*>(xAxis)->min());
    if (edge > 0 || !logAxes()) frontLine->append(edge, last.memoryMiB);
  }
  QPen frontPen(QColor(0x44, 0x44, 0x44));
  frontPen.setStyle(Qt::DashLine);
  frontPen.setWidthF(1.6);
  frontLine->setPen(frontPen);
  chart->addSeries(frontLine);
  frontLine->attachAxis(xAxis);
  frontLine->attachAxis(yAxis);

  std::map<int, QScatterSeries*> byMethod;
  std::vector<QScatterSeries*> seriesOf;
  for (const auto& p : m_points) {
    const int idx = methodIndex(p.method);
    auto it = byMethod.find(idx);
    if (it == byMethod.end()) {
      auto* s = new QScatterSeries;
      s->setName(p.method);
      s->setColor(okabeIto(idx));
      s->setBorderColor(okabeIto(idx).darker(140));
      s->setMarkerShape(markerShape(idx));
      s->setMarkerSize(13);
      it = byMethod.emplace(idx, s).first;
      const QString method = p.method;
      connect(s, &QScatterSeries::clicked, this, [this, method](const QPointF& v) {
        for (size_t i = 0; i < m_points.size(); ++i)
          if (m_points[i].method == method && m_points[i].x == v.x() && m_points[i].memoryMiB == v.y()) {
            activatePoint(static_cast<int>(i));
            return;
          }
      });
      connect(s, &QScatterSeries::hovered, this, [this, method](const QPointF& v, bool state) {
        if (!state) {
          QToolTip::hideText();
          return;
        }
        for (const auto& q : m_points)
          if (q.method == method && q.x == v.x() && q.memoryMiB == v.y()) {
            QToolTip::showText(QCursor::pos(),
                               tr("%1 (%2)\n%3 · %4\n%5: %6\nPeak memory: %7 MiB\nTest accuracy: %8\nClick to open the run")
                                   .arg(q.name, q.runId.left(8), q.method, q.task, m_x->currentText())
                                   .arg(q.x, 0, 'g', 4)
                                   .arg(q.memoryMiB, 0, 'f', 1)
                                   .arg(q.accuracy >= 0 ? QString::number(100.0 * q.accuracy, 'f', 1) + QStringLiteral("%")
                                                        : tr("not recorded")),
                               m_runsView);
            return;
          }
      });
    }
    it->second->append(p.x, p.memoryMiB);
    seriesOf.push_back(it->second);
  }
  for (auto& [idx, s] : byMethod) {
    chart->addSeries(s);
    s->attachAxis(xAxis);
    s->attachAxis(yAxis);
  }

  // Accuracy labels next to the points (Qt 6.4 has no per-point label text); front members in bold.
  QFont font = chart->font();
  font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.9));
  for (size_t i = 0; i < m_points.size(); ++i) {
    const auto& p = m_points[i];
    auto* label = new QGraphicsSimpleTextItem(p.accuracy >= 0 ? QString::number(100.0 * p.accuracy, 'f', 1) + QStringLiteral("%")
                                                             : QString(),
                                              chart);
    QFont f = font;
    f.setBold(p.onFront);
    label->setFont(f);
    label->setBrush(QColor(0x22, 0x22, 0x22));
    label->setZValue(100);
    label->setData(0, QVariant::fromValue(static_cast<void*>(seriesOf[i])));
    m_labels.push_back(label);
  }
  if (higherIsBetter)
    chart->setTitle(tr("%n finished run(s): lower right is better (faster, less memory)", nullptr, static_cast<int>(m_points.size())));
  else
    chart->setTitle(tr("%n finished run(s): lower left is better (faster, less memory)", nullptr, static_cast<int>(m_points.size())));
  placeLabels();
}

void TradeoffView::placeLabels() {
  QChart* chart = m_runsView->chart();
  const QRectF plot = chart->plotArea();
  for (size_t i = 0; i < m_labels.size() && i < m_points.size(); ++i) {
    auto* label = m_labels[i];
    auto* series = static_cast<QAbstractSeries*>(label->data(0).value<void*>());
    const QPointF at = chart->mapToPosition(QPointF(m_points[i].x, m_points[i].memoryMiB), series);
    const QRectF box = label->boundingRect();
    QPointF pos = at + QPointF(8, -box.height() - 2);
    if (pos.x() + box.width() > plot.right()) pos.setX(at.x() - 8 - box.width());  // keep it inside the plot
    if (pos.y() < plot.top()) pos.setY(at.y() + 4);
    label->setPos(pos);
    label->setVisible(!label->text().isEmpty() && plot.adjusted(-1, -1, 1, 1).contains(at));
  }
}

void TradeoffView::activatePoint(int index) {
  if (index < 0 || index >= static_cast<int>(m_points.size())) return;
  Q_EMIT runActivated(m_points[static_cast<size_t>(index)].runId);
}

void TradeoffView::rebuildCurves() {
  QChart *time = m_timeView->chart(), *mem = m_memView->chart();
  clearChart(time);
  clearChart(mem);
  m_curves.clear();
  m_crossover.reset();
  m_crossoverText.clear();
  const QString mode = benchmarkMode(), device = benchmarkDevice();

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
      s->setName(tr("%1  slope %2").arg(c.method, fmtSlope(panel == 0 ? c.timeSlope : c.memorySlope)));
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

  // Where learned sparse attention overtakes dense.
  const TradeoffCurve *sparse = nullptr, *dense = nullptr;
  for (const auto& c : m_curves) {
    if (c.method == QStringLiteral("learned_sparse")) sparse = &c;
    if (c.method == QStringLiteral("dense")) dense = &c;
  }
  if (!sparse || !dense) {
    m_crossoverText = tr("Crossover: needs both dense and learned_sparse benchmarks for this pass and device.");
  } else {
    m_crossover = crossover(sparse->n, sparse->timeMs, dense->n, dense->timeMs);
    if (m_crossover) {
      m_crossoverText = tr("Crossover: learned_sparse becomes faster than dense at n ≈ %1 (interpolated in log–log space).")
                            .arg(*m_crossover, 0, 'f', 0);
      auto* line = new QLineSeries;
      line->setName(tr("crossover n ≈ %1").arg(*m_crossover, 0, 'f', 0));
      QPen pen(QColor(0x44, 0x44, 0x44));
      pen.setStyle(Qt::DotLine);
      pen.setWidthF(1.6);
      line->setPen(pen);
      line->append(*m_crossover, panels[0].y->min());
      line->append(*m_crossover, panels[0].y->max());
      time->addSeries(line);
      line->attachAxis(panels[0].x);
      line->attachAxis(panels[0].y);
    } else {
      const auto d = logDifference(sparse->n, sparse->timeMs, dense->n, dense->timeMs);
      if (d.empty())
        m_crossoverText = tr("Crossover: none in range (dense and learned_sparse share no sequence lengths).");
      else if (d.front().second < 0)
        m_crossoverText = tr("Crossover: none in range — learned_sparse is already faster at n = %1.")
                              .arg(std::exp(d.front().first), 0, 'f', 0);
      else
        m_crossoverText = tr("Crossover: none in range — dense stays faster up to n = %1.").arg(std::exp(d.back().first), 0, 'f', 0);
    }
  }
  m_crossoverLabel->setText(m_crossoverText);
  for (QChart* c : {time, mem}) placeLegendInPlot(c);
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
