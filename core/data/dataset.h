// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/config/config_schema.h"
#include "core/config/run_config.h"
#include "core/data/corpora.h"
#include "core/data/tokenizer.h"

namespace etlab {

class DataCache;

/// One tokenized example. Classification: `tokens` is the input (CLS already prepended when the
/// model pools from it) and `label` the class index. Language modelling: `tokens` holds max_len + 1
/// ids (input = all but the last, target = all but the first) and `label` is -1.
struct Example {
  std::vector<int32_t> tokens;
  /// Sequence to sequence: <cls> (start) + the target's ids + <eos>; the decoder reads all but the last
  /// and predicts all but the first. Empty otherwise.
  std::vector<int32_t> target;
  int64_t label = -1;
  std::string text;  ///< source text (first 2,000 bytes) for probes and "try it"
};

struct NamedSplit {
  std::string name;
  std::vector<Example> examples;
};

/// Train / validation / test examples for a task, plus extra test sets (other sentiment domains).
struct DatasetSplits {
  std::vector<Example> train, val, test;
  std::vector<NamedSplit> extra_tests;
  std::vector<std::string> class_names;  ///< empty for language modelling
  std::string tokenizer;                 ///< tokenizer name
  int64_t vocab_size = 0;
  int32_t pad_id = 0;
  bool lm = false;
  bool seq2seq = false;
  /// Share of the most frequent training class (sequence to sequence: of the most frequent target token) in the test split (the majority-class baseline).
  double majority_baseline = 0.0;
};

/// Whether the data set is one of the 28×28 image sets (fashion_mnist, mnist) a ViT reads.
inline bool is_image_dataset(const std::string& dataset) { return dataset == "fashion_mnist" || dataset == "mnist"; }

/// Chooses the tokenizer name a task uses ("listops", "retrieval", "pixel", "byte" or "bpe").
std::string tokenizer_for(const TaskOptions& task);

/// Deterministic split of a document by a stable hash of its id: "train" (80%), "val" (10%), "test" (10%).
/// Documents that carry their own split keep "test"; their "train" part is split 90/10 into train/val.
std::string split_of(const Document& doc);

/// Loads, splits and tokenizes the task's data. `prepend_cls` adds the CLS id in front of every
/// classification input (encoder with CLS pooling); the total length stays within task.max_len + 1.
/// Throws DataError for missing or malformed data.
DatasetSplits build_dataset(const TaskOptions& task, const Tokenizer& tokenizer, const DataCache& cache, bool prepend_cls);

/// The pinned data packages a task reads (its data set's and its tokenizer's); empty for the generated
/// tasks (listops, retrieval) and for a user file.
std::vector<std::string> data_packages_for(const TaskOptions& task);

/// The data a run needs, checked before anything is written: every package the task reads is present
/// and intact (see DataCache), and a user file exists and, with `parse_user_file`, parses. Problems come
/// back as issues naming task.dataset, task.tokenizer or task.path, with the file and the fix.
std::vector<ConfigIssue> check_data(const TaskOptions& task, const DataCache& cache, bool parse_user_file = true);

/// Tokenizes one text for inference the same way build_dataset does.
std::vector<int32_t> encode_for_model(const std::string& text, const Tokenizer& tokenizer, int64_t max_len, bool prepend_cls);

/// Vocabulary size of a tokenizer ("byte", "bpe", ...) and number of classes of a task (the user's
/// file is read to count its labels).
int64_t tokenizer_vocab(const std::string& tokenizer);
int64_t class_count(const TaskOptions& task);

}  // namespace etlab
