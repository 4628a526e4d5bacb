// SPDX-License-Identifier: MIT
// The series colours every chart shares.
#pragma once

#include <QColor>

namespace etlab {

/// Colour-blind-safe (Okabe–Ito) colour for the i-th series, cycling through 8; yellow comes last (weak
/// on white), so `okabeIto(i % 7)` is the palette without it.
QColor okabeIto(int i);

}  // namespace etlab
