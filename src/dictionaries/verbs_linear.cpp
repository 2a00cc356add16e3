#include "dictionaries/verbs_linear.h"

#include <algorithm>
#include <optional>

namespace annals {

namespace {

std::string_view trim_view(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return result;
}

// Words of `text` separated by blanks.
std::vector<std::string> split_blanks(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(text.substr(start, end - start));
    pos = end;
  }
  return words;
}

// The text between the first '[' and the following ']', or nullopt when there is none.
std::optional<std::string> bracket_code(std::string_view text) {
  const size_t open = text.find('[');
  if (open == std::string_view::npos) return std::nullopt;
  const size_t close = text.find(']', open + 1);
  if (close == std::string_view::npos) return std::nullopt;
  std::string code;
  for (char c : text.substr(open + 1, close - open - 1))
    if (c != ' ' && c != '\t') code += c;
  return code;
}

// The regular forms of a verb: base, base+S and base+ED/base+ING (base+D and
// base-E+ING after a final E). PETRARCH-1 neither doubles consonants nor turns Y into
// IED: irregular spellings are listed in "{...}".
std::vector<std::string> regular_forms(const std::string& base) {
  std::vector<std::string> forms{base, base + "S"};
  if (!base.empty() && base.back() == 'E') {
    forms.push_back(base + "D");
    forms.push_back(base.substr(0, base.size() - 1) + "ING");
  } else {
    forms.push_back(base + "ED");
    forms.push_back(base + "ING");
  }
  return forms;
}

// The synset plural rule (PETRARCH-1): Y -> IES, S -> ES (replacing the S), else +S.
std::string synset_plural(const std::string& member) {
  if (member.back() == 'Y') return member.substr(0, member.size() - 1) + "IES";
  if (member.back() == 'S') return member.substr(0, member.size() - 1) + "ES";
  return member + "S";
}

struct Line {
  int number;
  std::string_view text;  // comments removed, trimmed, not empty
};

// Content lines: "#" starts a comment, lines starting "<!" are comments and
// "<!-- ... -->" may span lines.
std::vector<Line> content_lines(const std::string& contents) {
  std::vector<Line> lines;
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  std::string_view all(contents);
  while (pos <= all.size()) {
    size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view text = all.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (in_comment) {
      const size_t close = text.find("-->");
      if (close == std::string_view::npos) {
        if (end == all.size()) break;
        continue;
      }
      in_comment = false;
      text.remove_prefix(close + 3);
    }
    std::string_view stripped = trim_view(text);
    if (stripped.rfind("<!", 0) == 0) {
      if (stripped.rfind("<!--", 0) == 0 && stripped.find("-->") == std::string_view::npos)
        in_comment = true;
      if (end == all.size()) break;
      continue;
    }
    const size_t open = text.find("<!--");
    if (open != std::string_view::npos) {
      const size_t close = text.find("-->", open + 4);
      if (close == std::string_view::npos) in_comment = true;
      // Only the text before the comment survives; an inline comment ends the line's data.
      text = text.substr(0, open);
    }
    const size_t hash = text.find('#');
    if (hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim_view(text);
    if (!text.empty()) lines.push_back({number, text});
    if (end == all.size()) break;
  }
  return lines;
}

}  // namespace

class LinearVerbDictionary::Reader {
 public:
  Reader(LinearVerbDictionary& dictionary, const std::string& file, Diagnostics& diagnostics)
      : dict_(dictionary), file_(file), diagnostics_(diagnostics) {}

  void read(const std::string& contents) {
    for (const Line& line : content_lines(contents)) {
      line_ = line.number;
      const std::string text = upper(line.text);
      if (synset_ != -1 && text[0] == '+') {
        add_synset_member(text.substr(1));
        continue;
      }
      synset_ = -1;
      if (text.rfind("---", 0) == 0) {
        open_block(text);
      } else if (text[0] == '&') {
        open_synset(text);
      } else if (text[0] == '-') {
        add_pattern(text);
      } else {
        add_verb(text);
      }
    }
  }

 private:
  void warn(const std::string& message) { diagnostics_.warning(file_, line_, message); }
  void error(const std::string& message) { diagnostics_.error(file_, line_, message); }

  void open_block(const std::string& text) {
    block_code_ = bracket_code(text).value_or("---");
    block_open_ = true;
    block_ = -1;
  }

  void open_synset(const std::string& text) {
    std::string name = split_blanks(text).front();
    synset_plurals_ = name.back() != '_';
    while (!name.empty() && name.back() == '_') name.pop_back();
    if (name.size() < 2) {
      error("synset without a name; its members are skipped");
      synset_ = -2;  // swallow the member lines
      return;
    }
    const auto [it, added] =
        dict_.synset_index_.try_emplace(name, static_cast<int>(dict_.synsets_.size()));
    if (added) {
      dict_.synsets_.emplace_back();
    } else {
      warn("synset " + name + " is defined again; the new members replace the old ones");
      dict_.synsets_[it->second].clear();
    }
    synset_ = it->second;
  }

  void add_synset_member(const std::string& text) {
    if (synset_ < 0) return;
    std::string member(trim_view(text));
    if (member.empty()) {
      warn("empty synset member");
      return;
    }
    bool plural = synset_plurals_;
    if (member.back() == '_') {
      plural = false;
      while (!member.empty() && member.back() == '_') member.pop_back();
    }
    auto& members = dict_.synsets_[synset_];
    const auto add = [&](std::string spelling) {
      std::replace(spelling.begin(), spelling.end(), '_', ' ');
      LinearSynsetMember words = split_blanks(spelling);
      if (!words.empty()) members.push_back(std::move(words));
    };
    add(member);
    if (plural) add(synset_plural(member));
  }

  // A verb line: "VERB [CODE] {FORM FORM}", or a multi-word verb "+BREAK_DOWN {...}".
  void add_verb(const std::string& text) {
    if (!block_open_) {
      error("verb line \"" + text + "\" outside a \"--- NAME [CODE] ---\" block; line skipped");
      return;
    }
    std::string_view body(text);
    const size_t bracket = body.find('[');
    const std::optional<std::string> own_code = bracket_code(body);
    std::string_view head = body.substr(0, bracket);
    std::vector<std::string> listed;
    bool has_list = false;
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      const size_t close = body.find('}', brace);
      if (close == std::string_view::npos) {
        error("unclosed \"{\" in verb line; line skipped");
        return;
      }
      has_list = true;
      listed = split_blanks(body.substr(brace + 1, close - brace - 1));
      head = head.substr(0, brace);
    }
    const std::string verb(trim_view(head));
    if (verb.empty()) {
      error("verb line without a verb; line skipped");
      return;
    }
    if (block_ < 0) {  // the first verb of a block is its primary form
      const auto [it, added] =
          dict_.block_of_primary_.try_emplace(verb, static_cast<int>(dict_.blocks_.size()));
      if (added) dict_.blocks_.emplace_back();
      block_ = it->second;
    }
    const std::string code = own_code ? *own_code : block_code_;
    const bool multiword = verb.find_first_of("_ ") != std::string::npos || verb[0] == '+';
    if (!multiword) {
      const std::vector<std::string> forms =
          has_list ? with_base(verb, listed) : regular_forms(verb);
      for (const std::string& form : forms) set_simple(form, code);
      return;
    }
    std::vector<std::string> spellings{verb};
    if (has_list) spellings.insert(spellings.end(), listed.begin(), listed.end());
    for (const std::string& spelling : spellings) add_multiword(spelling, code, !has_list);
  }

  static std::vector<std::string> with_base(const std::string& base,
                                            const std::vector<std::string>& listed) {
    std::vector<std::string> forms{base};
    for (const std::string& form : listed)
      if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
    return forms;
  }

  void set_simple(const std::string& form, const std::string& code) {
    auto& entries = dict_.forms_[form];
    LinearVerbForm entry{block_, code, {}, {}};
    if (!entries.empty() && !entries.back().multiword())
      entries.back() = std::move(entry);  // a later definition of the same word wins
    else
      entries.push_back(std::move(entry));
  }

  // "WIRE_+TAP": the '+' word is the verb the parser finds, the others must stand next to
  // it. Without '+' the first word is the verb.
  void add_multiword(const std::string& spelling, const std::string& code, bool regular) {
    std::string normalized = spelling;
    std::replace(normalized.begin(), normalized.end(), '_', ' ');
    std::vector<std::string> words = split_blanks(normalized);
    size_t verb_at = 0;
    int marks = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i][0] == '+') {
        words[i].erase(0, 1);
        verb_at = i;
        ++marks;
      }
    }
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    if (marks > 1 || words.empty() || verb_at >= words.size()) {
      error("multi-word verb \"" + spelling + "\" needs exactly one '+' word; form skipped");
      return;
    }
    if (words.size() == 1) {  // "+VERB": an ordinary verb after all
      for (const std::string& form : regular ? regular_forms(words[0]) : std::vector{words[0]})
        set_simple(form, code);
      return;
    }
    LinearVerbForm entry{block_, code,
                         {words.begin(), words.begin() + static_cast<long>(verb_at)},
                         {words.begin() + static_cast<long>(verb_at) + 1, words.end()}};
    const std::vector<std::string> verb_forms =
        regular ? regular_forms(words[verb_at]) : std::vector{words[verb_at]};
    for (const std::string& form : verb_forms) {
      auto& entries = dict_.forms_[form];
      // Multi-word forms go before the simple form, in file order.
      auto simple = std::find_if(entries.begin(), entries.end(),
                                 [](const LinearVerbForm& f) { return !f.multiword(); });
      entries.insert(simple, entry);
    }
  }

  // "- UPPER * LOWER [CODE]".
  void add_pattern(const std::string& text) {
    if (block_ < 0) {
      error("pattern outside a verb block; line skipped");
      return;
    }
    std::string_view body = std::string_view(text).substr(1);
    const size_t bracket = body.find('[');
    const std::optional<std::string> code = bracket_code(body);
    if (!code || code->empty()) {
      // Often a '#' inside the brackets ("[###]"), which starts a comment.
      warn("pattern without a [code]; line skipped");
      return;
    }
    std::string pattern(body.substr(0, bracket));
    if (pattern.find('{') != std::string::npos) {
      warn("TABARI disjunction \"{...}\" in a pattern is not supported; pattern skipped");
      return;
    }
    // "X_ " is an open connector, the same as "X ".
    for (size_t at = pattern.find("_ "); at != std::string::npos; at = pattern.find("_ ", at))
      pattern.replace(at, 2, " ");
    const size_t star = pattern.find('*');
    if (star == std::string::npos || pattern.find('*', star + 1) != std::string::npos) {
      error("pattern needs exactly one '*' for the verb; pattern skipped");
      return;
    }
    LinearPattern result;
    result.code = *code;
    result.line = line_;
    if (!side(std::string_view(pattern).substr(0, star), true, result.upper) ||
        !side(std::string_view(pattern).substr(star + 1), false, result.lower))
      return;
    dict_.blocks_[block_].push_back(std::move(result));
    ++dict_.pattern_count_;
  }

  // Splits one side into items nearest-first; each item notes whether the separator on
  // its verb side contains '_'.
  bool side(std::string_view text, bool upper_side, std::vector<LinearPatternItem>& items) {
    struct Piece {
      std::string word;
      bool tight_before = false, tight_after = false;
    };
    std::vector<Piece> pieces;
    bool separator_tight = false;  // the separator run seen since the last word
    size_t pos = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == ' ' || c == '\t' || c == '_') {
        separator_tight = separator_tight || c == '_';
        ++pos;
        continue;
      }
      size_t end = text.find_first_of(" \t_", pos);
      if (end == std::string_view::npos) end = text.size();
      if (!pieces.empty()) pieces.back().tight_after = separator_tight;
      Piece piece{std::string(text.substr(pos, end - pos)), separator_tight, false};
      // Only the separator right next to '*' counts for the word nearest the verb.
      if (pieces.empty() && !upper_side) piece.tight_before = pos > 0 && text[0] == '_';
      pieces.push_back(std::move(piece));
      separator_tight = false;
      pos = end;
    }
    if (!pieces.empty()) pieces.back().tight_after = !text.empty() && text.back() == '_';
    if (upper_side) std::reverse(pieces.begin(), pieces.end());
    for (const Piece& piece : pieces) {
      LinearPatternItem item;
      item.tight = upper_side ? piece.tight_after : piece.tight_before;
      const std::string& w = piece.word;
      if (w == "$") item.kind = LinearPatternItem::Kind::source;
      else if (w == "+") item.kind = LinearPatternItem::Kind::target;
      else if (w == "%") item.kind = LinearPatternItem::Kind::compound;
      else if (w == "^") item.kind = LinearPatternItem::Kind::skip;
      else if (w[0] == '&') {
        const auto it = dict_.synset_index_.find(w);
        if (it == dict_.synset_index_.end()) {
          error("pattern names the undefined synset " + w + "; pattern skipped");
          return false;
        }
        item.kind = LinearPatternItem::Kind::synset;
        item.synset = it->second;
      } else {
        item.word = w;
      }
      items.push_back(std::move(item));
    }
    return true;
  }

  LinearVerbDictionary& dict_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  int line_ = 0;
  bool block_open_ = false;
  std::string block_code_ = "---";
  int block_ = -1;
  int synset_ = -1;  // the synset taking '+' members; -2 swallows a broken one's lines
  bool synset_plurals_ = true;
};

const std::vector<LinearVerbForm>* LinearVerbDictionary::forms(std::string_view word) const {
  const auto it = forms_.find(word);
  return it == forms_.end() ? nullptr : &it->second;
}

void LinearVerbDictionary::load(const std::string& file, const std::string& contents,
                                Diagnostics& diagnostics) {
  Reader(*this, file, diagnostics).read(contents);
}

std::unique_ptr<VerbDictionary> load_linear_verbs(const std::string& file,
                                                  const std::string& contents,
                                                  Diagnostics& diagnostics) {
  auto dictionary = std::make_unique<LinearVerbDictionary>();
  dictionary->load(file, contents, diagnostics);
  return dictionary;
}

}  // namespace annals
