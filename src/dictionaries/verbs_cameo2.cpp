#include "dictionaries/verbs_cameo2.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>


namespace annals {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    size_t end = pos;
    while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
    if (end > pos) parts.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return parts;
}

std::vector<std::string> split_on(std::string_view s, char separator) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    const size_t next = s.find(separator, pos);
    const std::string_view part = s.substr(pos, next == std::string_view::npos ? s.npos : next - pos);
    if (!part.empty()) parts.emplace_back(part);
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return parts;
}

// TABARI's noun plural: ...Y -> ...IES, ...S -> ...ES, else +S.
std::string plural_noun(const std::string& noun) {
  if (noun.back() == 'Y') return noun.substr(0, noun.size() - 1) + "IES";
  if (noun.back() == 'S') return noun + "ES";
  return noun + "S";
}

// Regular forms of a verb given without {irregular forms}: S, ED and ING forms, so that
// parses without lemmas (Penn Treebank input) still find their verbs.
std::vector<std::string> regular_verb_forms(const std::string& verb) {
  std::vector<std::string> forms;
  const char last = verb.back();
  const bool vowel_before = verb.size() > 1 && std::string_view("AEIOU").find(verb[verb.size() - 2]) != std::string_view::npos;
  if (last == 'S' || last == 'X' || last == 'Z' || verb.ends_with("CH") || verb.ends_with("SH"))
    forms.push_back(verb + "ES");
  else if (last == 'Y' && !vowel_before)
    forms.push_back(verb.substr(0, verb.size() - 1) + "IES");
  else
    forms.push_back(verb + "S");
  if (last == 'E') {
    forms.push_back(verb + "D");
    forms.push_back(verb.substr(0, verb.size() - 1) + "ING");
  } else if (last == 'Y' && !vowel_before) {
    forms.push_back(verb.substr(0, verb.size() - 1) + "IED");
    forms.push_back(verb + "ING");
  } else {
    forms.push_back(verb + "ED");
    forms.push_back(verb + "ING");
  }
  return forms;
}

// "A_+B_C": head B, front [A], back [C]; a word without '_' is its own head.
struct VerbSpelling {
  std::string head;
  std::vector<std::string> front, back;
};

bool parse_verb_spelling(std::string_view word, VerbSpelling& out) {
  out = {};
  if (word.find('_') == std::string_view::npos) {
    out.head = std::string(word[0] == '+' ? word.substr(1) : word);
    return !out.head.empty();
  }
  const size_t plus = word.find('+');
  if (plus == std::string_view::npos) return false;
  out.front = split_on(word.substr(0, plus), '_');
  std::vector<std::string> rest = split_on(word.substr(plus + 1), '_');
  if (rest.empty()) return false;
  out.head = rest.front();
  out.back.assign(rest.begin() + 1, rest.end());
  return true;
}

}  // namespace

// Reads a CAMEO.2.0 file into a Cameo2VerbDictionary; a class so it can fill the private parts.
class Cameo2Reader {
 public:
  Cameo2Reader(Cameo2VerbDictionary& dictionary, const std::string& file, Diagnostics& diagnostics)
      : dict_(dictionary), file_(file), diagnostics_(diagnostics) {}

  void read(const std::string& contents) {
    enum class Section { header, synsets, verbs, transformations } section = Section::header;
    std::vector<std::pair<std::string, int>> pending_transformations;
    size_t pos = 0;
    int line_number = 0;
    while (pos < contents.size()) {
      size_t end = contents.find('\n', pos);
      if (end == std::string::npos) end = contents.size();
      std::string_view raw(contents.data() + pos, end - pos);
      pos = end + 1;
      ++line_number;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);

      if (raw.starts_with("#")) {
        if (raw.find("SYNONYM SETS") != raw.npos) section = Section::synsets;
        else if (raw.find("VERB PATTERNS") != raw.npos) section = Section::verbs;
        else if (raw.find("TRANSFORMATIONS") != raw.npos) section = Section::transformations;
        continue;
      }
      if (raw.starts_with("<!")) continue;  // TABARI-era markup
      const std::string_view text = trim(raw.substr(0, raw.find('#')));
      if (text.empty()) continue;

      if (text.starts_with("~")) {
        // Transformations name verbs by their dictionary entries: resolve after all verbs.
        pending_transformations.emplace_back(std::string(text.substr(1)), line_number);
      } else if (text.starts_with("---")) {
        read_block_header(text, line_number);
      } else if (text.starts_with("-")) {
        read_pattern(text.substr(1), line_number);
      } else if (text.starts_with("&") && section != Section::verbs && section != Section::transformations) {
        synset_label_ = std::string(text);
        dict_.synsets_[synset_label_];
      } else if (text.starts_with("+") && !synset_label_.empty() && section != Section::verbs &&
                 section != Section::transformations) {
        read_synset_member(text.substr(1));
      } else {
        read_verb_line(text, line_number);
      }
    }
    for (const auto& [line, number] : pending_transformations) read_transformation(line, number);
    for (Cameo2Block& block : dict_.blocks_) index_patterns(block);
  }

 private:
  void error(int line, std::string message) { diagnostics_.error(file_, line, std::move(message)); }

  static void index_patterns(Cameo2Block& block) {
    for (int i = 0; i < static_cast<int>(block.patterns.size()); ++i) {
      const Cameo2Noun* object = nullptr;
      for (const Cameo2Noun& noun : block.patterns[i].post_nouns)
        if (!noun.head.marker) {
          object = &noun;
          break;
        }
      if (!object || object->head.spellings.empty()) {
        block.unindexed.push_back(i);
        continue;
      }
      for (const Cameo2Spelling& spelling : object->head.spellings) {
        std::vector<int>& list = block.by_object_word[spelling.back()];
        if (list.empty() || list.back() != i) list.push_back(i);
      }
    }
  }

  void read_block_header(std::string_view text, int line) {
    // "---  NAME   [CODE]  ---"
    std::string_view body = trim(text.substr(3));
    if (body.ends_with("---")) body = trim(body.substr(0, body.size() - 3));
    const size_t open = body.find('[');
    const size_t close = body.find(']', open == body.npos ? 0 : open);
    if (open == body.npos || close == body.npos) {
      error(line, "verb block header without [code]");
      block_ = -1;
      return;
    }
    const std::string_view name = trim(body.substr(0, open));
    if (name.empty()) {
      error(line, "verb block header without a name");
      block_ = -1;
      return;
    }
    dict_.blocks_.push_back({std::string(name), std::string(trim(body.substr(open + 1, close - open - 1))), {}});
    block_ = static_cast<int>(dict_.blocks_.size()) - 1;
  }

  void read_synset_member(std::string_view member) {
    std::string term(trim(member));
    if (term.empty()) return;
    const bool no_plural = term.back() == '_';
    if (no_plural) term.pop_back();
    std::replace(term.begin(), term.end(), '_', ' ');
    Cameo2Spelling words;
    for (std::string_view w : split_blanks(term)) words.emplace_back(w);
    if (words.empty()) return;
    auto& spellings = dict_.synsets_[synset_label_];
    // Multiword members and members marked with '_' have no generated plural.
    const bool with_plural = words.size() == 1 && !no_plural;
    spellings.push_back(words);
    if (with_plural) spellings.push_back({plural_noun(spellings.back()[0])});
  }

  void read_verb_line(std::string_view text, int line) {
    if (block_ < 0) {
      error(line, "verb outside a verb block");
      return;
    }
    std::string code = dict_.blocks_[block_].code;
    std::string_view words_part = text;
    if (const size_t open = text.find('['); open != text.npos) {
      const size_t close = text.find(']', open);
      if (close == text.npos) {
        error(line, "verb code without closing ']'");
        return;
      }
      code = std::string(trim(text.substr(open + 1, close - open - 1)));
      words_part = text.substr(0, open);
    }
    const size_t brace = words_part.find('{');
    const bool irregular = brace != words_part.npos;
    if (irregular && words_part.find('}', brace) == words_part.npos) {
      error(line, "verb forms without closing '}'");
      return;
    }
    std::string cleaned(words_part);
    std::replace(cleaned.begin(), cleaned.end(), '{', ' ');
    std::replace(cleaned.begin(), cleaned.end(), '}', ' ');
    const std::vector<std::string_view> words = split_blanks(cleaned);
    if (words.empty()) {
      error(line, "empty verb line");
      return;
    }
    VerbSpelling base;
    for (size_t i = 0; i < words.size(); ++i) {
      VerbSpelling spelling;
      if (!parse_verb_spelling(words[i], spelling)) {
        error(line, "multiword verb '" + std::string(words[i]) + "' does not mark its verb with '+'");
        continue;
      }
      if (i == 0) base = spelling;
      add_verb(spelling.head, spelling, code, line);
      if (i == 0 && !irregular)
        for (const std::string& form : regular_verb_forms(spelling.head)) add_verb(form, spelling, code, line);
    }
  }

  void add_verb(const std::string& key, const VerbSpelling& spelling, const std::string& code, int line) {
    dict_.verbs_[key].push_back({spelling.front, spelling.back, code, block_, line});
  }

  // A pattern word as written: plain word, role marker or &SYNSET reference.
  Cameo2Word make_word(std::string_view token, int line) {
    Cameo2Word word;
    if (token == "$" || token == "+" || token == "%" || token == "^") {
      word.marker = token[0];
      return word;
    }
    if (token.starts_with("&")) {
      auto it = dict_.synsets_.find(std::string(token));
      if (it != dict_.synsets_.end() && !it->second.empty()) {
        word.spellings = it->second;
        return word;
      }
      diagnostics_.warning(file_, line, "undefined synonym set " + std::string(token));
    }
    std::string plain(token);
    if (plain.size() > 1 && plain.back() == '_') plain.pop_back();
    word.spellings.push_back({plain});
    return word;
  }

  // Parses a sequence of pattern tokens (nouns, {noun phrases}, (prep phrases)) into
  // nouns and preps. Returns false with a reason on unbalanced brackets.
  bool parse_part(const std::vector<std::string_view>& tokens, std::vector<Cameo2Noun>& nouns,
                  std::vector<Cameo2Prep>& preps, int line, std::string& reason) {
    Cameo2Prep* prep = nullptr;
    std::vector<Cameo2Word> group;  // inside {...}
    bool in_group = false;
    for (std::string_view token : tokens) {
      bool opens_prep = false, closes_prep = false, opens_group = false, closes_group = false;
      while (!token.empty() && (token.front() == '(' || token.front() == '{')) {
        (token.front() == '(' ? opens_prep : opens_group) = true;
        token.remove_prefix(1);
      }
      while (!token.empty() && (token.back() == ')' || token.back() == '}')) {
        (token.back() == ')' ? closes_prep : closes_group) = true;
        token.remove_suffix(1);
      }
      if (opens_prep) {
        if (prep) { reason = "nested '('"; return false; }
        preps.push_back({});
        prep = &preps.back();
        if (token.empty()) { reason = "'(' without a preposition"; return false; }
        prep->preposition = std::string(token);
        token = {};
      }
      if (opens_group) {
        if (in_group) { reason = "nested '{'"; return false; }
        in_group = true;
      }
      if (!token.empty()) {
        Cameo2Word word = make_word(token, line);
        if (in_group) {
          group.push_back(std::move(word));
        } else {
          Cameo2Noun noun{std::move(word), {}};
          (prep ? prep->nouns : nouns).push_back(std::move(noun));
        }
      }
      if (closes_group) {
        if (!in_group || group.empty()) { reason = "unbalanced '}'"; return false; }
        Cameo2Noun noun{std::move(group.back()), {}};
        group.pop_back();
        noun.modifiers = std::move(group);
        group.clear();
        in_group = false;
        (prep ? prep->nouns : nouns).push_back(std::move(noun));
      }
      if (closes_prep) {
        if (!prep || in_group) { reason = "unbalanced ')'"; return false; }
        prep = nullptr;
      }
    }
    if (prep) { reason = "'(' without ')'"; return false; }
    if (in_group) { reason = "'{' without '}'"; return false; }
    return true;
  }

  void read_pattern(std::string_view text, int line) {
    if (block_ < 0) {
      error(line, "pattern outside a verb block");
      return;
    }
    const size_t open = text.rfind('[');
    const size_t close = text.find(']', open == text.npos ? 0 : open);
    if (open == text.npos || close == text.npos || !trim(text.substr(close + 1)).empty()) {
      error(line, "pattern without a final [code]");
      return;
    }
    Cameo2Pattern pattern;
    pattern.code = std::string(trim(text.substr(open + 1, close - open - 1)));
    pattern.text = std::string(trim(text.substr(0, open)));
    pattern.line = line;
    if (pattern.text.find('[') != std::string::npos || pattern.text.find(']') != std::string::npos) {
      error(line, "stray bracket in pattern");
      return;
    }
    const std::vector<std::string_view> tokens = split_blanks(pattern.text);
    const auto star = std::find(tokens.begin(), tokens.end(), std::string_view("*"));
    pattern.has_verb_mark = star != tokens.end();
    const std::vector<std::string_view> pre(tokens.begin(), star);
    const std::vector<std::string_view> post(star == tokens.end() ? star : star + 1, tokens.end());
    std::string reason;
    if (!parse_part(pre, pattern.pre_nouns, pattern.pre_preps, line, reason) ||
        !parse_part(post, pattern.post_nouns, pattern.post_preps, line, reason)) {
      error(line, "broken pattern: " + reason);
      return;
    }
    for (std::string_view t : pre) {
      if (t == "+") pattern.target_becomes_source = true;
      if (t == "%") pattern.compound = true;
    }
    for (std::string_view t : post)
      if (t == "$") pattern.source_becomes_target = true;
    pattern.has_prep = !pattern.pre_preps.empty() || !pattern.post_preps.empty();
    dict_.blocks_[block_].patterns.push_back(std::move(pattern));
    ++dict_.pattern_count_;
  }

  // The code PETRARCH associates with a verb named in a transformation: its first entry.
  bool verb_code(const std::string& name, std::string& code) const {
    auto it = dict_.verbs_.find(name);
    if (it == dict_.verbs_.end()) return false;
    for (const Cameo2Verb& verb : it->second) {
      if (verb.front.empty() && verb.back.empty()) {
        code = verb.code;
        return true;
      }
    }
    return false;
  }

  void read_transformation(const std::string& text, int line) {
    // "a (b . ATTACK) SAY = a b 112"
    std::string cleaned = text;
    std::replace(cleaned.begin(), cleaned.end(), '(', ' ');
    std::replace(cleaned.begin(), cleaned.end(), ')', ' ');
    const size_t equals = cleaned.find('=');
    if (equals == std::string::npos) {
      error(line, "transformation without '='");
      return;
    }
    const std::vector<std::string_view> left = split_blanks(std::string_view(cleaned).substr(0, equals));
    const std::vector<std::string_view> right = split_blanks(std::string_view(cleaned).substr(equals + 1));
    if (left.size() != 5 || right.size() != 3) {
      error(line, "transformation is not of the form 'a (b c LOWER) UPPER = x y CODE'");
      return;
    }
    Cameo2Transformation t;
    t.upper_source = std::string(left[0]);
    t.lower_source = std::string(left[1]);
    t.lower_target = std::string(left[2]);
    t.result_source = std::string(right[0]);
    t.result_target = std::string(right[1]);
    t.result_code = std::string(right[2]);
    t.line = line;
    if (!verb_code(std::string(left[4]), t.upper_code)) {
      error(line, "transformation names unknown verb " + std::string(left[4]));
      return;
    }
    if (left[3] != "Q" && !verb_code(std::string(left[3]), t.lower_code)) {
      error(line, "transformation names unknown verb " + std::string(left[3]));
      return;
    }
    dict_.transformations_.push_back(std::move(t));
  }

  Cameo2VerbDictionary& dict_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  int block_ = -1;
  std::string synset_label_;
};

const std::vector<Cameo2Spelling>* Cameo2VerbDictionary::synset(std::string_view name) const {
  auto it = synsets_.find(std::string(name));
  return it == synsets_.end() ? nullptr : &it->second;
}

const std::vector<Cameo2Verb>* Cameo2VerbDictionary::verbs(std::string_view word) const {
  auto it = verbs_.find(std::string(word));
  return it == verbs_.end() ? nullptr : &it->second;
}

void Cameo2VerbDictionary::load_pico(const std::string& file, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, 0, "cannot open PICO ontology");
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  pico_.load(file, buffer.str(), diagnostics);
}

void PicoTable::load(const std::string& file, const std::string& contents, Diagnostics& diagnostics) {
  std::istringstream lines(contents);
  int number = 0;
  for (std::string raw; std::getline(lines, raw);) {
    ++number;
    const std::string_view text = trim(std::string_view(raw).substr(0, raw.find('#')));
    if (text.empty()) continue;
    const size_t colon = text.find(':');
    if (colon == text.npos) {
      diagnostics.error(file, number, "PICO line without ':'");
      continue;
    }
    const std::string code(trim(text.substr(0, colon)));
    std::string_view expression = trim(text.substr(colon + 1));
    // Hex terms joined by + and -, evaluated left to right: "-0xFFFF+0x2045+0x300".
    int64_t total = 0;
    bool ok = !expression.empty();
    while (ok && !expression.empty()) {
      int sign = 1;
      if (expression.front() == '+' || expression.front() == '-') {
        sign = expression.front() == '-' ? -1 : 1;
        expression.remove_prefix(1);
      }
      if (expression.starts_with("0x") || expression.starts_with("0X")) expression.remove_prefix(2);
      int64_t term = 0;
      const auto [end, ec] = std::from_chars(expression.data(), expression.data() + expression.size(), term, 16);
      ok = ec == std::errc();
      expression.remove_prefix(end - expression.data());
      total += sign * term;
    }
    if (!ok) {
      diagnostics.error(file, number, "PICO value is not a hex expression");
      continue;
    }
    by_code_[code] = total;
    by_value_[total] = code;  // the last code read with a value names it
  }
}

int64_t PicoTable::value(std::string_view code) const {
  if (auto it = by_code_.find(std::string(code)); it != by_code_.end()) return it->second;
  if (code.size() >= 2) {
    if (auto it = by_code_.find(std::string(code.substr(0, 2)) + "0"); it != by_code_.end()) return it->second;
  }
  return -1;
}

std::string PicoTable::code(int64_t value) const {
  if (value == 0x30a0) return "138";  // PETRARCH's one extra name: intend to attack
  auto it = by_value_.find(value);
  return it == by_value_.end() ? std::string() : it->second;
}

int64_t PicoTable::combine(int64_t upper, int64_t lower) {
  if (lower <= 0) return lower + upper;
  if (upper > 0x1000 && lower > 0x1000) return lower;
  if (lower >= upper) return lower;
  if (upper == 0x1000) return lower;
  if (lower == 0x1000) return upper;
  return upper + lower;
}

std::unique_ptr<VerbDictionary> load_cameo2_verbs(const std::string& file, const std::string& contents,
                                                  Diagnostics& diagnostics) {
  auto dictionary = std::make_unique<Cameo2VerbDictionary>();
  Cameo2Reader(*dictionary, file, diagnostics).read(contents);
  return dictionary;
}

}  // namespace annals
