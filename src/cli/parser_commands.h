// `annals train` and `annals parse`: the built-in tagger/parser's command-line front.
#pragma once

#include <string>
#include <vector>

namespace annals::cli {

struct TrainArgs {
  std::vector<std::string> train;  // CoNLL-U treebanks to learn from
  std::vector<std::string> dev;    // CoNLL-U treebanks to score the model on
  std::string output;              // model file
  int tagger_epochs = 6;
  int parser_epochs = 12;
  std::vector<std::string> parsers = {"greedy"};  // ParserSpec names
  int tag_folds = 4;
  int min_updates = 3;
  int tagger_min_updates = 1;
  int transition_min_updates = 0;
  bool part_of_speech_features = false;
  std::string command_line;        // recorded in the model as its provenance
};
int run_train(const TrainArgs& args);

enum class ParseInput { text, tokenized, conllu };

struct ParseArgs {
  std::vector<std::string> files;  // empty: stdin
  std::string model;               // empty: the bundled model
  ParseInput input = ParseInput::text;
  // With CoNLL-U input: compare with its annotation and print the scores instead of the parses.
  bool evaluate = false;
  // With evaluate: start from the raw text the CoNLL-U file was made from (see
  // annals/raw_evaluation.h), not from its gold words.
  bool from_raw = false;
  // With evaluate: parse with the file's own tags (what the tagger's errors cost).
  bool gold_tags = false;
};
int run_parse(const ParseArgs& args);

// data/models/en.model of the installation (ANNALS_DATA_DIR overrides).
std::string default_model_path();

}  // namespace annals::cli
