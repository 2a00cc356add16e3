// Raw text to parsed sentences: segmentation (annals/segment.h), then the built-in parser.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/segment.h"
#include "annals/sentence.h"
#include "annals/story.h"

namespace annals {

// One segmented sentence of `text` as parser input: its own text, tokens with offsets into it.
Sentence tokenized_sentence(std::string_view text, const SentenceSpan& span);

// Called on each tokenized sentence before it is parsed, to preset tags the caller knows
// better (see mark_dictionary_words in annals/coder.h).
using BeforeParse = std::function<void(Sentence&)>;

// Sentences of `text`, each with its own text and token offsets into it, parsed.
std::vector<Sentence> parse_text(std::string_view text, const Parser& parser,
                                 const BeforeParse& before_parse = {});

// Fills story.sentences from story.text when the story came without a parse.
void parse_story(Story& story, const Parser& parser, const BeforeParse& before_parse = {});

}  // namespace annals
