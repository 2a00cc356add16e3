// Scoring the pipeline from raw text: the treebank reader that rebuilds documents, the
// word alignment, and the committed model's figures on the shared UD treebanks.
#include "annals/raw_evaluation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "annals/pipeline.h"

namespace annals {
namespace {

const std::filesystem::path kModel = std::filesystem::path(ANNALS_SOURCE_DIR) / "data/models/en.model";

std::string conllu(std::initializer_list<const char*> lines) {
  std::string text;
  for (const char* line : lines) text += std::string(line) + "\n";
  return text;
}

TEST(GoldDocuments, TextSpacingParagraphsMultiwordTokensAndHeads) {
  const auto documents = read_gold_documents(conllu({
      "# newdoc id = a",
      "# newpar",
      "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
      "",
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
      "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_",
      "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_",
      "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_",
      "",
      "# newpar",
      "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_",
      "",
      "# newdoc id = b",
      "1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_",
      "",
  }));
  ASSERT_EQ(documents.size(), 2u);
  const GoldDocument& a = documents[0];
  EXPECT_EQ(a.text, "Kim spoke. don't go\n\nYes");
  ASSERT_EQ(a.words.size(), 7u);
  EXPECT_EQ(a.words[0].head, 1);   // Kim -> spoke
  EXPECT_EQ(a.words[1].head, -1);  // the root
  EXPECT_EQ(a.words[3].head, 5);   // "do" -> "go", counted from the document's first word
  EXPECT_EQ(a.text.substr(a.words[3].start, a.words[3].end - a.words[3].start), "do");
  EXPECT_EQ(a.text.substr(a.words[4].start, a.words[4].end - a.words[4].start), "n't");  // inside the token
  EXPECT_EQ(a.words[5].upos, "VERB");
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_EQ(a.text.substr(a.sentences[1].first, a.sentences[1].second - a.sentences[1].first), "don't go");
  EXPECT_EQ(documents[1].text, "No");
}

TEST(GoldDocuments, MalformedLineIsNamed) {
  try {
    read_gold_documents(conllu({"1\tKim\tKim\tPROPN", "1\tx\tx\tX\tX\t_\tzero\tdep\t_\t_"}));
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 1"), std::string::npos) << e.what();
  }
}

// The parser's own output read back as gold scores 100 everywhere: words, heads and
// sentences are aligned across document offsets exactly.
TEST(RawEvaluation, OwnParseReadBackIsPerfect) {
  if (!std::filesystem::exists(kModel)) GTEST_SKIP() << "no trained model at " << kModel;
  const auto parser = Parser::load(kModel);
  const std::string text = "North Korea's leader met the U.S. president in Hanoi. The talks collapsed.";
  std::string gold = "# newdoc\n";
  for (const Sentence& sentence : parse_text(text, *parser)) {
    for (size_t t = 0; t < sentence.tokens.size(); ++t) {
      const Token& token = sentence.tokens[t];
      const bool joined = t + 1 < sentence.tokens.size() && sentence.tokens[t + 1].start == token.end;
      gold += std::to_string(t + 1) + "\t" + token.form + "\t_\t" + token.upos + "\t_\t_\t" +
              std::to_string(token.head + 1) + "\t" + token.deprel + "\t_\t" + (joined ? "SpaceAfter=No" : "_") + "\n";
    }
    gold += "\n";
  }
  const auto documents = read_gold_documents(gold);
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].text, text);
  const RawParseScores scores = evaluate_raw(*parser, documents);
  EXPECT_EQ(scores.gold_sentences, 2u);
  EXPECT_DOUBLE_EQ(scores.tokens, 1.0);
  EXPECT_DOUBLE_EQ(scores.sentences, 1.0);
  EXPECT_DOUBLE_EQ(scores.upos, 1.0);
  EXPECT_DOUBLE_EQ(scores.uas, 1.0);
  EXPECT_DOUBLE_EQ(scores.las, 1.0);
}

struct TreebankCase {
  const char* file;
  double tokens, sentences, uas;  // floors, a little under the committed model's figures
};

class RawTreebank : public ::testing::TestWithParam<TreebankCase> {};

// Segmentation and parsing from the raw text of UD English. UD splits every hyphen
// ("Jong - un") where annals keeps hyphenated words whole, which costs about a point of
// token F1; EWT is web text whose sentences often end without punctuation, hence its lower
// sentence floor.
TEST_P(RawTreebank, ScoresFromRawText) {
  const std::filesystem::path path = std::filesystem::path(ANNALS_SHARED_DIR) / "treebanks" / GetParam().file;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data not found: " << path.string();
  if (!std::filesystem::exists(kModel)) GTEST_SKIP() << "no trained model at " << kModel;
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const RawParseScores s = evaluate_raw(*Parser::load(kModel), read_gold_documents(text));
  std::printf("%s from raw text: tokens %.4f sentences %.4f UPOS %.4f UAS %.4f LAS %.4f\n", GetParam().file,
              s.tokens, s.sentences, s.upos, s.uas, s.las);
  EXPECT_GE(s.tokens, GetParam().tokens);
  EXPECT_GE(s.sentences, GetParam().sentences);
  EXPECT_GE(s.uas, GetParam().uas);
}

INSTANTIATE_TEST_SUITE_P(UniversalDependencies, RawTreebank,
                         ::testing::Values(TreebankCase{"en_ewt-ud-dev.conllu", 0.975, 0.84, 0.79},
                                           TreebankCase{"en_gum-ud-dev.conllu", 0.985, 0.94, 0.84},
                                           TreebankCase{"en_gum-ud-test.conllu", 0.985, 0.94, 0.83}));

}  // namespace
}  // namespace annals
