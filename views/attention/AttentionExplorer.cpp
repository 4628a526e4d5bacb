// SPDX-License-Identifier: MIT
#include "views/attention/AttentionExplorer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <nlohmann/json.hpp>

#include "core/config/paths.h"
#include "core/data/data_cache.h"
#include "core/data/tokenizer.h"
#include "core/store/run_store.h"
#include "views/common/ChartExport.h"

namespace etlab {

namespace {

QStringList tokenLabels(const Tokenizer* tok, const std::vector<int32_t>& ids) {
  QStringList out;
  out.reserve(static_cast<int>(ids.size()));
  for (int32_t id : ids) out << (tok ? QString::fromStdString(tok->piece(id)) : QString::number(id));
  return out;
}

HeatmapData selectionMatrix(const SelectionRecord& s, int64_t n) {
  HeatmapData d;
  d.block = s.block;
  d.q_blocks = s.q_blocks;
  d.k_blocks = s.k_blocks;
  d.selected.resize(static_cast<size_t>(s.q_blocks * s.k_blocks));
  for (int64_t q = 0; q < s.q_blocks; ++q)
    for (int64_t k = 0; k < s.k_blocks; ++k) d.selected[static_cast<size_t>(q * s.k_blocks + k)] = s.selected(q, k);
  d.rows = n > 0 ? std::min(n, s.q_blocks * s.block) : s.q_blocks * s.block;
  d.cols = n > 0 ? std::min(n, s.k_blocks * s.block) : s.k_blocks * s.block;
  return d;
}

QImage thumbnail(const SelectionRecord& s) {
  HeatmapData d = selectionMatrix(s, 0);
  d.pooled = true;  // one cell per block
  d.rows = s.q_blocks;
  d.cols = s.k_blocks;
  return renderHeatmap(d, ColorMap::Viridis);
}

}  // namespace

AttentionIndex loadAttentionIndex(const QString& dbPath, const QString& runId) {
  AttentionIndex idx;
  idx.dbPath = dbPath;
  try {
    RunStore store(dbPath.toStdString(), /*read_only=*/true);
    const auto run = store.find_run(runId.toStdString());
    if (!run) throw StoreError("no run " + runId.toStdString());
    idx.runId = QString::fromStdString(run->id);
    idx.probes = store.probes(run->id);
    std::unique_ptr<Tokenizer> tok;
    try {
      const auto env = nlohmann::json::parse(run->environment_json, nullptr, false);
      if (!env.is_discarded() && env.contains("tokenizer"))
        tok = make_tokenizer(env["tokenizer"].get<std::string>(), DataCache(default_data_dir()));
    } catch (const std::exception&) {
      tok.reset();  // labels fall back to token ids (e.g. the BPE files are not in this machine's cache)
    }
    // A ViT attends over its patches (and a CLS position), not over the pixels its probe holds.
    const auto cfg = nlohmann::json::parse(run->config_json, nullptr, false);
    const auto* patch = cfg.is_object() && cfg.contains("model") && cfg["model"].is_object() ? &cfg["model"] : nullptr;
    const int64_t p = patch && patch->contains("patch") && (*patch)["patch"].is_number_integer() ? (*patch)["patch"].get<int64_t>() : 0;
    for (const auto& probe : idx.probes) {
      if (p > 0 && p <= 28 && 28 % p == 0) {
        QStringList labels;
        if ((*patch).value("pooling", std::string("auto")) != "mean") labels << QStringLiteral("CLS");
        for (int64_t i = 0; i < (28 / p) * (28 / p); ++i)
          labels << QStringLiteral("%1,%2").arg(i / (28 / p)).arg(i % (28 / p));  // patch row, column
        idx.labels.push_back(labels);
      } else {
        idx.labels.push_back(tokenLabels(tok.get(), probe.tokens));
      }
    }
    idx.steps = store.selection_steps(run->id);
    for (const auto& p : idx.probes) {
      for (auto& s : store.selections(run->id, p.idx)) {
        idx.layers = std::max(idx.layers, s.layer + 1);
        idx.heads = std::max(idx.heads, s.head + 1);
        const auto key = std::make_tuple(p.idx, s.step, s.layer, s.head);
        idx.selections.emplace(key, std::move(s));
      }
      for (auto& pr : store.probability_index(run->id, p.idx)) {
        const auto key = std::make_tuple(p.idx, pr.step, pr.layer, pr.head);
        idx.probIndex.emplace(key, std::move(pr));
      }
    }
    const char* keys[] = {"attn/density", "attn/entropy", "attn/distance"};
    for (int k = 0; k < 3; ++k)
      for (const auto& m : store.metrics(run->id, keys[k])) idx.stats[m.step][static_cast<size_t>(k)] = m.value;
  } catch (const std::exception& e) {
    idx.error = QString::fromStdString(e.what());
  }
  return idx;
}

HeatmapData loadAttentionMatrix(const AttentionIndex& idx, int probe, int64_t step, int layer, int head) {
  HeatmapData d;
  if (probe < 0 || probe >= static_cast<int>(idx.probes.size())) return d;
  const int64_t n = static_cast<int64_t>(idx.probes[static_cast<size_t>(probe)].tokens.size());
  const auto key = std::make_tuple(idx.probes[static_cast<size_t>(probe)].idx, step, layer, head);
  auto sel = idx.selections.find(key);
  if (sel != idx.selections.end()) d = selectionMatrix(sel->second, n);
  if (idx.probIndex.count(key)) {
    RunStore store(idx.dbPath.toStdString(), true);
    auto probs = store.probabilities(idx.runId.toStdString(), std::get<0>(key), step, layer, head);
    if (!probs.empty()) {
      auto& p = probs.front();
      d.rows = p.rows;
      d.cols = p.cols;
      d.pooled = p.pooled;
      d.values = std::move(p.values);
    }
  }
  if (!d.pooled) {
    d.rowLabels = idx.labels[static_cast<size_t>(probe)].mid(0, static_cast<int>(d.rows));
    d.colLabels = idx.labels[static_cast<size_t>(probe)].mid(0, static_cast<int>(d.cols));
  }
  return d;
}

AttentionExplorer::AttentionExplorer(QWidget* parent)
    : QWidget(parent),
      m_index(std::make_shared<AttentionIndex>()),
      m_indexWatcher(new QFutureWatcher<AttentionIndex>(this)),
      m_otherWatcher(new QFutureWatcher<AttentionIndex>(this)),
      m_matrixWatcher(new QFutureWatcher<HeatmapFigure>(this)) {
  m_view = new HeatmapView(this);
  m_grid = new QListWidget(this);
  m_grid->setViewMode(QListView::IconMode);
  m_grid->setIconSize(QSize(64, 64));
  m_grid->setResizeMode(QListView::Adjust);
  m_grid->setMovement(QListView::Static);
  m_grid->setSpacing(4);
  m_grid->setMinimumWidth(170);
  m_grid->setToolTip(tr("Block selection of every layer and head at this step; click one to inspect it"));

  m_probe = new QComboBox(this);
  m_probe->setToolTip(tr("Held-out probe example (the same inputs at every step)"));
  m_step = new QSlider(Qt::Horizontal, this);
  m_step->setToolTip(tr("Scrub through training: the attention recorded at each evaluation"));
  m_stepLabel = new QLabel(this);
  m_diff = new QComboBox(this);
  m_diff->setToolTip(tr("Show the difference to another step or to another selected run at the same step "
                        "(orange: more attention here, blue: less)"));
  m_colors = new QComboBox(this);
  for (ColorMap m : {ColorMap::Viridis, ColorMap::Cividis}) m_colors->addItem(colorMapName(m), static_cast<int>(m));
  m_stats = new QLabel(this);
  m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_message = new QLabel(tr("Choose a run to see its attention."), this);
  m_message->setAlignment(Qt::AlignCenter);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Probe"), this));
  controls->addWidget(m_probe, 1);
  controls->addWidget(new QLabel(tr("Step"), this));
  controls->addWidget(m_step, 2);
  controls->addWidget(m_stepLabel);
  controls->addWidget(new QLabel(tr("Compare with"), this));
  controls->addWidget(m_diff);
  controls->addWidget(new QLabel(tr("Colours"), this));
  controls->addWidget(m_colors);

  auto* split = new QSplitter(this);
  split->addWidget(m_grid);
  split->addWidget(m_view);
  split->setStretchFactor(1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_message);
  layout->addWidget(split, 1);
  layout->addWidget(m_stats);

  connect(m_indexWatcher, &QFutureWatcher<AttentionIndex>::finished, this, &AttentionExplorer::onIndexLoaded);
  connect(m_otherWatcher, &QFutureWatcher<AttentionIndex>::finished, this, [this] {
    if (m_otherWatcher->future().resultCount() == 0) return;  // replaced by "no comparison"
    auto other = std::make_shared<AttentionIndex>(m_otherWatcher->result());
    const bool ok = other->error.isEmpty() && !other->steps.empty();
    m_other = ok ? other : nullptr;
    fillDifferenceChoices();
    Q_EMIT compareLoaded(ok);
  });
  connect(m_matrixWatcher, &QFutureWatcher<HeatmapFigure>::finished, this, [this] {
    if (m_matrixWatcher->future().resultCount() == 0) return;
    m_view->setFigure(m_matrixWatcher->result());
    Q_EMIT matrixShown();
  });
  connect(m_probe, &QComboBox::currentIndexChanged, this, [this] {
    refreshThumbnails();
    refreshMatrix();
  });
  connect(m_step, &QSlider::valueChanged, this, [this] {
    refreshThumbnails();
    refreshMatrix();
    updateStats();
  });
  connect(m_diff, &QComboBox::currentIndexChanged, this, &AttentionExplorer::refreshMatrix);
  connect(m_colors, &QComboBox::currentIndexChanged, this,
          [this] { setColorMap(static_cast<ColorMap>(m_colors->currentData().toInt())); });
  connect(m_grid, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row < 0 || m_index->heads <= 0) return;
    m_layer = row / m_index->heads;
    m_head = row % m_index->heads;
    refreshMatrix();
    updateStats();
  });
}

void AttentionExplorer::setRun(const QString& dbPath, const QString& runId) {
  m_message->setText(tr("Loading the attention of run %1…").arg(runId.left(8)));
  m_message->show();
  m_indexWatcher->setFuture(QtConcurrent::run(loadAttentionIndex, dbPath, runId));
}

void AttentionExplorer::onIndexLoaded() {
  m_index = std::make_shared<AttentionIndex>(m_indexWatcher->result());
  const auto& idx = *m_index;
  const bool ok = idx.error.isEmpty() && !idx.steps.empty() && !idx.probes.empty();
  if (!idx.error.isEmpty()) m_message->setText(tr("Cannot load the attention: %1").arg(idx.error));
  else if (!ok) m_message->setText(tr("This run recorded no attention (no evaluation has happened yet)."));
  m_message->setVisible(!ok);
  const QSignalBlocker b1(m_probe), b2(m_step), b3(m_diff);
  m_probe->clear();
  for (const auto& p : idx.probes) {
    QString text = QString::fromStdString(p.text).simplified();
    if (text.size() > 40) text = text.left(39) + QStringLiteral("…");
    m_probe->addItem(tr("#%1 (%2 tokens) %3").arg(p.idx).arg(p.tokens.size()).arg(text));
  }
  m_step->setRange(0, std::max<int>(0, static_cast<int>(idx.steps.size()) - 1));
  m_step->setValue(m_step->maximum());
  fillDifferenceChoices();
  m_layer = m_head = 0;
  refreshThumbnails();
  if (m_grid->count() > 0) {
    const QSignalBlocker b4(m_grid);
    m_grid->setCurrentRow(0);
  }
  refreshMatrix();
  updateStats();
  Q_EMIT loaded(ok);
}

void AttentionExplorer::fillDifferenceChoices() {
  const QVariant current = m_diff->currentData();
  const QSignalBlocker block(m_diff);
  m_diff->clear();
  m_diff->addItem(tr("nothing"), -1);
  for (size_t i = 0; i < m_index->steps.size(); ++i) m_diff->addItem(tr("step %1").arg(m_index->steps[i]), static_cast<int>(i));
  if (m_other && m_other->runId != m_index->runId)
    m_diff->addItem(tr("run %1 (same step)").arg(m_other->runId.left(8)), -2);
  const int i = m_diff->findData(current);
  m_diff->setCurrentIndex(i < 0 ? 0 : i);
}

void AttentionExplorer::setCompareRun(const QString& dbPath, const QString& runId) {
  if (runId.isEmpty()) {
    m_otherWatcher->setFuture(QFuture<AttentionIndex>());  // a pending load no longer reports
    m_other.reset();
    fillDifferenceChoices();
    return;
  }
  m_otherWatcher->setFuture(QtConcurrent::run(loadAttentionIndex, dbPath, runId));
}

void AttentionExplorer::showRunDifference() {
  const int i = m_diff->findData(-2);
  if (i >= 0) m_diff->setCurrentIndex(i);
}

int64_t AttentionExplorer::currentStep() const {
  const auto& steps = m_index->steps;
  if (steps.empty()) return -1;
  return steps[static_cast<size_t>(std::clamp(m_step->value(), 0, static_cast<int>(steps.size()) - 1))];
}

void AttentionExplorer::refreshThumbnails() {
  const auto& idx = *m_index;
  const int current = m_grid->currentRow();
  const QSignalBlocker block(m_grid);
  m_grid->clear();
  const int64_t step = currentStep();
  if (step < 0 || idx.probes.empty()) return;
  const int probe = idx.probes[static_cast<size_t>(std::max(0, m_probe->currentIndex()))].idx;
  for (int l = 0; l < idx.layers; ++l)
    for (int h = 0; h < idx.heads; ++h) {
      auto it = idx.selections.find(std::make_tuple(probe, step, l, h));
      QPixmap pix(64, 64);
      pix.fill(Qt::transparent);
      QString density;
      if (it != idx.selections.end()) {
        const QImage img = thumbnail(it->second).scaled(64, 64, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        pix = QPixmap::fromImage(img);
        int64_t on = 0;
        for (int64_t q = 0; q < it->second.q_blocks; ++q)
          for (int64_t k = 0; k < it->second.k_blocks; ++k) on += it->second.selected(q, k);
        density = QString::number(100.0 * on / std::max<int64_t>(1, it->second.q_blocks * it->second.k_blocks), 'f', 0) +
                  QStringLiteral("%");
      }
      auto* item = new QListWidgetItem(QIcon(pix), tr("L%1 H%2 %3").arg(l).arg(h).arg(density), m_grid);
      item->setToolTip(tr("layer %1, head %2: %3 of the key blocks attended").arg(l).arg(h).arg(density));
    }
  m_grid->setCurrentRow(current >= 0 && current < m_grid->count() ? current : m_layer * std::max(1, idx.heads) + m_head);
}

void AttentionExplorer::refreshMatrix() {
  const auto idx = m_index;
  const int64_t step = currentStep();
  if (step < 0 || idx->probes.empty()) {
    m_view->setFigure({});
    return;
  }
  const int probe = std::max(0, m_probe->currentIndex());
  const int diffIndex = m_diff->currentData().toInt();
  const int64_t other = diffIndex >= 0 ? idx->steps[static_cast<size_t>(diffIndex)] : -1;
  const auto otherRun = diffIndex == -2 ? m_other : nullptr;
  const int layer = m_layer, head = m_head;
  const ColorMap map = m_map;
  const QString runShort = idx->runId.left(8);
  // Decoding and rendering a 4096 x 4096 map takes a while: off the UI thread.
  m_matrixWatcher->setFuture(QtConcurrent::run([idx, otherRun, probe, step, other, layer, head, map, runShort] {
    HeatmapFigure fig;
    fig.map = map;
    fig.data = loadAttentionMatrix(*idx, probe, step, layer, head);
    const bool skipsBlocks = std::find(fig.data.selected.begin(), fig.data.selected.end(), 0) != fig.data.selected.end();
    QString what = fig.data.hasValues() ? (skipsBlocks ? QObject::tr("probabilities, unattended blocks dimmed")
                                                       : QObject::tr("probabilities"))
                                        : QObject::tr("attended blocks");
    if (other >= 0 && other != step) {
      fig.data = differenceOf(fig.data, loadAttentionMatrix(*idx, probe, other, layer, head));
      what = QObject::tr("difference to step %1").arg(other);
    } else if (otherRun) {
      // The other run at the same step when it has it, else at its last recorded step before.
      int64_t at = -1;
      for (int64_t s : otherRun->steps)
        if (s <= step) at = s;
      if (at < 0) at = otherRun->steps.front();
      const HeatmapData theirs = loadAttentionMatrix(*otherRun, probe, at, layer, head);
      const HeatmapData diff = differenceOf(fig.data, theirs);
      if (diff.rows > 0) {
        fig.data = diff;
        what = QObject::tr("difference to run %1 at step %2").arg(otherRun->runId.left(8)).arg(at);
      } else {
        what += QObject::tr(" · run %1 saw other inputs (%2 vs %3 tokens): no difference")
                    .arg(otherRun->runId.left(8))
                    .arg(fig.data.rows)
                    .arg(theirs.rows);
      }
    }
    fig.vmax = fig.data.signedValues || fig.data.hasValues() ? std::max(1e-6f, fig.data.maxValue()) : 1.0;
    fig.image = renderHeatmap(fig.data, map, fig.vmax);
    fig.title = QObject::tr("run %1 · step %2 · layer %3 · head %4 · %5").arg(runShort).arg(step).arg(layer).arg(head).arg(what);
    fig.rowAxis = fig.data.pooled ? QObject::tr("query block") : QObject::tr("query position");
    fig.colAxis = fig.data.pooled ? QObject::tr("key block") : QObject::tr("key position");
    return fig;
  }));
}

void AttentionExplorer::updateStats() {
  const int64_t step = currentStep();
  m_stepLabel->setText(step >= 0 ? tr("%1").arg(step) : QString());
  const auto& idx = *m_index;
  QString text;
  auto it = idx.stats.find(step);
  if (it != idx.stats.end())
    text = tr("Run mean at step %1: density %2 · entropy %3 nats · mean distance %4 tokens")
               .arg(step)
               .arg(it->second[0], 0, 'f', 3)
               .arg(it->second[1], 0, 'f', 3)
               .arg(it->second[2], 0, 'f', 1);
  if (!idx.probes.empty()) {
    auto sel = idx.selections.find(std::make_tuple(idx.probes[static_cast<size_t>(std::max(0, m_probe->currentIndex()))].idx,
                                                   step, m_layer, m_head));
    if (sel != idx.selections.end()) {
      int64_t on = 0;
      for (int64_t q = 0; q < sel->second.q_blocks; ++q)
        for (int64_t k = 0; k < sel->second.k_blocks; ++k) on += sel->second.selected(q, k);
      text += (text.isEmpty() ? QString() : QStringLiteral("   ")) +
              tr("This head: %1 of %2 block pairs (block %3)")
                  .arg(on)
                  .arg(sel->second.q_blocks * sel->second.k_blocks)
                  .arg(sel->second.block);
    }
  }
  m_stats->setText(text);
}

void AttentionExplorer::select(int probe, int stepIndex, int layer, int head) {
  m_layer = layer;
  m_head = head;
  {
    const QSignalBlocker b1(m_probe), b2(m_step), b3(m_grid);
    m_probe->setCurrentIndex(probe);
    m_step->setValue(stepIndex);
    refreshThumbnails();
    m_grid->setCurrentRow(layer * std::max(1, m_index->heads) + head);
  }
  refreshMatrix();
  updateStats();
}

void AttentionExplorer::setDifferenceStep(int stepIndex) {
  const int i = m_diff->findData(stepIndex);
  m_diff->setCurrentIndex(i < 0 ? 0 : i);
}

void AttentionExplorer::setColorMap(ColorMap map) {
  m_map = map;
  const int i = m_colors->findData(static_cast<int>(map));
  if (i >= 0 && i != m_colors->currentIndex()) {
    const QSignalBlocker b(m_colors);
    m_colors->setCurrentIndex(i);
  }
  refreshMatrix();
}

bool AttentionExplorer::exportTo(const QString& path, int dpi, QString* error) const {
  const HeatmapFigure& fig = m_view->figure();
  if (fig.data.rows <= 0) {
    if (error) *error = tr("nothing to export yet");
    return false;
  }
  if (QFileInfo(path).suffix().toLower() == QStringLiteral("csv")) {
    std::vector<QStringList> rows;
    for (int64_t r = 0; r < fig.data.rows; ++r)
      for (int64_t c = 0; c < fig.data.cols; ++c) {
        const double v = fig.data.valueAt(r, c);
        if (v == 0.0 && fig.data.hasValues()) continue;  // sparse listing: zero cells are left out
        rows.push_back({QString::number(r), QString::number(c), QString::number(v, 'g', 8),
                        fig.data.isSelected(r, c) ? QStringLiteral("1") : QStringLiteral("0")});
      }
    return exportCsv(path, {QStringLiteral("query"), QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("selected")},
                     rows, error);
  }
  const QRectF view = m_view->viewRect();
  return exportChart(path, QSizeF(560, 520), dpi, [&fig, view](QPainter& p, const QRectF& box) {
    p.fillRect(box, Qt::white);
    paintHeatmapFigure(p, box, fig, view);
  }, error);
}

}  // namespace etlab
