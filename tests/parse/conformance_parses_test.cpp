// Every parse of the field's conformance files must convert (PETRARCH's unbalanced-tree
// records must not). Needs ../shared; skipped without it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/parse.h"

namespace annals {
namespace {

struct Record {
  std::string id;
  std::string text;
  std::string parse;
};

std::string element(std::string_view record, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">", close = "</" + std::string(name) + ">";
  const size_t start = record.find(open);
  if (start == std::string_view::npos) return {};
  const size_t end = record.find(close, start);
  return std::string(record.substr(start + open.size(), end - start - open.size()));
}

// A plain scan: the GSR file is not well-formed XML.
std::vector<Record> records_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string all = buffer.str();
  std::vector<Record> records;
  for (size_t pos = all.find("<Sentence "); pos != std::string::npos; pos = all.find("<Sentence ", pos + 1)) {
    const size_t next = all.find("<Sentence ", pos + 1);
    const std::string_view record = std::string_view(all).substr(pos, next == std::string::npos ? next : next - pos);
    const size_t id_at = record.find(" id");
    const size_t quote = record.find('"', id_at);
    Record r;
    r.id = std::string(record.substr(quote + 1, record.find('"', quote + 1) - quote - 1));
    r.text = element(record, "Text");
    r.parse = element(record, "Parse");
    if (!r.parse.empty()) records.push_back(std::move(r));
  }
  return records;
}

std::filesystem::path shared(const char* relative) { return std::filesystem::path(ANNALS_SHARED_DIR) / relative; }

TEST(ConformanceParses, PetrarchUnitTestTreesConvertExceptTheUnbalancedOnes) {
  const auto file = shared("conformance/petrarch/PETR.UnitTest.records.xml");
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "shared data not found: " << file;
  const auto records = records_of(file);
  EXPECT_EQ(records.size(), 284u);
  for (const Record& r : records) {
    ASSERT_FALSE(looks_like_conllu(r.parse)) << r.id;
    if (r.id == "ERROR-02" || r.id == "ERROR-03") {
      EXPECT_THROW(from_treebank(r.parse, r.text), ParseError) << r.id;
      continue;
    }
    try {
      const Sentence s = from_treebank(r.parse, r.text);
      EXPECT_FALSE(s.tokens.empty()) << r.id;
      int roots = 0;
      for (const Token& t : s.tokens) roots += t.head < 0;
      EXPECT_EQ(roots, 1) << r.id;
    } catch (const ParseError& e) {
      ADD_FAILURE() << r.id << ": line " << e.line << ": " << e.what();
    }
  }
}

TEST(ConformanceParses, GsrConlluParsesConvert) {
  const auto file = shared("conformance/petrarch2-gsr/PETR2_GSR_validation.xml");
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "shared data not found: " << file;
  const auto records = records_of(file);
  EXPECT_GE(records.size(), 78u);
  for (const Record& r : records) {
    ASSERT_TRUE(looks_like_conllu(r.parse)) << r.id;
    try {
      const auto sentences = from_conllu(r.parse, r.text);
      ASSERT_EQ(sentences.size(), 1u) << r.id;
      EXPECT_FALSE(sentences[0].phrases.empty()) << r.id;
      EXPECT_EQ(sentences[0].phrases[0].first, 0) << r.id;
      EXPECT_EQ(sentences[0].phrases[0].last, static_cast<int>(sentences[0].tokens.size()) - 1) << r.id;
    } catch (const ParseError& e) {
      ADD_FAILURE() << r.id << ": line " << e.line << ": " << e.what();
    }
  }
}

}  // namespace
}  // namespace annals
