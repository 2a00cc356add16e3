// Repairs of the parser's trees: quote and bracket pairs hang from the head of the phrase
// they enclose; possessors hang on nominals; clauses before a reporting verb are reported;
// headlines' dropped auxiliaries and copulas are restored as clauses.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "parse/dependency_parser.h"

namespace annals::parsing {
namespace {

struct Example {
  std::vector<std::string_view> forms;
  std::vector<char> punctuation;
};

Example example(std::vector<std::string_view> forms) {
  Example e{std::move(forms), {}};
  for (const std::string_view f : e.forms) e.punctuation.push_back(f == "\"" || f == "(" || f == ")" || f == "." ||
                                                                   f == "\u201C" || f == "\u201D");
  return e;
}

TEST(PairedPunctuation, QuotesHangFromTheHeadOfTheQuotedPhrase) {
  // the mythical " Arab street " .   (street heads Arab; the parser hung the quotes elsewhere)
  const Example e = example({"the", "mythical", "\"", "Arab", "street", "\"", "."});
  std::vector<int> heads = {4, 4, 1, 4, -1, 4, 4};
  attach_paired_punctuation(e.forms, e.punctuation, heads);
  EXPECT_EQ(heads, (std::vector<int>{4, 4, 4, 4, -1, 4, 4}));
}

TEST(PairedPunctuation, BracketsAndCurlyQuotesNestAndTheFirstOutsideHeadedWordWins) {
  // said ( “ very much ” so ) .   much heads very; the phrase's head inside the brackets is much
  const Example e = example({"said", "(", "\u201C", "very", "much", "\u201D", "so", ")", "."});
  std::vector<int> heads = {-1, 0, 0, 4, 0, 0, 0, 0, 0};
  attach_paired_punctuation(e.forms, e.punctuation, heads);
  EXPECT_EQ(heads[2], 4);
  EXPECT_EQ(heads[5], 4);
  EXPECT_EQ(heads[1], 4);  // much is the first word inside the brackets headed from outside
  EXPECT_EQ(heads[7], 4);
  EXPECT_EQ(heads[8], 0);  // unpaired marks stay
}

TEST(PairedPunctuation, MarksThatAreTheRootOrHeadAWordStay) {
  const Example e = example({"\"", "yes", "\""});
  std::vector<int> root_mark = {-1, 0, 0};
  attach_paired_punctuation(e.forms, e.punctuation, root_mark);
  EXPECT_EQ(root_mark, (std::vector<int>{-1, 0, 0}));
  // an empty pair: the closing mark follows the opening one
  const Example empty = example({"said", "(", ")", "it"});
  std::vector<int> heads = {-1, 3, 0, 0};
  attach_paired_punctuation(empty.forms, empty.punctuation, heads);
  EXPECT_EQ(heads, (std::vector<int>{-1, 3, 3, 0}));
}

// A tagged, labeled token (head -1: the root).
Token token(const char* form, const char* upos, const char* xpos, int head, const char* deprel) {
  Token t;
  t.form = form, t.upos = upos, t.xpos = xpos, t.head = head, t.deprel = deprel;
  return t;
}

TEST(VerbPossessors, APossessorHungOnAVerbGoesToTheNounItStandsBefore) {
  // Taiwan 's Vice Minister visited Russia   (Taiwan hung on "visited")
  std::vector<Token> tokens = {token("Taiwan", "PROPN", "NNP", 4, "nmod:poss"), token("'s", "PART", "POS", 0, "case"),
                               token("Vice", "PROPN", "NNP", 3, "compound"), token("Minister", "PROPN", "NNP", 4, "nsubj"),
                               token("visited", "VERB", "VBD", -1, "root"), token("Russia", "PROPN", "NNP", 4, "obj")};
  rehang_verb_possessors(tokens);
  EXPECT_EQ(tokens[0].head, 3);
  // A gerund's possessor stays: "his leaving Russia".
  std::vector<Token> gerund = {token("his", "PRON", "PRP$", 1, "nmod:poss"), token("leaving", "VERB", "VBG", -1, "root"),
                               token("Russia", "PROPN", "NNP", 1, "obj")};
  rehang_verb_possessors(gerund);
  EXPECT_EQ(gerund[0].head, 1);
}

TEST(ReportedClauses, AnAdverbialClauseBeforeAReportingVerbIsWhatItReports) {
  auto token = [](const char* form, const char* lemma, const char* xpos, int head, const char* deprel) {
    Token t;
    t.form = form, t.lemma = lemma, t.xpos = xpos, t.head = head, t.deprel = deprel;
    return t;
  };
  // France is ready , the minister said .   ("ready" hung on "said" as an adverbial clause)
  auto sentence = [&](bool when, const char* verb) {
    std::vector<Token> tokens = {token("France", "France", "NNP", 2, "nsubj"), token("is", "be", "VBZ", 2, "cop"),
                                 token("ready", "ready", "JJ", 6, "advcl"),    token(",", ",", ",", 2, "punct"),
                                 token("the", "the", "DT", 5, "det"),           token("minister", "minister", "NN", 6, "nsubj"),
                                 token(verb, verb, "VBD", -1, "root"),          token(".", ".", ".", 6, "punct")};
    if (when) {
      for (Token& t : tokens)
        if (t.head >= 0) ++t.head;
      tokens.insert(tokens.begin(), token("When", "when", "WRB", 3, "advmod"));
    }
    return tokens;
  };
  std::vector<Token> reported = sentence(false, "say");
  relabel_reported_clauses(reported);
  EXPECT_EQ(reported[2].deprel, "ccomp");
  // "When France is ready, the minister said": subordinated, so adverbial.
  std::vector<Token> when = sentence(true, "say");
  relabel_reported_clauses(when);
  EXPECT_EQ(when[3].deprel, "advcl");
  // Not a reporting verb: "France is ready, the minister left".
  std::vector<Token> left = sentence(false, "leave");
  relabel_reported_clauses(left);
  EXPECT_EQ(left[2].deprel, "advcl");
  // A participle without a subject: "Speaking to reporters, the minister said".
  std::vector<Token> speaking = {token("Speaking", "speak", "VBG", 4, "advcl"), token("to", "to", "IN", 2, "case"),
                                 token("reporters", "reporter", "NNS", 0, "obl"), token("the", "the", "DT", 4, "det"),
                                 token("minister", "minister", "NN", 5, "nsubj"), token("said", "say", "VBD", -1, "root")};
  relabel_reported_clauses(speaking);
  EXPECT_EQ(speaking[0].deprel, "advcl");
}

TEST(HeadlineClauses, AParticipleWithoutAuxiliaryInAHeadlineIsPassive) {
  // Five soldiers killed in attack   (the parser's reading: "soldiers" the killers)
  auto killed = [&](bool period) {
    std::vector<Token> tokens = {token("Five", "NUM", "CD", 1, "nummod"), token("soldiers", "NOUN", "NNS", 2, "nsubj"),
                                 token("killed", "VERB", "VBN", -1, "root"), token("in", "ADP", "IN", 4, "case"),
                                 token("attack", "NOUN", "NN", 2, "obl")};
    if (period) tokens.push_back(token(".", "PUNCT", ".", 2, "punct"));
    return tokens;
  };
  std::vector<Token> headline = killed(false);
  restore_headline_clauses(headline);
  EXPECT_EQ(headline[1].deprel, "nsubj:pass");
  // Running text ends in a full stop: there a subject before a VBN is a tagging error's.
  std::vector<Token> sentence = killed(true);
  restore_headline_clauses(sentence);
  EXPECT_EQ(sentence[1].deprel, "nsubj");
  // An object makes it active: "Rebels killed soldiers", tagged VBN.
  std::vector<Token> active = {token("Rebels", "NOUN", "NNS", 1, "nsubj"), token("killed", "VERB", "VBN", -1, "root"),
                               token("soldiers", "NOUN", "NNS", 1, "obj")};
  restore_headline_clauses(active);
  EXPECT_EQ(active[0].deprel, "nsubj");
  // Two journalists arrested in Istanbul " (a noun phrase with a participle) becomes a clause.
  std::vector<Token> arrested = {token("Two", "NUM", "CD", 1, "nummod"), token("journalists", "NOUN", "NNS", -1, "root"),
                                 token("arrested", "VERB", "VBN", 1, "acl"), token("in", "ADP", "IN", 4, "case"),
                                 token("Istanbul", "PROPN", "NNP", 2, "obl"), token("\"", "PUNCT", "''", 1, "punct")};
  restore_headline_clauses(arrested);
  EXPECT_EQ(arrested[2].head, -1);
  EXPECT_EQ(arrested[2].deprel, "root");
  EXPECT_EQ(arrested[1].head, 2);
  EXPECT_EQ(arrested[1].deprel, "nsubj:pass");
  EXPECT_EQ(arrested[0].head, 1);
  EXPECT_EQ(arrested[5].head, 2);  // what followed the participle is the clause's
}

TEST(HeadlineClauses, AnInfinitiveOrAdjectiveAfterTheSubjectIsTheHeadlinesPredicate) {
  // Obama to meet Putin   (parsed as a noun phrase: "Obama" modified by "to meet Putin")
  std::vector<Token> meet = {token("Obama", "PROPN", "NNP", -1, "root"), token("to", "PART", "TO", 2, "mark"),
                             token("meet", "VERB", "VB", 0, "acl"), token("Putin", "PROPN", "NNP", 2, "obj")};
  meet[1].lemma = "to";
  restore_headline_clauses(meet);
  EXPECT_EQ(meet[2].head, -1);
  EXPECT_EQ(meet[0].head, 2);
  EXPECT_EQ(meet[0].deprel, "nsubj");
  // Without "to" the verb is not an infinitive: "Obama meeting Putin" stays a noun phrase.
  std::vector<Token> meeting = {token("Obama", "PROPN", "NNP", -1, "root"), token("meeting", "VERB", "VBG", 0, "acl"),
                                token("Putin", "PROPN", "NNP", 1, "obj")};
  restore_headline_clauses(meeting);
  EXPECT_EQ(meeting[0].head, -1);
  // Shultz likely to visit Moscow   ("Shultz" a compound of "likely")
  std::vector<Token> likely = {token("Shultz", "PROPN", "NNP", 1, "compound"), token("likely", "ADJ", "JJ", -1, "root"),
                               token("to", "PART", "TO", 3, "mark"), token("visit", "VERB", "VB", 1, "xcomp"),
                               token("Moscow", "PROPN", "NNP", 3, "obj")};
  std::vector<Token> likely_sentence = likely;
  likely_sentence.push_back(token(".", "PUNCT", ".", 1, "punct"));
  restore_headline_clauses(likely);
  EXPECT_EQ(likely[0].deprel, "nsubj");
  restore_headline_clauses(likely_sentence);  // running text: left as parsed
  EXPECT_EQ(likely_sentence[0].deprel, "compound");
}

}  // namespace
}  // namespace annals::parsing
