// Reading Penn Treebank bracketed trees in one pass over the text.
#include <string>

#include "annals/parse.h"
#include "parse/align.h"
#include "parse/ptb_tree.h"

namespace annals {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Words the Treebank spells differently from the text.
std::string unescape_word(std::string_view word) {
  struct Escape {
    std::string_view ptb, text;
  };
  static constexpr Escape kEscapes[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"}, {"-LSB-", "["},
      {"-RSB-", "]"}, {"``", "\""},   {"''", "\""},   {"`", "'"},
  };
  for (const Escape& e : kEscapes)
    if (word == e.ptb) return std::string(e.text);
  std::string form;
  form.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\\' && i + 1 < word.size() && (word[i + 1] == '/' || word[i + 1] == '*')) continue;
    form += word[i];
  }
  return form;
}

// "NP-SBJ-1" -> base "NP", function "SBJ"; labels that begin with '-' (-NONE-) are whole.
void split_label(std::string_view label, std::string_view& base, std::string_view& function) {
  base = label;
  function = {};
  if (label.empty() || label.front() == '-') return;
  const size_t cut = label.find_first_of("-=|");
  if (cut == std::string_view::npos) return;
  base = label.substr(0, cut);
  if (label[cut] == '-') {
    std::string_view rest = label.substr(cut + 1);
    function = rest.substr(0, rest.find_first_of("-="));
  }
}

class TreeReader {
 public:
  TreeReader(std::string_view tree, Sentence& sentence, std::vector<ptb::Node>& nodes)
      : tree_(tree), sentence_(sentence), nodes_(nodes) {}

  void read() {
    open_.clear();
    bool finished = false;
    for (skip_space(); pos_ < tree_.size(); skip_space()) {
      const char c = tree_[pos_];
      if (c == ')' && open_.empty()) throw ParseError(line_, "unbalanced ')': more closed than opened");
      if (finished) throw ParseError(line_, "text after the end of the tree");
      if (c == '(') {
        ++pos_;
        open_node();
      } else if (c == ')') {
        ++pos_;
        close_node();
      } else {
        throw ParseError(line_, "word '" + std::string(read_atom()) + "' outside a (TAG word) pair");
      }
      finished = open_.empty();
    }
    if (!open_.empty())
      throw ParseError(line_, std::to_string(open_.size()) + " unclosed '(' at the end of the tree "
                                  "(the innermost opened on line " +
                                  std::to_string(open_lines_.back()) + ")");
    if (nodes_.empty()) throw ParseError(line_, "empty tree");
  }

 private:
  void skip_space() {
    while (pos_ < tree_.size() && is_space(tree_[pos_])) line_ += tree_[pos_++] == '\n';
  }

  std::string_view read_atom() {
    const size_t start = pos_;
    while (pos_ < tree_.size() && !is_space(tree_[pos_]) && tree_[pos_] != '(' && tree_[pos_] != ')') ++pos_;
    return tree_.substr(start, pos_ - start);
  }

  bool at_atom() const { return pos_ < tree_.size() && tree_[pos_] != '(' && tree_[pos_] != ')'; }

  int add_node(int parent) {
    const int index = static_cast<int>(nodes_.size());
    ptb::Node& node = nodes_.emplace_back();
    node.parent = parent;
    if (parent >= 0) {
      ptb::Node& p = nodes_[parent];
      if (p.last_child >= 0)
        nodes_[p.last_child].next_sibling = index;
      else
        p.first_child = index;
      p.last_child = index;
    }
    return index;
  }

  int add_phrase(int parent, std::string_view base, std::string_view function) {
    const int index = add_node(parent);
    ptb::Node& node = nodes_[index];
    node.tag = parent < 0 && (base.empty() || base == "TOP") ? ptb::Tag::ROOT : ptb::tag_of(base);
    node.function = function;
    node.phrase = static_cast<int>(sentence_.phrases.size());
    Phrase& phrase = sentence_.phrases.emplace_back();
    phrase.label = node.tag == ptb::Tag::ROOT ? std::string_view("ROOT") : base;
    phrase.first = static_cast<int>(sentence_.tokens.size());
    phrase.parent = parent < 0 ? -1 : nodes_[parent].phrase;
    return index;
  }

  void open_node() {
    const int open_line = line_;
    skip_space();
    const std::string_view label = at_atom() ? read_atom() : std::string_view();
    skip_space();
    const int parent = open_.empty() ? -1 : open_.back();
    if (at_atom()) {  // a preterminal: (TAG word)
      const std::string_view word = read_atom();
      skip_space();
      if (pos_ >= tree_.size() || tree_[pos_] != ')')
        throw ParseError(line_, "expected ')' after the word '" + std::string(word) + "'");
      ++pos_;
      if (label.empty()) throw ParseError(open_line, "word '" + std::string(word) + "' without a tag");
      // A tree that is a single (TAG word) still gets a phrase over the sentence.
      const int owner = parent >= 0 ? parent : add_phrase(-1, {}, {});
      const int index = add_node(owner);
      nodes_[index].tag = ptb::tag_of(label);
      nodes_[index].token = nodes_[index].head_token = static_cast<int>(sentence_.tokens.size());
      Token& token = sentence_.tokens.emplace_back();
      token.form = unescape_word(word);
      token.xpos = label;
      if (parent < 0) sentence_.phrases[nodes_[owner].phrase].last = token_count() - 1;
      return;
    }
    std::string_view base, function;
    split_label(label, base, function);
    if (base.empty() && parent >= 0) throw ParseError(open_line, "constituent without a label");
    open_.push_back(add_phrase(parent, base, function));
    open_lines_.push_back(open_line);
  }

  void close_node() {
    const int index = open_.back();
    const ptb::Node& node = nodes_[index];
    Phrase& phrase = sentence_.phrases[node.phrase];
    if (node.first_child < 0) throw ParseError(line_, "empty constituent (" + phrase.label + ")");
    phrase.last = token_count() - 1;
    open_.pop_back();
    open_lines_.pop_back();
  }

  int token_count() const { return static_cast<int>(sentence_.tokens.size()); }

  std::string_view tree_;
  Sentence& sentence_;
  std::vector<ptb::Node>& nodes_;
  size_t pos_ = 0;
  int line_ = 1;
  std::vector<int> open_;        // nodes still open, innermost last
  std::vector<int> open_lines_;  // the line each of them was opened on
};

}  // namespace

Sentence from_treebank(std::string_view tree, std::string_view text) {
  Sentence sentence;
  // Reused across calls: the node array is the one allocation this would make per sentence.
  thread_local std::vector<ptb::Node> nodes;
  nodes.clear();
  TreeReader(tree, sentence, nodes).read();
  ptb::assign_dependencies(nodes, sentence);

  // A blank text (an empty <Text> element) counts as none.
  if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    sentence.text = text;
    size_t cursor = 0;
    for (Token& token : sentence.tokens) {
      const TextSpan span = locate_token(sentence.text, cursor, token.form);
      token.start = static_cast<uint32_t>(span.start);
      token.end = static_cast<uint32_t>(span.end);
      cursor = span.end;
    }
  } else {
    size_t length = 0;
    for (const Token& token : sentence.tokens) length += token.form.size() + 1;
    sentence.text.reserve(length);
    for (Token& token : sentence.tokens) {
      if (!sentence.text.empty()) sentence.text += ' ';
      token.start = static_cast<uint32_t>(sentence.text.size());
      sentence.text += token.form;
      token.end = static_cast<uint32_t>(sentence.text.size());
    }
  }
  return sentence;
}

}  // namespace annals
