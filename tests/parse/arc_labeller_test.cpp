// Labelling the arcs of finished trees, on a synthetic treebank whose labels depend on what
// comes after the arc: a first object is an indirect one only when a second object follows,
// even with adverbs between them (the labeller sees three of the head's dependents on each side).
#include "parse/arc_labeller.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/parse.h"
#include "parse/dependency_parser.h"

namespace annals::parsing {
namespace {

// Tag ids of the synthetic treebank (the labeller takes the tagger's ids as given).
enum : uint16_t { kDet, kNoun, kVerb, kAdv, kPunct };

struct Example {
  std::vector<Sentence> sentences;
  std::vector<std::vector<uint16_t>> tags;
};

// "the <noun> gave the <noun> [<adverb> ...] [the <noun>] ." for the nouns given.
Example datives(const std::vector<const char*>& nouns) {
  const char* adverbs[] = {"today", "again", "quietly"};
  std::string conllu;
  Example out;
  int n = 0;
  for (const char* subject : nouns)
    for (const char* first : nouns)
      for (int adverb_count = 0; adverb_count <= 2; ++adverb_count)
        for (int second_object = 0; second_object < 2; ++second_object) {
          // word, head (1-based), relation, tag
          std::vector<std::tuple<std::string, int, std::string, uint16_t>> words = {
              {"the", 2, "det", kDet}, {subject, 3, "nsubj", kNoun}, {"gave", 0, "root", kVerb},
              {"the", 5, "det", kDet}, {first, 3, second_object ? "iobj" : "obj", kNoun}};
          for (int a = 0; a < adverb_count; ++a) words.push_back({adverbs[(n + a) % 3], 3, "advmod", kAdv});
          if (second_object) {
            const int det = static_cast<int>(words.size()) + 1;
            words.push_back({"the", det + 1, "det", kDet});
            words.push_back({nouns[(++n) % nouns.size()], 3, "obj", kNoun});
          }
          words.push_back({".", 3, "punct", kPunct});
          std::vector<uint16_t> tags;
          for (size_t i = 0; i < words.size(); ++i) {
            const auto& [form, head, relation, tag] = words[i];
            conllu += std::to_string(i + 1) + "\t" + form + "\t_\t_\t_\t_\t" + std::to_string(head) + "\t" + relation +
                      "\t_\t_\n";
            tags.push_back(tag);
          }
          conllu += "\n";
          out.tags.push_back(tags);
        }
  out.sentences = from_conllu(conllu);
  return out;
}

std::vector<std::string_view> forms_of(const Sentence& sentence) {
  std::vector<std::string_view> forms;
  for (const Token& token : sentence.tokens) forms.push_back(token.form);
  return forms;
}

std::vector<int> heads_of(const Sentence& sentence) {
  std::vector<int> heads;
  for (const Token& token : sentence.tokens) heads.push_back(token.head);
  return heads;
}

class ArcLabellerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Example train = datives({"envoy", "king", "army", "council", "minister"});
    labeller_ = new ArcLabeller(ArcLabeller::train(train.sentences, train.tags, ArcLabellerTraining{8, 1}));
  }
  static void TearDownTestSuite() { delete labeller_; }
  static ArcLabeller* labeller_;
};
ArcLabeller* ArcLabellerTest::labeller_ = nullptr;

TEST_F(ArcLabellerTest, LabelsTheFirstObjectByWhatFollowsIt) {
  // Nouns it never saw, each first object labelled obj as a parser deciding at that word would.
  const Example test = datives({"rebels", "delegation", "queen"});
  const auto& labels = labeller_->labels();
  const auto obj = static_cast<uint16_t>(std::find(labels.begin(), labels.end(), "obj") - labels.begin());
  ASSERT_LT(obj, labels.size());
  size_t arcs = 0, right = 0, indirect = 0;
  for (size_t s = 0; s < test.sentences.size(); ++s) {
    const Sentence& sentence = test.sentences[s];
    std::vector<uint16_t> given(sentence.tokens.size());
    for (size_t i = 0; i < given.size(); ++i)
      given[i] = sentence.tokens[i].deprel == "iobj" ? obj : static_cast<uint16_t>(label_index(labels, sentence.tokens[i]));
    labeller_->label(forms_of(sentence), test.tags[s], std::vector<char>(given.size(), 1), heads_of(sentence), given);
    for (size_t i = 0; i < given.size(); ++i) {
      const std::string& want = sentence.tokens[i].head < 0 ? labels[0] : sentence.tokens[i].deprel;
      ++arcs;
      right += labels[given[i]] == want;
      indirect += want == "iobj" && labels[given[i]] == "iobj";
    }
  }
  EXPECT_EQ(right, arcs);
  EXPECT_EQ(indirect, test.sentences.size() / 2);

  // A word not to reconsider keeps the parser's label.
  const size_t dative = test.sentences.size() - 1;  // the last has a second object
  const Sentence& sentence = test.sentences[dative];
  std::vector<uint16_t> given(sentence.tokens.size());
  for (size_t i = 0; i < given.size(); ++i) given[i] = static_cast<uint16_t>(label_index(labels, sentence.tokens[i]));
  ASSERT_EQ(labels[given[4]], "iobj");
  given[4] = obj;
  std::vector<char> reconsider(given.size(), 1);
  reconsider[4] = 0;
  labeller_->label(forms_of(sentence), test.tags[dative], reconsider, heads_of(sentence), given);
  EXPECT_EQ(labels[given[4]], "obj");
}

TEST_F(ArcLabellerTest, KeepsTheParsersLabelWithoutEvidenceAgainstIt) {
  // Words and tags it never saw: no feature speaks, so the parser's labels stay (and the root
  // is "root" whatever it was given).
  const std::vector<std::string_view> forms = {"Zorg", "blicked", "quux"};
  const std::vector<uint16_t> tags = {40, 41, 42};
  const std::vector<int> heads = {1, -1, 1};
  const auto& labels = labeller_->labels();
  std::vector<uint16_t> given = {static_cast<uint16_t>(labels.size() - 1), 1, static_cast<uint16_t>(labels.size() - 2)};
  const std::vector<uint16_t> want = {given[0], 0, given[2]};
  labeller_->label(forms, tags, std::vector<char>(forms.size(), 1), heads, given);
  EXPECT_EQ(given, want);
}

TEST(LabelInventory, RootAndTheUnspecifiedRelationComeFirstThenTheTreebanksInOrder) {
  const auto sentences = from_conllu(
      "1\tTalks\t_\t_\t_\t_\t2\tnsubj:pass\t_\t_\n2\tresumed\t_\t_\t_\t_\t0\troot\t_\t_\n"
      "3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\n"
      "1\tThey\t_\t_\t_\t_\t2\tnsubj\t_\t_\n2\tleft\t_\t_\t_\t_\t0\troot\t_\t_\n"
      "3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\n");
  EXPECT_EQ(label_inventory(sentences), (std::vector<std::string>{"root", "dep", "nsubj:pass", "punct", "nsubj"}));
}

}  // namespace
}  // namespace annals::parsing
