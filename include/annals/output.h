#pragma once

#include <ostream>
#include <string>

#include "annals/event.h"

namespace annals {

enum class OutputFormat { jsonl, tsv };

// One line, newline included. JSONL follows the contract documented in the README;
// TSV follows PETRARCH's event file (date, source, target, code, ids, texts).
void write_event(std::ostream& out, const Event& event, OutputFormat format);
std::string to_json(const Event& event);

}  // namespace annals
