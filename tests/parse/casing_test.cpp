// Sentences capitalized throughout (text in capitals, headlines in title case) or in lowercase
// are tagged and parsed in the spelling of running text, while their tokens keep their text.
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
                            {"us", "PRON", "PRP"},     {"BY", "PROPN", "NNP"},    {"by", "ADP", "IN"},
                            {"Kabul", "PROPN", "NNP"}, {"Sea", "PROPN", "NNP"},  {"sea", "NOUN", "NN"},
                            {"AIDS", "PROPN", "NNP"},  {"aids", "NOUN", "NNS"}};
  std::string conllu;
  for (int round = 0; round < 2; ++round)
    for (const auto& [form, upos, xpos] : words)
      conllu += std::string("1\t") + form + "\t_\t" + upos + "\t" + xpos + "\t_\t0\troot\t_\t_\n\n";
  return Tagger::train(from_conllu(conllu), TaggerTraining{});
}

// The sentence as the tagger gets it; empty for running text.
std::vector<std::string> spelled(const Tagger& tagger, std::vector<std::string_view> forms) {
  std::vector<std::string> out;
  if (!spell_as_running_text(forms, tagger, out)) out.clear();
  return out;
}

using Spelling = std::vector<std::string>;

TEST(Casing, TextInCapitalsAndTitleCaseIsSpelledAsRunningText) {
  const Tagger tagger = small_tagger();
  EXPECT_EQ(spelled(tagger, {"REBELS", "REJECT", "THE", "NATO", "PLAN", "."}),
            (Spelling{"Rebels", "reject", "the", "NATO", "Plan", "."}));
  EXPECT_EQ(spelled(tagger, {"Rebels", "Reject", "the", "NATO", "Plan"}),
            (Spelling{"Rebels", "reject", "the", "NATO", "Plan"}));
  // Words whose stem is known are lowered; unknown words are taken for names.
  EXPECT_EQ(spelled(tagger, {"US", "REJECTS", "KABUL", "\u00C9COLE", "PLAN"}),
            (Spelling{"US", "rejects", "Kabul", "\u00C9cole", "Plan"}));
  // A spelling known as a name whose lowercase is a word of another kind is that word;
  // "US" stays the country, though "us" is known too, and in capitals a noun is no other
  // kind ("AIDS"), while in title case it is ("Sea" of "Red Sea").
  EXPECT_EQ(spelled(tagger, {"PLAN", "BY", "U.S.", "REBELS", "AIDS", "SEA"}),
            (Spelling{"Plan", "by", "U.S.", "rebels", "AIDS", "sea"}));
  EXPECT_EQ(spelled(tagger, {"Rebels", "Reject", "Sea", "Plan"}), (Spelling{"Rebels", "reject", "sea", "Plan"}));
  // Mixed case, lowercase words and words without letters stay as written.
  EXPECT_EQ(spelled(tagger, {"McDONALD", "iPhone", "REBELS", "REJECT", "THE", "12", "PLAN"}),
            (Spelling{"McDONALD", "iPhone", "rebels", "reject", "the", "12", "Plan"}));
}

TEST(Casing, TextInLowercaseGetsTheCapitalsOfNamesTheTaggerKnows) {
  const Tagger tagger = small_tagger();
  EXPECT_EQ(spelled(tagger, {"i", "reject", "the", "nato", "plan", "in", "kabul", "."}),
            (Spelling{"I", "reject", "the", "NATO", "plan", "in", "Kabul", "."}));
  // A word known in lowercase stays so ("us"), as does an unknown one.
  EXPECT_EQ(spelled(tagger, {"rebels", "reject", "us", "in", "herat"}),
            (Spelling{"rebels", "reject", "us", "in", "herat"}));
}

TEST(Casing, RunningTextStaysAsWritten) {
  const Tagger tagger = small_tagger();
  EXPECT_TRUE(spelled(tagger, {"Rebels", "reject", "the", "NATO", "plan", "in", "Kabul", "."}).empty());
}

// With the bundled model: the sentence in capitals, in title case or in lowercase gets the
// tags and tree of running text, and its tokens keep their text. Before, "north korea" was an
// adverb and a noun, "SEA" a name, and in title case "Officials Said" two names.
TEST(Casing, HeadlinesAndLowercaseTextAreParsedAsRunningText) {
  const auto parser = Parser::load(std::string(ANNALS_SOURCE_DIR) + "/data/models/en.model");
  const std::string running = "North Korea fired a missile into the sea, officials said.";
  const auto expected = parse_text(running, *parser);
  ASSERT_EQ(expected.size(), 1u);
  ASSERT_EQ(expected[0].tokens[0].upos, "PROPN");
  for (const std::string text : {"NORTH KOREA FIRED A MISSILE INTO THE SEA, OFFICIALS SAID.",
                                 "North Korea Fired a Missile Into the Sea, Officials Said.",
                                 "north korea fired a missile into the sea, officials said."}) {
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
  }
}

}  // namespace
}  // namespace annals::parsing
