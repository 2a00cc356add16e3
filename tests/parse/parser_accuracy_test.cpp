// The committed model (data/models/en.model) against UD English EWT dev, which it was not
// trained on. Skips when the shared treebanks or the model are absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "annals/parse.h"
#include "annals/parser.h"

namespace annals {
namespace {

TEST(ParserAccuracy, CommittedModelOnEwtDevSample) {
  const std::filesystem::path treebank = std::filesystem::path(ANNALS_SHARED_DIR) / "treebanks/en_ewt-ud-dev.conllu";
  const std::filesystem::path model = std::filesystem::path(ANNALS_SOURCE_DIR) / "data/models/en.model";
  if (!std::filesystem::exists(treebank)) GTEST_SKIP() << "shared treebanks not found at " << treebank;
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "no trained model at " << model;

  const auto parser = Parser::load(model);  // load time and speed: bench/bench_parse
  std::ifstream in(treebank, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<Sentence> gold = from_conllu(text);
  ASSERT_GT(gold.size(), 500u);
  gold.resize(500);

  const ParseScores scores = evaluate(*parser, gold);
  // The committed model scores UPOS 0.960, UAS 0.841, LAS 0.805, lemma 0.975 here: the bounds
  // catch a broken model or pipeline, not small changes from retraining.
  EXPECT_GE(scores.upos, 0.95);
  EXPECT_GE(scores.uas, 0.83);
  EXPECT_GE(scores.las, 0.79);
  EXPECT_GE(scores.lemma, 0.96);
  std::cout << "EWT dev first 500: UPOS " << scores.upos << " UAS " << scores.uas << " LAS " << scores.las
            << " lemma " << scores.lemma << "\n";
}

}  // namespace
}  // namespace annals
