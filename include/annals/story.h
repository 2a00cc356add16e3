#pragma once

#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/sentence.h"

namespace annals {

// One news story: either parsed sentences (from PETRARCH XML or CoNLL-U) or raw
// text waiting for a parser.
struct Story {
  std::string id;
  Date date;
  std::string source;   // news source, e.g. "AFP"
  std::string url;
  std::string text;                  // raw text when no parse was given
  std::vector<Sentence> sentences;   // parsed sentences, in story order
  std::string file;                  // where the story came from, for messages
  int line = 0;
};

}  // namespace annals
