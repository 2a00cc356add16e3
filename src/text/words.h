// Dictionary words: the PETRARCH dictionaries are upper-case, so tokens are matched
// through their upper-cased form (full Unicode case mapping via utf8proc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals {

std::string dictionary_word(std::string_view form);
std::vector<std::string> dictionary_words(const Sentence& sentence);

// Whether a hyphen inside a word separates words: `before` is the part before it (since the
// word's start or the last hyphen kept), `after` what follows it (its first character
// counts). UD English writes a hyphenated compound as three words ("Jong - un", "15 - year",
// "Iranian - backed") unless its first part is a prefix ("non-state", "re-elected", "e-mail")
// or both parts are numbers (dates, telephone numbers). Text segmented here splits by this
// rule; dictionaries store their hyphenated words both ways, since given parses do not.
bool hyphen_splits(std::string_view before, std::string_view after);

}  // namespace annals
