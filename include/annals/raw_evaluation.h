// Accuracy from raw text, as the CoNLL 2018 shared task measures it: a treebank's
// documents are rebuilt as the text they came from, segmented and parsed by annals, and
// the predicted words are aligned with the gold words by their character spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/parser.h"

namespace annals {

// A treebank document as raw text: the sentences of a paragraph joined by a space (none
// after SpaceAfter=No), paragraphs (# newpar) by a blank line; a new document at # newdoc.
struct GoldDocument {
  struct Word {
    uint32_t start = 0, end = 0;  // bytes in text; the words of a multiword token are its substrings
    std::string upos, deprel;
    int head = -1;                // index into words, -1 for the root
  };
  std::string text;
  std::vector<Word> words;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // byte spans
};

// The documents of a CoNLL-U file. Malformed lines throw std::runtime_error naming the line.
std::vector<GoldDocument> read_gold_documents(std::string_view conllu);

// F1 scores in [0, 1]: a predicted word is right when its span equals a gold word's; UPOS
// also needs the tag, UAS a head aligned with the gold head (or both roots), LAS also the
// full label. Sentences are right when their spans are equal.
struct RawParseScores {
  size_t gold_words = 0, predicted_words = 0, gold_sentences = 0, predicted_sentences = 0;
  double tokens = 0, sentences = 0, upos = 0, uas = 0, las = 0;
  double seconds = 0;  // segmenting and parsing
};
RawParseScores evaluate_raw(const Parser& parser, const std::vector<GoldDocument>& documents);

}  // namespace annals
