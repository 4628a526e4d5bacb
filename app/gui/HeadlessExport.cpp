// SPDX-License-Identifier: MIT
// `etlab export` and `etlab report`: the app's views rendered without a window.
#include "app/gui/HeadlessExport.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/config/version.h"
#include "core/store/run_store.h"
#include "views/attention/AttentionExplorer.h"
#include "views/curves/CurvesView.h"
#include "views/spectra/SpectraView.h"
#include "views/tradeoff/TradeoffView.h"

namespace etlab {

namespace {

// lupdate files free tr() calls under the namespace's context.
QString tr(const char* s) { return QCoreApplication::translate("etlab", s); }

// Waits for `signal` of `sender` (with a bool argument) or a timeout; returns the argument.
template <typename Sender, typename Signal>
bool waitLoaded(Sender* sender, Signal signal, int msecs = 120000) {
  QEventLoop loop;
  bool ok = false, fired = false;
  QObject::connect(sender, signal, &loop, [&](bool result) {
    ok = result;
    fired = true;
    loop.quit();
  });
  QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
  loop.exec();
  return fired && ok;
}

// Opens the database once for writing, as the app does, so that an older schema is migrated (a copy
// of the old file is kept); a read-only file is then read as it is.
void migrateIfWritable(const QString& db) {
  if (!QFileInfo(db).isWritable()) return;
  try {
    RunStore migrate(db.toStdString());
  } catch (const std::exception&) {
    // The read-only open below reports the problem.
  }
}

QStringList resolveRuns(const QString& db, const QStringList& runs, QString* error) {
  QStringList out;
  migrateIfWritable(db);
  try {
    RunStore store(db.toStdString(), true);
    for (const QString& r : runs) {
      const auto run = store.find_run(r.toStdString());
      if (!run) {
        if (error) *error = tr("no run '%1' in %2").arg(r, db);
        return {};
      }
      out << QString::fromStdString(run->id);
    }
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return {};
  }
  return out;
}

}  // namespace

bool runHeadlessExport(const ExportRequest& r, QString* error) {
  if (!QStringList{QStringLiteral("heatmap"), QStringLiteral("spectrum"), QStringLiteral("tradeoff"), QStringLiteral("curves")}
           .contains(r.view)) {
    if (error) *error = tr("unknown view '%1' (heatmap, spectrum, tradeoff, curves)").arg(r.view);
    return false;
  }
  const QString out = r.out.isEmpty() ? QString() : QFileInfo(r.out).absoluteFilePath();
  if (out.isEmpty()) {
    if (error) *error = tr("give --out FILE");
    return false;
  }
  if (QFileInfo(out).suffix().toLower() != r.format) {
    if (error) *error = tr("--out %1 does not end in .%2").arg(r.out, r.format);
    return false;
  }
  if (!QFileInfo::exists(r.db)) {
    if (error) *error = tr("no database at %1").arg(r.db);
    return false;
  }
  migrateIfWritable(r.db);
  QStringList runs;
  if (r.view != QStringLiteral("tradeoff")) {
    if (r.runs.isEmpty()) {
      if (error) *error = tr("give --run ID (the %1 view shows runs)").arg(r.view);
      return false;
    }
    runs = resolveRuns(r.db, r.runs, error);
    if (runs.isEmpty()) return false;
  }
  if (r.view == QStringLiteral("heatmap")) {
    AttentionExplorer view;
    view.resize(1100, 720);
    view.setRun(r.db, runs.front());
    if (!waitLoaded(&view, &AttentionExplorer::loaded)) {
      if (error) *error = tr("run %1 has no recorded attention").arg(runs.front().left(8));
      return false;
    }
    const auto& steps = view.index().steps;
    int stepIndex = static_cast<int>(steps.size()) - 1;
    if (r.step >= 0) {
      const auto it = std::find(steps.begin(), steps.end(), r.step);
      if (it == steps.end()) {
        QStringList have;
        for (auto s : steps) have << QString::number(s);
        if (error) *error = tr("no attention recorded at step %1; recorded steps: %2").arg(r.step).arg(have.join(QStringLiteral(", ")));
        return false;
      }
      stepIndex = static_cast<int>(it - steps.begin());
    }
    if (r.layer < 0 || r.layer >= view.index().layers || r.head < 0 || r.head >= view.index().heads) {
      if (error) *error = tr("layer %1 head %2 does not exist (the model has %3 layers of %4 heads)")
                              .arg(r.layer).arg(r.head).arg(view.index().layers).arg(view.index().heads);
      return false;
    }
    QEventLoop loop;
    QObject::connect(&view, &AttentionExplorer::matrixShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    view.select(r.probe, stepIndex, r.layer, r.head);
    loop.exec();
    return view.exportTo(out, r.dpi, error);
  }
  if (r.view == QStringLiteral("curves")) {
    CurvesView view;
    view.resize(1000, 760);
    view.setRuns(r.db, runs);
    if (!waitLoaded(&view, &CurvesView::loaded)) {
      if (error) *error = tr("cannot load the runs");
      return false;
    }
    if (!view.data().keys.contains(r.metric)) {
      if (error) *error = tr("no metric '%1'; the runs have: %2").arg(r.metric, view.data().keys.join(QStringLiteral(", ")));
      return false;
    }
    view.setMetric(r.metric);
    view.show();  // the chart lays itself out on the event loop
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    return view.exportTo(out, r.dpi, error);
  }
  if (r.view == QStringLiteral("spectrum")) {
    SpectraView view;
    view.resize(1100, 800);
    view.setRuns(r.db, runs);
    if (!waitLoaded(&view, &SpectraView::loaded)) {
      if (error) *error = tr("cannot load the runs");
      return false;
    }
    view.select(r.module, r.layer, r.step >= 0 ? r.step : std::numeric_limits<int64_t>::max());
    return view.exportTo(out, r.dpi, error);
  }
  if (r.view == QStringLiteral("tradeoff")) {
    TradeoffView view;
    view.resize(1100, 760);
    view.setDatabase(r.db);
    if (!waitLoaded(&view, &TradeoffView::loaded)) {
      if (error) *error = tr("cannot read %1").arg(r.db);
      return false;
    }
    if (r.tradeoff == QStringLiteral("lengths")) {
      if (!view.benchmarkModes().contains(r.pass) || !view.benchmarkDevices().contains(r.device)) {
        if (error) *error = tr("no %1 benchmarks on %2 in %3").arg(r.pass, r.device, r.db);
        return false;
      }
      view.setMode(TradeoffView::CurvesMode);
      view.setBenchmarkSelection(r.pass, r.device);
    } else if (r.tradeoff != QStringLiteral("runs")) {
      if (error) *error = tr("--tradeoff: expected runs or lengths (got '%1')").arg(r.tradeoff);
      return false;
    }
    view.show();
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    return view.exportTo(out, r.dpi, error);
  }
  if (error) *error = tr("unknown view '%1' (heatmap, spectrum, tradeoff, curves)").arg(r.view);
  return false;
}

bool prepareReportFolder(const QString& dirPath, QDir* dir, QString* error) {
  *dir = QDir(dirPath);
  if (dir->exists(QStringLiteral("index.html"))) {
    if (error) *error = tr("%1 already holds a report (index.html); choose an empty folder").arg(dirPath);
    return false;
  }
  if (!dir->mkpath(QStringLiteral("."))) {
    if (error) *error = tr("cannot create %1").arg(dirPath);
    return false;
  }
  return true;
}

QString embeddedChartHtml(const QDir& dir, const QString& title, const QString& file, bool heading) {
  QFile png(dir.filePath(file + QStringLiteral(".png")));
  png.open(QIODevice::ReadOnly);
  return (heading ? QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()) : QString()) +
         QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\"><p><a href=\"%3.csv\">%4</a> · "
                        "<a href=\"%3.png\">PNG</a></p>")
             .arg(title.toHtmlEscaped(), QString::fromLatin1(png.readAll().toBase64()), file, tr("data (CSV)"));
}

bool writeReportPage(const QDir& dir, const QString& title, const QString& subtitle, const QString& body, const QString& css,
                     QString* error) {
  const QString html =
      QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title><style>"
                     "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                     "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                     "img{max-width:100%;border:1px solid #ddd}.note{color:#777}%4</style></head><body><h1>%1</h1>"
                     "<p>%2</p>%3</body></html>")
          .arg(title, subtitle, body, css);
  QFile f(dir.filePath(QStringLiteral("index.html")));
  if (!f.open(QIODevice::WriteOnly) || f.write(html.toUtf8()) < 0) {
    if (error) *error = tr("cannot write %1").arg(f.fileName());
    return false;
  }
  return true;
}

bool writeReport(const QString& db, const QStringList& runsIn, const QString& dirPath, QString* error) {
  const QStringList runs = resolveRuns(db, runsIn, error);
  if (runs.isEmpty()) {
    if (error && error->isEmpty()) *error = tr("name at least one run");
    return false;
  }
  QDir dir;
  if (!prepareReportFolder(dirPath, &dir, error)) return false;
  QString body;
  RunStore store(db.toStdString(), true);
  body += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>")
              .arg(tr("run"), tr("name"), tr("preset"), tr("method"), tr("status"), tr("test accuracy"), tr("wall time"));
  for (const QString& id : runs) {
    const auto r = *store.find_run(id.toStdString());
    const auto summary = nlohmann::json::parse(r.summary_json, nullptr, false);
    const QString acc = summary.is_object() && summary.contains("test/accuracy") && summary["test/accuracy"].is_number()
                            ? QString::number(summary["test/accuracy"].get<double>() * 100.0, 'f', 1) + QStringLiteral("%")
                            : QStringLiteral("–");
    body += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7 s</td></tr>")
                .arg(id.left(8), QString::fromStdString(r.name).toHtmlEscaped(), QString::fromStdString(r.preset).toHtmlEscaped(),
                     QString::fromStdString(r.method).toHtmlEscaped(), QString::fromStdString(r.status).toHtmlEscaped(), acc,
                     QString::number(r.wall_seconds, 'f', 1));
  }
  body += QStringLiteral("</table>");
  struct Chart {
    const char* view;
    QString title, file;
    QStringList runs;
  };
  const std::vector<Chart> charts = {
      {"curves", tr("Training loss"), QStringLiteral("curves"), runs},
      {"heatmap", tr("Attention of the first run (last step, layer 0, head 0)"), QStringLiteral("attention"), {runs.front()}},
      {"spectrum", tr("Rank spectra of the weight updates"), QStringLiteral("spectra"), runs},
      {"tradeoff", tr("Speed and memory of every finished run in the database"), QStringLiteral("tradeoff"), {}},
  };
  for (const auto& c : charts) {
    ExportRequest req;
    req.db = db;
    req.view = QString::fromLatin1(c.view);
    req.runs = c.runs;
    req.dpi = 110;
    QString why;
    req.format = QStringLiteral("png");
    req.out = dir.filePath(c.file + QStringLiteral(".png"));
    if (!runHeadlessExport(req, &why)) {
      body += QStringLiteral("<h2>%1</h2><p class=note>%2</p>").arg(c.title.toHtmlEscaped(), tr("Not available: %1").arg(why.toHtmlEscaped()));
      continue;
    }
    req.format = QStringLiteral("csv");
    req.out = dir.filePath(c.file + QStringLiteral(".csv"));
    runHeadlessExport(req, &why);
    body += embeddedChartHtml(dir, c.title, c.file);
  }
  return writeReportPage(dir, tr("etlab report"),
                         tr("Database %1 · etlab %2 · git %3")
                             .arg(QFileInfo(db).absoluteFilePath().toHtmlEscaped(), QString::fromStdString(version()),
                                  QString::fromStdString(git_revision())),
                         body, QString(), error);
}

int headlessMain(int argc, char** argv) {
  // No window: the offscreen platform unless the caller chose one.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  // The offscreen platform's notes about window hints mean nothing here.
  static QtMessageHandler previous = nullptr;
  previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.contains(QStringLiteral("propagateSizeHints")) || message.startsWith(QStringLiteral("QStandardPaths:"))) return;
    if (previous) previous(type, context, message);
  });
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("etlab"));
  const QString command = QString::fromLocal8Bit(argv[1]);
  QCommandLineParser p;
  p.addHelpOption();
  p.addPositionalArgument(QStringLiteral("command"), tr("export or report"));
  QCommandLineOption db(QStringLiteral("db"), tr("database file"), QStringLiteral("FILE"));
  QCommandLineOption run(QStringLiteral("run"), tr("run id or prefix (several: comma-separated)"), QStringLiteral("ID"));
  QCommandLineOption view(QStringLiteral("view"), tr("heatmap, spectrum, tradeoff or curves"), QStringLiteral("VIEW"));
  QCommandLineOption format(QStringLiteral("format"), tr("png, svg, pdf or csv"), QStringLiteral("FORMAT"), QStringLiteral("png"));
  QCommandLineOption out(QStringLiteral("out"), tr("file (export) or folder (report) to write"), QStringLiteral("PATH"));
  QCommandLineOption layer(QStringLiteral("layer"), tr("layer (heatmap, spectrum)"), QStringLiteral("L"), QStringLiteral("0"));
  QCommandLineOption head(QStringLiteral("head"), tr("head (heatmap)"), QStringLiteral("H"), QStringLiteral("0"));
  QCommandLineOption step(QStringLiteral("step"), tr("step (default: the last recorded)"), QStringLiteral("S"), QStringLiteral("-1"));
  QCommandLineOption module(QStringLiteral("module"), tr("adapted module (spectrum): q, k, v, o, ffn_in, ffn_out"), QStringLiteral("M"),
                            QStringLiteral("q"));
  QCommandLineOption metric(QStringLiteral("metric"), tr("metric (curves)"), QStringLiteral("KEY"), QStringLiteral("train/loss"));
  QCommandLineOption dpi(QStringLiteral("dpi"), tr("PNG resolution"), QStringLiteral("DPI"), QStringLiteral("200"));
  QCommandLineOption tradeoff(QStringLiteral("tradeoff"), tr("tradeoff view: runs or lengths"), QStringLiteral("WHICH"),
                              QStringLiteral("runs"));
  QCommandLineOption pass(QStringLiteral("pass"), tr("tradeoff lengths: fwd or fwdbwd"), QStringLiteral("PASS"), QStringLiteral("fwd"));
  QCommandLineOption device(QStringLiteral("device"), tr("tradeoff lengths: cpu or cuda"), QStringLiteral("DEVICE"),
                            QStringLiteral("cpu"));
  QCommandLineOption review(QStringLiteral("review"), tr("report: a review study's review.json instead of runs"),
                            QStringLiteral("FILE"));
  for (const auto& o : {db, run, view, format, out, layer, head, step, module, metric, dpi, tradeoff, pass, device, review})
    p.addOption(o);
  p.process(app);
  auto fail = [](const QString& message) {
    std::fprintf(stderr, "etlab %s\n", message.toLocal8Bit().constData());
    return 1;
  };
  if (command == QStringLiteral("report") && p.isSet(review)) {
    if (!p.isSet(out)) return fail(tr("report: give --out FOLDER"));
    QString error;
    if (!writeReviewReport(p.value(review), p.value(out), &error)) return fail(QStringLiteral("report: ") + error);
    std::printf("wrote %s\n", QDir(p.value(out)).filePath(QStringLiteral("index.html")).toLocal8Bit().constData());
    return 0;
  }
  if (!p.isSet(db) || !p.isSet(out)) return fail(tr("%1: give --db FILE and --out PATH").arg(command));
  const QStringList runs = p.value(run).split(QLatin1Char(','), Qt::SkipEmptyParts);
  QString error;
  if (command == QStringLiteral("report")) {
    if (!writeReport(p.value(db), runs, p.value(out), &error)) return fail(QStringLiteral("report: ") + error);
    std::printf("wrote %s\n", QDir(p.value(out)).filePath(QStringLiteral("index.html")).toLocal8Bit().constData());
    return 0;
  }
  ExportRequest r;
  r.db = p.value(db);
  r.view = p.value(view);
  r.format = p.value(format).toLower();
  r.out = p.value(out);
  r.runs = runs;
  bool ok1 = true, ok2 = true, ok3 = true, ok4 = true;
  r.layer = p.value(layer).toInt(&ok1);
  r.head = p.value(head).toInt(&ok2);
  r.step = p.value(step).toLongLong(&ok3);
  r.dpi = p.value(dpi).toInt(&ok4);
  if (!ok1 || !ok2 || !ok3 || !ok4) return fail(tr("export: --layer, --head, --step and --dpi take whole numbers"));
  r.module = p.value(module);
  r.metric = p.value(metric);
  r.tradeoff = p.value(tradeoff);
  r.pass = p.value(pass);
  r.device = p.value(device);
  if (!QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")}.contains(r.format))
    return fail(tr("export: --format must be png, svg, pdf or csv"));
  if (!runHeadlessExport(r, &error)) return fail(QStringLiteral("export: ") + error);
  std::printf("wrote %s\n", QFileInfo(r.out).absoluteFilePath().toLocal8Bit().constData());
  return 0;
}

}  // namespace etlab
