// SPDX-License-Identifier: MIT
#include "core/data/listops.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/data/rng.h"

namespace etlab {
namespace {

const char* const kPieces[] = {"<pad>", "<cls>", "<eos>", "[MIN", "[MAX", "[MED", "[SM", "]",
                               "0",     "1",     "2",     "3",    "4",    "5",    "6",   "7", "8", "9"};

enum Op { kMin = 0, kMax = 1, kMed = 2, kSm = 3 };
const char* const kOpText[] = {"[MIN", "[MAX", "[MED", "[SM"};

int apply_op(int op, std::vector<int>& args) {
  switch (op) {
    case kMin: return *std::min_element(args.begin(), args.end());
    case kMax: return *std::max_element(args.begin(), args.end());
    case kMed: {
      // LRA uses int(np.median(args)): the mean of the two middle values for even counts, truncated.
      std::sort(args.begin(), args.end());
      const size_t n = args.size();
      return n % 2 ? args[n / 2] : (args[n / 2 - 1] + args[n / 2]) / 2;
    }
    default: {
      int s = 0;
      for (int a : args) s += a;
      return s % 10;
    }
  }
}

// Builds one tree into `out` and returns its value; gives up (returns -1) once the budget is exceeded,
// so that huge trees cost no more than max_len tokens of work.
int build_tree(SplitMix64& rng, int64_t depth, const ListOpsOptions& o, std::vector<std::string>& out) {
  if (static_cast<int64_t>(out.size()) > o.max_len) return -1;
  const bool leaf = depth >= o.max_depth || rng.uniform() < 0.75;
  if (leaf) {
    const int v = static_cast<int>(rng.below(10));
    out.push_back(std::to_string(v));
    return v;
  }
  const int op = static_cast<int>(rng.below(4));
  const int64_t nargs = 2 + static_cast<int64_t>(rng.below(static_cast<uint64_t>(o.max_args - 1)));
  out.push_back(kOpText[op]);
  std::vector<int> values;
  for (int64_t i = 0; i < nargs; ++i) {
    const int v = build_tree(rng, depth + 1, o, out);
    if (v < 0) return -1;
    values.push_back(v);
  }
  out.push_back("]");
  return apply_op(op, values);
}

}  // namespace

std::vector<int32_t> ListOpsTokenizer::encode(const std::string& text) const {
  std::vector<int32_t> ids;
  std::istringstream in(text);
  std::string tok;
  while (in >> tok) {
    int32_t id = -1;
    for (int32_t i = 3; i < 18; ++i)
      if (tok == kPieces[i]) id = i;
    if (id < 0) throw std::invalid_argument("unknown ListOps token '" + tok + "'");
    ids.push_back(id);
  }
  return ids;
}

std::string ListOpsTokenizer::decode(const std::vector<int32_t>& ids) const {
  std::string out;
  for (int32_t id : ids) {
    if (id < 3 || id >= 18) continue;
    if (!out.empty()) out += ' ';
    out += kPieces[id];
  }
  return out;
}

std::string ListOpsTokenizer::piece(int32_t id) const {
  return id >= 0 && id < 18 ? kPieces[id] : "<unk>";
}

std::vector<ListOpsExample> generate_listops(int64_t count, uint64_t seed, const ListOpsOptions& options) {
  if (options.min_len > options.max_len) throw std::invalid_argument("ListOps min_len exceeds max_len");
  SplitMix64 rng(seed ^ 0x6c6973746f7073ULL);
  std::vector<ListOpsExample> out;
  out.reserve(static_cast<size_t>(count));
  std::vector<std::string> tokens;
  int64_t attempts = 0;
  while (static_cast<int64_t>(out.size()) < count) {
    if (++attempts > count * 100000 + 1000000)
      throw std::runtime_error("ListOps generation cannot meet the length range; widen task.min_len/max_len");
    tokens.clear();
    // The root is always an operator so that every example needs reasoning.
    ListOpsOptions o = options;
    const int op = static_cast<int>(rng.below(4));
    const int64_t nargs = 2 + static_cast<int64_t>(rng.below(static_cast<uint64_t>(o.max_args - 1)));
    tokens.push_back(kOpText[op]);
    std::vector<int> values;
    bool ok = true;
    for (int64_t i = 0; i < nargs && ok; ++i) {
      const int v = build_tree(rng, 2, o, tokens);
      ok = v >= 0;
      values.push_back(v);
    }
    tokens.push_back("]");
    const auto len = static_cast<int64_t>(tokens.size());
    if (!ok || len < options.min_len || len > options.max_len) continue;
    ListOpsExample ex;
    ex.label = apply_op(op, values);
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i) ex.text += ' ';
      ex.text += tokens[i];
    }
    if (options.max_chars > 0 && static_cast<int64_t>(ex.text.size()) > options.max_chars) continue;
    out.push_back(std::move(ex));
  }
  return out;
}

int evaluate_listops(const std::string& text) {
  // A stack machine over the token stream, deliberately unlike the recursive generator.
  std::istringstream in(text);
  std::string tok;
  std::vector<std::pair<int, std::vector<int>>> stack;
  int result = -1;
  auto push_value = [&](int v) {
    if (stack.empty()) {
      if (result >= 0) throw std::invalid_argument("ListOps: more than one top-level value");
      result = v;
    } else {
      stack.back().second.push_back(v);
    }
  };
  while (in >> tok) {
    if (tok == "]") {
      if (stack.empty()) throw std::invalid_argument("ListOps: unbalanced ']'");
      auto [op, args] = stack.back();
      stack.pop_back();
      if (args.empty()) throw std::invalid_argument("ListOps: operator without arguments");
      int v;
      if (op == kMin) v = *std::min_element(args.begin(), args.end());
      else if (op == kMax) v = *std::max_element(args.begin(), args.end());
      else if (op == kSm) { long s = 0; for (int a : args) s += a; v = static_cast<int>(s % 10); }
      else {
        std::vector<double> d(args.begin(), args.end());
        std::sort(d.begin(), d.end());
        const size_t n = d.size();
        const double med = n % 2 ? d[n / 2] : 0.5 * (d[n / 2 - 1] + d[n / 2]);
        v = static_cast<int>(med);
      }
      push_value(v);
    } else if (tok.size() == 1 && tok[0] >= '0' && tok[0] <= '9') {
      push_value(tok[0] - '0');
    } else {
      int op = -1;
      for (int i = 0; i < 4; ++i)
        if (tok == kOpText[i]) op = i;
      if (op < 0) throw std::invalid_argument("ListOps: unknown token '" + tok + "'");
      stack.push_back({op, {}});
    }
  }
  if (!stack.empty() || result < 0) throw std::invalid_argument("ListOps: incomplete expression");
  return result;
}

}  // namespace etlab
