// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"

#include <set>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/data/data_cache.h"
#include "core/data/listops.h"
#include "core/data/retrieval.h"
#include "core/data/rng.h"

namespace etlab {
namespace {

constexpr size_t kTextKeep = 2000;

std::string clip_text(const std::string& s) { return s.size() > kTextKeep ? s.substr(0, kTextKeep) : s; }

// Keeps at most `n` examples (0 = all) in a stable order that does not depend on the run's seed, so
// that every run of a task sees the same subset.
template <typename T>
void cap(std::vector<T>& v, int64_t n) {
  if (n > 0 && static_cast<int64_t>(v.size()) > n) v.resize(static_cast<size_t>(n));
}

std::vector<Document> load_documents(const TaskOptions& task, const DataCache& cache, const std::string& domain) {
  const std::string& d = task.dataset;
  if (d == "sentiment") return load_sentiment(cache, domain);
  if (d == "spam") return load_spam(cache);
  if (d == "sotu_party") return load_sotu(cache);
  if (d == "brown_genre") return load_brown(cache);
  if (d == "brown_tagging") return load_brown_tagging(cache);
  if (d == "reuters_corn") return load_reuters(cache, "corn");
  if (d == "reuters_grain") return load_reuters(cache, "grain");
  if (d == "fortunes") return load_fortunes(cache, task.categories);
  if (d == "user") return load_user_file(task.path);
  if (d == "fashion_mnist") return load_fashion_mnist(cache);
  if (d == "mnist") return load_mnist_digits(cache);
  if (d == "corpus") {
    // The pre-training corpus: State of the Union addresses, the Brown corpus and Moby-Dick.
    auto docs = load_sotu(cache, 0);
    auto brown = load_brown(cache);
    auto moby = load_moby_dick(cache);
    docs.insert(docs.end(), brown.begin(), brown.end());
    docs.insert(docs.end(), moby.begin(), moby.end());
    for (auto& doc : docs) doc.label.clear();
    return docs;
  }
  throw DataError("data set '" + d + "' has no document loader");
}

// Sequence to sequence: each document (words, tags with the same sentences and words) becomes examples of
// whole consecutive sentences whose words and tags each fit max_len; a longer sentence is cut at a word.
void cut_seq2seq(const Document& doc, const Tokenizer& tok, int64_t max_len, std::vector<Example>& dest) {
  auto split = [](const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
      const size_t end = s.find(sep, start);
      out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out;
  };
  const auto src_sentences = split(doc.text, '\n'), tgt_sentences = split(doc.label, '\n');
  if (src_sentences.size() != tgt_sentences.size())
    throw DataError("document '" + doc.id + "': " + std::to_string(src_sentences.size()) + " sentences but " +
                    std::to_string(tgt_sentences.size()) + " tagged ones");
  const auto limit = static_cast<size_t>(max_len);
  std::string src, tgt;
  auto flush = [&] {
    if (src.empty()) return;
    Example e;
    e.tokens = tok.encode(src);
    e.target.push_back(tok.cls_id());
    for (int32_t id : tok.encode(tgt)) e.target.push_back(id);
    e.target.push_back(tok.eos_id());
    e.text = src;
    dest.push_back(std::move(e));
    src.clear();
    tgt.clear();
  };
  for (size_t i = 0; i < src_sentences.size(); ++i) {
    std::string s = src_sentences[i], t = tgt_sentences[i];
    if (s.size() > limit || t.size() + 2 > limit) {  // one sentence alone is too long: keep the words that fit
      const auto w = split(s, ' '), g = split(t, ' ');
      if (w.size() != g.size())
        throw DataError("document '" + doc.id + "', sentence " + std::to_string(i + 1) + ": " + std::to_string(w.size()) +
                        " words but " + std::to_string(g.size()) + " tags");
      s.clear();
      t.clear();
      for (size_t j = 0; j < w.size(); ++j) {
        const size_t ns = s.size() + (j ? 1 : 0) + w[j].size(), nt = t.size() + (j ? 1 : 0) + g[j].size();
        if (ns > limit || nt + 2 > limit) break;
        s += (j ? " " : "") + w[j];
        t += (j ? " " : "") + g[j];
      }
      if (s.empty()) continue;
    }
    if (src.size() + 1 + s.size() > limit || tgt.size() + 1 + t.size() + 2 > limit) flush();
    src += (src.empty() ? "" : "\n") + s;
    tgt += (tgt.empty() ? "" : "\n") + t;
  }
  flush();
}

int64_t majority_share_count(const std::vector<Example>& train, const std::vector<Example>& test, double* share) {
  std::map<int64_t, int64_t> counts;
  for (const auto& e : train) ++counts[e.label];
  int64_t best = -1, best_count = -1;
  for (const auto& [label, c] : counts)
    if (c > best_count) best = label, best_count = c;
  int64_t hits = 0;
  for (const auto& e : test) hits += e.label == best;
  *share = test.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(test.size());
  return best;
}

}  // namespace

std::string tokenizer_for(const TaskOptions& task) {
  // ListOps reads as bytes too when asked (a fine-tune of a byte-level base).
  if (task.dataset == "listops") return task.tokenizer == "byte" ? "byte" : "listops";
  if (task.dataset == "retrieval") return "retrieval";
  if (is_image_dataset(task.dataset)) return "pixel";
  return task.tokenizer == "auto" ? "byte" : task.tokenizer;
}

std::string split_of(const Document& doc) {
  const uint64_t bucket = fnv1a(doc.id) % 100;
  if (doc.split == "test") return "test";
  if (doc.split == "train") return bucket < 90 ? "train" : "val";
  return bucket < 80 ? "train" : (bucket < 90 ? "val" : "test");
}

std::vector<std::string> data_packages_for(const TaskOptions& task) {
  static const std::map<std::string, std::vector<std::string>> by_dataset = {
      {"sentiment", {"sentiment"}},      {"spam", {"spam"}},
      {"sotu_party", {"sotu"}},          {"brown_genre", {"brown"}},
      {"brown_tagging", {"brown"}},      {"reuters_corn", {"weka"}},
      {"reuters_grain", {"weka"}},       {"fortunes", {"fortunes"}},
      {"fashion_mnist", {"fashion_mnist"}}, {"mnist", {"mnist"}},
      {"corpus", {"sotu", "brown", "moby_dick"}}};
  std::vector<std::string> out;
  if (auto it = by_dataset.find(task.dataset); it != by_dataset.end()) out = it->second;
  if (tokenizer_for(task) == "bpe") out.push_back("gpt2_bpe");
  return out;
}

std::vector<ConfigIssue> check_data(const TaskOptions& task, const DataCache& cache, bool parse_user_file) {
  std::vector<ConfigIssue> issues;
  for (const auto& key : data_packages_for(task)) {
    try {
      cache.package_dir(key);
    } catch (const DataError& e) {
      issues.push_back({key == "gpt2_bpe" ? "task.tokenizer" : "task.dataset", e.what()});
    }
  }
  if (task.dataset == "user") {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(task.path, ec)) {
      issues.push_back({"task.path", "'" + task.path + "' is not a readable file"});
    } else if (parse_user_file) {
      try {
        if (load_user_file(task.path).empty()) issues.push_back({"task.path", task.path + " holds no examples"});
      } catch (const DataError& e) {
        issues.push_back({"task.path", e.what()});
      }
    }
  }
  return issues;
}

std::vector<int32_t> encode_for_model(const std::string& text, const Tokenizer& tokenizer, int64_t max_len, bool prepend_cls) {
  std::vector<int32_t> ids = tokenizer.encode(text);
  if (static_cast<int64_t>(ids.size()) > max_len) ids.resize(static_cast<size_t>(max_len));
  if (ids.empty()) ids.push_back(tokenizer.eos_id());  // an empty text still yields one position
  if (prepend_cls) ids.insert(ids.begin(), tokenizer.cls_id());
  return ids;
}

DatasetSplits build_dataset(const TaskOptions& task, const Tokenizer& tokenizer, const DataCache& cache, bool prepend_cls) {
  DatasetSplits out;
  out.tokenizer = tokenizer.name();
  out.vocab_size = tokenizer.vocab_size();
  out.pad_id = tokenizer.pad_id();
  out.lm = task.objective == "lm";

  if (task.dataset == "listops" || task.dataset == "retrieval") {
    const bool listops = task.dataset == "listops";
    for (int i = 0; i < 10; ++i) out.class_names.push_back(listops ? std::to_string(i) : "v" + std::to_string(i));
    if (!listops) out.class_names.resize(RetrievalTokenizer::kValues);
    // Each split has its own fixed generator seed: the data never depends on the run's seed.
    const int64_t sizes[3] = {task.train_size, task.val_size, task.test_size};
    std::vector<Example>* dests[3] = {&out.train, &out.val, &out.test};
    for (int s = 0; s < 3; ++s) {
      const uint64_t seed = 1000003ULL * static_cast<uint64_t>(s + 1);
      if (listops) {
        ListOpsOptions o{task.min_len, task.max_len, task.listops_depth, task.listops_args};
        // Read as bytes, an expression must fit max_len characters, not tokens: nothing is cut off.
        if (tokenizer.name() != "listops") o.max_chars = task.max_len;
        for (auto& g : generate_listops(sizes[s], seed, o)) {
          Example e;
          e.tokens = encode_for_model(g.text, tokenizer, task.max_len, prepend_cls);
          e.label = g.label;
          e.text = clip_text(g.text);
          dests[s]->push_back(std::move(e));
        }
      } else {
        const int64_t min_distance = std::min<int64_t>(task.max_len - 1, std::max<int64_t>(task.min_len, task.max_len / 4));
        for (auto& g : generate_retrieval(sizes[s], seed, task.max_len, min_distance)) {
          Example e;
          e.tokens = g.tokens;
          if (prepend_cls) e.tokens.insert(e.tokens.begin(), tokenizer.cls_id());
          e.label = g.label;
          e.text = tokenizer.decode(g.tokens);
          dests[s]->push_back(std::move(e));
        }
      }
    }
    majority_share_count(out.train, out.test, &out.majority_baseline);
    return out;
  }

  auto docs = load_documents(task, cache, task.domain);
  if (docs.empty()) throw DataError("data set '" + task.dataset + "' yielded no documents");

  if (task.objective == "seq2seq") {
    out.seq2seq = true;
    for (const auto& doc : docs) {
      const std::string s = split_of(doc);
      cut_seq2seq(doc, tokenizer, task.max_len, s == "train" ? out.train : s == "val" ? out.val : out.test);
    }
    cap(out.train, task.train_size);
    cap(out.val, task.val_size);
    cap(out.test, task.test_size);
    if (out.train.empty() || out.val.empty() || out.test.empty())
      throw DataError("data set '" + task.dataset + "' is too small for train/validation/test splits");
    // The baseline a decoder beats by predicting its most frequent token everywhere.
    std::map<int32_t, int64_t> counts;
    for (const auto& e : out.train)
      for (size_t i = 1; i < e.target.size(); ++i) ++counts[e.target[i]];
    int32_t best = 0;
    int64_t best_count = -1;
    for (const auto& [id, c] : counts)
      if (c > best_count) best = id, best_count = c;
    int64_t hits = 0, total = 0;
    for (const auto& e : out.test)
      for (size_t i = 1; i < e.target.size(); ++i) hits += e.target[i] == best, ++total;
    out.majority_baseline = total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
    return out;
  }

  if (out.lm) {
    // Concatenate each split's documents with an end-of-text separator and cut windows of max_len + 1.
    const size_t window = static_cast<size_t>(task.max_len) + 1;
    std::map<std::string, std::vector<int32_t>> streams;
    for (const auto& doc : docs) {
      auto& s = streams[split_of(doc)];
      auto ids = tokenizer.encode(doc.text);
      s.insert(s.end(), ids.begin(), ids.end());
      s.push_back(tokenizer.eos_id());
    }
    auto cut = [&](const std::vector<int32_t>& s, std::vector<Example>& dest) {
      for (size_t start = 0; start + window <= s.size(); start += window) {
        Example e;
        e.tokens.assign(s.begin() + static_cast<std::ptrdiff_t>(start), s.begin() + static_cast<std::ptrdiff_t>(start + window));
        dest.push_back(std::move(e));
      }
    };
    cut(streams["train"], out.train);
    cut(streams["val"], out.val);
    cut(streams["test"], out.test);
  } else {
    std::map<std::string, int64_t> label_index;
    for (const auto& doc : docs) label_index.emplace(doc.label, 0);
    for (auto& [name, idx] : label_index) {
      idx = static_cast<int64_t>(out.class_names.size());
      out.class_names.push_back(name);
    }
    // A stable shuffle (by hash of the id) so that capped subsets mix classes.
    std::stable_sort(docs.begin(), docs.end(),
                     [](const Document& a, const Document& b) { return fnv1a(a.id + "#order") < fnv1a(b.id + "#order"); });
    for (const auto& doc : docs) {
      Example e;
      e.tokens = encode_for_model(doc.text, tokenizer, task.max_len, prepend_cls);
      e.label = label_index.at(doc.label);
      // An image's text would be its raw pixels: probes and lists show its name instead.
      e.text = out.tokenizer == "pixel" ? doc.id : clip_text(doc.text);
      const std::string s = split_of(doc);
      (s == "train" ? out.train : s == "val" ? out.val : out.test).push_back(std::move(e));
    }
    for (const auto& domain : task.eval_domains) {
      if (task.dataset != "sentiment") throw DataError("task.eval_domains applies only to the sentiment data set");
      NamedSplit extra{domain, {}};
      for (const auto& doc : load_sentiment(cache, domain)) {
        if (split_of(doc) != "test") continue;
        Example e;
        e.tokens = encode_for_model(doc.text, tokenizer, task.max_len, prepend_cls);
        e.label = label_index.count(doc.label) ? label_index.at(doc.label) : -1;
        e.text = clip_text(doc.text);
        extra.examples.push_back(std::move(e));
      }
      out.extra_tests.push_back(std::move(extra));
    }
  }
  cap(out.train, task.train_size);
  cap(out.val, task.val_size);
  cap(out.test, task.test_size);
  if (out.train.empty() || out.val.empty() || out.test.empty())
    throw DataError("data set '" + task.dataset + "' is too small for train/validation/test splits at task.max_len " +
                    std::to_string(task.max_len));
  if (!out.lm) majority_share_count(out.train, out.test, &out.majority_baseline);
  return out;
}

int64_t tokenizer_vocab(const std::string& name) {
  if (name == "bpe") return 50259;
  if (name == "listops") return 18;
  if (name == "retrieval") return 64;
  return 259;
}

// Classes of the built-in data sets; the user's file is read to count them.
int64_t class_count(const TaskOptions& task) {
  const std::string& d = task.dataset;
  if (d == "listops") return 10;
  if (d == "retrieval") return 8;
  if (d == "sotu_party") return 3;
  if (d == "brown_genre") return 15;
  if (d == "fortunes") return task.categories.empty() ? 5 : static_cast<int64_t>(task.categories.size());
  if (d == "user") {
    std::set<std::string> labels;
    for (const auto& doc : load_user_file(task.path)) labels.insert(doc.label);
    return static_cast<int64_t>(labels.size());
  }
  return 2;
}

}  // namespace etlab
