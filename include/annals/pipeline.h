// Raw text to parsed sentences: segmentation (annals/segment.h), then the built-in parser.
#pragma once

#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/sentence.h"
#include "annals/story.h"

namespace annals {

// Sentences of `text`, each with its own text and token offsets into it, parsed.
std::vector<Sentence> parse_text(std::string_view text, const Parser& parser);

// Fills story.sentences from story.text when the story came without a parse.
void parse_story(Story& story, const Parser& parser);

}  // namespace annals
