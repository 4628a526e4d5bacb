// SPDX-License-Identifier: MIT
#include "views/tradeoff/TradeoffData.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

#include "core/store/run_store.h"

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

}  // namespace

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

}  // namespace etlab
