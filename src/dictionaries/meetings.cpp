#include "dictionaries/meetings.h"

#include <algorithm>

#include "dictionaries/actors.h"
#include "dictionaries/dictionary_text.h"

namespace annals {

namespace {

// The actor whose dictionary phrase is exactly `name` (blanks written as '_').
const Actor* actor_named(std::string_view name, const ActorDictionary& actors) {
  std::vector<std::string> words;
  for (const PhraseWord& word : parse_phrase(name)) words.push_back(word.text);
  const auto match = actors.match(words, 0);
  return match && match->length == words.size() ? match->value : nullptr;
}

}  // namespace

void MeetingDictionary::load(const std::string& file, const ActorDictionary& actors, Diagnostics& diagnostics) {
  const auto lines = read_dictionary_lines(file, diagnostics);
  if (!lines) return;
  for (const DictionaryLine& line : *lines) {
    std::vector<std::string_view> fields;
    for (std::string_view rest = line.text; !(rest = trim(rest)).empty();) {
      const size_t end = std::min(rest.find_first_of(" \t"), rest.size());
      fields.push_back(rest.substr(0, end));
      rest.remove_prefix(end);
    }
    const std::string_view when = fields.front();
    const size_t dash = when.find('-');
    const auto first = parse_dictionary_date(when.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : parse_dictionary_date(when.substr(dash + 1));
    if (!first || !last || *last < *first) {
      diagnostics.error(file, line.number, "bad date \"" + std::string(when) + "\" (YYYYMMDD or YYYYMMDD-YYYYMMDD); line skipped");
      continue;
    }
    Meeting meeting{*first, *last, {}};
    bool known = true;
    for (size_t f = 1; f < fields.size() && known; ++f) {
      const Actor* person = actor_named(fields[f], actors);
      if (!person) diagnostics.error(file, line.number, "no actor \"" + std::string(fields[f]) + "\" in the actor dictionaries; line skipped");
      known = person != nullptr;
      meeting.people.push_back(person);
    }
    if (!known) continue;
    if (meeting.people.size() < 2) {
      diagnostics.error(file, line.number, "a meeting needs at least two actors; line skipped");
      continue;
    }
    meetings_.push_back(std::move(meeting));
  }
}

std::optional<std::pair<Date, Date>> MeetingDictionary::span(const Actor* a, const Actor* b, Date from, Date to) const {
  std::optional<std::pair<Date, Date>> found;
  if (!a || !b || a == b) return found;
  for (const Meeting& m : meetings_) {
    const auto has = [&](const Actor* person) { return std::find(m.people.begin(), m.people.end(), person) != m.people.end(); };
    if (m.first < from || to < m.last || !has(a) || !has(b)) continue;
    if (!found) found.emplace(m.first, m.last);
    found->first = std::min(found->first, m.first);
    found->second = std::max(found->second, m.last);
  }
  return found;
}

}  // namespace annals
