#include "parse/align.h"

#include <algorithm>
#include <array>

namespace annals {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// How far ahead of the cursor a form is looked for before it is given up as absent:
// far enough to step over a dropped word or two, short enough to stay linear.
constexpr size_t kSearchWindow = 48;

// Spellings a tokenizer may have turned into the same token.
struct Variants {
  std::string_view form;
  std::array<std::string_view, 8> spellings;
};

constexpr std::array<Variants, 11> kVariants = {{
    {"\"", {"\"", "``", "''", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"}},
    {"``", {"``", "\"", "\u201C", "\u201E", "\u00AB", "'", "`", "\u2018"}},
    {"''", {"''", "\"", "\u201D", "\u00BB", "'", "\u2019"}},
    {"'", {"'", "\u2019", "\u2018", "`"}},
    {"`", {"`", "'", "\u2018"}},
    {"(", {"(", "-LRB-", "[", "{"}},
    {")", {")", "-RRB-", "]", "}"}},
    {"--", {"--", "\u2014", "\u2013", "-"}},
    {"-", {"-", "\u2013", "\u2014"}},
    {"...", {"...", "\u2026", ". . ."}},
    {"n't", {"n't", "n\u2019t"}},
}};

bool starts_with_at(std::string_view text, size_t pos, std::string_view what) {
  return text.size() - pos >= what.size() && text.compare(pos, what.size(), what) == 0;
}

// The length of the spelling of `form` found at text[pos], 0 when none matches.
size_t match_at(std::string_view text, size_t pos, std::string_view form) {
  if (starts_with_at(text, pos, form)) return form.size();
  for (const Variants& v : kVariants) {
    if (v.form != form) continue;
    for (std::string_view spelling : v.spellings)
      if (!spelling.empty() && starts_with_at(text, pos, spelling)) return spelling.size();
  }
  // A word with a typographic apostrophe in the text ("Korea’s" vs "'s").
  size_t t = pos;
  for (char c : form) {
    if (t < text.size() && text[t] == c) {
      ++t;
    } else if (c == '\'' && (starts_with_at(text, t, "\u2019") || starts_with_at(text, t, "\u2018"))) {
      t += 3;
    } else {
      return 0;
    }
  }
  return t - pos;
}

}  // namespace

TextSpan locate_token(std::string_view text, size_t cursor, std::string_view form) {
  size_t pos = std::min(cursor, text.size());
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (form.empty()) return {pos, pos};
  if (size_t length = match_at(text, pos, form)) return {pos, pos + length};
  const size_t limit = std::min(text.size(), pos + kSearchWindow + form.size());
  // Further on, only where a word could begin: "a" must not be found inside "ban".
  const bool form_starts_word = is_alnum(form.front());
  for (size_t at = pos + 1; at < limit; ++at) {
    if (form_starts_word && is_alnum(text[at - 1])) continue;
    if (size_t length = match_at(text, at, form)) return {at, at + length};
  }
  return {pos, pos};
}

}  // namespace annals
