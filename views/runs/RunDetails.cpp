// SPDX-License-Identifier: MIT
#include "views/runs/RunDetails.h"

#include <map>

#include <QCoreApplication>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace etlab {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString mib(double bytes) { return QString::number(bytes / 1048576.0, 'f', 1); }

// A metric every rank reported through rank 0 ("rank1/tokens_per_s"): its rank and what it is.
bool rank_metric(const std::string& key, int* rank, std::string* what) {
  if (key.rfind("rank", 0) != 0) return false;
  const auto slash = key.find('/');
  if (slash == std::string::npos || slash == 4) return false;
  const std::string digits = key.substr(4, slash - 4);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6) return false;
  *rank = std::stoi(digits);
  *what = key.substr(slash + 1);
  return true;
}

}  // namespace

QString RunDetails::rankPanels(const RunRecord& r, const std::map<int, RankFacts>& ranks) {
  const auto env = nlohmann::json::parse(r.environment_json, nullptr, false);
  const auto summary = nlohmann::json::parse(r.summary_json, nullptr, false);
  const nlohmann::json dist = env.is_object() && env.contains("distributed") ? env["distributed"] : nlohmann::json::object();
  const auto world = dist.contains("world_size") && dist["world_size"].is_number_integer() ? dist["world_size"].get<int64_t>()
                                                                                         : static_cast<int64_t>(ranks.size());
  QString h = tr("<h4>Data-parallel job: %1 ranks</h4>").arg(world);
  if (!dist.empty()) try {
    h += tr("<p>Effective batch %1 (%2 a rank × %3 accumulated × %4 ranks) · learning rate %5 (scaling: %6) · %7 "
            "all-reduce in %8 MiB buckets · started by %9</p>")
             .arg(dist.value("effective_batch", 0))
             .arg(dist.value("per_rank_batch", 0))
             .arg(dist.value("accum", 1))
             .arg(world)
             .arg(dist.value("lr", 0.0))
             .arg(esc(dist.value("lr_scaling", std::string("none"))), esc(dist.value("backend", std::string("gloo"))))
             .arg(dist.value("bucket_mb", 0))
             .arg(esc(dist.value("launcher", std::string("?"))));
  } catch (const nlohmann::json::exception&) {
    // an environment written by something else, with other types: the rank table still stands
  }
  if (summary.is_object() && summary.contains("ranks_identical_checks") && summary["ranks_identical_checks"].is_number_integer())
    h += tr("<p>Parameters were identical on every rank, bit for bit, at all %1 comparisons.</p>")
             .arg(summary.value("ranks_identical_checks", static_cast<int64_t>(0)));
  double total = 0;
  for (const auto& [rank, f] : ranks) total += f.tokens_last;
  h += QStringLiteral("<table cellspacing=4><tr><th align=left>%1</th><th align=right>%2</th><th align=right>%3</th>"
                      "<th align=right>%4</th><th align=right>%5</th><th align=right>%6</th></tr>")
           .arg(tr("rank"), tr("tokens/s (last)"), tr("share"), tr("tokens/s (best)"), tr("peak tensors MiB"), tr("peak RSS MiB"));
  for (const auto& [rank, f] : ranks)
    h += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3%</td><td align=right>%4</td>"
                        "<td align=right>%5</td><td align=right>%6</td></tr>")
             .arg(rank)
             .arg(QString::number(f.tokens_last, 'f', 0))
             .arg(QString::number(total > 0 ? 100.0 * f.tokens_last / total : 0.0, 'f', 0))
             .arg(QString::number(f.tokens_max, 'f', 0))
             .arg(mib(f.peak_bytes), mib(f.peak_rss));
  h += QStringLiteral("</table>");
  return h;
}

QString RunDetails::html(const RunStore& store, const RunRecord& r) {
  QString h = QStringLiteral("<h3>%1 %2</h3>").arg(esc(r.id.substr(0, 8)), esc(r.name));
  QStringList facts;
  for (const std::string& part : {r.preset, r.method, r.task})
    if (!part.empty()) facts << esc(part);
  facts << tr("seed %1").arg(r.seed);
  h += QStringLiteral("<p><b>%1</b> %2 · %3</p>")
           .arg(esc(r.status), r.reason.empty() ? QString() : QStringLiteral("(") + esc(r.reason) + QStringLiteral(")"),
                facts.join(QStringLiteral(" · ")));
  const auto tags = store.tags(r.id);
  if (!tags.empty()) {
    QStringList t;
    for (const auto& x : tags) t << esc(x);
    h += tr("<p>Tags: %1</p>").arg(t.join(QStringLiteral(", ")));
  }
  if (!r.notes.empty()) h += tr("<p>Notes: %1</p>").arg(esc(r.notes));
  h += QStringLiteral("<table cellspacing=4><tr><th align=left>%1</th><th align=right>%2</th><th align=right>%3</th>"
                      "<th align=right>%4</th></tr>")
           .arg(tr("metric"), tr("last"), tr("best"), tr("at step"));
  std::map<int, RankFacts> ranks;
  for (const auto& m : store.metric_summaries(r.id)) {
    int rank = 0;
    std::string what;
    if (rank_metric(m.key, &rank, &what)) {  // shown in the rank panels below
      auto& f = ranks[rank];
      if (what == "tokens_per_s") {
        f.tokens_last = m.last;
        f.tokens_max = m.max;
      } else if (what == "peak_bytes") {
        f.peak_bytes = m.max;
      } else if (what == "peak_rss_bytes") {
        f.peak_rss = m.max;
      }
      continue;
    }
    h += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td></tr>")
             .arg(esc(m.key), QString::number(m.last, 'g', 5), QString::number(m.best, 'g', 5), QString::number(m.best_step));
  }
  h += QStringLiteral("</table>");
  if (!ranks.empty()) h += rankPanels(r, ranks);
  const auto c = store.artefact_counts(r.id);
  h += tr("<p>Recorded: %1 metric points, %2 evaluations, %3 attention selections, %4 probability maps, %5 spectra, "
          "%6 checkpoints.</p>")
           .arg(c.metrics)
           .arg(c.evals)
           .arg(c.selections)
           .arg(c.probabilities)
           .arg(c.spectra)
           .arg(c.checkpoints);
  const auto config = nlohmann::json::parse(r.config_json, nullptr, false);
  h += QStringLiteral("<pre>%1</pre>").arg(config.is_discarded() ? esc(r.config_json) : esc(config.dump(2)));
  return h;
}

}  // namespace etlab
