// SPDX-License-Identifier: MIT
#include "views/spectra/SpectraData.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/store/run_store.h"

namespace etlab {

std::vector<double> subspaceSimilarity(const AdapterVectorsRecord& a, const AdapterVectorsRecord& b, int* n_i, int* n_j) {
  auto valid = [](const AdapterVectorsRecord& r) {
    return r.rows > 0 && r.cols > 0 && r.data.size() == static_cast<size_t>(r.rows * r.cols);
  };
  std::vector<double> out;
  int ni = 0, nj = 0;
  if (valid(a) && valid(b) && a.cols == b.cols) {
    ni = static_cast<int>(a.rows);
    nj = static_cast<int>(b.rows);
    const auto cols = static_cast<size_t>(a.cols);
    // S(i, j) = sum over p < i, q < j of <a_p, b_q>^2 = ||U_A[:i]^T U_B[:j]||_F^2, by 2-D prefix sums.
    std::vector<double> sums(static_cast<size_t>((ni + 1) * (nj + 1)), 0.0);
    auto at = [&](int i, int j) -> double& { return sums[static_cast<size_t>(i * (nj + 1) + j)]; };
    out.resize(static_cast<size_t>(ni * nj));
    for (int i = 1; i <= ni; ++i) {
      const float* u = a.data.data() + static_cast<size_t>(i - 1) * cols;
      for (int j = 1; j <= nj; ++j) {
        const float* v = b.data.data() + static_cast<size_t>(j - 1) * cols;
        double dot = 0.0;
        for (size_t c = 0; c < cols; ++c) dot += static_cast<double>(u[c]) * v[c];
        at(i, j) = dot * dot + at(i - 1, j) + at(i, j - 1) - at(i - 1, j - 1);
        out[static_cast<size_t>((i - 1) * nj + (j - 1))] = std::clamp(at(i, j) / std::min(i, j), 0.0, 1.0);
      }
    }
  }
  if (n_i) *n_i = ni;
  if (n_j) *n_j = nj;
  return out;
}

std::vector<double> cumulativeEnergy(const std::vector<float>& singular) {
  std::vector<double> out(singular.size(), 0.0);
  double total = 0.0;
  for (float s : singular) total += static_cast<double>(s) * s;
  if (total <= 0.0) return out;
  double run = 0.0;
  for (size_t i = 0; i < singular.size(); ++i) {
    run += static_cast<double>(singular[i]) * singular[i];
    out[i] = std::min(1.0, run / total);
  }
  return out;
}

int rankForEnergy(const std::vector<float>& singular, double threshold) {
  const auto energy = cumulativeEnergy(singular);
  if (energy.empty() || energy.back() <= 0.0) return 0;
  for (size_t i = 0; i < energy.size(); ++i)
    if (energy[i] >= threshold - 1e-12) return static_cast<int>(i) + 1;
  return static_cast<int>(energy.size());
}

SpectraData loadSpectra(const QString& dbPath, const QStringList& runIds) {
  SpectraData data;
  data.dbPath = dbPath;
  if (runIds.isEmpty()) return data;
  try {
    RunStore store(dbPath.toStdString(), /*read_only=*/true);
    for (const QString& id : runIds) {
      SpectraRun run;
      run.runId = id;
      try {
        const auto rec = store.find_run(id.toStdString());
        if (!rec) throw StoreError("no run " + id.toStdString());
        run.runId = QString::fromStdString(rec->id);
        const auto cfg = nlohmann::json::parse(rec->config_json, nullptr, false);
        if (cfg.is_object()) {
          if (cfg.contains("lora") && cfg["lora"].is_object() && cfg["lora"].contains("r") && cfg["lora"]["r"].is_number())
            run.loraR = cfg["lora"]["r"].get<int>();
          else if (cfg.contains("lora.r") && cfg["lora.r"].is_number())
            run.loraR = cfg["lora.r"].get<int>();
        }
        run.spectra = store.spectra(rec->id);
        std::stable_sort(run.spectra.begin(), run.spectra.end(),
                         [](const SpectrumRecord& x, const SpectrumRecord& y) { return x.step < y.step; });
        run.vectors = store.adapter_vectors(rec->id);
        if (!run.spectra.empty()) run.kind = QString::fromStdString(run.spectra.front().kind);
      } catch (const std::exception& e) {
        run.error = QString::fromStdString(e.what());
      }
      run.label = run.runId.left(8);
      if (!run.kind.isEmpty()) run.label += QStringLiteral(" ") + run.kind;
      if (run.kind == QStringLiteral("lora") && run.loraR > 0) run.label += QStringLiteral(" r=%1").arg(run.loraR);
      data.runs.push_back(std::move(run));
    }
  } catch (const std::exception& e) {
    data.error = QString::fromStdString(e.what());
    data.runs.clear();
  }
  return data;
}

}  // namespace etlab
