// Placing parsed tokens in the sentence text they came from. Parsers rewrite the text
// (PTB escapes, straight quotes, split contractions), so matching is tolerant.
#pragma once

#include <cstddef>
#include <string_view>

namespace annals {

struct TextSpan {
  size_t start = 0;
  size_t end = 0;
};

// Where `form` occurs in `text` at or after `cursor` (after whitespace). Quote, bracket,
// dash and ellipsis variants match each other; a form that is not found nearby gets an
// empty span at the next non-space position, so one odd token does not derail the rest.
TextSpan locate_token(std::string_view text, size_t cursor, std::string_view form);

}  // namespace annals
