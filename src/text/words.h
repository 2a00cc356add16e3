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

}  // namespace annals
