// An event's attribution chain as JSON: one layout for the JSONL output (annals/output.h)
// and the event store's attribution column, so that both say the same thing the same way.
#pragma once

#include <nlohmann/json.hpp>

#include "annals/event.h"

namespace annals::io {

// [{"relation":"said","source":{"code":"PRKGOV","text":"Kim","start":0,"end":3}}, ...],
// innermost speaker first. Offsets are code points into event.text; code is null when
// the dictionaries do not know the source, text, start and end are null when the text
// names none ("it was reported that"). A link the story states in another sentence (the
// lead's reporting chain) has "sentence": its index, and null start and end.
nlohmann::ordered_json attribution_json(const Event& event);

}  // namespace annals::io
