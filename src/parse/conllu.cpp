// Reading CoNLL-U: validated line by line, then phrases projected from the tree so that
// dependency input offers the coder the same constituents a Treebank parse would.
#include <algorithm>
#include <string>

#include "annals/parse.h"
#include "parse/align.h"
#include "parse/conllu_fields.h"
#include "parse/phrase_projection.h"

namespace annals {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view field_or_empty(std::string_view field) { return field == "_" ? std::string_view() : field; }

std::string_view base_relation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// Relations renamed between UD v1 and v2 (PETRARCH-2's parses are v1).
std::string_view modern_relation(std::string_view deprel) {
  struct Rename {
    std::string_view old_name, new_name;
  };
  static constexpr Rename kRenames[] = {
      {"dobj", "obj"},          {"nsubjpass", "nsubj:pass"}, {"csubjpass", "csubj:pass"},
      {"auxpass", "aux:pass"},  {"neg", "advmod"},           {"name", "flat"},
      {"mwe", "fixed"},
  };
  for (const Rename& r : kRenames)
    if (deprel == r.old_name) return r.new_name;
  return deprel;
}

bool is_predicate_pos(std::string_view upos) {
  return upos == "VERB" || upos == "AUX" || upos == "ADJ" || upos == "ADV";
}

// A surface token for the text: a word, or a multiword token spanning several words.
struct Unit {
  std::string_view form;
  int first_word = 0, last_word = 0;
  bool space_after = true;
  int line = 0;
};

class ConlluReader {
 public:
  // A blank text (an empty <Text> element) counts as none.
  ConlluReader(std::string_view conllu, std::string_view text) : input_(conllu), text_(trim(text).empty() ? std::string_view() : text) {}

  std::vector<Sentence> read() {
    std::vector<Sentence> sentences;
    int line_number = 0;
    for (size_t pos = 0; pos < input_.size();) {
      const size_t newline = input_.find('\n', pos);
      const size_t end = newline == std::string_view::npos ? input_.size() : newline;
      std::string_view line = input_.substr(pos, end - pos);
      pos = end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (trim(line).empty()) {
        if (!current_.tokens.empty()) sentences.push_back(finish());
        else reset();
        continue;
      }
      if (line.front() == '#') {
        read_comment(line);
        continue;
      }
      read_word_line(line, line_number);
    }
    if (!current_.tokens.empty()) sentences.push_back(finish());
    return sentences;
  }

 private:
  void reset() {
    current_ = Sentence();
    comment_text_ = {};
    units_.clear();
    lines_.clear();
    heads_.clear();
    multiword_end_ = 0;
  }

  void read_comment(std::string_view line) {
    line = trim(line.substr(1));
    auto value_of = [&](std::string_view key) -> std::string_view {
      if (!line.starts_with(key)) return {};
      std::string_view rest = trim(line.substr(key.size()));
      if (rest.empty() || rest.front() != '=') return {};
      return trim(rest.substr(1));
    };
    if (std::string_view id = value_of("sent_id"); !id.empty()) current_.id = id;
    if (std::string_view text = value_of("text"); !text.empty()) comment_text_ = text;
  }

  void read_word_line(std::string_view line, int line_number) {
    const ConlluFields f = split_conllu_fields(line);
    if (f.count != 10)
      throw ParseError(line_number, "expected 10 columns, found " + std::to_string(f.count));
    const std::string_view id = f.column[0];
    const int expected = static_cast<int>(current_.tokens.size()) + 1;
    if (const size_t dot = id.find('.'); dot != std::string_view::npos) {
      if (parse_conllu_number(id.substr(0, dot)) < 0 || parse_conllu_number(id.substr(dot + 1)) < 0)
        throw ParseError(line_number, "bad empty-node id '" + std::string(id) + "'");
      return;  // empty nodes belong to enhanced graphs only
    }
    if (const size_t dash = id.find('-'); dash != std::string_view::npos) {
      const int first = parse_conllu_number(id.substr(0, dash));
      const int last = parse_conllu_number(id.substr(dash + 1));
      if (first != expected || last < first)
        throw ParseError(line_number, "bad multiword token range '" + std::string(id) + "'");
      units_.push_back({f.column[1], first - 1, last - 1, !has_space_after_no(f.column[9]), line_number});
      multiword_end_ = last;
      return;
    }
    const int number = parse_conllu_number(id);
    if (number != expected)
      throw ParseError(line_number, "word id '" + std::string(id) + "' where " + std::to_string(expected) +
                                        " was expected");
    const int head = parse_conllu_number(f.column[6]);
    if (head < 0) throw ParseError(line_number, "HEAD '" + std::string(f.column[6]) + "' is not a number");
    if (number > multiword_end_)
      units_.push_back({f.column[1], number - 1, number - 1, !has_space_after_no(f.column[9]), line_number});
    Token& token = current_.tokens.emplace_back();
    token.form = f.column[1];
    token.lemma = f.column[2] == "_" && f.column[1] != "_" ? std::string_view() : f.column[2];
    token.upos = f.column[3] == "CONJ" ? std::string_view("CCONJ") : field_or_empty(f.column[3]);
    token.xpos = field_or_empty(f.column[4]);
    token.deprel = modern_relation(f.column[7]);
    heads_.push_back(head);
    lines_.push_back(line_number);
  }

  void validate_tree() {
    const int n = static_cast<int>(heads_.size());
    int root = -1;
    for (int i = 0; i < n; ++i) {
      if (heads_[i] > n)
        throw ParseError(lines_[i], "HEAD " + std::to_string(heads_[i]) + " beyond the sentence's " +
                                        std::to_string(n) + " words");
      if (heads_[i] == 0) {
        if (root >= 0) throw ParseError(lines_[i], "a second root (the first is word " + std::to_string(root + 1) + ")");
        root = i;
      }
    }
    if (root < 0) throw ParseError(lines_.front(), "sentence without a root (no HEAD 0)");
    if (!units_.empty() && units_.back().last_word >= n)
      throw ParseError(units_.back().line, "multiword token range goes past the sentence's last word");
    // Every word must reach the root: walk up, marking words on the current path.
    enum : char { unknown, on_path, reaches_root };
    state_.assign(n, unknown);
    for (int i = 0; i < n; ++i) {
      int w = i;
      while (w >= 0 && state_[w] == unknown) {
        state_[w] = on_path;
        w = heads_[w] - 1;
      }
      if (w >= 0 && state_[w] == on_path) throw ParseError(lines_[w], "cycle in the tree through word " + std::to_string(w + 1));
      for (w = i; w >= 0 && state_[w] == on_path; w = heads_[w] - 1) state_[w] = reaches_root;
    }
  }

  Sentence finish() {
    validate_tree();
    auto& tokens = current_.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      tokens[i].head = heads_[i] - 1;
      if (heads_[i] == 0) tokens[i].deprel = "root";
    }
    // UD v1 used nmod for obliques of predicates too.
    for (Token& token : tokens)
      if (token.head >= 0 && base_relation(token.deprel) == "nmod" && token.deprel != "nmod:poss" &&
          is_predicate_pos(tokens[token.head].upos))
        token.deprel = "obl" + token.deprel.substr(4);
    place_text();
    project_phrases(current_);
    Sentence done = std::move(current_);
    reset();
    return done;
  }

  void place_text() {
    auto& tokens = current_.tokens;
    const std::string_view given = !text_.empty() ? text_ : comment_text_;
    if (!given.empty()) {
      current_.text = given;
      size_t& cursor = text_.empty() ? comment_cursor_ : text_cursor_;
      if (text_.empty()) cursor = 0;
      for (const Unit& unit : units_) {
        const TextSpan span = locate_token(current_.text, cursor, unit.form);
        cursor = span.end;
        for (int w = unit.first_word; w <= unit.last_word; ++w) {
          tokens[w].start = static_cast<uint32_t>(span.start);
          tokens[w].end = static_cast<uint32_t>(span.end);
        }
      }
      return;
    }
    std::string& text = current_.text;
    for (size_t u = 0; u < units_.size(); ++u) {
      const Unit& unit = units_[u];
      const size_t start = text.size();
      text += unit.form;
      for (int w = unit.first_word; w <= unit.last_word; ++w) {
        tokens[w].start = static_cast<uint32_t>(start);
        tokens[w].end = static_cast<uint32_t>(text.size());
      }
      if (unit.space_after && u + 1 < units_.size()) text += ' ';
    }
  }

  std::string_view input_;
  std::string_view text_;
  size_t text_cursor_ = 0;     // sentences given one text share it, in order
  size_t comment_cursor_ = 0;
  Sentence current_;
  std::string_view comment_text_;
  std::vector<Unit> units_;
  std::vector<int> lines_;
  std::vector<int> heads_;  // as written: 1-based, 0 for the root
  int multiword_end_ = 0;
  std::vector<char> state_;
};

}  // namespace

int parse_conllu_number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool has_space_after_no(std::string_view misc) {
  while (!misc.empty()) {
    const size_t bar = misc.find('|');
    if (misc.substr(0, bar) == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return false;
}

ConlluFields split_conllu_fields(std::string_view line) {
  ConlluFields f;
  size_t start = 0;
  const bool tabbed = line.find('\t') != std::string_view::npos;
  if (tabbed) {
    while (true) {
      const size_t tab = line.find('\t', start);
      if (f.count < 10) f.column[f.count] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      ++f.count;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    return f;
  }
  // Tabs lost on the way (copied through an editor): words separated by spaces.
  for (size_t pos = 0; pos < line.size();) {
    while (pos < line.size() && is_space(line[pos])) ++pos;
    if (pos >= line.size()) break;
    const size_t end = std::min(line.find(' ', pos), line.size());
    if (f.count < 10) f.column[f.count] = line.substr(pos, end - pos);
    ++f.count;
    pos = end;
  }
  return f;
}


std::vector<Sentence> from_conllu(std::string_view conllu, std::string_view text) {
  return ConlluReader(conllu, text).read();
}

bool looks_like_conllu(std::string_view parse) {
  for (size_t pos = 0; pos < parse.size();) {
    const size_t newline = parse.find('\n', pos);
    const std::string_view line = trim(parse.substr(pos, newline == std::string_view::npos ? newline : newline - pos));
    if (newline == std::string_view::npos) pos = parse.size();
    else pos = newline + 1;
    if (line.empty()) continue;
    if (line.front() == '#') return true;
    // A word line starts with its id ("1", "3-4", "5.1") and has ten columns.
    if (line.front() < '0' || line.front() > '9') return false;
    return split_conllu_fields(line).count == 10;
  }
  return false;
}

}  // namespace annals
