// SPDX-License-Identifier: MIT
// GPT-2 byte-level BPE that reproduces gpt-3-encoder@1.1.4's Encoder.js id for id, quirks included.
#include "core/data/bpe_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <array>
#include <climits>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/data/data_cache.h"

namespace etlab {

namespace {

constexpr int32_t kTextTokens = 50257;  // ids 0..50256 come from encoder.json
constexpr int32_t kNoRank = INT32_MAX;
constexpr size_t kCacheLimit = 1 << 16;           // Encoder.js never evicts; we cap memory on long runs
constexpr size_t kCacheMaxToken = 256;            // long pieces rarely repeat and would pin much memory
const char* const kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The package's regex runs in JavaScript, so its classes must mean what they mean in Node, not in
// PCRE2. JS `\s` is this set; PCRE2's UCP `\s` would add U+0085 and U+180E and lack U+FEFF.
const char* const kSpace =
    "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
// Letters and digits of Unicode 15-17 (Node 20's ICU, which made golden.json) that PCRE2 10.42's
// Unicode 14 tables list as unassigned. A newer PCRE2 already knows them; the union is harmless.
const char* const kNewLetters =
    "\\x{88F}\\x{C5C}\\x{CDC}\\x{1C89}-\\x{1C8A}\\x{A7CB}-\\x{A7CF}\\x{A7D2}\\x{A7D4}\\x{A7DA}-\\x{A7DC}\\x{A7F1}"
    "\\x{105C0}-\\x{105F3}\\x{10940}-\\x{10959}\\x{10D4A}-\\x{10D65}\\x{10D6F}-\\x{10D85}\\x{10EC2}-\\x{10EC7}"
    "\\x{1123F}-\\x{11240}\\x{11380}-\\x{11389}\\x{1138B}\\x{1138E}\\x{11390}-\\x{113B5}\\x{113B7}\\x{113D1}"
    "\\x{113D3}\\x{11BC0}-\\x{11BE0}\\x{11DB0}-\\x{11DDB}\\x{11F02}\\x{11F04}-\\x{11F10}\\x{11F12}-\\x{11F33}"
    "\\x{1342F}\\x{13441}-\\x{13446}\\x{13460}-\\x{143FA}\\x{16100}-\\x{1611D}\\x{16D40}-\\x{16D6C}"
    "\\x{16EA0}-\\x{16EB8}\\x{16EBB}-\\x{16ED3}\\x{16FF2}-\\x{16FF3}\\x{187F8}-\\x{187FF}\\x{18CFF}"
    "\\x{18D09}-\\x{18D1E}\\x{18D80}-\\x{18DF2}\\x{1B132}\\x{1B155}\\x{1DF25}-\\x{1DF2A}\\x{1E030}-\\x{1E06D}"
    "\\x{1E4D0}-\\x{1E4EB}\\x{1E5D0}-\\x{1E5ED}\\x{1E5F0}\\x{1E6C0}-\\x{1E6DE}\\x{1E6E0}-\\x{1E6E2}"
    "\\x{1E6E4}-\\x{1E6E5}\\x{1E6E7}-\\x{1E6ED}\\x{1E6F0}-\\x{1E6F4}\\x{1E6FE}-\\x{1E6FF}\\x{2B739}-\\x{2B73F}"
    "\\x{2CEA2}-\\x{2CEAD}\\x{2EBF0}-\\x{2EE5D}\\x{31350}-\\x{33479}";
const char* const kNewDigits =
    "\\x{10D40}-\\x{10D49}\\x{116D0}-\\x{116E3}\\x{11BF0}-\\x{11BF9}\\x{11DE0}-\\x{11DE9}\\x{11F50}-\\x{11F59}"
    "\\x{16130}-\\x{16139}\\x{16D70}-\\x{16D79}\\x{16FF4}-\\x{16FF6}\\x{1CCF0}-\\x{1CCF9}\\x{1D2C0}-\\x{1D2D3}"
    "\\x{1E4F0}-\\x{1E4F9}\\x{1E5F1}-\\x{1E5FA}";

/// /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/u with JS classes.
std::string split_pattern() {
  const std::string s = kSpace, l = std::string("\\p{L}") + kNewLetters, n = std::string("\\p{N}") + kNewDigits;
  return "'s|'t|'re|'ve|'m|'ll|'d| ?[" + l + "]+| ?[" + n + "]+| ?[^" + s + l + n + "]+|[" + s + "]+(?![^" + s +
         "])|[" + s + "]+";
}

/// GPT-2's reversible map from bytes to printable code points (all below U+0144).
std::array<char32_t, 256> bytes_to_unicode() {
  std::array<char32_t, 256> map{};
  char32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    map[b] = printable ? static_cast<char32_t>(b) : next++;
  }
  return map;
}

/// Turns a vocabulary string (byte-encoder code points) back into raw bytes; false if it holds a
/// code point that is not the image of a byte.
bool unicode_to_bytes(const std::string& piece, std::string& out) {
  static const std::array<int, 0x144> inverse = [] {
    std::array<int, 0x144> inv;
    inv.fill(-1);
    const auto map = bytes_to_unicode();
    for (int b = 0; b < 256; ++b) inv[map[b]] = b;
    return inv;
  }();
  out.clear();
  for (size_t i = 0; i < piece.size();) {
    const auto c = static_cast<unsigned char>(piece[i]);
    char32_t cp;
    if (c < 0x80) {
      cp = c, i += 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < piece.size() && (piece[i + 1] & 0xC0) == 0x80) {
      cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(piece[i + 1]) & 0x3Fu), i += 2;
    } else {
      return false;  // every byte-encoder code point fits in two UTF-8 bytes
    }
    if (cp >= inverse.size() || inverse[cp] < 0) return false;
    out.push_back(static_cast<char>(inverse[cp]));
  }
  return !out.empty();
}

/// Invalid UTF-8 is not an error: each ill-formed subsequence becomes one U+FFFD, exactly as the
/// WHATWG decoder (JS TextDecoder) does it, so encode(bytes) equals Encoder.js's
/// encode(new TextDecoder().decode(bytes)), and decode() always returns valid UTF-8.
std::string to_valid_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;  // no overlongs, no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;  // no overlongs, nothing past U+10FFFF
    } else {
      out += kReplacement, ++i;
      continue;
    }
    size_t j = i + 1;
    for (; j < n && j <= i + need; ++j, lo = 0x80, hi = 0xBF) {
      const auto c = static_cast<unsigned char>(s[j]);
      if (c < lo || c > hi) break;  // the offending byte starts the next sequence
    }
    if (j == i + need + 1)
      out.append(s, i, need + 1);
    else
      out += kReplacement;
    i = j;
  }
  return out;
}

}  // namespace

struct BpeTokenizer::Impl {
  std::unordered_map<std::string, int32_t> encoder;  // raw bytes -> id
  std::vector<std::string> pieces;                   // id -> encoder.json key, e.g. "Ġthe"
  std::vector<std::string> bytes;                    // id -> raw bytes
  // Encoder.js keys its ranks by String([a, b]) == a + "," + b, so the pairs ("\"", ",\"") and
  // ("\",", "\"") share a rank. We key the same way (',' maps to itself) to give the same ids.
  std::unordered_map<std::string, int32_t> ranks;
  pcre2_code* regex = nullptr;
  mutable std::mutex cache_mutex;
  mutable std::unordered_map<std::string, std::vector<int32_t>> cache;

  ~Impl() { pcre2_code_free(regex); }
  std::vector<int32_t> bpe(const std::string& token) const;
};

std::vector<int32_t> BpeTokenizer::Impl::bpe(const std::string& token) const {
  const bool cacheable = token.size() <= kCacheMaxToken;
  if (cacheable) {
    std::lock_guard<std::mutex> lock(cache_mutex);
    if (auto it = cache.find(token); it != cache.end()) return it->second;
  }
  // The word is a list of spans of `token`; pair ranks are kept and only looked up again next to a
  // merge, so a pass costs a scan of integers. Each pass still mirrors one turn of Encoder.js's loop.
  struct Span {
    size_t begin, size;
  };
  const auto text = [&](const Span& s) { return std::string_view(token).substr(s.begin, s.size); };
  std::string key;
  const auto rank_of = [&](const Span& a, const Span& b) {
    key.assign(text(a)).append(1, ',').append(text(b));
    const auto it = ranks.find(key);
    return it == ranks.end() ? kNoRank : it->second;
  };
  std::vector<Span> word, merged;
  std::vector<int32_t> pair_rank, merged_rank;
  constexpr size_t kNew = static_cast<size_t>(-1);
  std::vector<size_t> origin;  // for each merged-word span: its index in `word`, or kNew
  for (size_t i = 0; i < token.size(); ++i) word.push_back({i, 1});
  for (size_t i = 0; i + 1 < word.size(); ++i) pair_rank.push_back(rank_of(word[i], word[i + 1]));
  while (word.size() > 1) {
    // Lowest rank wins; on a tie the last pair wins, as Encoder.js overwrites minPairs[rank].
    int32_t best_rank = kNoRank;
    size_t best = 0;
    for (size_t i = 0; i < pair_rank.size(); ++i)
      if (pair_rank[i] <= best_rank) best_rank = pair_rank[i], best = i;
    if (best_rank == kNoRank) break;
    const std::string_view first = text(word[best]), second = text(word[best + 1]);
    merged.clear();
    origin.clear();
    for (size_t i = 0; i < word.size();) {
      if (text(word[i]) == first && i + 1 < word.size() && text(word[i + 1]) == second) {
        merged.push_back({word[i].begin, word[i].size + word[i + 1].size});
        origin.push_back(kNew);
        i += 2;
      } else {
        merged.push_back(word[i]);
        origin.push_back(i++);
      }
    }
    merged_rank.clear();
    for (size_t i = 0; i + 1 < merged.size(); ++i) {
      const bool kept = origin[i] != kNew && origin[i + 1] != kNew;  // an unchanged neighbour pair
      merged_rank.push_back(kept ? pair_rank[origin[i]] : rank_of(merged[i], merged[i + 1]));
    }
    word.swap(merged);
    pair_rank.swap(merged_rank);
  }
  std::vector<int32_t> ids;
  for (const auto& span : word) {
    if (auto it = encoder.find(std::string(text(span))); it != encoder.end()) {
      ids.push_back(it->second);
    } else {
      // Unreachable with the shipped files (every merge result is in encoder.json, where
      // Encoder.js would yield `undefined`); fall back to single bytes, which always exist.
      for (char c : text(span)) ids.push_back(encoder.at(std::string(1, c)));
    }
  }
  if (!cacheable) return ids;
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (cache.size() >= kCacheLimit) cache.clear();
  cache.emplace(token, ids);
  return ids;
}

BpeTokenizer::BpeTokenizer() : impl_(std::make_unique<Impl>()) {}
BpeTokenizer::~BpeTokenizer() = default;

std::unordered_map<std::string, int32_t> parse_bpe_merges(const std::string& text, const std::string& bpe_path) {
  std::unordered_map<std::string, int32_t> ranks;
  // Encoder.js: lines = file.split('\n'); merges = lines.slice(1, -1): the version line and the
  // (empty) text after the final newline are dropped; each line splits on whitespace.
  std::vector<std::string> lines;
  for (size_t start = 0;;) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (lines.size() < 3 || lines[0].rfind("#version", 0) != 0)
    throw DataError(bpe_path + " is not a BPE merge list (no '#version' header or no merges)");
  for (size_t k = 1; k + 1 < lines.size(); ++k) {
    std::vector<std::string> fields;
    const std::string& line = lines[k];
    for (size_t i = 0; i < line.size();) {
      const size_t b = line.find_first_not_of(" \t\r\f\v", i);
      if (b == std::string::npos) break;
      const size_t e = line.find_first_of(" \t\r\f\v", b);
      fields.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
      i = e == std::string::npos ? line.size() : e;
    }
    std::string a, b;
    if (fields.size() != 2 || !unicode_to_bytes(fields[0], a) || !unicode_to_bytes(fields[1], b))
      throw DataError(bpe_path + ":" + std::to_string(k + 1) + ": expected two byte-level tokens");
    ranks[a + ',' + b] = static_cast<int32_t>(k - 1);  // a repeated key takes the later rank, as in JS
  }

  return ranks;
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError("GPT-2 BPE folder " + dir + " does not exist");
  const std::string enc_path = (fs::path(dir) / "encoder.json").string(), bpe_path = (fs::path(dir) / "vocab.bpe").string();
  const std::string encoder = read_file(enc_path);
  std::string merges;
  try {
    merges = read_file(bpe_path);
  } catch (const DataError&) {
    // The vocabulary's own problems come first; then the missing merge list.
    try {
      parse(encoder, {}, enc_path, bpe_path);
    } catch (const DataError& e) {
      if (std::string(e.what()).find(enc_path) != std::string::npos) throw;
    }
    throw;
  }
  return parse(encoder, merges, enc_path, bpe_path);
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::parse(const std::string& encoder_json, const std::string& merges,
                                                  const std::string& enc_path, const std::string& bpe_path) {
  std::unique_ptr<BpeTokenizer> tok(new BpeTokenizer());
  Impl& im = *tok->impl_;

  nlohmann::json enc;
  try {
    enc = nlohmann::json::parse(encoder_json);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(enc_path + " is not valid JSON: " + e.what());
  }
  if (!enc.is_object() || enc.size() != static_cast<size_t>(kTextTokens))
    throw DataError(enc_path + " must be an object of " + std::to_string(kTextTokens) + " tokens");
  im.pieces.assign(kTextTokens, {});
  im.bytes.assign(kTextTokens, {});
  std::string raw;
  for (const auto& [key, value] : enc.items()) {
    const int64_t id = value.is_number_integer() ? value.get<int64_t>() : -1;
    if (id < 0 || id >= kTextTokens || !im.pieces[id].empty())
      throw DataError(enc_path + ": token \"" + key + "\" has a bad or repeated id " + value.dump());
    if (!unicode_to_bytes(key, raw)) throw DataError(enc_path + ": token \"" + key + "\" is not byte-level");
    im.pieces[id] = key;
    im.bytes[id] = raw;
    im.encoder.emplace(raw, static_cast<int32_t>(id));
  }

  im.ranks = parse_bpe_merges(merges, bpe_path);

  int err = 0;
  PCRE2_SIZE err_offset = 0;
  const std::string pattern = split_pattern();
  im.regex = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), pattern.size(), PCRE2_UTF | PCRE2_UCP, &err,
                           &err_offset, nullptr);
  if (!im.regex) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    throw std::logic_error("BPE split pattern does not compile at " + std::to_string(err_offset) + ": " +
                           reinterpret_cast<const char*>(msg));
  }
  pcre2_jit_compile(im.regex, PCRE2_JIT_COMPLETE);  // optional speed-up; the interpreter is the fallback
  return tok;
}

std::vector<int32_t> BpeTokenizer::encode(const std::string& text) const {
  const std::string subject = to_valid_utf8(text);
  std::unique_ptr<pcre2_match_data, void (*)(pcre2_match_data*)> match(
      pcre2_match_data_create_from_pattern(impl_->regex, nullptr), pcre2_match_data_free);
  if (!match) throw std::bad_alloc();
  const auto* data = reinterpret_cast<PCRE2_SPTR>(subject.data());
  std::vector<int32_t> ids;
  for (size_t offset = 0; offset < subject.size();) {
    const int rc = pcre2_match(impl_->regex, data, subject.size(), offset, PCRE2_NO_UTF_CHECK, match.get(), nullptr);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) throw std::runtime_error("BPE pre-tokenisation failed (PCRE2 error " + std::to_string(rc) + ")");
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(match.get());
    if (ov[1] <= ov[0]) break;  // the pattern cannot match empty; guard against looping anyway
    const auto part = impl_->bpe(subject.substr(ov[0], ov[1] - ov[0]));
    ids.insert(ids.end(), part.begin(), part.end());
    offset = ov[1];
  }
  return ids;
}

std::string BpeTokenizer::decode(const std::vector<int32_t>& ids) const {
  // <pad>, <cls> and unknown ids are skipped (as ByteTokenizer does); 50256 decodes to the text
  // "<|endoftext|>", as in Encoder.js. Unlike its TextDecoder we keep a leading U+FEFF, so that
  // decode(encode(s)) == s for all valid UTF-8.
  std::string out;
  for (int32_t id : ids)
    if (id >= 0 && id < kTextTokens) out += impl_->bytes[id];
  return to_valid_utf8(out);
}

std::string BpeTokenizer::piece(int32_t id) const {
  if (id >= 0 && id < kTextTokens) return impl_->pieces[id];
  if (id == pad_id()) return "<pad>";
  if (id == cls_id()) return "<cls>";
  return "<unk>";
}

}  // namespace etlab
