// SPDX-License-Identifier: MIT
#pragma once

#include <string>
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
/// Reuters-21578 ModApte ARFF ("corn" or "grain"); labels "no"/"yes"; split from the files.
std::vector<Document> load_reuters(const DataCache& cache, const std::string& topic);
/// Fortune cookies of the given categories (empty = a default set of large categories); label = category.
std::vector<Document> load_fortunes(const DataCache& cache, const std::vector<std::string>& categories);
/// Moby-Dick as one unlabelled document.
std::vector<Document> load_moby_dick(const DataCache& cache);
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
/// fortune(6) file: entries separated by lines holding only "%".
std::vector<std::string> parse_fortune_file(const std::string& text);
std::vector<Document> parse_jsonl(const std::string& text, const std::string& source_name);
std::vector<Document> parse_csv(const std::string& text, const std::string& source_name);

}  // namespace etlab
