#include "text/words.h"

#include <utf8proc.h>

#include <algorithm>

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

Letters count_letters(std::string_view form) {
  Letters n;
  for (size_t pos = 0; pos < form.size();) {
    const unsigned char byte = static_cast<unsigned char>(form[pos]);
    bool upper, lower;
    if (byte < 0x80) {  // ASCII fast path: this runs on every word parsed
      upper = byte >= 'A' && byte <= 'Z';
      lower = byte >= 'a' && byte <= 'z';
      ++pos;
    } else {
      const auto c = static_cast<utf8proc_int32_t>(decode_utf8(form, pos));
      upper = utf8proc_isupper(c);
      lower = utf8proc_islower(c);
    }
    if (n.upper + n.lower == 0) n.capital_first = upper;
    n.upper += upper;
    n.lower += lower;
  }
  return n;
}

Casing casing_of(std::span<const std::string_view> forms) {
  size_t words = 0, capitalized = 0, in_capitals = 0, capitals = 0;
  for (const std::string_view form : forms) {
    const Letters n = count_letters(form);
    capitals += n.upper;
    if (n.upper + n.lower < 2) continue;
    ++words;
    capitalized += n.capital_first;
    in_capitals += n.lower == 0;
  }
  if (capitals == 0 && words >= 3) return Casing::kLowercase;
  if (capitalized < 3 || 4 * capitalized < 3 * words) return Casing::kRunningText;
  return 4 * in_capitals >= 3 * words ? Casing::kCapitals : Casing::kTitleCase;
}

std::string lowercase(std::string_view form, bool capital_first) {
  std::string out;
  out.reserve(form.size());
  bool first_letter = true;
  for (size_t pos = 0; pos < form.size();) {
    auto c = static_cast<utf8proc_int32_t>(decode_utf8(form, pos));
    const bool letter = utf8proc_isupper(c) || utf8proc_islower(c);
    c = capital_first && first_letter ? utf8proc_toupper(c) : utf8proc_tolower(c);
    first_letter = first_letter && !letter;
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

std::vector<std::string> dictionary_words(const Sentence& sentence) {
  std::vector<std::string> words;
  words.reserve(sentence.tokens.size());
  for (const Token& token : sentence.tokens) words.push_back(dictionary_word(token.form));
  return words;
}

bool hyphen_splits(std::string_view before, std::string_view after) {
  // The prefixes EWT and GUM train write joined to what follows.
  static constexpr std::string_view kPrefixes[] = {
      "anti", "bi",  "co",    "counter", "cross", "de",    "e",  "ex",   "inter", "intra", "mid",   "mini",  "mis",
      "multi", "non", "over", "post",    "pre",   "pro",   "proto", "psycho", "re",  "semi", "socio", "sub", "un", "under"};
  if (before.empty() || after.empty()) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (std::all_of(before.begin(), before.end(), digit) && digit(after.front())) return false;
  auto is_prefix = [&](std::string_view prefix) {
    return std::equal(before.begin(), before.end(), prefix.begin(), prefix.end(),
                      [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
  };
  return std::none_of(std::begin(kPrefixes), std::end(kPrefixes), is_prefix);
}

}  // namespace annals
