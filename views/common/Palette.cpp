// SPDX-License-Identifier: MIT
#include "views/common/Palette.h"

#include <iterator>

namespace etlab {

QColor okabeIto(int i) {
  static const QRgb palette[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442};
  const int size = static_cast<int>(std::size(palette));
  return QColor::fromRgb(palette[((i % size) + size) % size]);
}

}  // namespace etlab
