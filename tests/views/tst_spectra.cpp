// SPDX-License-Identifier: MIT
// The rank spectra view: energy and rank suggestion, subspace similarity, a database of LoRA, full
// fine-tune and dense runs, edge states, and exports.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QPushButton>
#include <QtTest>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"
#include "views/spectra/SpectraView.h"

using namespace etlab;

namespace {

void saveScreenshot(QWidget& w, const QString& name) {
  QCoreApplication::processEvents();  // pending layout requests (the rank text grew)
  const QString dir = qEnvironmentVariable("ETLAB_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w.grab().save(dir + QStringLiteral("/") + name);
}

// Rows of the Householder reflection I - 2 v v^T / |v|^2: an orthonormal basis of R^n, none of it axis-aligned.
std::vector<std::vector<float>> householder(int n) {
  std::vector<double> v(static_cast<size_t>(n));
  double norm2 = 0;
  for (int i = 0; i < n; ++i) norm2 += (v[static_cast<size_t>(i)] = 1.0 + 0.5 * i) * (1.0 + 0.5 * i);
  std::vector<std::vector<float>> rows(static_cast<size_t>(n), std::vector<float>(static_cast<size_t>(n)));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      rows[static_cast<size_t>(i)][static_cast<size_t>(j)] =
          static_cast<float>((i == j ? 1.0 : 0.0) - 2.0 * v[static_cast<size_t>(i)] * v[static_cast<size_t>(j)] / norm2);
  return rows;
}

AdapterVectorsRecord vectors(const std::vector<std::vector<float>>& rows, int64_t step = 0, const std::string& module = "q",
                             int layer = 0) {
  AdapterVectorsRecord r;
  r.step = step;
  r.module = module;
  r.layer = layer;
  r.rows = static_cast<int64_t>(rows.size());
  r.cols = rows.empty() ? 0 : static_cast<int64_t>(rows.front().size());
  for (const auto& row : rows) r.data.insert(r.data.end(), row.begin(), row.end());
  return r;
}

std::vector<float> unit(int n, int i) {
  std::vector<float> e(static_cast<size_t>(n), 0.0f);
  e[static_cast<size_t>(i)] = 1.0f;
  return e;
}

double stableRankOf(const std::vector<float>& s) {
  double fro = 0;
  for (float v : s) fro += double(v) * v;
  return fro / (double(s.front()) * s.front());
}

// The smallest k whose top-k squared singular values reach `t` of the total, by direct summation.
int expectedRank(const std::vector<float>& s, double t) {
  double total = 0;
  for (float v : s) total += double(v) * v;
  double run = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    run += double(s[k]) * s[k];
    if (run / total >= t) return int(k) + 1;
  }
  return int(s.size());
}

SpectrumRecord spectrum(int64_t step, const std::string& module, int layer, const std::string& kind, std::vector<float> s) {
  const double sr = stableRankOf(s);
  return SpectrumRecord{step, module, layer, kind, std::move(s), sr, sr + 0.5};
}

struct Db {
  QString path, lora4, lora8, full, dense;
};

// Four runs: LoRA r=4 and r=8 (spectra and adapter vectors at steps 10 and 20), a full fine-tune
// (spectra only) and a dense run (nothing). LoRA r=8's v adapter acts on 16 inputs, r=4's on 8.
Db makeDb(const QTemporaryDir& dir) {
  Db db;
  db.path = dir.filePath(QStringLiteral("spectra.db"));
  RunStore store(db.path.toStdString());
  auto create = [&](const std::string& method, const nlohmann::json& config) {
    RunRecord r;
    r.preset = "spectra-test";
    r.method = method;
    r.config_json = config.dump();
    return store.create_run(r);
  };
  const std::string a = create("dense+lora", {{"lora", {{"enabled", true}, {"r", 4}, {"alpha", 8.0}}}});
  const std::string b = create("dense+lora", {{"lora", {{"enabled", true}, {"r", 8}, {"alpha", 16.0}}}});
  const std::string f = create("dense", {{"lora", {{"enabled", false}, {"r", 8}}}, {"train", {{"phase", "finetune"}}}});
  const std::string d = create("dense", {{"train", {{"steps", 20}}}});
  const auto h = householder(8);
  for (int64_t step : {10, 20}) {
    const bool last = step == 20;
    LogBatch ba;
    ba.step = step;
    ba.spectra.push_back(spectrum(step, "q", 0, "lora", last ? std::vector<float>{4, 2, 1, 0.5f} : std::vector<float>{2, 1.5f, 1, 0.8f}));
    ba.spectra.push_back(spectrum(step, "q", 1, "lora", {1, 0.5f, 0.25f, 0.125f}));
    ba.spectra.push_back(spectrum(step, "v", 0, "lora", {3, 0.1f, 0.01f, 0.001f}));
    // q layer 0: the first four Householder rows at the end, the last four (orthogonal to them) before.
    ba.adapter_vectors.push_back(vectors(last ? decltype(h){h[0], h[1], h[2], h[3]} : decltype(h){h[4], h[5], h[6], h[7]}, step));
    ba.adapter_vectors.push_back(vectors({unit(8, 0), unit(8, 1), unit(8, 2), unit(8, 3)}, step, "v"));
    store.write_batch(a, ba);

    LogBatch bb;
    bb.step = step;
    bb.spectra.push_back(spectrum(step, "q", 0, "lora", {3, 3, 2, 2, 1, 1, 0.5f, 0.25f}));
    bb.spectra.push_back(spectrum(step, "v", 0, "lora", {2, 1, 0.5f, 0.25f, 0.1f, 0.1f, 0.1f, 0.1f}));
    // q layer 0: the standard basis (overlapping a's Householder rows partially).
    std::vector<std::vector<float>> e;
    for (int i = 0; i < 8; ++i) e.push_back(unit(8, i));
    bb.adapter_vectors.push_back(vectors(e, step));
    std::vector<std::vector<float>> wide;
    for (int i = 0; i < 8; ++i) wide.push_back(unit(16, i));
    bb.adapter_vectors.push_back(vectors(wide, step, "v"));
    store.write_batch(b, bb);

    LogBatch bf;
    bf.step = step;
    std::vector<float> decay;
    for (int k = 0; k < 16; ++k) decay.push_back(8.0f * std::pow(0.6f, float(k)) * (last ? 1.0f : 0.5f));
    bf.spectra.push_back(spectrum(step, "q", 0, "full", decay));
    bf.spectra.push_back(spectrum(step, "v", 0, "full", decay));
    store.write_batch(f, bf);
  }
  db.lora4 = QString::fromStdString(a);
  db.lora8 = QString::fromStdString(b);
  db.full = QString::fromStdString(f);
  db.dense = QString::fromStdString(d);
  return db;
}

// Pixels of exactly this colour (the markers are filled with it).
int countColor(const QImage& img, QColor color) {
  const QImage im = img.convertToFormat(QImage::Format_RGB32);
  int n = 0;
  for (int y = 0; y < im.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(im.constScanLine(y));
    for (int x = 0; x < im.width(); ++x) n += (line[x] & 0xffffff) == (color.rgb() & 0xffffff);
  }
  return n;
}

bool loadInto(SpectraView& view, const QString& db, const QStringList& runs, bool* ok) {
  QSignalSpy spy(&view, &SpectraView::loaded);
  view.setRuns(db, runs);
  if (!spy.wait(20000)) return false;
  *ok = spy.at(0).at(0).toBool();
  return true;
}

}  // namespace

class TestSpectra : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rankSuggestionReachesTheEnergyThreshold() {
    const std::vector<float> s{4, 2, 1, 0.5f};
    // By hand: energies 16, 4, 1, 0.25 of 21.25; the top two keep 20 / 21.25 = 0.941 >= 0.9, the top one 0.753.
    QCOMPARE(rankForEnergy(s, 0.9), 2);
    for (double t : {0.5, 0.75, 0.76, 0.9, 0.95, 0.99, 1.0}) QCOMPARE(rankForEnergy(s, t), expectedRank(s, t));
    const auto e = cumulativeEnergy(s);
    QCOMPARE(e.size(), size_t(4));
    QVERIFY(std::abs(e[0] - 16 / 21.25) < 1e-12);
    QCOMPARE(e.back(), 1.0);
    QCOMPARE(rankForEnergy({}, 0.9), 0);
    QCOMPARE(rankForEnergy({0, 0}, 0.9), 0);
  }

  void subspaceSimilarityOfKnownSubspaces() {
    const auto h = householder(8);
    const auto a = vectors({h[0], h[1], h[2], h[3]});
    int ni = -1, nj = -1;
    // Itself: U[:i] lies inside U[:j] for i <= j, so every phi(i, j) is 1, the diagonal included.
    auto phi = subspaceSimilarity(a, a, &ni, &nj);
    QCOMPARE(ni, 4);
    QCOMPARE(nj, 4);
    QCOMPARE(phi.size(), size_t(16));
    for (int i = 0; i < 4; ++i) {
      QVERIFY2(std::abs(phi[size_t(i * 4 + i)] - 1.0) < 1e-5, qPrintable(QString::number(phi[size_t(i * 4 + i)])));
      for (int j = 0; j < 4; ++j) QVERIFY(std::abs(phi[size_t(i * 4 + j)] - 1.0) < 1e-5);
    }
    // The orthogonal complement: 0 everywhere.
    const auto b = vectors({h[4], h[5], h[6], h[7]});
    phi = subspaceSimilarity(a, b, &ni, &nj);
    QCOMPARE(phi.size(), size_t(16));
    for (double v : phi) QVERIFY(std::abs(v) < 1e-6);
    // Half-overlap, by hand: A = [e1, e2], B = [(e1 + e3)/sqrt2, e2]; <a1,b1>^2 = 1/2, <a2,b2>^2 = 1, others 0:
    // phi(1,1) = 1/2, phi(1,2) = 1/2 / 1, phi(2,1) = 1/2 / 1, phi(2,2) = (1/2 + 1) / 2 = 3/4.
    const float r = float(1 / std::sqrt(2.0));
    std::vector<float> b1 = unit(4, 0);
    b1[2] = r;
    b1[0] = r;
    phi = subspaceSimilarity(vectors({unit(4, 0), unit(4, 1)}), vectors({b1, unit(4, 1), unit(4, 3)}), &ni, &nj);
    QCOMPARE(ni, 2);
    QCOMPARE(nj, 3);
    const double expected[] = {0.5, 0.5, 0.5, 0.5, 0.75, 0.75};  // phi(2,3) = (1/2 + 1 + 0) / 2
    for (int k = 0; k < 6; ++k) QVERIFY2(std::abs(phi[size_t(k)] - expected[k]) < 1e-6, qPrintable(QString::number(k)));
    // Vectors of different lengths cannot be compared.
    phi = subspaceSimilarity(a, vectors({unit(16, 0)}), &ni, &nj);
    QVERIFY(phi.empty());
    QCOMPARE(ni, 0);
    QCOMPARE(nj, 0);
  }

  void viewOverlaysRunsAndExportsThem() {
    QTemporaryDir dir;
    const Db db = makeDb(dir);
    SpectraView view;
    view.resize(1200, 820);
    view.show();
    bool ok = false;
    QVERIFY(loadInto(view, db.path, {db.lora4, db.lora8.left(8), db.full, db.dense}, &ok));
    QVERIFY(ok);
    QVERIFY(view.message().isEmpty());

    // Defaults: the first module in q, k, v, o order, layer 0, the last step.
    QCOMPARE(view.currentModule(), QStringLiteral("q"));
    QCOMPARE(view.currentLayer(), 0);
    QCOMPARE(view.currentStep(), int64_t(20));
    QCOMPARE(view.logScale(), true);
    QCOMPARE(view.energyThreshold(), 0.90);

    RunStore store(db.path.toStdString(), true);
    const auto stored = [&](const QString& run, int64_t step, const std::string& module, int layer) {
      const auto s = store.spectra(run.toStdString(), step, module, layer);
      return s.empty() ? SpectrumRecord{} : s.front();
    };
    // One series per run with spectra (the dense run has none), in the order given, with the stored values.
    const auto& curves = view.curves();
    QCOMPARE(curves.size(), size_t(3));
    QCOMPARE(curves[0].runId, db.lora4);
    QCOMPARE(curves[1].runId, db.lora8);  // resolved from its prefix
    QCOMPARE(curves[2].runId, db.full);
    QVERIFY(curves[0].label.startsWith(db.lora4.left(8)));
    QVERIFY(curves[0].label.contains(QStringLiteral("lora r=4")));
    QVERIFY(curves[1].label.contains(QStringLiteral("lora r=8")));
    QVERIFY(curves[2].label.contains(QStringLiteral("full")));
    QVERIFY(!curves[2].label.contains(QStringLiteral("r=")));  // lora.r of a run without adapters means nothing
    const auto a20 = stored(db.lora4, 20, "q", 0);
    QCOMPARE(curves[0].singular, a20.singular);
    QCOMPARE(curves[2].singular, stored(db.full, 20, "q", 0).singular);

    // The rank suggestion follows the first run and the threshold.
    QCOMPARE(view.suggestedRank(), expectedRank(a20.singular, 0.90));
    QCOMPARE(view.suggestedRank(), 2);
    view.setEnergyThreshold(0.95);
    QCOMPARE(view.suggestedRank(), expectedRank(a20.singular, 0.95));
    QVERIFY(view.suggestedRank() != 2);
    view.setEnergyThreshold(0.90);
    // The suggestion can start a new run: the button hands the run and the rank on.
    {
      QSignalSpy start(&view, &SpectraView::startRunRequested);
      QPushButton* button = nullptr;
      for (auto* b : view.findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("r = 2"))) button = b;
      QVERIFY(button);
      button->click();
      QCOMPARE(start.size(), 1);
      QCOMPARE(start.at(0).at(1).toInt(), 2);
      QCOMPARE(start.at(0).at(0).toString(), curves[0].runId);
    }
    const QString ranks = view.rankText();
    QVERIFY2(ranks.contains(QString::number(a20.stable_rank, 'f', 2)), qPrintable(ranks));
    QVERIFY(ranks.contains(QString::number(a20.effective_rank, 'f', 2)));
    QVERIFY(ranks.contains(QStringLiteral("r = 2")));
    QVERIFY(ranks.contains(db.dense.left(8) + QStringLiteral(": no spectra")));

    // Every series is drawn: its markers carry its colour.
    const QImage shot = view.grab().toImage();
    for (int i = 0; i < 3; ++i)
      QVERIFY2(countColor(shot, SpectraView::seriesColor(i)) > 30, qPrintable(QString::number(i)));

    // Subspace similarity of the two LoRA runs' final adapters (not the step-10 ones).
    const auto vecs = [&](const QString& run, int64_t step, const std::string& module) {
      for (const auto& v : store.adapter_vectors(run.toStdString()))
        if (v.step == step && v.module == module && v.layer == 0) return v;
      return AdapterVectorsRecord{};
    };
    int ni = 0, nj = 0;
    const auto phiLast = subspaceSimilarity(vecs(db.lora4, 20, "q"), vecs(db.lora8, 20, "q"), &ni, &nj);
    const auto phiFirst = subspaceSimilarity(vecs(db.lora4, 10, "q"), vecs(db.lora8, 10, "q"), &ni, &nj);
    const auto& sub = view.subspace();
    QCOMPARE(sub.n_i, 4);
    QCOMPARE(sub.n_j, 8);
    QCOMPARE(sub.stepA, int64_t(20));
    QCOMPARE(sub.phi, phiLast);
    QVERIFY(sub.phi != phiFirst);
    QVERIFY(sub.message.isEmpty());
    saveScreenshot(view, QStringLiteral("spectra.png"));

    // Exports: every format parses; the CSV holds the stored singular values.
    const QString png = dir.filePath(QStringLiteral("s.png")), svg = dir.filePath(QStringLiteral("s.svg")),
                  pdf = dir.filePath(QStringLiteral("s.pdf")), csv = dir.filePath(QStringLiteral("s.csv"));
    QString error;
    QVERIFY2(view.exportTo(png, 144, &error), qPrintable(error));
    QVERIFY2(view.exportTo(svg, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(pdf, 0, &error), qPrintable(error));
    QVERIFY2(view.exportTo(csv, 0, &error), qPrintable(error));
    QVERIFY(!view.exportTo(png, 144, &error));
    QVERIFY(error.contains(QStringLiteral("already exists")));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 2 * 960);
    QVERIFY(countColor(image, SpectraView::seriesColor(0)) > 30);
    if (!screenshotDirEmpty()) QFile::copy(png, qEnvironmentVariable("ETLAB_SCREENSHOT_DIR") + QStringLiteral("/spectra-export.png"));
    QVERIFY(QSvgRenderer(svg).isValid());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == QByteArrayLiteral("%PDF-"));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("run,module,layer,step,index,singular_value"));
    size_t expectedRows = 0;
    for (const auto& c : curves) expectedRows += c.singular.size();
    QCOMPARE(size_t(lines.size() - 1), expectedRows);
    for (int i = 1; i < lines.size(); ++i) {
      const QStringList cells = lines[i].split(QLatin1Char(','));
      QCOMPARE(cells.size(), 6);
      const auto rec = stored(cells[0], cells[3].toLongLong(), cells[1].toStdString(), cells[2].toInt());
      const int index = cells[4].toInt();
      QVERIFY(index >= 1 && index <= int(rec.singular.size()));
      QCOMPARE(cells[5].toFloat(), rec.singular[size_t(index - 1)]);
    }

    // An earlier step shows the earlier spectra; linear scale redraws.
    view.select(QStringLiteral("q"), 0, 10);
    QCOMPARE(view.currentStep(), int64_t(10));
    QCOMPARE(view.curves().at(0).singular, stored(db.lora4, 10, "q", 0).singular);
    QCOMPARE(view.suggestedRank(), expectedRank(stored(db.lora4, 10, "q", 0).singular, 0.90));
    const QImage logShot = view.grab().toImage();
    view.setLogScale(false);
    QVERIFY(view.grab().toImage() != logShot);

    // Mismatched adapters: r=8's v adapter acts on 16 inputs, r=4's on 8.
    view.select(QStringLiteral("v"), 0, 20);
    QCOMPARE(view.currentModule(), QStringLiteral("v"));
    QVERIFY(view.subspace().phi.empty());
    QVERIFY2(view.subspace().message.contains(QStringLiteral("do not match")), qPrintable(view.subspace().message));
    saveScreenshot(view, QStringLiteral("spectra-mismatch.png"));
    // A full fine-tune has no adapter vectors.
    view.select(QStringLiteral("q"), 0, 20);
    view.setSubspaceRuns(0, 2);
    QVERIFY(view.subspace().phi.empty());
    QVERIFY(view.subspace().message.contains(QStringLiteral("no adapter vectors")));
    // Layer 1 of q exists only in the r=4 run.
    view.select(QStringLiteral("q"), 1, 20);
    QCOMPARE(view.currentLayer(), 1);
    QCOMPARE(view.curves().size(), size_t(1));
    QVERIFY(view.rankText().contains(QStringLiteral("no spectrum of q layer 1")));
  }

  void emptyStatesSayWhy() {
    QTemporaryDir dir;
    const Db db = makeDb(dir);
    SpectraView view;
    view.resize(900, 600);
    bool ok = true;
    QVERIFY(loadInto(view, db.path, {}, &ok));
    QVERIFY(!ok);
    QVERIFY2(view.message().contains(QStringLiteral("Choose")), qPrintable(view.message()));
    QString error;
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("e.png")), 72, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("e.png"))));

    ok = true;
    QVERIFY(loadInto(view, db.path, {db.dense}, &ok));
    QVERIFY(!ok);
    QVERIFY2(view.message().contains(QStringLiteral("no spectra")), qPrintable(view.message()));
    QVERIFY(view.curves().empty());
    QCOMPARE(view.suggestedRank(), 0);
    view.show();
    saveScreenshot(view, QStringLiteral("spectra-empty.png"));

    ok = true;
    QVERIFY(loadInto(view, db.path, {QStringLiteral("ffffffff-0000")}, &ok));
    QVERIFY(!ok);
    QVERIFY(view.message().contains(QStringLiteral("no run")));

    ok = true;
    QVERIFY(loadInto(view, dir.filePath(QStringLiteral("missing.db")), {db.lora4}, &ok));
    QVERIFY(!ok);
    QVERIFY(view.message().contains(QStringLiteral("Cannot read")));

    // One LoRA run alone: charts, but the subspace heatmap asks for a second run.
    ok = false;
    QVERIFY(loadInto(view, db.path, {db.lora4}, &ok));
    QVERIFY(ok);
    QCOMPARE(view.curves().size(), size_t(1));
    QVERIFY(view.subspace().phi.empty());
    QVERIFY(!view.subspace().message.isEmpty());
  }

 private:
  static bool screenshotDirEmpty() { return qEnvironmentVariable("ETLAB_SCREENSHOT_DIR").isEmpty(); }
};

QTEST_MAIN(TestSpectra)
#include "tst_spectra.moc"
