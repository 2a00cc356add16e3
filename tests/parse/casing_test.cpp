// Sentences capitalized throughout (headlines, text in capitals) are tagged and parsed in the
// spelling of running text, while their tokens keep the text as written.
#include "parse/casing.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "annals/parse.h"
#include "annals/parser.h"
#include "annals/pipeline.h"
#include "parse/tagger.h"

namespace annals::parsing {
namespace {

// Each word twice, so that the tagger's lexicon knows its spelling.
Tagger small_tagger() {
  const char* words[][3] = {{"rebels", "NOUN", "NNS"}, {"reject", "VERB", "VBP"}, {"the", "DET", "DT"},
                            {"NATO", "PROPN", "NNP"},  {"U.S.", "PROPN", "NNP"},  {"US", "PROPN", "NNP"},
                            {"us", "PRON", "PRP"},     {"BY", "PROPN", "NNP"},    {"by", "ADP", "IN"}};
  std::string conllu;
  for (int round = 0; round < 2; ++round)
    for (const auto& [form, upos, xpos] : words)
      conllu += std::string("1\t") + form + "\t_\t" + upos + "\t" + xpos + "\t_\t0\troot\t_\t_\n\n";
  return Tagger::train(from_conllu(conllu), TaggerTraining{});
}

TEST(Casing, CapitalizedThroughoutAreHeadlinesAndTextInCapitals) {
  using Forms = std::vector<std::string_view>;
  EXPECT_TRUE(capitalized_throughout(Forms{"REBELS", "KILLED", "12", "SOLDIERS", "."}));
  EXPECT_TRUE(capitalized_throughout(Forms{"Rebels", "Kill", "12", "Soldiers", "Near", "Kabul"}));
  EXPECT_TRUE(capitalized_throughout(Forms{"KABUL", "(", "Reuters", ")", "-", "REBELS", "KILLED", "12", "SOLDIERS"}));
  EXPECT_FALSE(capitalized_throughout(Forms{"Rebels", "killed", "12", "soldiers", "near", "Kabul", "."}));
  // Names with their verbs in lowercase are running text; two words are too few to tell.
  EXPECT_FALSE(capitalized_throughout(Forms{"Barack", "Obama", "met", "Hillary", "Clinton", "and", "John", "Kerry"}));
  EXPECT_FALSE(capitalized_throughout(Forms{"NATO", "and", "the", "UN", "met", "in", "Oslo"}));
  EXPECT_FALSE(capitalized_throughout(Forms{"PEACE", "TALKS"}));
}

TEST(Casing, WordsTakeTheSpellingTheTaggerKnows) {
  const Tagger tagger = small_tagger();
  EXPECT_EQ(recase("REBELS", false, tagger), "rebels");
  EXPECT_EQ(recase("Rebels", false, tagger), "rebels");
  EXPECT_EQ(recase("REBELS", true, tagger), "Rebels");  // a sentence's first word
  EXPECT_EQ(recase("REJECTS", false, tagger), "rejects");  // its stem is known
  EXPECT_EQ(recase("THE", false, tagger), "the");
  // Names and acronyms known as such stay, unknown words are taken for names.
  EXPECT_EQ(recase("NATO", false, tagger), "NATO");
  EXPECT_EQ(recase("U.S.", false, tagger), "U.S.");
  EXPECT_EQ(recase("US", false, tagger), "US");
  EXPECT_EQ(recase("KABUL", false, tagger), "Kabul");
  EXPECT_EQ(recase("\u00C9COLE", false, tagger), "\u00C9cole");
  // A spelling known as a name whose lowercase is a word of another kind is that word.
  EXPECT_EQ(recase("BY", false, tagger), "by");
  // Mixed case, lowercase and words without letters stay as written.
  EXPECT_EQ(recase("McDONALD", false, tagger), "McDONALD");
  EXPECT_EQ(recase("iPhone", false, tagger), "iPhone");
  EXPECT_EQ(recase("rebels", false, tagger), "rebels");
  EXPECT_EQ(recase("12", false, tagger), "12");
}

// With the bundled model: a headline in capitals or in title case gets the tags and tree of
// the same words in running text (before, "REBELS" was a verb and "OFFICIALS" a name), and
// its tokens keep their text.
TEST(Casing, HeadlinesAreParsedAsRunningText) {
  const auto parser = Parser::load(std::string(ANNALS_SOURCE_DIR) + "/data/models/en.model");
  const std::string running = "Rebels killed 12 soldiers near Kabul, officials said.";
  const auto expected = parse_text(running, *parser);
  ASSERT_EQ(expected.size(), 1u);
  ASSERT_EQ(expected[0].tokens[0].upos, "NOUN");
  for (const std::string text : {"REBELS KILLED 12 SOLDIERS NEAR KABUL, OFFICIALS SAID.",
                                 "Rebels Killed 12 Soldiers Near Kabul, Officials Said."}) {
    const auto parsed = parse_text(text, *parser);
    ASSERT_EQ(parsed.size(), 1u) << text;
    const auto& tokens = parsed[0].tokens;
    ASSERT_EQ(tokens.size(), expected[0].tokens.size()) << text;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& want = expected[0].tokens[i];
      EXPECT_EQ(tokens[i].upos, want.upos) << text << ": " << tokens[i].form;
      EXPECT_EQ(tokens[i].head, want.head) << text << ": " << tokens[i].form;
      EXPECT_EQ(tokens[i].deprel, want.deprel) << text << ": " << tokens[i].form;
      EXPECT_EQ(tokens[i].lemma, want.lemma) << text << ": " << tokens[i].form;
      EXPECT_EQ(text.substr(tokens[i].start, tokens[i].end - tokens[i].start), tokens[i].form);
    }
    EXPECT_EQ(tokens[0].form, text.substr(0, 6));
  }
}

}  // namespace
}  // namespace annals::parsing
