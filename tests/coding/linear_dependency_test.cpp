// The linear coder on dependency parses (CoNLL-U): the same events as from the
// corresponding Treebank trees in linear_matcher_test.cpp.
#include <gtest/gtest.h>

#include "linear_fixture.h"

namespace annals {
namespace {

using Events = std::multiset<std::string>;

class LinearDependencies : public test::LinearFixture {
 protected:
  // Rows "form lemma upos xpos head deprel [misc]", heads 1-based as in CoNLL-U.
  Events code_rows(const std::vector<std::string>& rows, CoderOptions options = {}) {
    std::string conllu;
    int id = 0;
    for (const std::string& row : rows) {
      std::vector<std::string> f;
      std::string field;
      for (char c : row + " ") {
        if (c != ' ') {
          field += c;
        } else if (!field.empty()) {
          f.push_back(field);
          field.clear();
        }
      }
      conllu += std::to_string(++id) + "\t" + f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3] +
                "\t_\t" + f[4] + "\t" + f[5] + "\t_\t" + (f.size() > 6 ? f[6] : "_") + "\n";
    }
    const std::vector<Sentence> sentences = from_conllu(conllu);
    EXPECT_EQ(sentences.size(), 1u);
    const std::vector<std::string> words = dictionary_words(sentences[0]);
    const SentenceContext context{sentences[0], words, Date{20240101}, *dictionaries_, options};
    Events out;
    for (const RawEvent& e : match_linear(context, verbs())) out.insert(e.source.code + " " + e.target.code + " " + e.code);
    return out;
  }
};

TEST_F(LinearDependencies, SubjectVerbObject) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "restored restore VERB VBD 0 root",
                       "ties tie NOUN NNS 2 obj", "with with ADP IN 5 case",
                       "Sylvania Sylvania PROPN NNP 2 obl", ". . PUNCT . 2 punct"}),
            Events{"FRE SYL 064"});
}

TEST_F(LinearDependencies, HyphenatedNameIsOnePhraseWhateverItsArcs) {
  // "Barad-dur" segmented as UD writes it, the second piece parsed as an apposition.
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "opposed oppose VERB VBD 0 root",
                       "Barad Barad PROPN NNP 2 obj SpaceAfter=No", "- - PUNCT HYPH 5 punct SpaceAfter=No",
                       "dur dur NOUN NN 3 appos", ". . PUNCT . 2 punct"}),
            Events{"FRE MOR 112"});
}

TEST_F(LinearDependencies, SecondPrepositionalPhraseOfTheObjectNamesTheTarget) {
  // "Freedonia opposed the closure of houses in Sylvania", "in Sylvania" under "closure": the
  // actor phrase "the closure of houses" names no one; Sylvania is the target, as where a
  // Treebank parse hangs "in Sylvania" on the verb.
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "opposed oppose VERB VBD 0 root",
                       "the the DET DT 4 det", "closure closure NOUN NN 2 obj", "of of ADP IN 6 case",
                       "houses house NOUN NNS 4 nmod", "in in ADP IN 8 case", "Sylvania Sylvania PROPN NNP 4 nmod",
                       ". . PUNCT . 2 punct"}),
            Events{"FRE SYL 112"});
}

TEST_F(LinearDependencies, PatternWordsFollowTheVerb) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "restored restore VERB VBD 0 root",
                       "full full ADJ JJ 4 amod", "ties tie NOUN NNS 2 obj", "with with ADP IN 6 case",
                       "Sylvania Sylvania PROPN NNP 2 obl", ". . PUNCT . 2 punct"}),
            Events{"FRE SYL 065"});
}

TEST_F(LinearDependencies, PassiveWithAuxiliary) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 3 nsubj:pass", "was be AUX VBD 3 aux:pass",
                       "opposed oppose VERB VBN 0 root", "by by ADP IN 5 case",
                       "Sylvania Sylvania PROPN NNP 3 obl", ". . PUNCT . 3 punct"}),
            Events{"SYL FRE 112"});
}

TEST_F(LinearDependencies, CoordinatedObjectsAndSharedWords) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "attacked attack VERB VBD 0 root",
                       "Sylvania Sylvania PROPN NNP 2 obj", "and and CCONJ CC 5 cc",
                       "Marxonia Marxonia PROPN NNP 3 conj", ". . PUNCT . 2 punct"}),
            (Events{"FRE SYL 190", "FRE MRX 190"}));
  EXPECT_EQ(code_rows({"the the DET DT 2 det", "ministers minister NOUN NNS 7 nsubj", "of of ADP IN 4 case",
                       "Sylvania Sylvania PROPN NNP 2 nmod", "and and CCONJ CC 6 cc",
                       "Marxonia Marxonia PROPN NNP 4 conj", "attacked attack VERB VBD 0 root",
                       "Freedonia Freedonia PROPN NNP 7 obj", ". . PUNCT . 7 punct"}),
            (Events{"SYLGOV FRE 190", "MRXGOV FRE 190"}));
}

TEST_F(LinearDependencies, UniversalTagsAloneAreEnough) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN _ 2 nsubj", "attacked attack VERB _ 0 root",
                       "Sylvania Sylvania PROPN _ 2 obj", "and and CCONJ _ 5 cc",
                       "Marxonia Marxonia PROPN _ 3 conj", ". . PUNCT _ 2 punct"}),
            (Events{"FRE SYL 190", "FRE MRX 190"}));
}

TEST_F(LinearDependencies, AMatchedVerbHidesItsComplementClause) {
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 2 nsubj", "said say VERB VBD 0 root",
                       "Sylvania Sylvania PROPN NNP 4 nsubj", "attacked attack VERB VBD 2 ccomp",
                       "Marxonia Marxonia PROPN NNP 4 obj", ". . PUNCT . 2 punct"}),
            Events{"FRE SYL 023"});
}

TEST_F(LinearDependencies, ModalAndNegationKeepTheVerbFirstInItsPhrase) {
  // "Freedonia will not meet Sylvania": the verb phrase of MEET starts with MEET.
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 4 nsubj", "will will AUX MD 4 aux",
                       "not not PART RB 4 advmod", "meet meet VERB VB 0 root",
                       "Sylvania Sylvania PROPN NNP 4 obj", ". . PUNCT . 4 punct"}),
            (Events{"FRE SYL 031", "SYL FRE 032"}));
}

TEST_F(LinearDependencies, TerminalCommaClause) {
  const std::vector<std::string> rows{
      "Freedonia Freedonia PROPN NNP 2 nsubj", "restored restore VERB VBD 10 ccomp", "ties tie NOUN NNS 2 obj",
      "with with ADP IN 5 case", "Sylvania Sylvania PROPN NNP 2 obl", ", , PUNCT , 10 punct",
      "a a DET DT 9 det", "government government NOUN NN 9 compound", "minister minister NOUN NN 10 nsubj",
      "said say VERB VBD 0 root", "on on ADP IN 12 case", "Saturday Saturday PROPN NNP 10 obl",
      ". . PUNCT . 10 punct"};
  EXPECT_EQ(code_rows(rows), Events{"FRE SYL 064"});
  CoderOptions keep;
  keep.comma_emax = 0;
  EXPECT_EQ(code_rows(rows, keep), (Events{"FRE SYL 064", "---GOV --- 023"}));
}

TEST_F(LinearDependencies, ProperNounsJoinedWithoutConjunctionAreOneName) {
  // "Freedonia Prime Minister Bolo" parsed as "Freedonia" coordinated with "Bolo" (no
  // "and", no comma): one actor phrase, as in the Treebank's flat NP.
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 5 nsubj", "Prime Prime ADJ NNP 3 amod",
                       "Minister Minister PROPN NNP 4 compound", "Bolo Bolo PROPN NNP 1 conj",
                       "attacked attack VERB VBD 0 root", "Sylvania Sylvania PROPN NNP 5 obj",
                       ". . PUNCT . 5 punct"}),
            Events{"FREGOV SYL 190"});
  // A real coordination keeps its conjuncts apart.
  EXPECT_EQ(code_rows({"Freedonia Freedonia PROPN NNP 4 nsubj", "and and CCONJ CC 3 cc",
                       "Marxonia Marxonia PROPN NNP 1 conj", "attacked attack VERB VBD 0 root",
                       "Sylvania Sylvania PROPN NNP 4 obj", ". . PUNCT . 4 punct"}),
            (Events{"FRE SYL 190", "MRX SYL 190"}));
}

TEST_F(LinearDependencies, CommaOpeningANounPhraseStaysOutsideIt) {
  // "Freedonia is ready, a government minister said on Saturday.": the reporting clause
  // hangs from the predicate and its comma from the subject. The comma still delimits
  // the terminal clause, and the subject is an actor phrase of its own words.
  const std::vector<std::string> rows{
      "Freedonia Freedonia PROPN NNP 3 nsubj", "is be AUX VBZ 3 cop", "ready ready ADJ JJ 0 root",
      ", , PUNCT , 7 punct", "a a DET DT 7 det", "government government NOUN NN 7 compound",
      "minister minister NOUN NN 8 nsubj", "said say VERB VBD 3 parataxis", "on on ADP IN 10 case",
      "Saturday Saturday PROPN NNP 8 obl", ". . PUNCT . 3 punct"};
  EXPECT_EQ(code_rows(rows), Events{});
  CoderOptions keep;
  keep.comma_emax = 0;
  EXPECT_EQ(code_rows(rows, keep), Events{"---GOV --- 023"});
}

}  // namespace
}  // namespace annals
