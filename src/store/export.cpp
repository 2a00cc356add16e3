#include "store/export.h"

#include <fmt/core.h>

#include <algorithm>

#include "annals/event_time.h"
#include "annals/modality.h"
#include "annals/output.h"

namespace annals {

namespace {

// CAMEO's role and organisation codes (CAMEO 1.1b3, actor codebook).
constexpr std::array<std::string_view, 32> kRoleCodes = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB",
    "LEG", "MED", "REF", "MOD", "RAD", "IGO", "NGO", "IMG", "MNC", "NGM"};
constexpr std::array<std::string_view, 5> kOrganisationMarkers = {"IGO", "NGO", "IMG", "MNC", "NGM"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// Tabs and line breaks inside a field would shift the columns.
std::string tsv_field(std::string_view value) {
  std::string field(value);
  std::replace_if(field.begin(), field.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return field;
}

// GDELT's FractionDate: the year plus the day of the year (1 on 1 January) over the days
// in the year.
std::string fraction_date(Date date) {
  const int new_year = days_since_epoch(Date{date.year() * 10000 + 101});
  const int next_new_year = days_since_epoch(Date{(date.year() + 1) * 10000 + 101});
  const int day_of_year = days_since_epoch(date) - new_year + 1;
  return fmt::format("{:.4f}", date.year() + static_cast<double>(day_of_year) / (next_new_year - new_year));
}

void add_actor_columns(std::vector<std::string>& row, const std::optional<EventActor>& actor) {
  if (!actor || actor->code.empty()) {
    row.insert(row.end(), 10, "");
    return;
  }
  const ActorCodeParts parts = split_actor_code(actor->code);
  // Code, name, country, known group, ethnic, religion 1 and 2, types 1..3.
  row.insert(row.end(), {actor->code, tsv_field(actor->text), parts.country, parts.known_group, "", "", "",
                         parts.types[0], parts.types[1], parts.types[2]});
}

}  // namespace

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string attribution_text(const Event& event) {
  std::string text;
  for (const AttributionLink& link : event.attribution) {
    if (!text.empty()) text += " < ";
    text += fmt::format("{} {} [{}]", link.relation, link.source.text, link.source.code);
    if (link.sentence >= 0) text += fmt::format(" (sentence {})", link.sentence);
  }
  return text;
}

std::string events_csv_header() {
  return "date,story_id,sentence,sentence_id,source,source_text,target,target_text,cameo,root,goldstein,"
         "quad_class,plover,verb,issues,date_end,date_precision,historical,modality,attribution,text\n";
}

std::string event_csv_row(const Event& e) {
  std::string issues;
  for (const std::string& issue : e.issues) (issues += issues.empty() ? "" : ";") += issue;
  const std::vector<std::string> fields = {e.date.ymd ? e.date.iso() : "",
                                           e.story_id,
                                           std::to_string(e.sentence),
                                           e.sentence_id,
                                           e.source.code,
                                           e.source.text,
                                           e.target ? e.target->code : "",
                                           e.target ? e.target->text : "",
                                           e.cameo,
                                           e.root,
                                           fmt::format("{}", e.goldstein),
                                           std::to_string(e.quad_class),
                                           e.plover,
                                           e.verb.text,
                                           issues,
                                           e.date_end.ymd ? e.date_end.iso() : "",
                                           std::string(to_string(e.date_precision)),
                                           e.historical ? "1" : "0",
                                           std::string(to_string(e.modality)),
                                           attribution_text(e),
                                           e.text};
  std::string line;
  for (const std::string& field : fields) (line += line.empty() ? "" : ",") += csv_field(field);
  return line + '\n';
}

ActorCodeParts split_actor_code(std::string_view code) {
  ActorCodeParts parts;
  size_t types = 0;
  bool after_marker = false;
  for (size_t pos = 0; pos + 3 <= code.size(); pos += 3) {
    const std::string_view part = code.substr(pos, 3);
    if (contains(kRoleCodes, part)) {
      if (types < parts.types.size()) parts.types[types++] = part;
      after_marker = after_marker || contains(kOrganisationMarkers, part);
    } else if (after_marker) {
      parts.known_group = part;  // the last such part: IGOEUREEC's group is EEC
    } else if (pos == 0 && std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      parts.country = part;  // "---" marks an unknown country
    }
  }
  return parts;
}

std::string gdelt_row(const Happening& happening) {
  const Event& first = happening.first;
  std::vector<std::string> row;
  row.reserve(kGdeltColumns);
  row.push_back(std::to_string(happening.id));
  const Date date = happening.date;
  if (date.ymd) {
    row.insert(row.end(), {fmt::format("{:08d}", date.ymd), fmt::format("{:04d}{:02d}", date.year(), date.month()),
                           fmt::format("{:04d}", date.year()), fraction_date(date)});
  } else {
    row.insert(row.end(), 4, "");
  }
  add_actor_columns(row, first.source);
  add_actor_columns(row, first.target);
  row.push_back("");  // IsRootEvent: where the lead paragraph ends is not known
  row.insert(row.end(), {first.cameo, first.cameo.substr(0, std::min<size_t>(3, first.cameo.size())), first.root,
                         std::to_string(first.quad_class), fmt::format("{}", first.goldstein),
                         std::to_string(happening.mentions), std::to_string(happening.sources),
                         std::to_string(happening.stories)});
  row.push_back("");             // AvgTone
  row.insert(row.end(), 24, "");  // Actor1Geo_*, Actor2Geo_*, ActionGeo_*: 8 fields each
  row.push_back("");             // DATEADDED: the store keeps no ingestion time
  row.push_back(tsv_field(happening.url));
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) (line += i ? "\t" : "") += row[i];
  return line + '\n';
}

size_t export_store(const EventStore& store, const EventQuery& query, ExportFormat format, std::ostream& out) {
  size_t rows = 0;
  switch (format) {
    case ExportFormat::jsonl:
      store.for_each_event(query, [&](const Event& event) {
        write_event(out, event, OutputFormat::jsonl);
        ++rows;
      });
      break;
    case ExportFormat::csv:
      out << events_csv_header();
      store.for_each_event(query, [&](const Event& event) {
        out << event_csv_row(event);
        ++rows;
      });
      break;
    case ExportFormat::gdelt:
      store.for_each_happening(query, [&](const Happening& happening) {
        out << gdelt_row(happening);
        ++rows;
      });
      break;
  }
  return rows;
}

}  // namespace annals
