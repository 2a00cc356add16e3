// Dictionary words: the PETRARCH dictionaries are upper-case, so tokens are matched
// through their upper-cased form (full Unicode case mapping via utf8proc).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals {

std::string dictionary_word(std::string_view form);
std::vector<std::string> dictionary_words(const Sentence& sentence);

// The form in lowercase, or capitalized (its first letter a capital, the others lowercase).
std::string lowercase(std::string_view form, bool capital_first);

// Whether a hyphen inside a word separates words: `before` is the part before it (since the
// word's start or the last hyphen kept), `after` what follows it (its first character
// counts). UD English writes a hyphenated compound as three words ("Jong - un", "15 - year",
// "Iranian - backed") unless its first part is a prefix ("non-state", "re-elected", "e-mail")
// or both parts are numbers (dates, telephone numbers). Text segmented here splits by this
// rule; dictionaries store their hyphenated words both ways, since given parses do not.
bool hyphen_splits(std::string_view before, std::string_view after);

// A word's letters: how many are capitals and how many lowercase, and whether the first
// letter is a capital (Unicode letters with case; others are not counted).
struct Letters {
  size_t upper = 0, lower = 0;
  bool capital_first = false;
};
Letters count_letters(std::string_view form);

// How a sentence is written: as running text; capitalized throughout (of its words of two
// letters or more, at least three and three in four begin with a capital), in capitals (three
// in four of those words without a lowercase letter) or else in title case; or in lowercase
// (three such words or more, no capital).
enum class Casing { kRunningText, kCapitals, kTitleCase, kLowercase };
Casing casing_of(std::span<const std::string_view> forms);

}  // namespace annals
