#include <gtest/gtest.h>

#include "annals/parse.h"

namespace annals {
namespace {

std::string line(std::string_view id, std::string_view form, std::string_view upos, std::string_view head,
                 std::string_view deprel, std::string_view misc = "_") {
  std::string out;
  for (std::string_view f : {id, form, std::string_view("_"), upos, std::string_view("_"),
                             std::string_view("_"), head, deprel, std::string_view("_"), misc}) {
    if (!out.empty()) out += '\t';
    out += f;
  }
  return out + '\n';
}

// "Gondor's envoy didn't meet Arnor in Minas Tirith." with a multiword token.
std::string envoy_sentence() {
  return "# sent_id = envoy-1\n" + line("1", "Gondor", "PROPN", "3", "nmod:poss", "SpaceAfter=No") +
         line("2", "'s", "PART", "1", "case") + line("3", "envoy", "NOUN", "6", "nsubj") +
         line("4-5", "didn't", "_", "_", "_") + line("4", "did", "AUX", "6", "aux") +
         line("5", "n't", "PART", "6", "advmod") + line("6", "meet", "VERB", "0", "root") +
         line("7", "Arnor", "PROPN", "6", "dobj") + line("8", "in", "ADP", "10", "case") +
         line("9", "Minas", "PROPN", "10", "compound") +
         line("10", "Tirith", "PROPN", "6", "nmod", "SpaceAfter=No") + line("11", ".", "PUNCT", "6", "punct");
}

TEST(FromConllu, ReadsTokensTreeAndRebuildsText) {
  const auto sentences = from_conllu(envoy_sentence());
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(s.id, "envoy-1");
  EXPECT_EQ(s.text, "Gondor's envoy didn't meet Arnor in Minas Tirith.");
  ASSERT_EQ(s.tokens.size(), 11u);
  EXPECT_EQ(s.tokens[5].head, -1);
  EXPECT_EQ(s.tokens[5].deprel, "root");
  EXPECT_EQ(s.tokens[0].head, 2);
  EXPECT_EQ(s.tokens[6].deprel, "obj");   // UD v1 dobj
  EXPECT_EQ(s.tokens[9].deprel, "obl");   // UD v1 nmod on a verb
  EXPECT_EQ(s.tokens[0].deprel, "nmod:poss");
  // Words of a multiword token share its span.
  EXPECT_EQ(s.text.substr(s.tokens[3].start, s.tokens[3].end - s.tokens[3].start), "didn't");
  EXPECT_EQ(s.tokens[4].start, s.tokens[3].start);
  EXPECT_EQ(s.text.substr(s.tokens[1].start, s.tokens[1].end - s.tokens[1].start), "'s");
  EXPECT_EQ(s.text.substr(s.tokens[10].start, 1), ".");
}

TEST(FromConllu, ProjectsPhrasesFromTheTree) {
  const Sentence s = from_conllu(envoy_sentence())[0];
  ASSERT_FALSE(s.phrases.empty());
  const Phrase& top = s.phrases[0];
  EXPECT_EQ(top.label, "S");  // the verb has a subject
  EXPECT_EQ(top.first, 0);
  EXPECT_EQ(top.last, 10);
  EXPECT_EQ(top.head, 5);
  EXPECT_EQ(top.parent, -1);
  std::vector<std::string> labels;
  for (const Phrase& p : s.phrases) labels.push_back(p.label + "@" + std::to_string(p.head));
  // Pre-order: envoy's NP (with Gondor's NP inside), then Arnor... (a leaf: no phrase),
  // then the case-marked oblique Tirith as a PP.
  EXPECT_EQ(labels, (std::vector<std::string>{"S@5", "NP@2", "NP@0", "PP@9"}));
  EXPECT_EQ(s.phrases[1].first, 0);
  EXPECT_EQ(s.phrases[1].last, 2);
  EXPECT_EQ(s.phrases[2].parent, 1);
  EXPECT_EQ(s.phrases[3].first, 7);
  EXPECT_EQ(s.phrases[3].last, 9);
}

TEST(FromConllu, AlignsToGivenTextAndSkipsEmptyNodes) {
  const std::string conllu = line("1", "Arnor", "PROPN", "2", "nsubj") + line("2", "left", "VERB", "0", "root") +
                             "2.1\tleft\tleave\tVERB\t_\t_\t_\t_\t0:root\t_\n" +
                             line("3", "Gondor", "PROPN", "2", "obj");
  const std::string_view text = "\n  Arnor  left\nGondor\n";
  const Sentence s = from_conllu(conllu, text)[0];
  EXPECT_EQ(s.text, text);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.text.substr(s.tokens[2].start, s.tokens[2].end - s.tokens[2].start), "Gondor");
  EXPECT_EQ(s.phrases[0].label, "S");
  EXPECT_EQ(s.phrases.size(), 1u);
}

TEST(FromConllu, SeveralSentencesAndSingleWord) {
  const std::string conllu = line("1", "Stop", "VERB", "0", "root") + "\n\n" + line("1", "Go", "VERB", "0", "root") +
                             line("2", "home", "ADV", "1", "advmod");
  const auto sentences = from_conllu(conllu);
  ASSERT_EQ(sentences.size(), 2u);
  ASSERT_EQ(sentences[0].phrases.size(), 1u);  // a lone root still covers its sentence
  EXPECT_EQ(sentences[0].phrases[0].label, "VP");
  EXPECT_EQ(sentences[1].text, "Go home");
}

void expect_error_at(const std::string& conllu, int expected_line) {
  try {
    from_conllu(conllu);
    ADD_FAILURE() << "accepted:\n" << conllu;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line, expected_line) << e.what();
  }
}

TEST(FromConllu, RejectsInvalidInputWithLineNumbers) {
  const std::string a = line("1", "Arnor", "PROPN", "2", "nsubj");
  expect_error_at("# c\n" + a + "2\tleft\tVERB\t0\troot\n", 3);                                  // 5 columns
  expect_error_at(a + line("3", "left", "VERB", "0", "root"), 2);                                // id gap
  expect_error_at(a + line("2", "left", "VERB", "7", "root"), 2);                                // head out of range
  expect_error_at(a + line("2", "left", "VERB", "x", "root"), 2);                                // head not a number
  expect_error_at(line("1", "A", "X", "0", "root") + line("2", "B", "X", "0", "root"), 2);       // two roots
  expect_error_at(line("1", "A", "X", "2", "dep") + line("2", "B", "X", "1", "dep"), 1);         // no root
  expect_error_at(line("1", "A", "X", "0", "root") + line("2", "B", "X", "3", "dep") +
                      line("3", "C", "X", "2", "dep"),
                  2);  // cycle
  expect_error_at(a + line("2", "left", "VERB", "0", "root") + "\n" + line("2", "x", "X", "0", "root"), 4);
  expect_error_at(line("1", "A", "X", "0", "root") + line("2-3", "BC", "_", "_", "_") + line("2", "B", "X", "1", "dep"),
                  2);  // multiword range past the end
}

TEST(LooksLikeConllu, TellsDependenciesFromTrees) {
  EXPECT_TRUE(looks_like_conllu(envoy_sentence()));
  EXPECT_TRUE(looks_like_conllu("\n  \n" + line("1", "Go", "VERB", "0", "root")));
  EXPECT_FALSE(looks_like_conllu("\n(ROOT (S (NP (NNP Arnor))))"));
  EXPECT_FALSE(looks_like_conllu("( (S (NP (CD 1995))))"));
  EXPECT_FALSE(looks_like_conllu("1995 was a year"));
  EXPECT_FALSE(looks_like_conllu(""));
}

}  // namespace
}  // namespace annals
