#include "annals/pipeline.h"

#include "annals/segment.h"

namespace annals {

std::vector<Sentence> parse_text(std::string_view text, const Parser& parser) {
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : segment(text)) {
    if (span.tokens.empty()) continue;
    Sentence sentence;
    sentence.text = std::string(text.substr(span.start, span.end - span.start));
    sentence.tokens.reserve(span.tokens.size());
    for (const TokenSpan& t : span.tokens) {
      Token token;
      token.form = std::string(text.substr(t.start, t.end - t.start));
      token.start = t.start - span.start;
      token.end = t.end - span.start;
      sentence.tokens.push_back(std::move(token));
    }
    parser.parse(sentence);
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

void parse_story(Story& story, const Parser& parser) {
  if (story.sentences.empty() && !story.text.empty()) story.sentences = parse_text(story.text, parser);
}

}  // namespace annals
