#include "text/words.h"

#include <utf8proc.h>

#include "text/utf8.h"

namespace annals {

std::string dictionary_word(std::string_view form) {
  std::string upper;
  upper.reserve(form.size());
  size_t pos = 0;
  while (pos < form.size()) {
    const unsigned char byte = static_cast<unsigned char>(form[pos]);
    if (byte < 0x80) {  // ASCII fast path: most words never leave it
      upper += static_cast<char>(byte >= 'a' && byte <= 'z' ? byte - 'a' + 'A' : byte);
      ++pos;
      continue;
    }
    const char32_t codepoint = decode_utf8(form, pos);
    // utf8proc maps case one code point to one; sharp s is the common case that
    // needs the full mapping (STRASSE), so it is expanded here.
    if (codepoint == U'\u00DF') {
      upper += "SS";
      continue;
    }
    append_utf8(upper, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(codepoint))));
  }
  return upper;
}

std::vector<std::string> dictionary_words(const Sentence& sentence) {
  std::vector<std::string> words;
  words.reserve(sentence.tokens.size());
  for (const Token& token : sentence.tokens) words.push_back(dictionary_word(token.form));
  return words;
}

}  // namespace annals
