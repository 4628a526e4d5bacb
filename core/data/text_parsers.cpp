// SPDX-License-Identifier: MIT
// Parsers for the raw formats behind the corpora (ARFF, RFC 822 mail, Brown, fortune, JSONL, CSV).
// They take arbitrary bytes (they are fuzzed), so every index is bounds-checked and every problem
// becomes a DataError naming the source and the 1-based line.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"

namespace etlab {

namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits into lines on '\n', dropping one trailing '\r' so CRLF files read like LF files. A final
// line without newline is kept; a trailing newline does not produce an empty last line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view strip_bom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

[[noreturn]] void fail_at(const std::string& source, size_t line, const std::string& what) {
  throw DataError(source + " line " + std::to_string(line) + ": " + what);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// --- ARFF -----------------------------------------------------------------------------------------

struct ArffValue {
  std::string text;
  bool missing = false;  // an unquoted '?'
};

// Reads comma-separated ARFF values (quoted with ' or ", Weka's backslash escapes) from one line.
std::vector<ArffValue> arff_values(std::string_view line, const std::string& source, size_t line_no) {
  std::vector<ArffValue> values;
  size_t i = 0;
  for (;;) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    ArffValue value;
    if (i < line.size() && (line[i] == '\'' || line[i] == '"')) {
      const char quote = line[i++];
      bool closed = false;
      while (i < line.size()) {
        const char c = line[i++];
        if (c == quote) {
          closed = true;
          break;
        }
        if (c != '\\') {
          value.text += c;
          continue;
        }
        if (i >= line.size()) break;  // a lone backslash at the end leaves the value open
        const char e = line[i++];
        switch (e) {
          case 'n': value.text += '\n'; break;
          case 't': value.text += '\t'; break;
          case 'r': value.text += '\r'; break;
          case '\'': case '"': case '\\': case '%': value.text += e; break;
          default: value.text += '\\'; value.text += e; break;  // unknown escapes stay literal, as in Weka
        }
      }
      if (!closed) fail_at(source, line_no, "unterminated quoted value");
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] != ',') fail_at(source, line_no, "unexpected character after quoted value");
    } else {
      const size_t end = std::min(line.find(',', i), line.size());
      const std::string_view raw = trim(line.substr(i, end - i));
      value.missing = raw == "?";
      value.text = std::string(raw);
      i = end;
    }
    values.push_back(std::move(value));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return values;
}

struct ArffAttribute {
  std::string name;
  std::string type;                  // "string", "numeric", "date" or "nominal"
  std::vector<std::string> nominal;  // the allowed values of a nominal attribute
};

ArffAttribute parse_attribute(std::string_view rest, const std::string& source, size_t line_no) {
  ArffAttribute attr;
  rest = trim(rest);
  if (rest.empty()) fail_at(source, line_no, "@attribute without a name");
  size_t i = 0;
  if (rest[0] == '\'' || rest[0] == '"') {
    const size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos) fail_at(source, line_no, "unterminated attribute name");
    attr.name = std::string(rest.substr(1, close - 1));
    i = close + 1;
  } else {
    while (i < rest.size() && !is_space(rest[i]) && rest[i] != '{') ++i;
    attr.name = std::string(rest.substr(0, i));
  }
  const std::string_view type = trim(rest.substr(i));
  if (type.empty()) fail_at(source, line_no, "attribute '" + attr.name + "' has no type");
  if (type.front() == '{') {
    if (type.back() != '}') fail_at(source, line_no, "nominal attribute '" + attr.name + "' lacks a closing '}'");
    attr.type = "nominal";
    for (auto& v : arff_values(type.substr(1, type.size() - 2), source, line_no))
      if (!v.text.empty()) attr.nominal.push_back(v.text);
    if (attr.nominal.empty()) fail_at(source, line_no, "nominal attribute '" + attr.name + "' has no values");
    return attr;
  }
  const std::string word = lower(type.substr(0, std::min(type.find_first_of(" \t"), type.size())));
  if (word == "string") attr.type = "string";
  else if (word == "numeric" || word == "real" || word == "integer") attr.type = "numeric";
  else if (word == "date") attr.type = "date";
  else fail_at(source, line_no, "attribute '" + attr.name + "' has unknown type '" + word + "'");
  return attr;
}

}  // namespace

/// id = source_name + ":" + data row (0-based); label = the class value as written in the file. The
/// text is the first string attribute; the class is the last attribute, which must be nominal.
std::vector<Document> parse_arff(const std::string& text, const std::string& source_name) {
  std::vector<ArffAttribute> attrs;
  bool in_data = false;
  size_t text_idx = 0, class_idx = 0;
  std::vector<Document> docs;
  const auto lines = split_lines(strip_bom(text));
  for (size_t n = 0; n < lines.size(); ++n) {
    const size_t line_no = n + 1;
    const std::string_view line = trim(lines[n]);
    if (line.empty() || line.front() == '%') continue;
    if (!in_data) {
      if (line.front() != '@') fail_at(source_name, line_no, "expected @relation, @attribute or @data");
      const size_t sp = std::min(line.find_first_of(" \t"), line.size());
      const std::string keyword = lower(line.substr(0, sp));
      if (keyword == "@relation") continue;
      if (keyword == "@attribute") {
        attrs.push_back(parse_attribute(line.substr(sp), source_name, line_no));
        continue;
      }
      if (keyword != "@data") fail_at(source_name, line_no, "unknown declaration '" + keyword + "'");
      const auto str = std::find_if(attrs.begin(), attrs.end(), [](const ArffAttribute& a) { return a.type == "string"; });
      if (str == attrs.end()) fail_at(source_name, line_no, "no string attribute declared before @data");
      if (attrs.back().type != "nominal") fail_at(source_name, line_no, "the last attribute (the class) must be nominal");
      text_idx = static_cast<size_t>(str - attrs.begin());
      class_idx = attrs.size() - 1;
      in_data = true;
      continue;
    }
    if (line.front() == '{') fail_at(source_name, line_no, "sparse ARFF rows are not supported");
    auto values = arff_values(line, source_name, line_no);
    if (values.size() != attrs.size())
      fail_at(source_name, line_no,
              "expected " + std::to_string(attrs.size()) + " values, found " + std::to_string(values.size()));
    const ArffValue& cls = values[class_idx];
    if (cls.missing) fail_at(source_name, line_no, "missing class value");
    const auto& allowed = attrs[class_idx].nominal;
    if (std::find(allowed.begin(), allowed.end(), cls.text) == allowed.end())
      fail_at(source_name, line_no, "class value '" + cls.text + "' is not declared for '" + attrs[class_idx].name + "'");
    Document doc;
    doc.id = source_name + ":" + std::to_string(docs.size());
    doc.text = values[text_idx].missing ? std::string() : std::move(values[text_idx].text);
    doc.label = cls.text;
    docs.push_back(std::move(doc));
  }
  if (!in_data) throw DataError(source_name + ": no @data section");
  if (docs.empty()) throw DataError(source_name + ": no data rows");
  return docs;
}

// --- RFC 822 mail ---------------------------------------------------------------------------------

/// No blank line means the mail is all header, so the body is empty. Only the top-level
/// Content-Transfer-Encoding counts; multipart and HTML bodies are returned as they are.
std::string parse_mail_body(const std::string& mail) {
  size_t pos = 0, body_start = std::string::npos;
  bool quoted_printable = false;
  std::string header;  // the current header, unfolded
  auto finish_header = [&] {
    const size_t colon = header.find(':');
    if (colon != std::string::npos && lower(trim(std::string_view(header).substr(0, colon))) == "content-transfer-encoding")
      quoted_printable = lower(trim(std::string_view(header).substr(colon + 1))).find("quoted-printable") == 0;
    header.clear();
  };
  while (pos < mail.size()) {
    size_t end = mail.find('\n', pos);
    const size_t next = end == std::string::npos ? mail.size() : end + 1;
    if (end == std::string::npos) end = mail.size();
    std::string_view line(mail.data() + pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = next;
    if (line.empty()) {
      body_start = next;
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      header += ' ';  // a folded continuation of the previous header
      header += line;
    } else {
      finish_header();
      header = std::string(line);
    }
  }
  finish_header();
  if (body_start == std::string::npos || body_start >= mail.size()) return {};
  const std::string_view body(mail.data() + body_start, mail.size() - body_start);
  if (!quoted_printable) return std::string(body);

  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '=') {
      out += body[i];
      continue;
    }
    // Soft line break: '=' then optional trailing blanks, then CRLF or LF.
    size_t j = i + 1;
    while (j < body.size() && (body[j] == ' ' || body[j] == '\t')) ++j;
    if (j < body.size() && body[j] == '\r' && j + 1 < body.size() && body[j + 1] == '\n') ++j;
    if (j < body.size() && body[j] == '\n') {
      i = j;
      continue;
    }
    if (i + 2 < body.size() && hex_value(body[i + 1]) >= 0 && hex_value(body[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2]));
      i += 2;
      continue;
    }
    out += '=';  // not a valid escape: keep it, as lenient decoders do
  }
  return out;
}

// --- Brown corpus ---------------------------------------------------------------------------------

/// A token without '/' is kept whole; tokens whose word part is empty are dropped.
namespace {

// The whitespace-separated tokens of one line.
std::vector<std::string_view> line_tokens(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    size_t end = i;
    while (end < line.size() && !is_space(line[end])) ++end;
    if (end == i) break;
    out.push_back(line.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace

std::string parse_brown_text(const std::string& tagged) {
  std::string out;
  for (const std::string_view line : split_lines(tagged)) {
    std::string sentence;
    for (std::string_view token : line_tokens(line)) {
      const size_t slash = token.rfind('/');  // tags may hold '/', words may too: split at the last one
      if (slash != std::string_view::npos) token = token.substr(0, slash);
      if (!token.empty()) {
        if (!sentence.empty()) sentence += ' ';
        sentence += token;
      }
    }
    if (sentence.empty()) continue;
    if (!out.empty()) out += '\n';
    out += sentence;
  }
  return out;
}

std::pair<std::string, std::string> parse_brown_tagged(const std::string& tagged) {
  std::string words, tags;
  for (const std::string_view line : split_lines(tagged)) {
    std::string w, t;
    for (const std::string_view token : line_tokens(line)) {
      const size_t slash = token.rfind('/');
      if (slash == std::string_view::npos || slash == 0 || slash + 1 == token.size()) continue;  // untagged: skipped
      // The base tag: "np-tl" (in a title) → "np", "fw-at" (foreign) → "fw", "bez*" (negated) → "bez".
      std::string_view tag = token.substr(slash + 1);
      const size_t dash = tag.find('-', 1);
      if (dash != std::string_view::npos) tag = tag.substr(0, dash);
      std::string base;
      for (char ch : tag)
        if (ch != '*') base += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (base.empty()) continue;
      if (!w.empty()) w += ' ', t += ' ';
      w += token.substr(0, slash);
      t += base;
    }
    if (w.empty()) continue;
    if (!words.empty()) words += '\n', tags += '\n';
    words += w;
    tags += t;
  }
  return {words, tags};
}

// --- fortune(6) -----------------------------------------------------------------------------------

/// Entries keep their inner newlines but lose trailing ones; blank entries are dropped.
std::vector<std::string> parse_fortune_file(const std::string& text) {
  std::vector<std::string> entries;
  std::string entry;
  bool has_lines = false;
  auto flush = [&] {
    while (!entry.empty() && (entry.back() == '\n' || entry.back() == '\r')) entry.pop_back();
    if (!trim(entry).empty()) entries.push_back(entry);
    entry.clear();
    has_lines = false;
  };
  for (const std::string_view line : split_lines(text)) {
    if (line == "%") {
      flush();
      continue;
    }
    if (has_lines) entry += '\n';
    entry += line;
    has_lines = true;
  }
  flush();
  return entries;
}

// --- JSONL ----------------------------------------------------------------------------------------

/// id = source_name + ":" + row (0-based); labels may be strings or integers (stored as decimal).
std::vector<Document> parse_jsonl(const std::string& text, const std::string& source_name) {
  const std::string_view body = strip_bom(text);
  if (trim(body).empty()) throw DataError(source_name + ": empty file");
  std::vector<Document> docs;
  const auto lines = split_lines(body);
  for (size_t n = 0; n < lines.size(); ++n) {
    const size_t line_no = n + 1;
    if (trim(lines[n]).empty()) continue;
    json obj;
    try {
      obj = json::parse(lines[n].begin(), lines[n].end());
    } catch (const json::exception&) {
      fail_at(source_name, line_no, "invalid JSON");
    }
    if (!obj.is_object()) fail_at(source_name, line_no, "expected a JSON object");
    const auto text_it = obj.find("text");
    if (text_it == obj.end()) fail_at(source_name, line_no, "missing \"text\"");
    if (!text_it->is_string()) fail_at(source_name, line_no, "\"text\" is not a string");
    const auto label_it = obj.find("label");
    if (label_it == obj.end()) fail_at(source_name, line_no, "missing \"label\"");
    std::string label;
    if (label_it->is_string()) label = std::string(trim(label_it->get_ref<const std::string&>()));
    else if (label_it->is_number_integer()) label = label_it->dump();
    else fail_at(source_name, line_no, "\"label\" must be a string or an integer");
    if (label.empty()) fail_at(source_name, line_no, "empty \"label\"");
    Document doc;
    doc.id = source_name + ":" + std::to_string(docs.size());
    doc.text = text_it->get<std::string>();
    doc.label = std::move(label);
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) throw DataError(source_name + ": no rows");
  return docs;
}

// --- CSV (RFC 4180) -------------------------------------------------------------------------------

namespace {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;     // where the record starts
  bool blank = false;  // an empty line, skipped
};

std::vector<CsvRecord> csv_records(std::string_view s, const std::string& source) {
  std::vector<CsvRecord> records;
  size_t i = 0, line = 1;
  while (i < s.size()) {
    CsvRecord rec;
    rec.line = line;
    bool quoted_any = false;
    for (;;) {  // one field per pass
      std::string field;
      bool end_of_record = false;
      if (i < s.size() && s[i] == '"') {
        quoted_any = true;
        const size_t start_line = line;
        ++i;
        bool closed = false;
        while (i < s.size()) {
          const char c = s[i++];
          if (c == '"') {
            if (i < s.size() && s[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        if (!closed) fail_at(source, start_line, "unterminated quoted field");
        if (i < s.size() && s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        if (i < s.size() && s[i] != ',' && s[i] != '\n')
          fail_at(source, line, "unexpected character after a closing quote");
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n') {
          if (s[i] == '"') fail_at(source, line, "quote character inside an unquoted field");
          if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            ++i;
            break;
          }
          field += s[i++];
        }
      }
      rec.fields.push_back(std::move(field));
      if (i >= s.size()) {
        end_of_record = true;
      } else if (s[i] == '\n') {
        ++i;
        ++line;
        end_of_record = true;
      } else {
        ++i;  // the comma
        if (i >= s.size()) {
          rec.fields.emplace_back();  // a trailing comma ends with an empty field
          end_of_record = true;
        }
      }
      if (end_of_record) break;
    }
    rec.blank = !quoted_any && rec.fields.size() == 1 && trim(rec.fields[0]).empty();
    records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace

/// id = source_name + ":" + row (0-based, header excluded). Column names match case-insensitively;
/// other columns are ignored; blank lines are skipped.
std::vector<Document> parse_csv(const std::string& text, const std::string& source_name) {
  const std::string_view body = strip_bom(text);
  if (trim(body).empty()) throw DataError(source_name + ": empty file");
  const auto records = csv_records(body, source_name);
  size_t r = 0;
  while (r < records.size() && records[r].blank) ++r;
  if (r == records.size()) throw DataError(source_name + ": empty file");
  const CsvRecord& header = records[r++];
  size_t text_col = SIZE_MAX, label_col = SIZE_MAX;
  for (size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = lower(trim(header.fields[c]));
    size_t* slot = name == "text" ? &text_col : name == "label" ? &label_col : nullptr;
    if (!slot) continue;
    if (*slot != SIZE_MAX) fail_at(source_name, header.line, "duplicate \"" + name + "\" column");
    *slot = c;
  }
  if (text_col == SIZE_MAX) fail_at(source_name, header.line, "header has no \"text\" column");
  if (label_col == SIZE_MAX) fail_at(source_name, header.line, "header has no \"label\" column");
  std::vector<Document> docs;
  for (; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.blank) continue;
    if (rec.fields.size() != header.fields.size())
      fail_at(source_name, rec.line,
              "expected " + std::to_string(header.fields.size()) + " fields, found " + std::to_string(rec.fields.size()));
    std::string label(trim(rec.fields[label_col]));
    if (label.empty()) fail_at(source_name, rec.line, "empty \"label\"");
    Document doc;
    doc.id = source_name + ":" + std::to_string(docs.size());
    doc.text = rec.fields[text_col];
    doc.label = std::move(label);
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) throw DataError(source_name + ": no rows");
  return docs;
}

}  // namespace etlab
