#include "io/petrarch_xml.h"

#include <fmt/core.h>

#include <algorithm>
#include <pugixml.hpp>

#include "annals/parse.h"

namespace annals::io {

namespace {

constexpr auto npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int count_newlines(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// Collapses every whitespace run (newlines of the wrapped <Text> included) to one space.
std::string normalize_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : trim(text)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

bool is_true(std::string_view value) { return iequals(trim(value), "true") || trim(value) == "1"; }

// The name of the tag starting at xml[pos] == '<' ("Sentence", "/Sentence", "Config", ...).
std::string_view tag_name(std::string_view xml, size_t pos) {
  size_t end = pos + 1;
  while (end < xml.size() && !is_space(xml[end]) && xml[end] != '>' && xml[end] != '/') ++end;
  if (end < xml.size() && xml[end] == '/' && end == pos + 1) {  // a closing tag
    ++end;
    while (end < xml.size() && !is_space(xml[end]) && xml[end] != '>') ++end;
  }
  return xml.substr(pos + 1, end - pos - 1);
}

// The '>' that ends the tag starting at pos, skipping quoted attribute values.
size_t tag_end(std::string_view xml, size_t pos) {
  char quote = 0;
  for (size_t i = pos + 1; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return npos;
}

// The start of the next tag named `name` at or after pos.
size_t find_tag(std::string_view xml, std::string_view name, size_t pos) {
  const std::string open = "<" + std::string(name);
  for (size_t at = xml.find(open, pos); at != npos; at = xml.find(open, at + 1)) {
    if (tag_name(xml, at) == name) return at;
  }
  return npos;
}

// True when the line holding xml[pos] is a '#' comment line (as in PETR2_GSR_validation.xml).
bool in_hash_comment_line(std::string_view xml, size_t pos) {
  const size_t line_start = xml.rfind('\n', pos) == npos ? 0 : xml.rfind('\n', pos) + 1;
  const std::string_view before = trim(xml.substr(line_start, pos - line_start));
  return !before.empty() && before.front() == '#';
}

// Line numbers of positions met in increasing order, counted incrementally.
class LineTracker {
 public:
  explicit LineTracker(std::string_view text) : text_(text) {}
  int line_at(size_t pos) {
    line_ += count_newlines(text_.substr(counted_, pos - counted_));
    counted_ = pos;
    return line_;
  }

 private:
  std::string_view text_;
  size_t counted_ = 0;
  int line_ = 1;
};

class Scanner {
 public:
  Scanner(std::string_view xml, const std::string& file, ValidationEnvironment& environment,
          const PetrarchRecordSink& sink, Diagnostics& diagnostics)
      : xml_(xml), file_(file), environment_(environment), sink_(sink), diagnostics_(diagnostics),
        lines_(xml) {}

  void run() {
    size_t pos = 0;
    while ((pos = xml_.find('<', pos)) != npos) {
      if (in_hash_comment_line(xml_, pos)) {
        pos = xml_.find('\n', pos);
        continue;
      }
      if (xml_.compare(pos, 4, "<!--") == 0) {
        pos = skip_past(pos, "-->");
        continue;
      }
      if (xml_.compare(pos, 2, "<?") == 0) {
        pos = skip_past(pos, "?>");
        continue;
      }
      const std::string_view name = tag_name(xml_, pos);
      if (name == "Sentence") {
        pos = read_record(pos);
      } else if (name == "Environment") {
        pos = read_element(pos, name, [this](pugi::xml_node node, int line) { read_environment(node, line); });
      } else if (name == "Config") {
        pos = read_element(pos, name, [this](pugi::xml_node node, int line) {
          apply_config(node, line, options_);
        });
      } else {
        const size_t end = tag_end(xml_, pos);
        pos = end == npos ? npos : end + 1;
      }
    }
  }

 private:
  size_t skip_past(size_t pos, std::string_view terminator) const {
    const size_t end = xml_.find(terminator, pos);
    return end == npos ? npos : end + terminator.size();
  }

  int line_at(size_t pos) { return lines_.line_at(pos); }

  // Parses xml[begin, end) on its own. On failure reports the line of the error and
  // returns false; `what` names the element in the message.
  bool load(std::string& buffer, size_t begin, std::string_view what) {
    // No end-of-line conversion: offsets must stay those of the file for line numbers.
    constexpr unsigned kFlags = pugi::parse_default & ~pugi::parse_eol;
    const pugi::xml_parse_result result =
        document_.load_buffer(buffer.data(), buffer.size(), kFlags, pugi::encoding_utf8);
    if (result) return true;
    const int line = line_at(begin) + count_newlines(std::string_view(buffer).substr(0, result.offset));
    diagnostics_.error(file_, line, fmt::format("malformed {}: {}; skipped", what, result.description()));
    return false;
  }

  // Reads one element (self-closed or up to its closing tag) and hands it to `use`.
  template <typename Use>
  size_t read_element(size_t pos, std::string_view name, Use use) {
    const int line = line_at(pos);
    const size_t open_end = tag_end(xml_, pos);
    if (open_end == npos) {
      diagnostics_.error(file_, line, fmt::format("unterminated <{}> tag", name));
      return npos;
    }
    size_t end = open_end + 1;
    if (xml_[open_end - 1] != '/') {
      const std::string closing = "</" + std::string(name) + ">";
      const size_t close = xml_.find(closing, open_end);
      if (close == npos) {
        diagnostics_.error(file_, line, fmt::format("<{}> without {}; skipped", name, closing));
        return end;
      }
      end = close + closing.size();
    }
    std::string buffer(xml_.substr(pos, end - pos));
    if (load(buffer, pos, "<" + std::string(name) + ">")) use(document_.first_child(), line);
    return end;
  }

  void apply_config(pugi::xml_node node, int line, std::map<std::string, std::string>& options) {
    const pugi::xml_attribute option = node.attribute("option");
    if (!option) {
      diagnostics_.warning(file_, line, "<Config> without an option attribute; ignored");
      return;
    }
    options[option.value()] = node.attribute("value").value();
  }

  void read_environment(pugi::xml_node node, int line) {
    ValidationEnvironment& env = environment_;
    env.verbfile = trim(node.child_value("Verbfile"));
    env.agentfile = trim(node.child_value("Agentfile"));
    env.discardfile = trim(node.child_value("Discardfile"));
    env.issuefile = trim(node.child_value("Issuefile"));
    env.picofile = trim(node.child_value("PICOfile"));
    std::string_view actors = node.child_value("Actorfile");
    while (!actors.empty()) {
      const size_t comma = actors.find(',');
      if (const std::string_view name = trim(actors.substr(0, comma)); !name.empty())
        env.actorfiles.emplace_back(name);
      actors = comma == npos ? std::string_view{} : actors.substr(comma + 1);
    }
    const std::string include = normalize_whitespace(node.child_value("Include"));
    for (size_t start = 0; start < include.size();) {
      const size_t space = std::min(include.find(' ', start), include.size());
      env.include.push_back(include.substr(start, space - start));
      start = space + 1;
    }
    for (pugi::xml_node config : node.children("Config")) apply_config(config, line, env.options);
    for (const auto& [option, value] : env.options) options_[option] = value;
  }

  // Cuts out one <Sentence> record, parses it and delivers it; returns where to go on.
  size_t read_record(size_t pos) {
    const int line = line_at(pos);
    const size_t open_end = tag_end(xml_, pos);
    if (open_end == npos) {
      diagnostics_.error(file_, line, "unterminated <Sentence> tag");
      return npos;
    }
    const size_t close = xml_.find("</Sentence>", open_end);
    const size_t next = find_tag(xml_, "Sentence", open_end);
    if (close == npos || (next != npos && next < close)) {
      diagnostics_.error(file_, line, "<Sentence> without </Sentence>; record skipped");
      return next;
    }
    const size_t end = close + std::string_view("</Sentence>").size();
    std::string buffer(xml_.substr(pos, end - pos));
    // A self-closed <Sentence .../> whose content follows it (the GSR file's layout):
    // blanking the '/' keeps every offset, so line numbers stay exact.
    if (xml_[open_end - 1] == '/') buffer[open_end - 1 - pos] = ' ';
    if (!load(buffer, pos, "<Sentence> record")) return end;

    const pugi::xml_node sentence = document_.child("Sentence");
    PetrarchRecord record;
    record.line = line;
    record.id = sentence.attribute("id").value();
    record.date = sentence.attribute("date").value();
    record.category = sentence.attribute("category").value();
    record.source = sentence.attribute("source").value();
    // The "valid" flag is spelled evaluate= (UniversalPetrarch), valid=, or sentence=
    // (PETRARCH-1's unit-test file).
    for (const char* name : {"evaluate", "valid", "sentence"}) {
      if (pugi::xml_attribute flag = sentence.attribute(name); flag) {
        record.evaluate = is_true(flag.value());
        break;
      }
    }

    for (pugi::xml_node coding : sentence.children("EventCoding")) {
      if (is_true(coding.attribute("noevents").value())) {
        record.expect_no_event = true;
      } else if (pugi::xml_attribute error = coding.attribute("error"); error) {
        record.expected_error = error.value();
      } else if (pugi::xml_attribute code = coding.attribute("eventcode"); code) {
        record.expected.push_back(
            {coding.attribute("sourcecode").value(), coding.attribute("targetcode").value(), code.value()});
      } else {
        const size_t at = static_cast<size_t>(coding.offset_debug());
        diagnostics_.warning(file_, line + count_newlines(std::string_view(buffer).substr(0, at)),
                             "<EventCoding> without eventcode, noevents or error; ignored");
      }
    }
    record.text = normalize_whitespace(sentence.child_value("Text"));
    if (const pugi::xml_node parse = sentence.child("Parse").first_child(); parse) {
      const std::string_view raw = parse.value();
      const std::string_view trimmed = trim(raw);
      // The parse text sits at its node's offset in the buffer, which is the record's text.
      const size_t start = static_cast<size_t>(parse.offset_debug()) + (trimmed.data() - raw.data());
      record.parse = trimmed;
      record.parse_line = line + count_newlines(std::string_view(buffer).substr(0, start));
    }
    sink_(std::move(record), options_);
    return end;
  }

  std::string_view xml_;
  const std::string& file_;
  ValidationEnvironment& environment_;
  const PetrarchRecordSink& sink_;
  Diagnostics& diagnostics_;
  LineTracker lines_;
  pugi::xml_document document_;
  std::map<std::string, std::string> options_;  // in effect for the next record
};

}  // namespace

void scan_petrarch_xml(std::string_view xml, const std::string& file, ValidationEnvironment& environment,
                       const PetrarchRecordSink& sink, Diagnostics& diagnostics) {
  Scanner(xml, file, environment, sink, diagnostics).run();
}

std::vector<Sentence> parse_record(const PetrarchRecord& record) {
  std::vector<Sentence> sentences;
  if (looks_like_conllu(record.parse)) {
    sentences = from_conllu(record.parse, record.text);
  } else {
    sentences.push_back(from_treebank(record.parse, record.text));
  }
  for (Sentence& sentence : sentences) sentence.id = record.id;
  return sentences;
}

}  // namespace annals::io
