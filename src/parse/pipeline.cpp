#include "annals/pipeline.h"

namespace annals {

Sentence tokenized_sentence(std::string_view text, const SentenceSpan& span) {
  Sentence sentence;
  sentence.text = std::string(text.substr(span.start, span.end - span.start));
  sentence.tokens.reserve(span.tokens.size());
  for (const TokenSpan& t : span.tokens) {
    Token& token = sentence.tokens.emplace_back();
    token.form = std::string(text.substr(t.start, t.end - t.start));
    token.start = t.start - span.start;
    token.end = t.end - span.start;
  }
  return sentence;
}

std::vector<Sentence> parse_text(std::string_view text, const Parser& parser, const BeforeParse& before_parse) {
  std::vector<Sentence> sentences;
  for (const SentenceSpan& span : segment(text)) {
    if (span.tokens.empty()) continue;
    Sentence sentence = tokenized_sentence(text, span);
    if (before_parse) before_parse(sentence);
    parser.parse(sentence);
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

void parse_story(Story& story, const Parser& parser, const BeforeParse& before_parse) {
  if (story.sentences.empty() && !story.text.empty())
    story.sentences = parse_text(story.text, parser, before_parse);
}

}  // namespace annals
