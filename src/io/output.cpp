#include "annals/output.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "io/attribution_json.h"
#include "text/utf8.h"

namespace annals {

namespace {

using nlohmann::ordered_json;

// PETRARCH's mark for a missing actor in event files.
constexpr std::string_view kNoActor = "---";

// Byte offsets become code point offsets so that any JSON consumer can slice the text.
void add_span(ordered_json& json, const std::string& text, const std::string& words, Span span) {
  json["text"] = words;
  json["start"] = codepoint_offset(text, span.start);
  json["end"] = codepoint_offset(text, span.end);
}

ordered_json actor_json(const std::string& text, const EventActor& actor) {
  ordered_json json;
  json["code"] = actor.code;
  add_span(json, text, actor.text, actor.span);
  return json;
}

}  // namespace

namespace io {

ordered_json attribution_json(const Event& event) {
  ordered_json chain = ordered_json::array();
  for (const AttributionLink& link : event.attribution) {
    ordered_json source = actor_json(event.text, link.source);
    // A link stated in another sentence (the lead's) has no offsets into this one.
    if (link.source.text.empty() || link.sentence >= 0) source["start"] = nullptr, source["end"] = nullptr;
    if (link.source.text.empty()) source["text"] = nullptr;
    if (link.source.code.empty()) source["code"] = nullptr;
    ordered_json entry{{"relation", link.relation}, {"source", std::move(source)}};
    if (link.sentence >= 0) entry["sentence"] = link.sentence;
    chain.push_back(std::move(entry));
  }
  return chain;
}

}  // namespace io

std::string to_json(const Event& event) {
  ordered_json json;
  json["story_id"] = event.story_id;
  json["sentence"] = event.sentence;
  json["sentence_id"] = event.sentence_id;
  json["date"] = event.date.iso();
  json["date_end"] = event.date_end.iso();
  json["date_precision"] = to_string(event.date_precision);
  json["historical"] = event.historical;
  json["modality"] = to_string(event.modality);
  json["attribution"] = io::attribution_json(event);
  json["source"] = actor_json(event.text, event.source);
  json["target"] = event.target ? actor_json(event.text, *event.target) : ordered_json(nullptr);
  json["cameo"] = event.cameo;
  json["root"] = event.root;
  json["goldstein"] = event.goldstein;
  json["quad_class"] = event.quad_class;
  json["plover"] = event.plover.empty() ? ordered_json(nullptr) : ordered_json(event.plover);
  ordered_json verb;
  add_span(verb, event.text, event.verb.text, event.verb.span);
  json["verb"] = std::move(verb);
  json["issues"] = event.issues;
  json["text"] = event.text;
  // Invalid UTF-8 is replaced rather than thrown on: one bad byte must not stop the output.
  return json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void write_event(std::ostream& out, const Event& event, OutputFormat format) {
  if (format == OutputFormat::jsonl) {
    out << to_json(event) << '\n';
    return;
  }
  // Tabs and newlines inside a field would break the columns.
  auto field = [&out](std::string_view value) {
    for (char c : value) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  };
  out << fmt::format("{:08d}", event.date.ymd) << '\t';
  field(event.source.code);
  out << '\t';
  field(event.target ? std::string_view(event.target->code) : kNoActor);
  out << '\t';
  field(event.cameo);
  out << '\t';
  field(event.story_id);
  out << '\t';
  field(event.sentence_id);
  out << '\t';
  field(event.source.text);
  out << '\t';
  field(event.target ? event.target->text : std::string_view{});
  out << '\t';
  field(event.verb.text);
  out << '\n';
}

}  // namespace annals
