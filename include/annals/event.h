// An event as annals emits it. Offsets are byte offsets into Event::text; the
// JSONL writer converts them to Unicode code point offsets (see README).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"

namespace annals {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct EventActor {
  std::string code;   // CAMEO actor code, e.g. "USAGOV"
  std::string text;   // the words the code was read from
  Span span;
};

struct Event {
  std::string story_id;
  int sentence = 0;          // 0-based index of the sentence in its story
  std::string sentence_id;   // record id when the input has one
  Date date;
  EventActor source;
  std::optional<EventActor> target;
  std::string cameo;         // most specific CAMEO event code, e.g. "0431"
  std::string root;          // two-digit root, e.g. "04"
  double goldstein = 0;
  int quad_class = 0;        // GDELT QuadClass 1..4
  std::string plover;        // PLOVER category, e.g. "CONSULT"
  struct {
    std::string text;
    Span span;
  } verb;
  std::vector<std::string> issues;  // issue codes found in the sentence
  std::string text;          // the sentence
};

}  // namespace annals
