// SPDX-License-Identifier: MIT
#include "views/study/ReviewView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "views/common/ChartExport.h"

namespace etlab {

namespace {

using nlohmann::json;

// review.json is read defensively: a missing key, null (NaN is written as null) or a wrong type reads as
// absent, never as an exception in a slot.
const json& field(const json& j, const char* key) {
  static const json none;
  if (!j.is_object()) return none;
  const auto it = j.find(key);
  return it == j.end() ? none : *it;
}
double num(const json& j, const char* key, double fallback) {
  const json& v = field(j, key);
  return v.is_number() ? v.get<double>() : fallback;
}
std::string text(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}
bool flag(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_boolean() && v.get<bool>();
}

// Numbers of an array, position for position: anything else (null from NaN) becomes NaN, so that the
// points after it keep their x.
std::vector<double> numbers(const json& j) {
  std::vector<double> v;
  if (j.is_array())
    for (const auto& x : j) v.push_back(x.is_number() ? x.get<double>() : std::nan(""));
  return v;
}

double mean(const std::vector<double>& v) {
  double s = 0;
  int n = 0;
  for (double x : v)
    if (std::isfinite(x)) s += x, ++n;
  return n == 0 ? 0.0 : s / n;
}

// The finite range of some values; false when there is none.
bool finiteRange(const std::vector<double>& v, double* lo, double* hi) {
  bool any = false;
  for (double x : v)
    if (std::isfinite(x)) {
      *lo = any ? std::min(*lo, x) : x;
      *hi = any ? std::max(*hi, x) : x;
      any = true;
    }
  return any;
}

const QColor kDense(0x44, 0x44, 0x44), kLearned(0x1f, 0x77, 0xb4), kFull(0x55, 0x55, 0x55), kLora(0xd6, 0x27, 0x28);
const QColor kPalette[] = {QColor(0xd6, 0x27, 0x28), QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd)};

QLogValueAxis* log2Axis(const QString& title, double lo, double hi) {
  auto* axis = new QLogValueAxis;
  axis->setBase(2.0);
  axis->setLabelFormat(QStringLiteral("%g"));
  axis->setRange(lo / 1.25, hi * 1.25);
  axis->setMinorTickCount(0);
  axis->setTitleText(title);
  return axis;
}

QValueAxis* pointsAxis(const QString& title, double lo, double hi) {
  auto* axis = new QValueAxis;
  const double pad = std::max(2.0, (hi - lo) * 0.08);
  axis->setRange(std::max(0.0, std::floor(lo - pad)), std::min(100.0, std::ceil(hi + pad)));
  axis->applyNiceNumbers();
  axis->setLabelFormat(QStringLiteral("%.0f"));
  axis->setTitleText(title);
  return axis;
}

void attach(QChart* chart, QAbstractSeries* s, QAbstractAxis* x, QAbstractAxis* y) {
  chart->addSeries(s);
  s->attachAxis(x);
  s->attachAxis(y);
}

QLineSeries* line(const QString& name, const std::vector<double>& x, const std::vector<double>& y, const QColor& color,
                  Qt::PenStyle style = Qt::SolidLine) {
  auto* s = new QLineSeries;
  s->setName(name);
  for (size_t i = 0; i < std::min(x.size(), y.size()); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) s->append(x[i], y[i]);  // a missing point is left out
  QPen pen(color, 2.0, style);
  s->setPen(pen);
  s->setPointsVisible(true);
  return s;
}


// Where the chart data of each chart lives in review.json.
const json* chartData(const ReviewReportData& r, const QString& id) {
  const auto at = [&r](const char* claim, const char* key) -> const json* {
    const ReviewClaim* c = r.find(QString::fromLatin1(claim));
    if (!c || !c->values.is_object() || !c->values.contains(key)) return nullptr;
    return &c->values[key];
  };
  if (id == QStringLiteral("accuracy_n")) {
    const json* d = at("sparse.long_context", "curve");
    if (!d || !d->is_object()) return nullptr;
    double lo = 0, hi = 0;
    const auto n = numbers(field(*d, "n")), dense = numbers(field(*d, "dense")), learned = numbers(field(*d, "learned"));
    return n.size() >= 2 && dense.size() == n.size() && learned.size() == n.size() && finiteRange(dense, &lo, &hi) &&
                   finiteRange(n, &lo, &hi) && lo > 0
               ? d
               : nullptr;
  }
  if (id == QStringLiteral("rank")) {
    const json* d = at("lora.rank", "curves");
    return d && d->is_object() && !d->empty() ? d : nullptr;
  }
  if (id == QStringLiteral("parity")) {
    const json* d = at("lora.parity", "tasks");
    return d && d->is_array() && !d->empty() ? d : nullptr;
  }
  if (id == QStringLiteral("complexity")) {
    const ReviewClaim* c = r.find(QStringLiteral("sparse.complexity"));
    if (!c) return nullptr;
    double lo = 0, hi = 0;
    const auto n = numbers(field(c->values, "n")), learned = numbers(field(c->values, "learned_ms"));
    return n.size() >= 2 && learned.size() == n.size() && finiteRange(learned, &lo, &hi) && finiteRange(n, &lo, &hi) && lo > 0
               ? &c->values
               : nullptr;
  }
  if (id.startsWith(QStringLiteral("gap:"))) {
    for (const auto& g : r.gaps)
      if (QStringLiteral("gap:") + g.id == id && g.chart.contains("series") && g.chart["series"].is_array() &&
          !g.chart["series"].empty())
        return &g.chart;
  }
  return nullptr;
}

QString claimChartTitle(const QString& id) {
  if (id == QStringLiteral("accuracy_n")) return ReviewView::tr("Accuracy against sequence length (dense vs learned sparse)");
  if (id == QStringLiteral("rank")) return ReviewView::tr("LoRA rank sweep against full fine-tuning");
  if (id == QStringLiteral("parity")) return ReviewView::tr("Full fine-tuning vs LoRA per task");
  if (id == QStringLiteral("complexity")) return ReviewView::tr("Attention time against sequence length");
  return id;
}

// A research-gap chart from its specification: lines (x, y per series, optionally log axes, dashed) or
// bars (categories, one value per category and series).
QChart* buildSpecChart(const json& spec) {
  auto* chart = new QChart;
  chart->setTitle(QString::fromStdString(text(spec, "title")));
  chart->legend()->setAlignment(Qt::AlignBottom);
  const QString xLabel = QString::fromStdString(text(spec, "x_label"));
  const QString yLabel = QString::fromStdString(text(spec, "y_label"));
  const auto& all = spec["series"];
  if (text(spec, "kind") == "bars") {
    auto* bars = new QBarSeries;
    double hi = 0;
    int i = 0;
    for (const auto& s : all) {
      auto* set = new QBarSet(QString::fromStdString(text(s, "name")));
      set->setColor(kPalette[i++ % 4]);
      for (double v : numbers(field(s, "y"))) {
        *set << (std::isfinite(v) ? v : 0.0);
        if (std::isfinite(v)) hi = std::max(hi, v);
      }
      bars->append(set);
    }
    auto* x = new QBarCategoryAxis;
    for (const auto& c : field(spec, "categories"))
      if (c.is_string()) x->append(QString::fromStdString(c.get<std::string>()));
    auto* y = new QValueAxis;
    y->setRange(0, hi * 1.1);
    y->applyNiceNumbers();
    y->setTitleText(yLabel);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, bars, x, y);
    return chart;
  }
  double xlo = 1e300, xhi = -1e300, ylo = 1e300, yhi = -1e300;
  for (const auto& s : all) {
    for (double v : numbers(field(s, "x")))
      if (std::isfinite(v)) xlo = std::min(xlo, v), xhi = std::max(xhi, v);
    for (double v : numbers(field(s, "y")))
      if (std::isfinite(v)) ylo = std::min(ylo, v), yhi = std::max(yhi, v);
  }
  if (xlo > xhi) xlo = 0, xhi = 1;  // no finite point at all
  if (ylo > yhi) ylo = 0, yhi = 1;
  if (!(xlo < xhi)) xhi = xlo + 1;
  if (!(ylo < yhi)) yhi = ylo + 1;
  auto axis = [](bool log, double lo, double hi, const QString& title) -> QAbstractAxis* {
    if (log && lo > 0) {
      auto* a = new QLogValueAxis;
      a->setBase(hi / lo < 1000.0 ? 2.0 : 10.0);
      a->setLabelFormat(QStringLiteral("%g"));
      a->setRange(lo / 1.25, hi * 1.25);
      a->setMinorTickCount(0);
      a->setTitleText(title);
      return a;
    }
    auto* a = new QValueAxis;
    a->setRange(lo, hi);
    a->applyNiceNumbers();
    a->setTitleText(title);
    return a;
  };
  auto* x = axis(flag(spec, "log_x"), xlo, xhi, xLabel);
  auto* y = axis(flag(spec, "log_y"), ylo, yhi, yLabel);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  int i = 0;
  for (const auto& s : all) {
    if (flag(s, "scatter")) {
      auto* sc = new QScatterSeries;
      sc->setName(QString::fromStdString(text(s, "name")));
      sc->setMarkerSize(9);
      sc->setColor(kPalette[i++ % 4]);
      const auto xs = numbers(field(s, "x")), ys = numbers(field(s, "y"));
      for (size_t k = 0; k < std::min(xs.size(), ys.size()); ++k)
        if (std::isfinite(xs[k]) && std::isfinite(ys[k])) sc->append(xs[k], ys[k]);
      attach(chart, sc, x, y);
      continue;
    }
    const bool dashed = flag(s, "dashed");
    auto* l = line(QString::fromStdString(text(s, "name")), numbers(field(s, "x")),
                   numbers(field(s, "y")), dashed ? QColor(0x99, 0x99, 0x99) : kPalette[i % 4],
                   dashed ? Qt::DashLine : Qt::SolidLine);
    if (!dashed) ++i;
    attach(chart, l, x, y);
  }
  return chart;
}

QChart* buildChart(const ReviewReportData& r, const QString& id) {
  const json* d = chartData(r, id);
  if (!d) return nullptr;
  if (id.startsWith(QStringLiteral("gap:"))) return buildSpecChart(*d);
  auto* chart = new QChart;
  chart->setTitle(claimChartTitle(id));
  chart->legend()->setAlignment(Qt::AlignBottom);
  if (id == QStringLiteral("accuracy_n")) {
    const auto n = numbers(field(*d, "n")), dense = numbers(field(*d, "dense")),
               learned = numbers(field(*d, "learned"));
    std::vector<double> all = dense;
    all.insert(all.end(), learned.begin(), learned.end());
    double lo = 0, hi = 100, nlo = 1, nhi = 2;
    finiteRange(all, &lo, &hi);  // chartData checked there is a finite point
    finiteRange(n, &nlo, &nhi);
    auto* x = log2Axis(ReviewView::tr("sequence length n (tokens)"), nlo, nhi);
    auto* y = pointsAxis(ReviewView::tr("test score (points)"), lo, hi);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, line(ReviewView::tr("dense"), n, dense, kDense), x, y);
    attach(chart, line(ReviewView::tr("learned sparse"), n, learned, kLearned), x, y);
    // The review's threshold: "most effective below 2048 tokens".
    auto* mark = line(ReviewView::tr("2048 tokens"), {2048, 2048}, {y->min(), y->max()}, QColor(0x99, 0x99, 0x99), Qt::DashLine);
    mark->setPointsVisible(false);
    attach(chart, mark, x, y);
  } else if (id == QStringLiteral("rank")) {
    double lo = 1e9, hi = -1e9, rmin = 1e9, rmax = 0;
    for (const auto& [task, c] : d->items()) {
      for (double v : numbers(field(c, "mean")))
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
      const double full = num(c, "full", 0.0);
      lo = std::min(lo, full), hi = std::max(hi, full);
      for (double rr : numbers(field(c, "r")))
        if (std::isfinite(rr) && rr > 0) rmin = std::min(rmin, rr), rmax = std::max(rmax, rr);
    }
    if (rmin > rmax) rmin = 1, rmax = 64;  // no valid rank: an empty chart, not a crash
    if (lo > hi) lo = 0, hi = 100;
    auto* x = log2Axis(ReviewView::tr("LoRA rank r"), rmin, rmax);
    auto* y = pointsAxis(ReviewView::tr("test score (points)"), lo, hi);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    int i = 0;
    for (const auto& [task, c] : d->items()) {
      const QColor color = kPalette[i++ % 4];
      const QString name = QString::fromStdString(task);
      attach(chart, line(ReviewView::tr("%1: LoRA").arg(name), numbers(field(c, "r")),
                         numbers(field(c, "mean")), color),
             x, y);
      const double full = num(c, "full", 0.0);
      auto* f = line(ReviewView::tr("%1: full fine-tuning").arg(name), {rmin, rmax}, {full, full}, color, Qt::DashLine);
      f->setPointsVisible(false);
      attach(chart, f, x, y);
    }
  } else if (id == QStringLiteral("parity")) {
    auto* full = new QBarSet(ReviewView::tr("full fine-tuning"));
    auto* lora = new QBarSet(ReviewView::tr("LoRA r = 8"));
    auto* majority = new QBarSet(ReviewView::tr("majority class"));
    full->setColor(kFull);
    lora->setColor(kLora);
    majority->setColor(QColor(0xcc, 0xcc, 0xcc));
    QStringList tasks;
    double hi = 0;
    for (const auto& t : *d) {
      tasks << QString::fromStdString(text(t, "task"));
      const double f = mean(numbers(field(t, "full"))), l = mean(numbers(field(t, "lora")));
      *full << f;
      *lora << l;
      *majority << num(t, "majority", 0.0);
      hi = std::max({hi, f, l});
    }
    auto* series = new QBarSeries;
    series->append(majority);
    series->append(full);
    series->append(lora);
    auto* x = new QBarCategoryAxis;
    x->append(tasks);
    x->setLabelsAngle(-30);
    auto* y = pointsAxis(ReviewView::tr("test score (points)"), 0, hi);
    y->setMin(0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
  } else if (id == QStringLiteral("complexity")) {
    const auto n = numbers(field(*d, "n")), learned = numbers(field(*d, "learned_ms")),
               exact = numbers(field(*d, "exact_ms"));
    std::vector<double> all = learned;
    all.insert(all.end(), exact.begin(), exact.end());
    double lo = 1, hi = 10, nlo = 1, nhi = 2;
    finiteRange(all, &lo, &hi);
    finiteRange(n, &nlo, &nhi);
    auto* x = log2Axis(ReviewView::tr("sequence length n (tokens)"), nlo, nhi);
    auto* y = new QLogValueAxis;
    y->setBase(10.0);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setRange(std::max(1e-6, lo) / 1.5, std::max(1e-6, hi) * 1.5);
    y->setTitleText(ReviewView::tr("forward time (ms)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, line(ReviewView::tr("exact (fastest dense, n^%1)").arg(num(*d, "dense_exponent", 0.0), 0, 'f', 2), n, exact, kDense),
           x, y);
    attach(chart, line(ReviewView::tr("learned sparse (n^%1)").arg(num(*d, "exponent", 0.0), 0, 'f', 2), n, learned, kLearned), x,
           y);
  }
  return chart;
}

}  // namespace

ReviewView::ReviewView(QWidget* parent) : QWidget(parent) {
  m_model = new ReviewTableModel(this);
  m_header = new QLabel(tr("No review study loaded. Run one from File → Review Study, or open a review.json with "
                           "File → Open Review Report…"),
                        this);
  m_header->setWordWrap(true);
  m_table = new QTableView(this);
  m_table->setModel(m_model);
  m_table->setWordWrap(true);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(false);
  m_table->horizontalHeader()->setSectionResizeMode(ReviewTableModel::MeasuredColumn, QHeaderView::Stretch);
  m_table->setColumnWidth(ReviewTableModel::ClaimColumn, 260);
  m_table->setColumnWidth(ReviewTableModel::ClaimedColumn, 110);
  m_table->setColumnWidth(ReviewTableModel::VerdictColumn, 150);
  m_table->setColumnWidth(ReviewTableModel::SettingColumn, 220);
  m_table->setColumnWidth(ReviewTableModel::RunsColumn, 50);
  connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    const auto& claims = m_model->report().claims;
    if (index.row() < 0 || index.row() >= static_cast<int>(claims.size())) return;
    const QStringList runs = claims[static_cast<size_t>(index.row())].runs;
    if (!runs.isEmpty()) Q_EMIT runsActivated(runs);
  });

  m_chartBox = new QComboBox(this);
  m_chartBox->setObjectName(QStringLiteral("reviewChart"));
  connect(m_chartBox, &QComboBox::currentIndexChanged, this, [this] { rebuildChart(); });
  m_export = new QPushButton(tr("Export Chart…"), this);
  connect(m_export, &QPushButton::clicked, this, &ReviewView::exportClicked);
  m_chartNote = new QLabel(this);
  m_chartNote->setWordWrap(true);
  m_chartView = new QChartView(this);
  m_chartView->setRenderHint(QPainter::Antialiasing);
  m_chartView->setMinimumHeight(180);

  auto* chartPane = new QWidget(this);
  auto* chartLayout = new QVBoxLayout(chartPane);
  chartLayout->setContentsMargins(0, 0, 0, 0);
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Chart:"), this));
  bar->addWidget(m_chartBox, 1);
  bar->addWidget(m_export);
  chartLayout->addLayout(bar);
  chartLayout->addWidget(m_chartView, 1);
  chartLayout->addWidget(m_chartNote);

  // Claims and charts on pages of their own: each gets the whole height of the tab.
  m_pages = new QTabWidget(this);
  m_pages->setTabPosition(QTabWidget::West);
  m_pages->addTab(m_table, tr("Claims"));
  m_pages->addTab(chartPane, tr("Charts"));
  m_gaps = new QTextBrowser(this);
  m_gaps->setObjectName(QStringLiteral("reviewGaps"));
  m_gaps->setHtml(tr("No research-gap studies in this report (run the study with --gaps)."));
  m_pages->addTab(m_gaps, tr("Research gaps"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_header);
  layout->addWidget(m_pages, 1);
  rebuildChart();
}

bool ReviewView::loadReport(const QString& path, QString* error) {
  ReviewReportData data;
  QString why;
  if (!loadReviewReport(path, &data, &why)) {
    if (error) *error = why;
    return false;
  }
  m_model->setReport(data);
  m_table->resizeRowsToContents();
  int supported = 0, refuted = 0, other = 0;
  for (const auto& c : data.claims)
    (c.verdict.startsWith(QStringLiteral("supported")) ? supported : c.verdict.startsWith(QStringLiteral("refuted")) ? refuted : other)++;
  m_header->setText(tr("<b>Review study, budget %1</b> (%2) · %3 claims: %4 supported, %5 refuted, %6 other · "
                       "%7 runs trained, %8 reused, %9 min · <code>%10</code>")
                        .arg(data.budget.toHtmlEscaped(), data.mark.toHtmlEscaped(), QString::number(data.claims.size()),
                             QString::number(supported), QString::number(refuted), QString::number(other),
                             QString::number(data.runsTrained), QString::number(data.runsReused),
                             QString::number(data.seconds / 60.0, 'f', 1), data.path.toHtmlEscaped()));
  QString gapsHtml;
  for (const auto& g : data.gaps) gapsHtml += reviewGapHtml(g);
  m_gaps->setHtml(gapsHtml.isEmpty() ? tr("No research-gap studies in this report (run the study with --gaps).") : gapsHtml);
  const QString current = currentChart();
  const QSignalBlocker block(m_chartBox);
  m_chartBox->clear();
  for (const auto& id : chartIds()) m_chartBox->addItem(chartTitle(id), id);
  const int keep = m_chartBox->findData(current);
  m_chartBox->setCurrentIndex(keep >= 0 ? keep : 0);
  rebuildChart();
  return true;
}

QStringList ReviewView::chartIds() const {
  QStringList ids;
  for (const char* id : {"accuracy_n", "rank", "parity", "complexity"})
    if (chartData(m_model->report(), QString::fromLatin1(id))) ids << QString::fromLatin1(id);
  for (const auto& g : m_model->report().gaps)
    if (chartData(m_model->report(), QStringLiteral("gap:") + g.id)) ids << QStringLiteral("gap:") + g.id;
  return ids;
}

QString ReviewView::chartTitle(const QString& id) const {
  if (id.startsWith(QStringLiteral("gap:")))
    for (const auto& g : m_model->report().gaps)
      if (QStringLiteral("gap:") + g.id == id) return tr("Research gap: %1").arg(g.title);
  return claimChartTitle(id);
}

QString ReviewView::currentChart() const { return m_chartBox->currentData().toString(); }

void ReviewView::showChart(const QString& id) {
  const int i = m_chartBox->findData(id);
  if (i >= 0) m_chartBox->setCurrentIndex(i);
  m_pages->setCurrentIndex(1);
}

void ReviewView::rebuildChart() {
  QChart* chart = buildChart(m_model->report(), currentChart());
  QChart* old = m_chartView->chart();
  m_chartView->setChart(chart ? chart : new QChart);
  delete old;
  m_export->setEnabled(chart != nullptr);
  m_chartNote->setText(chart ? QString() : tr("No chart: the loaded report has no data for one."));
  if (!chart) return;
  const QString id = currentChart();
  if (id == QStringLiteral("accuracy_n"))
    m_chartNote->setText(tr("Means over seeds; each length trains with the same tokens per step."));
  else if (id == QStringLiteral("rank"))
    m_chartNote->setText(tr("alpha = 2r at every rank; dashed: full fine-tuning of the same task."));
  else if (id == QStringLiteral("parity"))
    m_chartNote->setText(tr("Means over seeds; macro-F1 on imbalanced tasks, accuracy otherwise; the verdict per task is "
                            "in the table's parity row."));
  else if (id == QStringLiteral("complexity"))
    m_chartNote->setText(tr("From the attention benchmark the study ran (forward, B = 64, k = auto)."));
  else
    for (const auto& g : m_model->report().gaps)
      if (QStringLiteral("gap:") + g.id == id) m_chartNote->setText(g.conclusion);
}

bool ReviewView::exportChart(const QString& path, int dpi, QString* error) const {
  const json* d = chartData(m_model->report(), currentChart());
  if (!d) {
    if (error) *error = tr("nothing to export: no chart");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    // The numbers behind the chart, one row per point.
    const QString id = currentChart();
    std::vector<QStringList> rows;
    if (id.startsWith(QStringLiteral("gap:"))) {
      // series, x (or category), y
      const bool bars = text(*d, "kind") == "bars";
      const auto cats = field(*d, "categories");
      for (const auto& s : (*d)["series"]) {
        const auto x = numbers(field(s, "x")), y = numbers(field(s, "y"));
        for (size_t i = 0; i < y.size(); ++i)
          rows.push_back({QString::fromStdString(text(s, "name")),
                          bars ? (i < cats.size() && cats[i].is_string() ? QString::fromStdString(cats[i].get<std::string>()) : QString())
                               : (i < x.size() ? QString::number(x[i]) : QString()),
                          QString::number(y[i])});
      }
      return exportCsv(path, {QStringLiteral("series"), bars ? QStringLiteral("category") : QStringLiteral("x"), QStringLiteral("y")},
                       rows, error);
    }
    if (id == QStringLiteral("accuracy_n") || id == QStringLiteral("complexity")) {
      const auto n = numbers(field(*d, "n"));
      const char* a = id == QStringLiteral("complexity") ? "exact_ms" : "dense";
      const char* b = id == QStringLiteral("complexity") ? "learned_ms" : "learned";
      const auto va = numbers(field(*d, a)), vb = numbers(field(*d, b));
      for (size_t i = 0; i < n.size(); ++i)
        rows.push_back({QString::number(n[i]), i < va.size() ? QString::number(va[i]) : QString(),
                        i < vb.size() ? QString::number(vb[i]) : QString()});
      return exportCsv(path, {QStringLiteral("n"), QString::fromLatin1(a), QString::fromLatin1(b)}, rows, error);
    }
    if (id == QStringLiteral("rank")) {
      for (const auto& [task, c] : d->items()) {
        const auto r = numbers(field(c, "r")), m = numbers(field(c, "mean")),
                   sd = numbers(field(c, "sd"));
        for (size_t i = 0; i < r.size(); ++i)
          rows.push_back({QString::fromStdString(task), QString::number(r[i]), i < m.size() ? QString::number(m[i]) : QString(),
                          i < sd.size() ? QString::number(sd[i]) : QString(), QString::number(num(c, "full", 0.0))});
      }
      return exportCsv(path, {QStringLiteral("task"), QStringLiteral("r"), QStringLiteral("lora_mean"), QStringLiteral("lora_sd"),
                              QStringLiteral("full_mean")},
                       rows, error);
    }
    for (const auto& t : *d)
      rows.push_back({QString::fromStdString(text(t, "task")),
                      QString::number(mean(numbers(field(t, "full")))),
                      QString::number(mean(numbers(field(t, "lora")))), QString::number(num(t, "majority", 0.0)),
                      QString::fromStdString(text(t, "verdict"))});
    return exportCsv(path, {QStringLiteral("task"), QStringLiteral("full_mean"), QStringLiteral("lora_mean"),
                            QStringLiteral("majority"), QStringLiteral("verdict")},
                     rows, error);
  }
  const QSize s = m_chartView->isVisible() ? m_chartView->size() : QSize(760, 460);
  return etlab::exportChart(path, QSizeF(s), dpi, [this, s](QPainter& p, const QRectF& box) {
    p.fillRect(box, Qt::white);
    m_chartView->render(&p, QRectF(box.topLeft(), QSizeF(s)), m_chartView->viewport()->rect());
  }, error);
}

void ReviewView::exportClicked() {
  const QString base = QFileInfo(m_model->report().path).absolutePath();
  const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), base + QStringLiteral("/") + currentChart() +
                                                    QStringLiteral(".png"), chartFileFilter() + QStringLiteral(";;CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportChart(path, 200, &error)) m_chartNote->setText(tr("Export failed: %1").arg(error));
  else m_chartNote->setText(tr("Wrote %1").arg(path));
}

}  // namespace etlab
