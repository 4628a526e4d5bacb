// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace etlab {

/// Little-endian int32 array <-> bytes.
std::string encode_int32(const std::vector<int32_t>& values);
std::vector<int32_t> decode_int32(const std::string& bytes);

/// float32 array <-> bytes (little-endian IEEE 754).
std::string encode_float32(const std::vector<float>& values);
std::vector<float> decode_float32(const std::string& bytes);

/// float values -> IEEE half precision -> zlib. Decoding checks the expected count and throws
/// std::runtime_error on a corrupt blob.
std::string encode_f16_zlib(const std::vector<float>& values);
std::vector<float> decode_f16_zlib(const std::string& bytes, size_t expected_count);

uint16_t float_to_half(float f);
float half_to_float(uint16_t h);

}  // namespace etlab
