#include <gtest/gtest.h>

#include "annals/parse.h"

namespace annals {
namespace {

// The token index of a form (first occurrence).
int find(const Sentence& s, std::string_view form) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i].form == form) return static_cast<int>(i);
  ADD_FAILURE() << "no token " << form;
  return -1;
}

::testing::AssertionResult depends(const Sentence& s, std::string_view dependent, std::string_view head,
                                   std::string_view deprel) {
  const Token& t = s.tokens[find(s, dependent)];
  const std::string actual_head = t.head < 0 ? "ROOT" : s.tokens[t.head].form;
  if (actual_head == head && t.deprel == deprel) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << dependent << " is " << t.deprel << " of " << actual_head
                                       << ", expected " << deprel << " of " << head;
}

constexpr std::string_view kRestoreTree = R"((ROOT (S
  (NP-SBJ (NNP Arnor))
  (VP (VBZ is)
    (VP (IN about)
      (S (VP (TO to)
        (VP (VB restore)
          (NP (JJ full) (JJ diplomatic) (NNS ties))
          (PP (IN with) (NP (NNP Gondor))))))))
  (. .)))
)";

TEST(FromTreebank, TokensPhrasesAndRebuiltText) {
  const Sentence s = from_treebank(kRestoreTree);
  ASSERT_EQ(s.tokens.size(), 11u);
  EXPECT_EQ(s.text, "Arnor is about to restore full diplomatic ties with Gondor .");
  EXPECT_EQ(s.tokens[4].form, "restore");
  EXPECT_EQ(s.tokens[4].xpos, "VB");
  EXPECT_EQ(s.text.substr(s.tokens[7].start, s.tokens[7].end - s.tokens[7].start), "ties");
  ASSERT_FALSE(s.phrases.empty());
  EXPECT_EQ(s.phrases[0].label, "ROOT");
  EXPECT_EQ(s.phrases[0].first, 0);
  EXPECT_EQ(s.phrases[0].last, 10);
  EXPECT_EQ(s.phrases[1].label, "S");
  EXPECT_EQ(s.phrases[2].label, "NP");  // NP-SBJ loses its function tag
  for (size_t p = 1; p < s.phrases.size(); ++p) {
    const Phrase& phrase = s.phrases[p];
    ASSERT_GE(phrase.parent, 0);
    ASSERT_LT(phrase.parent, static_cast<int>(p));  // pre-order
    EXPECT_GE(phrase.first, s.phrases[phrase.parent].first);
    EXPECT_LE(phrase.last, s.phrases[phrase.parent].last);
    EXPECT_GE(phrase.head, phrase.first);
    EXPECT_LE(phrase.head, phrase.last);
  }
}

TEST(FromTreebank, MainVerbHeadsItsClause) {
  const Sentence s = from_treebank(kRestoreTree);
  EXPECT_TRUE(depends(s, "restore", "ROOT", "root"));
  EXPECT_TRUE(depends(s, "Arnor", "restore", "nsubj"));
  EXPECT_TRUE(depends(s, "is", "restore", "aux"));
  EXPECT_TRUE(depends(s, "to", "restore", "mark"));
  EXPECT_TRUE(depends(s, "ties", "restore", "obj"));
  EXPECT_TRUE(depends(s, "full", "ties", "amod"));
  EXPECT_TRUE(depends(s, "Gondor", "restore", "obl"));
  EXPECT_TRUE(depends(s, "with", "Gondor", "case"));
  EXPECT_TRUE(depends(s, ".", "restore", "punct"));
  EXPECT_EQ(s.phrases[1].head, find(s, "restore"));
}

TEST(FromTreebank, PassiveCopulaAndCoordination) {
  const Sentence passive = from_treebank(
      "(ROOT (S (NP (DT The) (NN embassy)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNS crowds))))) (. .)))");
  EXPECT_TRUE(depends(passive, "attacked", "ROOT", "root"));
  EXPECT_TRUE(depends(passive, "was", "attacked", "aux:pass"));
  EXPECT_TRUE(depends(passive, "embassy", "attacked", "nsubj:pass"));
  EXPECT_TRUE(depends(passive, "The", "embassy", "det"));

  const Sentence copula = from_treebank(
      "(ROOT (S (NP (NNP Gondor)) (VP (VBZ is) (NP (DT an) (NN ally) (PP (IN of) (NP (NNP Arnor))))) (. .)))");
  EXPECT_TRUE(depends(copula, "ally", "ROOT", "root"));
  EXPECT_TRUE(depends(copula, "is", "ally", "cop"));
  EXPECT_TRUE(depends(copula, "Gondor", "ally", "nsubj"));
  EXPECT_TRUE(depends(copula, "Arnor", "ally", "nmod"));

  const Sentence existential = from_treebank(
      "(ROOT (S (NP (EX There)) (VP (VBZ is) (NP (DT a) (NN crisis))) (. .)))");
  EXPECT_TRUE(depends(existential, "is", "ROOT", "root"));
  EXPECT_TRUE(depends(existential, "There", "is", "expl"));

  const Sentence coordinated = from_treebank(
      "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (DT the) (NNP United) (NNPS States))) "
      "(VP (VP (VBD met)) (CC and) (VP (VBD signed) (NP (DT a) (NN deal)))) (. .)))");
  EXPECT_TRUE(depends(coordinated, "met", "ROOT", "root"));
  EXPECT_TRUE(depends(coordinated, "Arnor", "met", "nsubj"));
  EXPECT_TRUE(depends(coordinated, "States", "Arnor", "conj"));
  EXPECT_TRUE(depends(coordinated, "and", "States", "cc"));
  EXPECT_TRUE(depends(coordinated, "the", "States", "det"));
  EXPECT_TRUE(depends(coordinated, "United", "States", "compound"));
  EXPECT_TRUE(depends(coordinated, "signed", "met", "conj"));
  EXPECT_TRUE(depends(coordinated, "deal", "signed", "obj"));
}

TEST(FromTreebank, ClausesAndNounModifiers) {
  const Sentence s = from_treebank(
      "( (S (S (NP (NNP Arnor)) (VP (VBD broke) (NP (NP (DT the) (NN town) (POS 's)) (NNS ties)))) (, ,) "
      "(NP (NNS officials)) (VP (VBD said) (NP (NNP Wednesday))) (. .)))");
  EXPECT_TRUE(depends(s, "said", "ROOT", "root"));
  EXPECT_TRUE(depends(s, "officials", "said", "nsubj"));
  EXPECT_TRUE(depends(s, "broke", "said", "ccomp"));
  EXPECT_TRUE(depends(s, "Wednesday", "said", "obl:tmod"));
  EXPECT_TRUE(depends(s, "town", "ties", "nmod:poss"));
  EXPECT_TRUE(depends(s, "'s", "town", "case"));
  EXPECT_EQ(s.phrases[0].label, "ROOT");  // "( (S" has an unlabeled top

  const Sentence relative = from_treebank(
      "(ROOT (S (NP (NP (NNS firms)) (SBAR (WHNP (WDT which)) (S (VP (VBD sued) (NP (NNP Gondor)))))) "
      "(VP (VBD left) (SBAR (IN after) (S (NP (NNS crowds)) (VP (VBD came))))) (. .)))");
  EXPECT_TRUE(depends(relative, "sued", "firms", "acl:relcl"));
  EXPECT_TRUE(depends(relative, "which", "sued", "nsubj"));
  EXPECT_TRUE(depends(relative, "came", "left", "advcl"));
  EXPECT_TRUE(depends(relative, "after", "came", "mark"));
  EXPECT_TRUE(depends(relative, "firms", "left", "nsubj"));
}

TEST(FromTreebank, UndoesEscapesAndAlignsToText) {
  const std::string_view text = "  \u201CTalks\u201D (in Minas Tirith) can\u2019t wait.";
  const Sentence s = from_treebank(
      "(ROOT (S (NP (`` ``) (NNS Talks) ('' '') (PRN (-LRB- -LRB-) (PP (IN in) (NP (NNP Minas) (NNP Tirith))) "
      "(-RRB- -RRB-))) (VP (MD ca) (RB n't) (VP (VB wait))) (. .)))",
      text);
  EXPECT_EQ(s.text, text);
  std::vector<std::string> forms, spans;
  for (const Token& t : s.tokens) {
    forms.push_back(t.form);
    spans.push_back(s.text.substr(t.start, t.end - t.start));
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"\"", "Talks", "\"", "(", "in", "Minas", "Tirith", ")", "ca",
                                             "n't", "wait", "."}));
  EXPECT_EQ(spans, (std::vector<std::string>{"\u201C", "Talks", "\u201D", "(", "in", "Minas", "Tirith", ")",
                                             "ca", "n\u2019t", "wait", "."}));
  EXPECT_EQ(s.tokens[0].xpos, "``");
}

TEST(FromTreebank, TokensMissingFromTheTextDoNotDerailTheRest) {
  const Sentence s = from_treebank(
      "(ROOT (S (NP (NNP Arnor)) (VP (VBD thanked) (NP (NNP Rohan))) (. .)))", "Arnor praised Rohan.");
  EXPECT_EQ(s.tokens[1].start, s.tokens[1].end);  // "thanked" is not in the text
  EXPECT_EQ(s.text.substr(s.tokens[2].start, s.tokens[2].end - s.tokens[2].start), "Rohan");
  EXPECT_EQ(s.text.substr(s.tokens[3].start, 1), ".");
}

TEST(FromTreebank, RejectsUnbalancedAndGarbledTreesWithTheirLine) {
  try {
    from_treebank("(ROOT (S (NP (NNP Arnor))\n (VP (VBD left)))))\n");
    FAIL() << "an extra ')' was accepted";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line, 2);
  }
  try {
    from_treebank("(ROOT (S (NP (NNP Arnor))\n (VP (VBD left)\n");
    FAIL() << "a missing ')' was accepted";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line, 3);
  }
  EXPECT_THROW(from_treebank(""), ParseError);
  EXPECT_THROW(from_treebank("   \n "), ParseError);
  EXPECT_THROW(from_treebank("(ROOT (NNP Arnor Gondor))"), ParseError);
  EXPECT_THROW(from_treebank("(ROOT (NP (NNP Arnor)) Gondor)"), ParseError);
  EXPECT_THROW(from_treebank("(ROOT (S))"), ParseError);
  EXPECT_THROW(from_treebank("(ROOT (NP (NNP A))) (ROOT (NP (NNP B)))"), ParseError);
}

TEST(FromTreebank, SingleWordTree) {
  const Sentence s = from_treebank("(NNP Arnor)");
  ASSERT_EQ(s.tokens.size(), 1u);
  EXPECT_EQ(s.tokens[0].deprel, "root");
  ASSERT_EQ(s.phrases.size(), 1u);
  EXPECT_EQ(s.phrases[0].head, 0);
}

TEST(FromTreebank, EveryTokenReachesTheRoot) {
  const Sentence s = from_treebank(
      "(ROOT (S (CC But) (PP (IN in) (NP (CD 1995))) (, ,) (NP (DT the) (JJ new) (NN government)) "
      "(ADVP (RB also)) (VP (MD could) (RB not) (VP (VB persuade) (NP (PRP them)) (S (VP (TO to) "
      "(VP (VB give) (NP (PRP$ their) (NNS neighbors)) (NP (DT some) (NN aid))))))) (. .)))");
  int roots = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    int t = static_cast<int>(i), steps = 0;
    while (s.tokens[t].head >= 0 && steps++ < 100) t = s.tokens[t].head;
    EXPECT_LT(steps, 100) << "cycle from " << s.tokens[i].form;
    roots += s.tokens[i].head < 0;
    EXPECT_FALSE(s.tokens[i].deprel.empty());
  }
  EXPECT_EQ(roots, 1);
  EXPECT_TRUE(depends(s, "persuade", "ROOT", "root"));
  EXPECT_TRUE(depends(s, "not", "persuade", "advmod"));
  EXPECT_TRUE(depends(s, "give", "persuade", "xcomp"));
  EXPECT_TRUE(depends(s, "neighbors", "give", "iobj"));
  EXPECT_TRUE(depends(s, "aid", "give", "obj"));
  EXPECT_TRUE(depends(s, "their", "neighbors", "nmod:poss"));
  EXPECT_TRUE(depends(s, "1995", "persuade", "obl"));
  EXPECT_TRUE(depends(s, "But", "persuade", "cc"));
}

}  // namespace
}  // namespace annals
