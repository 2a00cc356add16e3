// `annals export`: the store's events as JSONL (the objects `annals code` writes), CSV,
// or rows of GDELT 2.0's event table (one per happening). See docs/store.md.
#pragma once

#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "annals/store.h"

namespace annals {

enum class ExportFormat { jsonl, csv, gdelt };

inline constexpr size_t kGdeltColumns = 61;

// Writes what the query selects: one line per event for jsonl and csv (csv starts with
// a header), one per happening for gdelt (a current dedup is needed; query.counting is
// not used). Returns the number of rows written.
size_t export_store(const EventStore& store, const EventQuery& query, ExportFormat format, std::ostream& out);

// The CSV of events: the header line and one row per event (newlines included).
std::string events_csv_header();
std::string event_csv_row(const Event& event);
// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view value);
// The attribution chain as "said Kim [PRKGOV] < quoted_by KCNA []", innermost first; a
// link stated by another sentence (the lead) ends with "(sentence N)".
std::string attribution_text(const Event& event);

// The parts GDELT breaks a CAMEO actor code into, as far as the code's 3-letter parts
// tell them: a leading part that is no role code is the country (or region), the part
// after an organisation marker (IGO, NGO, IMG, MNC, NGM) is the known group, role codes
// are types 1..3. Parts that fit nowhere are left out, never guessed.
struct ActorCodeParts {
  std::string country;
  std::string known_group;
  std::array<std::string, 3> types;
};
ActorCodeParts split_actor_code(std::string_view code);

// One GDELT 2.0 event row: kGdeltColumns tab-separated fields and a newline; fields we
// have no data for (tone, geography, ethnicity, religion, DATEADDED) are empty.
std::string gdelt_row(const Happening& happening);

}  // namespace annals
