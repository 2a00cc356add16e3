// Sentence splitting and tokenization of raw English news text, the first step of the
// built-in pipeline (raw text → sentences → tokens → tagger/parser). Every span is a byte
// range into the caller's text, so later stages can quote the original exactly.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals {

struct TokenSpan {
  uint32_t start = 0;  // bytes [start, end) in the text
  uint32_t end = 0;
};

struct SentenceSpan {
  uint32_t start = 0;  // from the first token's start to the last token's end
  uint32_t end = 0;
  std::vector<TokenSpan> tokens;
};

// Splits text into sentences and tokens following UD English / Penn Treebank conventions:
// clitics split ("don't" → do n't, "can't" → ca n't, possessive 's), punctuation split,
// hyphenated compounds split as UD English does (Kim Jong-un → Kim, Jong, -, un) except after a
// prefix (non-state) or between numbers (text/words.h), abbreviations keep their period
// (U.S., Gen., a.m.), numbers, URLs and e-mail addresses stay one token. A blank line always
// ends a sentence, a single newline does not; a news dateline ("SEOUL, Dec 28 (Reuters) -")
// becomes a sentence of its own. Sentences longer than 500 tokens are cut. Ill-formed UTF-8
// never fails: each bad byte is a one-byte token. Runs in time linear in the text.
std::vector<SentenceSpan> segment(std::string_view text);

// The tokens of one pre-tokenized line (tokens separated by spaces; tabs, CR and LF are
// treated as separators too, and runs of separators never make empty tokens).
SentenceSpan tokens_of_line(std::string_view line);

}  // namespace annals
