// Labeled dependency parser: arc-eager transitions scored by an averaged perceptron over
// Zhang & Nivre (2011) style features, arc labels by a second perceptron (words, tags,
// distance, valency, label sets of the stack, buffer and their children). Optionally, some
// features see a word's part of speech (its UPOS) instead of its full tag, so that a tagging
// error within one part of speech (VBD for VBN, NN for NNS) misleads them less. Either greedy,
// trained with a dynamic oracle so it learns to recover from its own mistakes (fast), or a
// beam search trained globally (Zhang & Nivre's setting; about a point more accurate and
// several times slower). The model file says which.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"
#include "parse/linear_model.h"

namespace annals::parsing {

constexpr uint32_t kMaxBeamWidth = 256;

struct ParserTraining {
  int epochs = 10;
  int min_updates = 1;  // features updated fewer times are left out of the model
  // The same for the transition model, the largest; 0: min_updates.
  int transition_min_updates = 0;
  int transition_pruning() const { return transition_min_updates > 0 ? transition_min_updates : min_updates; }
  // From the second epoch on, the trainer follows the model's own choice (even a wrong one)
  // with this probability, and the gold-optimal one otherwise.
  double explore = 0.9;
  // Above 1: beam search of this width, trained globally (the model is then meant to be
  // decoded with a beam too).
  int beam = 1;
  // Parse the words from last to first: another view of the sentence, whose mistakes differ
  // (a second parser for combining; see tree_combination.h).
  bool right_to_left = false;
  // Per tag id, its part of speech: the first tag id with the same UPOS (Tagger::upos_classes).
  // Empty: no features see parts of speech.
  std::vector<uint16_t> tag_classes;
  std::function<void(const std::string&)> log;
};

// One sentence as the parser sees it: word and tag ids per token.
struct ParserInput {
  std::span<const std::string_view> forms;
  std::span<const uint16_t> tags;
  // Optional, per word: punctuation, which then heads nothing (UD never makes it a head;
  // a greedy parser otherwise sometimes hangs a subject from the full stop).
  std::span<const char> punctuation = {};
};

// Quotes and brackets around a phrase: UD hangs both marks from the phrase's head (here the
// first word inside whose head is outside the pair), which a greedy parser, deciding each mark
// on its own, often misses. A closing mark around no such word follows its opening one.
// heads as DependencyParser::parse gives them (which does not do this, so that trees are
// combined first); marks that are the root or head a word stay.
void attach_paired_punctuation(std::span<const std::string_view> forms, std::span<const char> punctuation,
                               std::span<int> heads);

// A possessor is a nominal's ("Taiwan's Vice Foreign Minister visited"): one the parser hung
// on a verb goes to the next noun the verb governs, the head of the phrase it stood before.
// A gerund keeps its own ("his leaving"). Runs on labeled, tagged tokens.
void rehang_verb_possessors(std::vector<Token>& tokens);

// A clause with its own subject and no subordinator, before the reporting verb it hangs on
// ("France is ready to send troops, the minister said"), is what is reported: an adverbial
// clause there (advcl) becomes a complement (ccomp). UD English EWT and GUM have no such
// adverbial clause (155 complements and parataxes). Runs on labeled, lemmatized tokens.
void relabel_reported_clauses(std::vector<Token>& tokens);

// Headlines drop auxiliaries and copulas ("Five soldiers killed in attack", "Obama to meet
// Putin", "Shultz likely to visit Moscow"), which the treebanks hardly show. In a sentence
// without final punctuation: a past participle (VBN) that modifies the nominal root, or an
// infinitive with "to" that modifies a name or pronoun root, becomes the root with that
// nominal as its subject when the root heads no other verb; a nominal compound before an
// adjective root without a subject is its subject; a past participle with a subject and no
// auxiliary, copula or object has a passive subject (nsubj:pass). Runs on labeled, tagged,
// lemmatized tokens.
void restore_headline_clauses(std::vector<Token>& tokens);

// The labels of a treebank's arcs, as parsers and the arc labeller number them: "root", "dep"
// (for words left without a head), then the others in the order they first occur.
std::vector<std::string> label_inventory(const std::vector<Sentence>& sentences);
// The index of a gold token's label in label_inventory()'s list of its treebank.
int label_index(const std::vector<std::string>& labels, const Token& token);

class DependencyParser {
 public:
  const std::vector<std::string>& labels() const { return labels_; }
  const LinearModel& transition_model() const { return transitions_; }
  const LinearModel& label_model() const { return labeller_; }

  // heads[i] = head token index or -1 for the root; labels[i] = index into labels().
  // Returns a beam parser's score of the tree: trained globally, it ranks analyses of the same
  // words, also when they are tagged differently. A greedy parser returns 0.
  int64_t parse(const ParserInput& input, std::span<int> heads, std::span<uint16_t> labels) const;
  int beam() const { return beam_; }
  const std::vector<uint16_t>& tag_classes() const { return tag_classes_; }

  void write(ModelWriter& out) const;
  static DependencyParser read(ModelReader& in);

  // tags[s][i]: the tag id the tagger gives token i of sentence s (gold or predicted).
  static DependencyParser train(const std::vector<Sentence>& sentences,
                                const std::vector<std::vector<uint16_t>>& tags, const ParserTraining& options);

 private:
  // parse() on the words in the order the transitions take them.
  int64_t search(const ParserInput& input, std::span<int> heads, std::span<uint16_t> labels) const;
  void train_greedy(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                    const std::vector<std::vector<int>>& gold_heads, const std::vector<std::vector<int>>& gold_labels,
                    const ParserTraining& options);
  void train_beam(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                  const std::vector<std::vector<int>>& gold_heads, const std::vector<std::vector<int>>& gold_labels,
                  const ParserTraining& options);

  std::vector<std::string> labels_;
  int beam_ = 1;
  bool right_to_left_ = false;
  int root_label_ = 0;
  int fallback_label_ = 0;  // for words left without a head at the end ("dep")
  std::vector<uint16_t> tag_classes_;  // see ParserTraining::tag_classes
  LinearModel transitions_;  // shift, reduce, left arc, right arc
  LinearModel labeller_;     // the label of each arc added
};

}  // namespace annals::parsing
