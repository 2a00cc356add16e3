#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "annals/readers.h"
#include "coding/cameo2_matcher.h"
#include "dictionaries/verbs.h"
#include "text/words.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

// Tokens: form, lemma, upos, head (0-based, -1 root), deprel.
struct T {
  const char *form, *lemma, *upos;
  int head;
  const char* deprel;
};

Sentence make_sentence(std::initializer_list<T> tokens) {
  Sentence s;
  for (const T& t : tokens) {
    Token token;
    token.form = t.form;
    token.lemma = t.lemma;
    token.upos = t.upos;
    token.head = t.head;
    token.deprel = t.deprel;
    token.start = static_cast<uint32_t>(s.text.size());
    s.text += std::string(t.form) + " ";
    token.end = token.start + static_cast<uint32_t>(std::string(t.form).size());
    s.tokens.push_back(token);
  }
  return s;
}

class Cameo2Matcher : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cameo2_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write("verbs.txt", R"(####### VERB PATTERNS #######
---  ATTACK   [190]  ---
ATTACK
- * (WITH &WEAPON) [195]
---  SAY   [010]  ---
SAY {SAID SAYS}
---  MEET   [040]  ---
MEET {MET MEETS}
######## TRANSFORMATIONS ##########
~ a (b . ATTACK) SAY = a b 112
)");
    write("actors.txt", "UNITED_STATES [USA]\nRUSSIA [RUS]\nIRAQ [IRQ]\n");
    write("agents.txt", "SOLDIER [~MIL]\n");
    write("discards.txt", "");
    DictionaryFiles files;
    files.verbs = dir_ / "verbs.txt";
    files.actors = {dir_ / "actors.txt"};
    files.agents = dir_ / "agents.txt";
    files.discards = dir_ / "discards.txt";
    dictionaries_ = Dictionaries::load(files, diagnostics_);
    ASSERT_TRUE(dictionaries_);
    ASSERT_EQ(dictionaries_->dialect(), VerbDialect::cameo2);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  std::set<std::string> code(const Sentence& s) {
    const std::vector<std::string> words = dictionary_words(s);
    const CoderOptions options;
    const SentenceContext context{s, words, Date{}, *dictionaries_, options};
    std::set<std::string> out;
    for (const RawEvent& e : match_cameo2(context, static_cast<const Cameo2VerbDictionary&>(dictionaries_->verbs())))
      out.insert((e.source.empty() ? "---" : e.source.code) + " " + (e.target.empty() ? "---" : e.target.code) +
                 " " + e.code);
    return out;
  }

  fs::path dir_;
  Diagnostics diagnostics_;
  std::shared_ptr<const Dictionaries> dictionaries_;
};

TEST_F(Cameo2Matcher, SubjectVerbObject) {
  // "The United States attacked Russia"
  const Sentence s = make_sentence({{"The", "the", "DET", 2, "det"},
                                    {"United", "United", "PROPN", 2, "compound"},
                                    {"States", "States", "PROPN", 3, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Russia", "Russia", "PROPN", 3, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"USA RUS 190"});
}

TEST_F(Cameo2Matcher, PrepositionalPatternAndAgent) {
  // "Russian soldiers attacked Iraq with missiles": the pattern (WITH &WEAPON) gives 195.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "compound"},
                                    {"soldiers", "soldier", "NOUN", 2, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Iraq", "Iraq", "PROPN", 2, "obj"},
                                    {"with", "with", "ADP", 5, "case"},
                                    {"rockets", "rocket", "NOUN", 2, "obl"}});
  // WEAPON is undefined here, so the pattern keeps the literal word and cannot match.
  EXPECT_EQ(code(s), std::set<std::string>{"RUSMIL IRQ 190"});
}

TEST_F(Cameo2Matcher, ReportedAttackIsTransformed) {
  // "Iraq said the United States attacked Russia": a (b . ATTACK) SAY = a b 112.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"said", "say", "VERB", -1, "root"},
                                    {"the", "the", "DET", 4, "det"},
                                    {"United", "United", "PROPN", 4, "compound"},
                                    {"States", "States", "PROPN", 5, "nsubj"},
                                    {"attacked", "attack", "VERB", 1, "ccomp"},
                                    {"Russia", "Russia", "PROPN", 5, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ USA 112"});
}

TEST_F(Cameo2Matcher, CooperationWithoutTargetPairsTheActors) {
  // "Iraq and Russia met": every ordered pair of the meeting parties.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 3, "nsubj"},
                                    {"and", "and", "CCONJ", 2, "cc"},
                                    {"Russia", "Russia", "PROPN", 0, "conj"},
                                    {"met", "meet", "VERB", -1, "root"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ RUS 040", "RUS IRQ 040"}));
}

}  // namespace
}  // namespace annals
