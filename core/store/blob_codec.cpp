// SPDX-License-Identifier: MIT
#include "core/store/blob_codec.h"

#include <cstring>
#include <stdexcept>

#include <zlib.h>

namespace etlab {

std::string encode_int32(const std::vector<int32_t>& values) {
  std::string out(values.size() * 4, '\0');
  for (size_t i = 0; i < values.size(); ++i) {
    const auto v = static_cast<uint32_t>(values[i]);
    for (int b = 0; b < 4; ++b) out[i * 4 + b] = static_cast<char>((v >> (8 * b)) & 0xFF);
  }
  return out;
}

std::vector<int32_t> decode_int32(const std::string& bytes) {
  std::vector<int32_t> out(bytes.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i * 4 + b])) << (8 * b);
    out[i] = static_cast<int32_t>(v);
  }
  return out;
}

std::string encode_float32(const std::vector<float>& values) {
  std::vector<int32_t> bits(values.size());
  std::memcpy(bits.data(), values.data(), values.size() * 4);
  return encode_int32(bits);
}

std::vector<float> decode_float32(const std::string& bytes) {
  const auto bits = decode_int32(bytes);
  std::vector<float> out(bits.size());
  std::memcpy(out.data(), bits.data(), bits.size() * 4);
  return out;
}

uint16_t float_to_half(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint32_t sign = (x >> 16) & 0x8000;
  const int32_t exp = static_cast<int32_t>((x >> 23) & 0xFF) - 127 + 15;
  uint32_t mant = x & 0x7FFFFF;
  if (((x >> 23) & 0xFF) == 0xFF) return static_cast<uint16_t>(sign | 0x7C00 | (mant ? 0x200 : 0));  // inf / nan
  if (exp >= 31) return static_cast<uint16_t>(sign | 0x7C00);                                         // overflow
  if (exp <= 0) {                                                                                     // subnormal
    if (exp < -10) return static_cast<uint16_t>(sign);
    mant |= 0x800000;
    const int shift = 14 - exp;
    uint32_t half = mant >> shift;
    if ((mant >> (shift - 1)) & 1) ++half;  // round half up
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = sign | (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
  if (mant & 0x1000) ++half;  // round to nearest (carry into the exponent is correct)
  return static_cast<uint16_t>(half);
}

float half_to_float(uint16_t h) {
  const uint32_t sign = (h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1F, mant = h & 0x3FF, bits;
  if (exp == 0) {
    if (mant == 0) bits = sign;
    else {
      exp = 127 - 15 + 1;
      while (!(mant & 0x400)) { mant <<= 1; --exp; }
      bits = sign | (exp << 23) | ((mant & 0x3FF) << 13);
    }
  } else if (exp == 31) {
    bits = sign | 0x7F800000 | (mant << 13);
  } else {
    bits = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

std::string encode_f16_zlib(const std::vector<float>& values) {
  std::string raw(values.size() * 2, '\0');
  for (size_t i = 0; i < values.size(); ++i) {
    const uint16_t h = float_to_half(values[i]);
    raw[2 * i] = static_cast<char>(h & 0xFF);
    raw[2 * i + 1] = static_cast<char>(h >> 8);
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), 6) != Z_OK)
    throw std::runtime_error("zlib compression failed");
  out.resize(size);
  return out;
}

std::vector<float> decode_f16_zlib(const std::string& bytes, size_t expected_count) {
  std::string raw(expected_count * 2, '\0');
  uLongf size = static_cast<uLongf>(raw.size());
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                 static_cast<uLong>(bytes.size())) != Z_OK ||
      size != raw.size())
    throw std::runtime_error("corrupt probability blob");
  std::vector<float> out(expected_count);
  for (size_t i = 0; i < expected_count; ++i)
    out[i] = half_to_float(static_cast<uint16_t>(static_cast<unsigned char>(raw[2 * i]) |
                                                 (static_cast<unsigned char>(raw[2 * i + 1]) << 8)));
  return out;
}

}  // namespace etlab
