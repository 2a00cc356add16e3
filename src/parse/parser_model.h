// The three trained components as one model file: a header naming the format, the
// provenance text, then tagger, lemmatizer and parser.
#pragma once

#include <string>

#include "annals/parser.h"
#include "parse/dependency_parser.h"
#include "parse/lemmatizer.h"
#include "parse/model_file.h"
#include "parse/tagger.h"

namespace annals {

struct Parser::Components {
  std::string provenance;
  parsing::Tagger tagger;
  parsing::Lemmatizer lemmatizer;
  parsing::DependencyParser parser;

  void write(parsing::ModelWriter& out) const;
  static Components read(parsing::ModelReader& in);
};

}  // namespace annals
