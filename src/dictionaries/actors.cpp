#include "dictionaries/actors.h"

#include <algorithm>
#include <cstdint>

#include "dictionaries/dictionary_text.h"

namespace annals {

namespace {

int64_t width(const DatedCode& code) {
  constexpr int64_t kOpen = int64_t{1} << 40;
  const int64_t from = code.from == Date{0} ? -kOpen : days_since_epoch(code.from);
  const int64_t to = code.to == Date{99999999} ? kOpen : days_since_epoch(code.to);
  return to - from;
}

bool holds(const DatedCode& code, Date date) { return code.from <= date && date <= code.to; }

// The text between '[' and ']' of one code: "CODE", "CODE <D", "CODE >D", "CODE D1-D2".
std::optional<DatedCode> parse_code(std::string_view inside, const std::string& file, int line,
                                    Diagnostics& diagnostics) {
  inside = trim(inside);
  if (inside.empty()) {
    diagnostics.error(file, line, "empty code \"[]\"; code skipped");
    return std::nullopt;
  }
  size_t code_end = 0;
  while (code_end < inside.size() && inside[code_end] != ' ' && inside[code_end] != '\t' &&
         inside[code_end] != '<' && inside[code_end] != '>')
    ++code_end;
  DatedCode result;
  result.code = std::string(inside.substr(0, code_end));
  std::string restriction;  // without blanks: "<D", ">D" or "D1-D2"
  for (char c : inside.substr(code_end)) {
    if (c != ' ' && c != '\t') restriction += c;
  }
  const auto bad = [&](const std::string& why) {
    diagnostics.error(file, line, why + "; code skipped");
    return std::nullopt;
  };
  const bool dates_only = restriction.empty() && !result.code.empty() && result.code[0] >= '0' &&
                          result.code[0] <= '9' && result.code.find('-') != std::string::npos;
  if (result.code.empty() || dates_only)  // "[<950601]", TABARI's "[991201-010114]"
    return bad("date restriction \"[" + std::string(inside) + "]\" has no code");
  if (!is_code(result.code, "-+/"))
    return bad("code \"" + result.code +
               "\" has characters other than letters, digits, '-', '+' and '/'");
  if (restriction.empty()) return result;

  const auto date = [&](std::string_view text) {
    // PETRARCH reads only the first 8 digits of a longer date ("201005011").
    if (text.size() > 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
      diagnostics.warning(file, line,
                          "date \"" + std::string(text) + "\" has more than 8 digits; read as " +
                              std::string(text.substr(0, 8)));
      text = text.substr(0, 8);
    }
    auto parsed = parse_dictionary_date(text);
    if (!parsed)
      diagnostics.error(file, line,
                        "bad date \"" + std::string(text) +
                            "\" in restriction (YYMMDD or YYYYMMDD); code skipped");
    return parsed;
  };
  if (restriction[0] == '<' || restriction[0] == '>') {
    const auto d = date(std::string_view(restriction).substr(1));
    if (!d) return std::nullopt;
    (restriction[0] == '<' ? result.to : result.from) = *d;
    return result;
  }
  const size_t dash = restriction.find('-');
  if (dash == std::string::npos)
    return bad("bad date restriction \"" + restriction + "\" (expected <date, >date or date-date)");
  const auto from = date(std::string_view(restriction).substr(0, dash));
  if (!from) return std::nullopt;
  const auto to = date(std::string_view(restriction).substr(dash + 1));
  if (!to) return std::nullopt;
  if (*to < *from) return bad("date restriction \"" + restriction + "\" ends before it starts");
  result.from = *from;
  result.to = *to;
  return result;
}

// Every "[...]" group of `text`, appended to `codes`. A broken group is reported and
// skipped; text after the groups (an unmarked comment) is reported and ignored.
void parse_code_groups(std::string_view text, std::vector<DatedCode>& codes,
                       const std::string& file, int line, Diagnostics& diagnostics) {
  while (true) {
    text = trim(text);
    if (text.empty()) return;
    if (text[0] != '[') {
      diagnostics.warning(
          file, line, "text \"" + std::string(text) + "\" after the codes ignored (missing '#'?)");
      return;
    }
    const size_t close = text.find(']');
    const size_t reopen = text.find('[', 1);
    if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
      diagnostics.error(file, line, "unbalanced brackets: missing ']'; code skipped");
      if (reopen == std::string_view::npos) return;
      text.remove_prefix(reopen);
      continue;
    }
    if (auto code = parse_code(text.substr(1, close - 1), file, line, diagnostics))
      codes.push_back(std::move(*code));
    text.remove_prefix(close + 1);
  }
}

// A phrase on a primary or synonym line; reported and nullopt when unusable.
std::optional<DictionaryPhrase> parse_actor_phrase(std::string_view text, const std::string& file,
                                                   int line, Diagnostics& diagnostics) {
  if (text.find_first_of("]{}") != std::string_view::npos) {
    diagnostics.error(
        file, line,
        "unbalanced brackets in phrase \"" + std::string(trim(text)) + "\"; line skipped");
    return std::nullopt;
  }
  DictionaryPhrase phrase = parse_phrase(text);
  if (phrase.empty()) {
    diagnostics.error(file, line, "empty phrase; line skipped");
    return std::nullopt;
  }
  return phrase;
}

// The country all of an actor's codes name, or "" when they name several, or a kind of
// non-state actor (CAMEO's IGO, NGO, IMG, MNC, UIS) rather than a state.
std::string shared_country(const std::vector<DatedCode>& codes) {
  static constexpr std::string_view kNonState[] = {"IGO", "NGO", "IMG", "MNC", "UIS"};
  if (codes.empty() || codes.front().code.size() < 3) return {};
  const std::string country = codes.front().code.substr(0, 3);
  if (!std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
      std::find(std::begin(kNonState), std::end(kNonState), country) != std::end(kNonState))
    return {};
  for (const DatedCode& code : codes)
    if (!code.code.starts_with(country)) return {};
  return country;
}

}  // namespace

std::string Actor::code_on(Date date, DateRule rule) const {
  const DatedCode* chosen = nullptr;
  for (const DatedCode& candidate : codes) {
    if (!candidate.dated() || !holds(candidate, date)) continue;
    if (rule == DateRule::first_listed) {
      chosen = &candidate;
      break;
    }
    // A range ending today gives way to one starting today (UD-PETRARCH's reader moves
    // such an end back one day).
    bool yields = false;
    if (candidate.to == date) {
      for (const DatedCode& other : codes)
        yields = yields || (&other != &candidate && other.dated() && other.from == date);
    }
    if (!yields && (!chosen || width(candidate) < width(*chosen))) chosen = &candidate;
  }
  if (!chosen) {
    for (const DatedCode& candidate : codes) {
      if (!candidate.dated()) chosen = &candidate;
    }
  }
  // Outside all of a person's dated roles (before the first office, between terms when the
  // dictionary leaves a gap) they are still of their country.
  return chosen ? chosen->code : shared_country(codes);
}

void ActorDictionary::load(const std::string& file, Diagnostics& diagnostics) {
  const auto lines = read_dictionary_lines(file, diagnostics);
  if (!lines) return;
  const uint32_t file_index = static_cast<uint32_t>(files_.size());
  files_.push_back(file);

  struct Block {
    bool code_lines = false;  // it had code lines, even broken ones
    int line = 0;             // the primary line
    int last_line = 0;
    std::vector<std::pair<DictionaryPhrase, int>> phrases;
    std::vector<DatedCode> codes;
  };
  std::optional<Block> block;
  // Blocks without any code, each on the line right before the next: PETRARCH-1 gives
  // them the codes of the next coded block, which is what these lines mean in the Phoenix
  // files (IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ [codes]: a missing '+').
  std::vector<Block> waiting;

  const auto reject_waiting = [&] {
    for (const Block& lost : waiting)
      diagnostics.error(
          file, lost.line,
          "actor \"" + phrase_text(lost.phrases.front().first) + "\" has no code; entry skipped");
    waiting.clear();
  };
  const auto store = [&](const Block& from, size_t index) {
    for (const auto& [phrase, line] : from.phrases) {
      size_t* existing = index_.insert(phrase, index);
      if (!existing || actors_[*existing].codes == actors_[index].codes) continue;
      // The same phrase in two blocks: UD-PETRARCH appends the code lists, which keeps
      // both readings (GEORGE BUSH's and GEORGE W. BUSH's "PRESIDENT BUSH" by date).
      const Actor& first = actors_[*existing];
      const Origin& origin = origins_[*existing];
      diagnostics.warning(file, line,
                          "phrase \"" + phrase_text(phrase) + "\" is also in \"" + first.name +
                              "\" (" + files_[origin.file] + ":" + std::to_string(origin.line) +
                              ") with other codes; the code lists are merged");
      Actor merged{first.name, first.codes};
      for (const DatedCode& code : actors_[index].codes) {
        if (std::find(merged.codes.begin(), merged.codes.end(), code) == merged.codes.end())
          merged.codes.push_back(code);
      }
      *existing = actors_.size();
      actors_.push_back(std::move(merged));
      origins_.push_back(origin);
    }
  };
  const auto flush = [&] {
    if (!block || block->phrases.empty()) return;  // every phrase was reported already
    if (block->codes.empty()) {
      if (block->code_lines) {
        diagnostics.error(file, block->line,
                          "actor \"" + phrase_text(block->phrases.front().first) +
                              "\" has no valid code; entry skipped");
      } else {
        waiting.push_back(std::move(*block));
      }
      return;
    }
    const size_t index = actors_.size();
    actors_.push_back(Actor{phrase_text(block->phrases.front().first), block->codes});
    origins_.push_back({file_index, block->line});
    ++entries_;
    for (const Block& joined : waiting) {
      diagnostics.warning(file, joined.line,
                          "actor \"" + phrase_text(joined.phrases.front().first) +
                              "\" has no code: read as a synonym of \"" + actors_[index].name +
                              "\" that follows (missing '+'?)");
      store(joined, index);
    }
    waiting.clear();
    store(*block, index);
  };

  for (const DictionaryLine& line : *lines) {
    const std::string_view text = trim(line.text);
    if (text.find("---STOP---") != std::string_view::npos) break;  // PETRARCH's end mark
    if (text[0] == '[') {
      if (!block) {
        diagnostics.error(file, line.number, "code line before any actor; line skipped");
        continue;
      }
      block->last_line = line.number;
      block->code_lines = true;
      parse_code_groups(text, block->codes, file, line.number, diagnostics);
    } else if (text[0] == '+') {
      if (!block) {
        diagnostics.error(file, line.number, "synonym before any actor; line skipped");
        continue;
      }
      block->last_line = line.number;
      if (text.find('[') != std::string_view::npos) {
        diagnostics.error(file, line.number,
                          "code on a synonym line (codes belong to the block); line skipped");
      } else if (auto phrase = parse_actor_phrase(text.substr(1), file, line.number, diagnostics)) {
        block->phrases.emplace_back(std::move(*phrase), line.number);
      }
    } else {
      flush();
      if (!waiting.empty() && waiting.back().last_line + 1 != line.number) reject_waiting();
      block = Block{};
      block->line = block->last_line = line.number;
      const size_t bracket = text.find('[');
      // A broken primary phrase is reported; its synonyms and codes still form the entry.
      if (auto phrase = parse_actor_phrase(text.substr(0, bracket), file, line.number, diagnostics))
        block->phrases.emplace_back(std::move(*phrase), line.number);
      if (bracket != std::string_view::npos) {
        block->code_lines = true;
        parse_code_groups(text.substr(bracket), block->codes, file, line.number, diagnostics);
      }
    }
  }
  flush();
  reject_waiting();
}

std::optional<PhraseMatch<const Actor*>> ActorDictionary::match(
    const std::vector<std::string>& words, size_t pos, size_t end, Gaps gaps) const {
  const auto hit = index_.match(words, pos, end, gaps);
  if (!hit) return std::nullopt;
  return PhraseMatch<const Actor*>{hit->length, &actors_[hit->value]};
}

}  // namespace annals
