// The built-in English parser: tagger (UPOS + Penn tag), lemmatizer and labeled dependency
// parser, trained by `annals train` from UD treebanks and loaded from one binary model file.
// The file says how the parser decodes: greedily (data/models/en.model, fast), with a beam
// it was trained for (data/models/en-beam.model, more accurate, 7 times slower), with
// several parsers whose trees are combined by votes (TrainOptions::parsers), or with a neural
// network that training/biaffine.py trains and appends (data/models/en-neural.model, the
// most accurate and the slowest; the other parsers' tree votes for its arcs, and sentences
// longer than 300 words are theirs alone).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals {

class Parser {
 public:
  // Throws std::runtime_error naming the file when it is missing, damaged or not a model.
  static std::shared_ptr<const Parser> load(const std::filesystem::path& model);

  // Tags, lemmatizes and parses one tokenized sentence (Token::form set): fills lemma, upos,
  // xpos, head and deprel of every token and projects phrases as from_conllu does. A token
  // that arrives with a UPOS and Penn tag pair the model knows keeps it (callers fix tags
  // they know better, e.g. names from the actor dictionaries). A sentence without text
  // gets one rebuilt from the forms, with offsets. A sentence capitalized throughout (a
  // headline, text in capitals) or in lowercase is tagged, parsed and lemmatized with its
  // words spelled as in running text ("REBELS KILLED" as "Rebels killed"); its tokens keep
  // their forms. A headline's dropped auxiliaries are restored in its tree ("Five soldiers
  // killed in attack": a passive). Thread-safe.
  void parse(Sentence& sentence) const;

  // Where the model came from (training files and settings), as recorded at training time.
  const std::string& provenance() const;

  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  struct Components;

 private:
  explicit Parser(std::unique_ptr<Components> components);
  std::unique_ptr<Components> components_;
};

// Accuracy of a parser against gold sentences, parsed from their gold tokens only.
// Attachment scores count every word, punctuation included (as the CoNLL 2018 evaluation);
// LAS requires the full label (subtypes such as nsubj:pass included).
struct ParseScores {
  size_t sentences = 0;
  size_t words = 0;
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // fractions in [0, 1]
  double seconds = 0;                                       // parsing time alone
};
// With gold_tags the words keep their gold UPOS and Penn tags (those the model knows), so the
// scores show what the tagger's errors cost the parser.
ParseScores evaluate(const Parser& parser, const std::vector<Sentence>& gold, bool gold_tags = false);

// How one parser of a model searches and in which order it reads the words.
struct ParserSpec {
  // Above 1: the parser searches this many analyses at once and is trained for it (globally);
  // 1: greedy, trained with a dynamic oracle.
  int beam = 1;
  // Reads the sentence from its last word to its first: its mistakes differ from those of a
  // parser reading left to right, which makes it a useful second vote.
  bool right_to_left = false;

  // "greedy" or "beamN", then "-rtl" when right to left (the --parsers syntax of `annals train`).
  std::string name() const;
  // Throws std::invalid_argument naming the spec when it is none of those.
  static ParserSpec parse(std::string_view spec);
};

struct TrainOptions {
  std::vector<std::filesystem::path> train;  // CoNLL-U files with gold tags, lemmas and trees
  std::vector<std::filesystem::path> dev;    // CoNLL-U files scored after training (optional)
  std::filesystem::path output;              // the model file to write
  int tagger_epochs = 6;
  int parser_epochs = 12;
  // The parsers, all trained on the same tags: one, or three or more (two cannot outvote each
  // other), combined by their votes on each arc (the first wins ties): slower, more accurate.
  std::vector<ParserSpec> parsers = {ParserSpec{}};
  // The parser learns from tags predicted by taggers trained on the other folds, so it
  // sees tagging errors like those it will meet; 1 trains it on gold tags.
  int tag_folds = 4;
  int min_updates = 3;                       // parser features the trainer updated fewer times are dropped
  // The same for the tagger. Its model stays small with all of them, and its rare features
  // (affixes of rare words) are what tags the words training never saw.
  int tagger_min_updates = 1;
  // The same for the transition models of beam parsers (0: min_updates). Global training
  // updates each feature more often, so a beam parser keeps the same size at a higher bound.
  int transition_min_updates = 0;
  // Parser features that see words' parts of speech (UPOS) besides their full tags: more
  // accurate parses, but the coder's rules were tuned on trees parsed without them.
  bool part_of_speech_features = false;
  std::string command;                       // the command line, recorded in the model
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

struct TrainReport {
  std::vector<std::pair<std::string, ParseScores>> dev;  // per dev file
  size_t model_bytes = 0;
  double seconds = 0;
};

// Reads the treebanks, trains all three components, writes the model and scores it on the
// dev files. Throws std::runtime_error (with file and line for bad CoNLL-U) on failure.
TrainReport train_model(const TrainOptions& options);

}  // namespace annals
