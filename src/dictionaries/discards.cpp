#include "dictionaries/actors.h"
#include "dictionaries/dictionary_text.h"

namespace annals {

void DiscardDictionary::load(const std::string& file, Diagnostics& diagnostics) {
  const auto lines = read_dictionary_lines(file, diagnostics);
  if (!lines) return;
  for (const DictionaryLine& line : *lines) {
    std::string_view text = trim(line.text);
    const bool story = text[0] == '+';
    if (story) text.remove_prefix(1);
    if (text.find_first_of("[]{}") != std::string_view::npos) {
      diagnostics.error(file, line.number, "brackets in a discard phrase; line skipped");
      continue;
    }
    const DictionaryPhrase phrase = parse_phrase(text, /*final_stem=*/true);
    if (phrase.empty()) {
      diagnostics.error(file, line.number, "empty discard phrase; line skipped");
      continue;
    }
    if ((story ? sentence_ : story_).contains(phrase)) {
      diagnostics.warning(file, line.number,
                          "discard phrase \"" + phrase_text(phrase) +
                              "\" is listed both as a story and as a sentence discard");
    }
    (story ? story_ : sentence_).insert(phrase, story ? Scope::story : Scope::sentence);
  }
}

std::optional<DiscardDictionary::Scope> DiscardDictionary::find(
    const std::vector<std::string>& words) const {
  for (size_t pos = 0; pos < words.size(); ++pos) {
    if (story_.match(words, pos)) return Scope::story;
  }
  for (size_t pos = 0; pos < words.size(); ++pos) {
    if (sentence_.match(words, pos)) return Scope::sentence;
  }
  return std::nullopt;
}

}  // namespace annals
