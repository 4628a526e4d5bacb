// SPDX-License-Identifier: MIT
// Loaders over the unpacked data packages. The parsing lives in text_parsers.cpp; here we only know
// each package's layout. File listings are sorted so every machine sees the documents in one order.
#include "core/data/corpora.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/data_cache.h"

namespace etlab {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

// Names of the regular files directly in `dir`, sorted bytewise.
std::vector<std::string> list_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError("missing folder " + dir.string() + " in the data cache");
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
  }
  if (ec) throw DataError("cannot list " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

// Parser errors name only the file; a cache file is more useful with its full path attached.
template <typename F>
auto with_path(const fs::path& path, F&& parse) -> decltype(parse()) {
  try {
    return parse();
  } catch (const DataError& e) {
    throw DataError(std::string(e.what()) + " (" + path.string() + ")");
  }
}

}  // namespace

std::vector<Document> load_sentiment(const DataCache& cache, const std::string& domain) {
  if (domain != "imdb" && domain != "yelp" && domain != "amazon")
    throw DataError("unknown sentiment domain '" + domain + "' (expected imdb, yelp or amazon)");
  const fs::path path = fs::path(cache.package_dir("sentiment")) / "test" / "fixtures" / (domain + ".json");
  json entries;
  try {
    entries = json::parse(read_file(path.string()));
  } catch (const json::exception& e) {
    throw DataError(path.string() + ": invalid JSON: " + e.what());
  }
  if (!entries.is_array()) throw DataError(path.string() + ": expected a JSON array");
  std::vector<Document> docs;
  for (size_t i = 0; i < entries.size(); ++i) {
    const json& e = entries[i];
    const std::string where = path.string() + " entry " + std::to_string(i);
    if (!e.is_object()) throw DataError(where + ": expected an object");
    // The fixture ends with a {"text":"","class":null} sentinel: entries without a class are skipped.
    const auto cls = e.find("class");
    if (cls == e.end() || cls->is_null()) continue;
    if (!cls->is_number_integer() || (cls->get<int64_t>() != 0 && cls->get<int64_t>() != 1))
      throw DataError(where + ": \"class\" must be 0 or 1");
    const auto text = e.find("text");
    if (text == e.end() || !text->is_string()) throw DataError(where + ": \"text\" must be a string");
    docs.push_back({domain + ":" + std::to_string(i), text->get<std::string>(),
                    cls->get<int64_t>() == 1 ? "positive" : "negative", ""});
  }
  if (docs.empty()) throw DataError(path.string() + ": no labelled entries");
  return docs;
}

std::vector<Document> load_spam(const DataCache& cache) {
  static const std::pair<const char*, const char*> kFolders[] = {
      {"easy-ham-1", "ham"}, {"easy-ham-2", "ham"}, {"hard-ham-1", "ham"}, {"spam-1", "spam"}, {"spam-2", "spam"}};
  const fs::path data = fs::path(cache.package_dir("spam")) / "data";
  std::vector<Document> docs;
  for (const auto& [folder, label] : kFolders) {
    for (const std::string& name : list_files(data / folder)) {
      if (!ends_with(name, ".txt")) continue;  // each mail also has a .json twin holding the same text
      const std::string mail = read_file((data / folder / name).string());
      docs.push_back({std::string(folder) + "/" + name, parse_mail_body(mail), label, ""});
    }
  }
  if (docs.empty()) throw DataError("no mails found under " + data.string());
  return docs;
}

/// Party codes are the last '_' field of each file name; names follow the package's lib/party.json,
/// lower-cased: d democratic, r republican, dr democratic-republican, f federalist, w whig,
/// wd "whig & democratic", nu "national union", n none. min_count <= 1 keeps every party.
std::vector<Document> load_sotu(const DataCache& cache, int min_count) {
  static const std::map<std::string, std::string> kParties = {
      {"d", "democratic"}, {"r", "republican"},         {"dr", "democratic-republican"}, {"f", "federalist"},
      {"w", "whig"},       {"wd", "whig & democratic"}, {"nu", "national union"},        {"n", "none"}};
  const fs::path data = fs::path(cache.package_dir("sotu")) / "data";
  std::vector<Document> all;
  std::map<std::string, int> counts;
  for (const std::string& name : list_files(data)) {
    if (!ends_with(name, ".txt")) continue;
    const std::string stem = name.substr(0, name.size() - 4);
    const size_t us = stem.rfind('_');
    const auto party = us == std::string::npos ? kParties.end() : kParties.find(stem.substr(us + 1));
    if (party == kParties.end()) throw DataError((data / name).string() + ": file name has no known party code");
    all.push_back({stem, read_file((data / name).string()), party->second, ""});
    ++counts[party->second];
  }
  if (all.empty()) throw DataError("no addresses found under " + data.string());
  std::vector<Document> docs;
  for (auto& doc : all)
    if (counts[doc.label] >= min_count) docs.push_back(std::move(doc));
  return docs;
}

std::vector<Document> load_brown(const DataCache& cache) {
  const fs::path dir = cache.package_dir("brown");
  const fs::path cats_path = dir / "cats.txt";
  std::vector<std::pair<std::string, std::string>> files;  // (file, genre)
  std::istringstream cats(read_file(cats_path.string()));
  std::string line;
  for (int line_no = 1; std::getline(cats, line); ++line_no) {
    std::istringstream fields(line);
    std::string file, genre, extra;
    if (!(fields >> file)) continue;  // blank line
    const bool plain_name = std::all_of(file.begin(), file.end(), [](unsigned char c) { return std::isalnum(c); });
    if (!(fields >> genre) || (fields >> extra) || !plain_name)
      throw DataError(cats_path.string() + " line " + std::to_string(line_no) + ": expected '<file> <genre>'");
    files.emplace_back(file, genre);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw DataError(cats_path.string() + ": no files listed");
  std::vector<Document> docs;
  for (const auto& [file, genre] : files)
    docs.push_back({file, parse_brown_text(read_file((dir / file).string())), genre, ""});
  return docs;
}

std::vector<Document> load_brown_tagging(const DataCache& cache) {
  const fs::path dir = cache.package_dir("brown");
  std::vector<Document> docs;
  for (const auto& name : list_files(dir)) {
    // The 500 text files are named c<genre letter><two digits>.
    if (name.size() != 4 || name[0] != 'c' || !std::isalpha(static_cast<unsigned char>(name[1])) ||
        !std::isdigit(static_cast<unsigned char>(name[2])) || !std::isdigit(static_cast<unsigned char>(name[3])))
      continue;
    auto [words, tags] = parse_brown_tagged(read_file((dir / name).string()));
    if (!words.empty()) docs.push_back({name, std::move(words), std::move(tags), ""});
  }
  if (docs.empty()) throw DataError("no Brown text files in " + dir.string() + "; fetch it again: ./setup.sh data");
  return docs;
}

/// Training rows come first, then test rows; class "1" is "yes" (the document has the topic).
std::vector<Document> load_reuters(const DataCache& cache, const std::string& topic) {
  std::string stem;
  if (topic == "corn") stem = "ReutersCorn";
  else if (topic == "grain") stem = "ReutersGrain";
  else throw DataError("unknown Reuters topic '" + topic + "' (expected corn or grain)");
  const fs::path dir = fs::path(cache.package_dir("weka")) / "reuters";
  std::vector<Document> docs;
  for (const std::string split : {"train", "test"}) {
    const std::string name = stem + "-" + split + ".arff";
    const fs::path path = dir / name;
    auto rows = with_path(path, [&] { return parse_arff(read_file(path.string()), name); });
    for (auto& doc : rows) {
      if (doc.label != "0" && doc.label != "1")
        throw DataError(path.string() + ": class value '" + doc.label + "' is not 0 or 1");
      doc.label = doc.label == "1" ? "yes" : "no";
      doc.split = split;
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

/// The default categories are the five largest of people, definitions, cookie, computers,
/// songs-poems, politics, miscellaneous, work and science in the Debian fortunes package:
/// people (1251 entries), definitions (1203), cookie (1133), computers (1051), songs-poems (720).
std::vector<Document> load_fortunes(const DataCache& cache, const std::vector<std::string>& categories) {
  static const std::vector<std::string> kDefault = {"people", "definitions", "cookie", "computers", "songs-poems"};
  const fs::path dir = fs::path(cache.package_dir("fortunes")) / "fortunes";
  std::vector<std::string> available;
  for (const std::string& name : list_files(dir))
    if (name[0] != '.' && !ends_with(name, ".dat") && !ends_with(name, ".u8")) available.push_back(name);
  std::vector<std::string> wanted;
  for (const std::string& c : categories.empty() ? kDefault : categories) {
    if (std::find(available.begin(), available.end(), c) == available.end())
      throw DataError("unknown fortune category '" + c + "'; available: " + join(available, ", "));
    if (std::find(wanted.begin(), wanted.end(), c) == wanted.end()) wanted.push_back(c);
  }
  std::vector<Document> docs;
  for (const std::string& category : wanted) {
    const auto entries = parse_fortune_file(read_file((dir / category).string()));
    for (size_t i = 0; i < entries.size(); ++i)
      docs.push_back({category + ":" + std::to_string(i), entries[i], category, ""});
  }
  return docs;
}

std::vector<Document> load_moby_dick(const DataCache& cache) {
  const fs::path path = fs::path(cache.package_dir("moby_dick")) / "data" / "data.txt";
  return {{"moby_dick", read_file(path.string()), "", ""}};
}

/// Errors and document ids name the file by its base name, so ids do not depend on where it lives.
std::vector<Document> load_user_file(const std::string& path) {
  const fs::path p(path);
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".jsonl" && ext != ".csv")
    throw DataError(path + ": unsupported file type '" + ext + "' (expected .jsonl or .csv)");
  const std::string text = read_file(path);
  const std::string name = p.filename().string();
  return ext == ".jsonl" ? parse_jsonl(text, name) : parse_csv(text, name);
}

}  // namespace etlab
