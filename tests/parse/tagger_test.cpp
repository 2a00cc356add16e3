// The tagger's report of its closest call between two parts of speech, which a beam parser
// settles (Parser::parse).
#include "parse/tagger.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "annals/parse.h"

namespace annals::parsing {
namespace {

// "fire" is a verb after a pronoun and a noun after a determiner; names and nouns alternate.
std::vector<Sentence> fire_treebank() {
  const char* pronouns[] = {"they", "we", "you"};
  const char* names[][2] = {{"Smith", "PROPN"}, {"police", "NOUN"}, {"Jones", "PROPN"}, {"army", "NOUN"}};
  std::string conllu;
  auto word = [&](int i, const char* form, const char* upos, const char* xpos) {
    conllu += std::to_string(i) + "\t" + form + "\t_\t" + upos + "\t" + xpos + "\t_\t" + (i == 2 ? "0\troot" : "2\tdep") +
              "\t_\t_\n";
  };
  for (int round = 0; round < 4; ++round)
    for (const char* pronoun : pronouns)
      for (const auto& [name, upos] : names) {
        word(1, pronoun, "PRON", "PRP");
        word(2, "fire", "VERB", "VBP");
        word(3, "at", "ADP", "IN");
        word(4, name, upos, upos[0] == 'P' ? "NNP" : "NN");
        conllu += "\n";
        word(1, "the", "DET", "DT");
        word(2, "fire", "NOUN", "NN");
        word(3, "hurt", "VERB", "VBD");
        word(4, name, upos, upos[0] == 'P' ? "NNP" : "NN");
        conllu += "\n";
      }
  return from_conllu(conllu);
}

struct Tagged {
  std::vector<uint16_t> tags;
  Tagger::Doubt doubt;
};

Tagged tag(const Tagger& tagger, const std::vector<std::string_view>& forms) {
  Tagged out{std::vector<uint16_t>(forms.size(), Tagger::kPredict), {}};
  tagger.tag(forms, out.tags, &out.doubt);
  return out;
}

TEST(TaggerDoubt, NamesTheClosestCallBetweenPartsOfSpeech) {
  TaggerTraining training;
  training.epochs = 4;
  const Tagger tagger = Tagger::train(fire_treebank(), training);
  // Clear contexts: the calls are far from close.
  const Tagged verb = tag(tagger, {"they", "fire", "at", "Smith"});
  const Tagged noun = tag(tagger, {"the", "fire", "hurt", "Smith"});
  EXPECT_EQ(tagger.upos(verb.tags[1]), "VERB");
  EXPECT_EQ(tagger.upos(noun.tags[1]), "NOUN");
  // No context: "fire" alone, whose two readings are equally common, is the closest call.
  const Tagged alone = tag(tagger, {"fire"});
  ASSERT_EQ(alone.doubt.word, 0);
  EXPECT_LT(alone.doubt.margin, verb.doubt.margin);
  EXPECT_LT(alone.doubt.margin, noun.doubt.margin);
  for (const Tagged* t : {&verb, &noun, &alone}) {
    ASSERT_GE(t->doubt.word, 0);
    EXPECT_GE(t->doubt.margin, 0);
    // The runner-up is another part of speech; a noun against a name is no such call.
    const std::string chosen = tagger.upos(t->tags[t->doubt.word]), runner_up = tagger.upos(t->doubt.runner_up);
    EXPECT_NE(chosen, runner_up);
    EXPECT_FALSE((chosen == "NOUN" || chosen == "PROPN") && (runner_up == "NOUN" || runner_up == "PROPN"));
  }
  // Given tags are no call of the tagger's.
  std::vector<uint16_t> given(2, Tagger::kPredict);
  given[1] = verb.tags[1];
  Tagger::Doubt doubt;
  tagger.tag(std::vector<std::string_view>{"they", "fire"}, given, &doubt);
  EXPECT_NE(doubt.word, 1);
}

// A word training always saw as an adjective (or noun) is tagged without scoring, except
// after a modal or the infinitive's "to", where it can only be a verb the treebanks never
// showed ("will free 250 prisoners").
TEST(TaggerFixedTags, AWordAlwaysAnAdjectiveOrNounIsTaggedFromContextAfterAModalOrTo) {
  std::string conllu;
  // One sentence of (form, UPOS, Penn tag) words; the first is the root.
  auto sentence = [&](std::initializer_list<std::array<const char*, 3>> words) {
    int i = 0;
    for (const auto& [form, upos, xpos] : words) {
      ++i;
      conllu += std::to_string(i) + "\t" + form + "\t_\t" + upos + "\t" + xpos + "\t_\t" + (i == 1 ? "0\troot" : "1\tdep") +
                "\t_\t_\n";
    }
    conllu += "\n";
  };
  const char* verbs[] = {"go", "see", "help", "stay", "leave"};
  for (int round = 0; round < 25; ++round) {
    sentence({{"the", "DET", "DT"}, {"free", "ADJ", "JJ"}, {"man", "NOUN", "NN"}});
    sentence({{"the", "DET", "DT"}, {"police", "NOUN", "NN"}, {"came", "VERB", "VBD"}});
    sentence({{"they", "PRON", "PRP"}, {"will", "AUX", "MD"}, {verbs[round % 5], "VERB", "VB"}, {"them", "PRON", "PRP"}});
    sentence({{"we", "PRON", "PRP"}, {"want", "VERB", "VBP"}, {"to", "PART", "TO"}, {verbs[(round + 2) % 5], "VERB", "VB"}});
  }
  TaggerTraining training;
  training.epochs = 4;
  const Tagger tagger = Tagger::train(from_conllu(conllu), training);
  EXPECT_EQ(tagger.upos(tag(tagger, {"the", "free", "man"}).tags[1]), "ADJ");
  EXPECT_EQ(tagger.upos(tag(tagger, {"they", "will", "free", "them"}).tags[2]), "VERB");
  EXPECT_EQ(tagger.upos(tag(tagger, {"the", "police", "came"}).tags[1]), "NOUN");
  EXPECT_EQ(tagger.upos(tag(tagger, {"they", "will", "police", "them"}).tags[2]), "VERB");
  // After the infinitive's "to" as well (Parser::parse makes "to" that when the tagger read it
  // as a preposition before an adjective and a determiner).
  EXPECT_EQ(tagger.upos(tag(tagger, {"we", "want", "to", "free", "them"}).tags[3]), "VERB");
}

}  // namespace
}  // namespace annals::parsing
