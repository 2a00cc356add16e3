// The three trained components as one model file: a header naming the format, the
// provenance text, then tagger, lemmatizer, parsers and arc labeller, and optionally a
// neural parser.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/parser.h"
#include "parse/arc_labeller.h"
#include "parse/dependency_parser.h"
#include "parse/lemmatizer.h"
#include "parse/model_file.h"
#include "parse/neural_parser.h"
#include "parse/tagger.h"

namespace annals {

struct Parser::Components {
  std::string provenance;
  parsing::Tagger tagger;
  parsing::Lemmatizer lemmatizer;
  // One parser, or several whose trees are combined (tree_combination.h); the first is the
  // strongest and wins ties.
  std::vector<parsing::DependencyParser> parsers;
  // Their votes when combined, set by read(): one each, the earlier ones heavier by a hair.
  std::vector<double> weights;
  // Labels the final tree, with the parser's labels as a first opinion.
  parsing::ArcLabeller labeller;
  // When present, parses instead of the parsers above (but for sentences too long for it), and
  // labels its own arcs. training/biaffine.py writes it after the rest; write() never does.
  std::optional<parsing::NeuralParser> network;

  void write(parsing::ModelWriter& out) const;
  static Components read(parsing::ModelReader& in);
};

}  // namespace annals
