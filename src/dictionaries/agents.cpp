#include <map>

#include "dictionaries/actors.h"
#include "dictionaries/dictionary_text.h"

namespace annals {

namespace {

using Substitutions = std::map<std::string, std::vector<std::string>, std::less<>>;

// "!NAME! = A, B, C"; false (reported) when malformed.
bool define_substitution(std::string_view text, Substitutions& sets, const std::string& file,
                         int line, Diagnostics& diagnostics) {
  const size_t close = text.find('!', 1);
  const size_t equals = text.find('=');
  if (text[0] != '!' || close == std::string_view::npos || close == 1 || equals < close ||
      !trim(text.substr(close + 1, equals - close - 1)).empty()) {
    diagnostics.error(file, line,
                      "substitution set must read \"!NAME! = A, B, ...\"; line skipped");
    return false;
  }
  std::vector<std::string> items;
  std::string_view list = text.substr(equals + 1);
  while (true) {
    const size_t comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (item.empty()) {
      diagnostics.error(file, line, "empty item in substitution set; line skipped");
      return false;
    }
    items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  sets[std::string(text.substr(1, close - 1))] = std::move(items);
  return true;
}

// Every phrase string obtained by replacing the !NAME! markers; false when one is
// unknown or unterminated.
bool expand_markers(const std::string& text, const Substitutions& sets,
                    std::vector<std::string>& out, const std::string& file, int line,
                    Diagnostics& diagnostics) {
  const size_t open = text.find('!');
  if (open == std::string::npos) {
    out.push_back(text);
    return true;
  }
  const size_t close = text.find('!', open + 1);
  if (close == std::string::npos) {
    diagnostics.error(
        file, line,
        "substitution marker \"" + text.substr(open) + "\" has no closing '!'; line skipped");
    return false;
  }
  const std::string name = text.substr(open + 1, close - open - 1);
  const auto set = sets.find(name);
  if (set == sets.end()) {
    diagnostics.error(file, line, "substitution set !" + name + "! is not defined; line skipped");
    return false;
  }
  for (const std::string& item : set->second) {
    if (!expand_markers(text.substr(0, open) + item + text.substr(close + 1), sets, out, file, line,
                        diagnostics))
      return false;
  }
  return true;
}

}  // namespace

void AgentDictionary::load(const std::string& file, Diagnostics& diagnostics) {
  const auto lines = read_dictionary_lines(file, diagnostics);
  if (!lines) return;
  Substitutions sets;

  for (const DictionaryLine& line : *lines) {
    const std::string_view text = trim(line.text);
    const auto skip = [&](const std::string& why) {
      diagnostics.error(file, line.number, why + "; line skipped");
    };
    const size_t bracket = text.find('[');
    if (text[0] == '!' && text.find('=') != std::string_view::npos &&
        bracket == std::string_view::npos) {
      define_substitution(text, sets, file, line.number, diagnostics);
      continue;
    }
    std::string problem;
    const auto split = split_bracketed_code(text, problem);
    if (!split) {
      skip(bracket == std::string_view::npos ? "agent without a code" : problem);
      continue;
    }
    std::string code;
    for (char c : split->code) {
      if (c != ' ' && c != '\t') code += c;
    }
    Agent agent;
    if (code.size() >= 2 && code.front() == '~') {
      agent.code = code.substr(1);
    } else if (code.size() >= 2 && code.back() == '~') {
      agent.code = code.substr(0, code.size() - 1);
      agent.prefix = true;
    } else {
      skip("agent code \"" + code + "\" must start (suffix agent) or end (prefix agent) with '~'");
      continue;
    }
    if (!is_code(agent.code, "")) {
      skip("agent code \"" + code + "\" has characters other than letters and digits");
      continue;
    }

    // The phrase and its optional {plural}.
    std::string_view phrase_part = split->phrase;
    std::optional<std::string> plural;
    const size_t brace = phrase_part.find('{');
    const size_t brace_close = phrase_part.find('}');
    if (brace != std::string_view::npos || brace_close != std::string_view::npos) {
      if (brace == std::string_view::npos || brace_close == std::string_view::npos ||
          brace_close < brace) {
        skip("unbalanced braces in plural \"{...}\"");
        continue;
      }
      if (!trim(phrase_part.substr(brace_close + 1)).empty()) {
        skip("text after the plural \"{...}\"");
        continue;
      }
      plural = std::string(trim(phrase_part.substr(brace + 1, brace_close - brace - 1)));
      phrase_part = phrase_part.substr(0, brace);
    }
    const std::string singular(trim(phrase_part));
    if (singular.empty()) {
      skip("empty phrase");
      continue;
    }

    std::vector<std::string> forms;
    if (!expand_markers(singular, sets, forms, file, line.number, diagnostics)) continue;
    const bool substituted = singular.find('!') != std::string::npos;
    if (plural) {
      if (!plural->empty() && !expand_markers(*plural, sets, forms, file, line.number, diagnostics))
        continue;
    } else if (!substituted) {
      forms.push_back(regular_plural(singular));  // substitution sets list their plurals
    }

    const size_t index = agents_.size();
    agents_.push_back(agent);
    std::string conflict;  // one warning per line, naming the first clash
    for (const std::string& form : forms) {
      const DictionaryPhrase phrase = parse_phrase(form);
      if (phrase.empty()) continue;
      const size_t* existing = index_.insert(phrase, index);
      if (existing && !(agents_[*existing] == agent) && conflict.empty())
        conflict = "agent phrase \"" + phrase_text(phrase) + "\" is already defined with code \"" +
                   agents_[*existing].code + "\"; the first definition is kept";
    }
    if (!conflict.empty()) diagnostics.warning(file, line.number, conflict);
  }
}

std::optional<PhraseMatch<const Agent*>> AgentDictionary::match(
    const std::vector<std::string>& words, size_t pos, size_t end, Gaps gaps) const {
  const auto hit = index_.match(words, pos, end, gaps);
  if (!hit) return std::nullopt;
  return PhraseMatch<const Agent*>{hit->length, &agents_[hit->value]};
}

}  // namespace annals
