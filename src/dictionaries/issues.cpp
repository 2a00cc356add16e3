#include <algorithm>

#include "dictionaries/actors.h"
#include "dictionaries/dictionary_text.h"
#include "text/words.h"

namespace annals {

namespace {

// Where an expansion marker ("N:" or "V:") starts a word of `form`; npos if none.
size_t find_marker(const std::string& form, std::string_view marker) {
  for (size_t p = form.find(marker); p != std::string::npos; p = form.find(marker, p + 1)) {
    if (p == 0 || form[p - 1] == ' ' || form[p - 1] == '-') return p;
  }
  return std::string::npos;
}

// Expands '+' (blank or hyphen), "N:word" (word and plural) and "V:word" (regular verb
// forms) until none is left, as PETRARCH's issue reader does.
void expand_issue_phrase(const std::string& form, std::vector<std::string>& out) {
  if (const size_t plus = form.find('+'); plus != std::string::npos) {
    for (char joiner : {' ', '-'}) {
      std::string variant = form;
      variant[plus] = joiner;
      expand_issue_phrase(variant, out);
    }
    return;
  }
  for (std::string_view marker : {"N:", "V:"}) {
    const size_t at = find_marker(form, marker);
    if (at == std::string::npos) continue;
    const size_t word_end = std::min(form.find(' ', at), form.size());
    const std::string head = form.substr(0, at);
    const std::string word = form.substr(at + 2, word_end - at - 2);
    const std::string tail = form.substr(word_end);
    std::vector<std::string> words{word};
    if (!word.empty() && marker == "N:") {
      words.push_back(regular_plural(word));
    } else if (!word.empty()) {
      words.push_back(word + "S");
      if (word.back() == 'E') {
        words.push_back(word + "D");
        words.push_back(word.substr(0, word.size() - 1) + "ING");
      } else {
        words.push_back(word + "ED");
        words.push_back(word + "ING");
      }
    }
    for (const std::string& w : words) expand_issue_phrase(head + w + tail, out);
    return;
  }
  out.push_back(form);
}

}  // namespace

void IssueDictionary::load(const std::string& file, Diagnostics& diagnostics) {
  const auto lines = read_dictionary_lines(file, diagnostics);
  if (!lines) return;
  for (const DictionaryLine& line : *lines) {
    std::string_view text = trim(line.text);
    const auto skip = [&](const std::string& why) {
      diagnostics.error(file, line.number, why + "; line skipped");
    };
    if (text[0] == '<') {
      if (text.rfind("<ISSUE", 0) != 0 && text.rfind("</ISSUE", 0) != 0)
        skip("unknown tag \"" + std::string(text) + "\"");
      continue;
    }
    bool ignore = false;
    uint32_t code_index = 0;
    if (text[0] == '~') {
      ignore = true;
      text.remove_prefix(text.size() > 1 && text[1] == '~' ? 2 : 1);
      if (text.find_first_of("[]") != std::string_view::npos) {
        skip("code on an ignore phrase");
        continue;
      }
    } else {
      std::string problem;
      const auto split = split_bracketed_code(text, problem);
      if (!split) {
        skip(text.find('[') == std::string_view::npos ? "issue phrase without a code" : problem);
        continue;
      }
      const std::string code(split->code);
      if (!is_code(code, "_-")) {
        skip(code.empty() ? "empty code"
                          : "issue code \"" + code +
                                "\" has characters other than letters, digits, '_' and '-'");
        continue;
      }
      const auto known = std::find(codes_.begin(), codes_.end(), code);
      code_index = static_cast<uint32_t>(known - codes_.begin());
      if (known == codes_.end()) codes_.push_back(code);
      text = split->phrase;
    }
    text = trim(text);
    if (text.empty() || text.find_first_of("]{}") != std::string_view::npos) {
      skip(text.empty() ? "empty phrase" : "brackets in an issue phrase");
      continue;
    }
    std::vector<std::string> forms;
    expand_issue_phrase(dictionary_word(text), forms);
    for (const std::string& form : forms) {
      const DictionaryPhrase phrase = parse_phrase(form);
      if (phrase.empty()) continue;
      const uint32_t fresh = static_cast<uint32_t>(entries_.size());
      const uint32_t* existing = index_.insert(phrase, fresh);
      if (!existing) entries_.emplace_back();
      Entry& entry = entries_[existing ? *existing : fresh];
      if (ignore) {
        entry.ignore = true;
      } else if (std::find(entry.codes.begin(), entry.codes.end(), code_index) ==
                 entry.codes.end()) {
        entry.codes.push_back(code_index);
      }
    }
  }
}

std::vector<std::string> IssueDictionary::find(const std::vector<std::string>& words) const {
  std::vector<std::string> found;
  for (size_t pos = 0; pos < words.size(); ++pos) {
    const auto hit = index_.match(words, pos);
    if (!hit) continue;
    const Entry& entry = entries_[hit->value];
    if (entry.ignore) return {};
    for (uint32_t code : entry.codes) {
      if (std::find(found.begin(), found.end(), codes_[code]) == found.end())
        found.push_back(codes_[code]);
    }
    pos += hit->length - 1;
  }
  return found;
}

size_t IssueDictionary::size() const { return index_.size(); }

}  // namespace annals
