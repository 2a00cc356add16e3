#include "dictionaries/dictionary_text.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "text/words.h"

namespace annals {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Removes '#' and ';' comments; warns about a '#' inside a word.
void strip_line_comment(std::string& line, const std::string& file, int number,
                        Diagnostics& diagnostics) {
  const size_t cut = line.find_first_of("#;");
  if (cut == std::string::npos) return;
  if (line[cut] == '#' && cut > 0 && is_alnum(line[cut - 1]) && cut + 1 < line.size() &&
      is_alnum(line[cut + 1])) {
    diagnostics.warning(file, number,
                        "'#' inside a word starts a comment: \"" + line.substr(cut) + "\" ignored");
  }
  line.erase(cut);
}

}  // namespace

std::string_view trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::optional<std::vector<DictionaryLine>> read_dictionary_lines(const std::string& file,
                                                                 Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, 0, "cannot open dictionary file");
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string contents = buffer.str();

  std::vector<DictionaryLine> lines;
  bool in_comment = false;  // inside a multi-line <!-- -->
  int comment_start = 0;
  size_t pos = 0;
  if (contents.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;  // byte-order mark
  int number = 0;
  while (pos < contents.size()) {
    size_t eol = contents.find('\n', pos);
    if (eol == std::string::npos) eol = contents.size();
    std::string line = contents.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;

    if (in_comment) {
      const size_t close = line.find("-->");
      if (close == std::string::npos) continue;
      line.erase(0, close + 3);
      in_comment = false;
    } else if (line.compare(0, 2, "<!") == 0) {
      // A whole-line comment; "<!--" without its "-->" opens a multi-line one.
      if (line.compare(0, 4, "<!--") == 0 && line.find("-->", 4) == std::string::npos) {
        in_comment = true;
        comment_start = number;
      }
      continue;
    }
    // Inline <!-- ... --> (possibly left open to the following lines).
    for (size_t open = line.find("<!--"); open != std::string::npos;
         open = line.find("<!--", open)) {
      const size_t close = line.find("-->", open + 4);
      if (close == std::string::npos) {
        line.erase(open);
        in_comment = true;
        comment_start = number;
        break;
      }
      line.erase(open, close + 3 - open);
    }
    strip_line_comment(line, file, number, diagnostics);
    while (!line.empty() && is_blank(line.back())) line.pop_back();
    if (trim(line).empty()) continue;
    lines.push_back({number, std::move(line)});
  }
  if (in_comment) diagnostics.error(file, comment_start, "comment \"<!--\" is never closed");
  return lines;
}

DictionaryPhrase parse_phrase(std::string_view text, bool final_stem) {
  DictionaryPhrase phrase;
  text = trim(text);
  size_t pos = 0;
  bool adjacent = true;  // the separator before the next word contained '_'
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '_') {
      adjacent = true;
      ++pos;
      continue;
    }
    if (is_blank(c)) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < text.size() && text[end] != '_' && !is_blank(text[end])) ++end;
    PhraseWord word{dictionary_word(text.substr(pos, end - pos)), !phrase.empty() && !adjacent,
                    false};
    phrase.push_back(std::move(word));
    adjacent = false;
    pos = end;
  }
  if (final_stem && !phrase.empty() && text.back() != '_') phrase.back().stem = true;
  return phrase;
}

std::string phrase_text(const DictionaryPhrase& phrase) {
  std::string out;
  for (const PhraseWord& word : phrase) {
    if (!out.empty()) out += ' ';
    out += word.text;
  }
  return out;
}

std::optional<BracketedLine> split_bracketed_code(std::string_view text, std::string& problem) {
  const size_t bracket = text.find('[');
  if (bracket == std::string_view::npos) {
    problem = "no [code]";
    return std::nullopt;
  }
  const size_t close = text.find(']', bracket);
  if (close == std::string_view::npos || text.find('[', bracket + 1) < close) {
    problem = "unbalanced brackets: missing ']'";
    return std::nullopt;
  }
  if (const std::string_view rest = trim(text.substr(close + 1)); !rest.empty()) {
    problem = "unexpected text \"" + std::string(rest) + "\" after the code";
    return std::nullopt;
  }
  return BracketedLine{text.substr(0, bracket), trim(text.substr(bracket + 1, close - bracket - 1))};
}

bool is_code(std::string_view code, std::string_view extra) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!is_alnum(c) && extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::optional<Date> parse_dictionary_date(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (text.size() == 8) return parse_date(text);
  if (text.size() != 6) return std::nullopt;
  const int yy = (text[0] - '0') * 10 + (text[1] - '0');
  const std::string full = (yy <= 30 ? "20" : "19") + std::string(text);
  return parse_date(full);
}

std::string regular_plural(std::string_view phrase) {
  std::string out(phrase);
  while (!out.empty() && (out.back() == '_' || is_blank(out.back()))) out.pop_back();
  const size_t n = out.size();
  auto ends_with = [&](std::string_view suffix) {
    return n >= suffix.size() && std::string_view(out).substr(n - suffix.size()) == suffix;
  };
  if (n >= 2 && out[n - 1] == 'Y' &&
      std::string_view("AEIOU").find(out[n - 2]) == std::string_view::npos) {
    out.pop_back();
    out += "IES";
  } else if (ends_with("S") || ends_with("X") || ends_with("Z") || ends_with("CH") ||
             ends_with("SH")) {
    out += "ES";
  } else {
    out += 'S';
  }
  return out;
}

}  // namespace annals
