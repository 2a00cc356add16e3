#include "annals/readers.h"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <sstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "annals/parse.h"
#include "io/petrarch_xml.h"
#include "text/utf8.h"

namespace annals {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Lines of a stream with their 1-based numbers; lines read ahead for format detection
// are handed out again first.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  bool next(std::string& line) {
    if (!replay_.empty()) {
      line = std::move(replay_.front());
      replay_.pop_front();
    } else if (!std::getline(in_, line)) {
      return false;
    } else if (number_ == 0 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);  // a UTF-8 byte order mark is not content
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++number_;
    return true;
  }

  // Gives back lines already read (in their order) so next() returns them again.
  void replay(std::deque<std::string> lines) {
    number_ -= static_cast<int>(lines.size());
    replay_ = std::move(lines);
  }

  int number() const { return number_; }

  // Everything not yet handed out, as one text (line numbers stay those of the input).
  std::string rest() {
    std::string text;
    for (const std::string& line : replay_) (text += line) += '\n';
    replay_.clear();
    text.append(std::istreambuf_iterator<char>(in_), {});
    return text;
  }

 private:
  std::istream& in_;
  std::deque<std::string> replay_;
  int number_ = 0;
};

enum class InputFormat { petrarch_xml, reuters_sgml, conllu, jsonl, plain_text };

bool has_ten_columns(std::string_view line) { return std::count(line.begin(), line.end(), '\t') == 9; }

// Looks at the first non-blank line: XML starts with '<' (Reuters-21578 SGML with its
// doctype or <REUTERS>), JSONL with '{'. Otherwise CoNLL-U when the first line after its
// '#' comments has ten tab-separated columns; anything else is plain text, a file of
// '#' lines alone included. An input with no content at all yields no story either way.
InputFormat detect_format(LineReader& lines, const std::string& name) {
  const std::string extension = std::filesystem::path(name).extension().string();
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") return InputFormat::jsonl;
  std::deque<std::string> seen;
  std::string line;
  InputFormat format = InputFormat::jsonl;
  bool first_content = true;
  while (lines.next(line)) {
    seen.push_back(line);
    const std::string_view content = trim(line);
    if (content.empty()) continue;
    if (first_content && content.front() == '<') {
      const bool reuters = content.starts_with("<!DOCTYPE lewis") || content.starts_with("<REUTERS");
      format = reuters ? InputFormat::reuters_sgml : InputFormat::petrarch_xml;
      break;
    }
    if (first_content && content.front() == '{') break;  // JSONL
    first_content = false;
    format = InputFormat::plain_text;  // unless a CoNLL-U word line follows the comments
    if (content.front() == '#' && !has_ten_columns(line)) continue;
    if (has_ten_columns(line)) format = InputFormat::conllu;
    break;
  }
  lines.replay(std::move(seen));
  return format;
}

// PETRARCH record ids are STORYID-NN or STORYID_NN; anything else is its own story.
std::string_view story_id_of(std::string_view record_id) {
  size_t digits = record_id.size();
  while (digits > 0 && record_id[digits - 1] >= '0' && record_id[digits - 1] <= '9') --digits;
  if (digits < 2 || digits == record_id.size()) return record_id;
  const char separator = record_id[digits - 1];
  return separator == '-' || separator == '_' ? record_id.substr(0, digits - 1) : record_id;
}

// Checks id and date of a PETRARCH record, reporting what is wrong.
std::optional<Date> checked_record_date(const io::PetrarchRecord& record, const std::string& file,
                                        Diagnostics& diagnostics) {
  if (record.id.empty()) {
    diagnostics.error(file, record.line, "<Sentence> without an id; record skipped");
    return std::nullopt;
  }
  std::optional<Date> date = parse_date(record.date);
  if (!date)
    diagnostics.error(file, record.line,
                      fmt::format("record '{}' has no valid date (got '{}', expected YYYYMMDD); skipped",
                                  record.id, record.date));
  return date;
}

// The file line of a parse error: ParseError lines count within the parse text.
int parse_error_line(const io::PetrarchRecord& record, const ParseError& error) {
  return error.line > 0 ? record.parse_line + error.line - 1 : record.line;
}

void read_petrarch_stories(std::string_view xml, const std::string& name, const StorySink& sink,
                           Diagnostics& diagnostics) {
  Story story;
  bool have_story = false;
  auto deliver = [&] {
    if (!have_story) return;
    if (!story.sentences.empty() && !story.text.empty())
      diagnostics.warning(name, story.line,
                          fmt::format("story '{}' mixes records with and without <Parse>; the "
                                      "unparsed ones are not coded",
                                      story.id));
    sink(std::move(story));
    story = Story{};
    have_story = false;
  };

  ValidationEnvironment unused_when_coding;
  auto on_record = [&](io::PetrarchRecord&& record, const std::map<std::string, std::string>&) {
    const std::optional<Date> date = checked_record_date(record, name, diagnostics);
    if (!date) return;
    std::vector<Sentence> sentences;
    if (!record.parse.empty()) {
      try {
        sentences = io::parse_record(record);
      } catch (const ParseError& error) {
        diagnostics.error(name, parse_error_line(record, error),
                          fmt::format("record '{}': unreadable <Parse>: {}; skipped", record.id, error.what()));
        return;
      }
    }
    const std::string_view story_id = story_id_of(record.id);
    if (!have_story || story.id != story_id) {
      deliver();
      story.id = story_id;
      story.date = *date;
      story.source = std::move(record.source);
      story.file = name;
      story.line = record.line;
      have_story = true;
    }
    if (record.parse.empty()) {
      // Left for a parser: the story keeps the raw text of such records.
      if (!story.text.empty()) story.text += ' ';
      story.text += record.text;
    }
    for (Sentence& sentence : sentences) story.sentences.push_back(std::move(sentence));
  };
  io::scan_petrarch_xml(xml, name, unused_when_coding, on_record, diagnostics);
  deliver();
}

// The value of a "# key = value" comment line; nullopt when the line is another comment.
std::optional<std::string_view> comment_value(std::string_view line, std::string_view key) {
  line.remove_prefix(1);  // '#'
  line = trim(line);
  if (line.substr(0, key.size()) != key) return std::nullopt;
  line.remove_prefix(key.size());
  line = trim(line);
  if (line.empty()) return line;
  if (line.front() != '=') return std::nullopt;
  return trim(line.substr(1));
}

// Warns at the line of the first ill-formed byte when `text`, which starts at line
// `first_line` of the input, is not UTF-8; true then. The text is kept as it is, so that
// offsets still point into the input; its bad bytes read as U+FFFD.
bool warn_if_not_utf8(std::string_view text, int first_line, const std::string& name, Diagnostics& diagnostics) {
  const size_t bad = first_ill_formed(text);
  if (bad == text.size()) return false;
  const auto line = first_line + std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n');
  diagnostics.warning(name, static_cast<int>(line), "invalid UTF-8 (first here); such bytes are read as U+FFFD");
  return true;
}

// CoNLL-U: "# newdoc" starts a story (its id from "# newdoc id = ..."), "# date = ..."
// dates it; without them the file is one story named after it. Each sentence is parsed
// on its own so that a broken one is reported and skipped.
void read_conllu_stories(LineReader& lines, const std::string& name, const StorySink& sink,
                         Diagnostics& diagnostics) {
  const std::string file_stem = std::filesystem::path(name).stem().string();
  int documents = 0;  // "# newdoc" lines seen, to name documents that have no id
  Story story;
  auto start_story = [&](std::string_view id, int line) {
    story = Story{};
    story.id = id;
    story.file = name;
    story.line = line;
  };
  auto deliver = [&] {
    if (!story.sentences.empty()) sink(std::move(story));
  };
  start_story(file_stem, 1);

  std::string block;
  int block_line = 0;
  bool block_has_words = false;
  auto parse_block = [&] {
    if (block_has_words) {
      try {
        for (Sentence& sentence : from_conllu(block)) story.sentences.push_back(std::move(sentence));
      } catch (const ParseError& error) {
        diagnostics.error(name, block_line + std::max(error.line, 1) - 1,
                          fmt::format("unreadable CoNLL-U sentence: {}; skipped", error.what()));
      }
    }
    block.clear();
    block_has_words = false;
  };

  std::string line;
  bool warned = false;
  while (lines.next(line)) {
    if (trim(line).empty()) {
      parse_block();
      continue;
    }
    if (!warned) warned = warn_if_not_utf8(line, lines.number(), name, diagnostics);
    if (block.empty()) block_line = lines.number();
    if (line.front() == '#' && !block_has_words) {
      if (const auto id = comment_value(line, "newdoc id"); id || comment_value(line, "newdoc")) {
        deliver();
        const std::string unnamed = fmt::format("{}-{}", file_stem, ++documents);
        start_story(id && !id->empty() ? *id : std::string_view(unnamed), lines.number());
      } else if (const auto date_text = comment_value(line, "date"); date_text) {
        if (const std::optional<Date> date = parse_date(*date_text)) story.date = *date;
        else diagnostics.error(name, lines.number(), fmt::format("bad date '{}' (expected YYYY-MM-DD)", *date_text));
      }
    } else if (line.front() != '#') {
      block_has_words = true;
    }
    block += line;
    block += '\n';
  }
  parse_block();
  deliver();
}

// A JSON value read as a string field: absent and null give an empty string.
bool read_string_field(const nlohmann::json& json, const char* key, std::string& out, std::string& problem) {
  const auto it = json.find(key);
  if (it == json.end() || it->is_null()) return true;
  if (!it->is_string()) {
    problem = fmt::format("\"{}\" must be a string", key);
    return false;
  }
  out = it->get<std::string>();
  return true;
}

std::optional<Story> story_from_json_line(const std::string& line, const std::string& name, int number,
                                          Diagnostics& diagnostics) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    // Text with stray bytes (Latin-1, cut sequences) is still worth coding.
    std::string sanitized = sanitize_utf8(line);
    if (sanitized == line) {
      diagnostics.error(name, number, fmt::format("malformed JSON ({}); line skipped", error.what()));
      return std::nullopt;
    }
    diagnostics.warning(name, number, "invalid UTF-8 replaced by U+FFFD");
    return story_from_json_line(sanitized, name, number, diagnostics);
  }
  auto skip = [&](const std::string& problem) {
    diagnostics.error(name, number, problem + "; line skipped");
    return std::nullopt;
  };
  if (!json.is_object()) return skip("a story must be a JSON object");

  Story story;
  story.file = name;
  story.line = number;
  std::string problem, date_text, conllu;
  if (const auto id = json.find("id"); id != json.end() && id->is_number_integer()) {
    story.id = std::to_string(id->get<long long>());
  } else if (!read_string_field(json, "id", story.id, problem)) {
    return skip(problem);
  }
  if (story.id.empty()) return skip("story without \"id\"");
  if (!read_string_field(json, "date", date_text, problem) || !read_string_field(json, "source", story.source, problem) ||
      !read_string_field(json, "url", story.url, problem) || !read_string_field(json, "text", story.text, problem) ||
      !read_string_field(json, "conllu", conllu, problem))
    return skip(fmt::format("story '{}': {}", story.id, problem));
  const std::optional<Date> date = parse_date(date_text);
  if (!date) return skip(fmt::format("story '{}' has no valid date (got '{}', expected YYYY-MM-DD)", story.id, date_text));
  story.date = *date;
  if (!conllu.empty()) {
    try {
      story.sentences = from_conllu(conllu);
    } catch (const ParseError& error) {
      return skip(fmt::format("story '{}': unreadable \"conllu\" (its line {}): {}", story.id, error.line, error.what()));
    }
    story.text.clear();  // the parse replaces the raw text
  } else if (story.text.empty()) {
    return skip(fmt::format("story '{}' has neither \"text\" nor \"conllu\"", story.id));
  }
  return story;
}

void read_jsonl_stories(LineReader& lines, const std::string& name, const StorySink& sink, Diagnostics& diagnostics) {
  std::string line;
  while (lines.next(line)) {
    if (trim(line).empty()) continue;
    if (std::optional<Story> story = story_from_json_line(line, name, lines.number(), diagnostics))
      sink(std::move(*story));
  }
}

std::optional<std::string> read_file(const std::filesystem::path& file, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file.string(), 0, "cannot open file");
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

void read_stories(std::istream& in, const std::string& name, const StorySink& sink, Diagnostics& diagnostics) {
  LineReader lines(in);
  // The formats read whole.
  auto whole = [&] {
    const int first_line = lines.number() + 1;
    std::string text = lines.rest();
    warn_if_not_utf8(text, first_line, name, diagnostics);
    return text;
  };
  switch (detect_format(lines, name)) {
    case InputFormat::petrarch_xml: {
      // XML is read whole: records are cut out of the text (see io/petrarch_xml.h).
      read_petrarch_stories(whole(), name, sink, diagnostics);
      break;
    }
    case InputFormat::reuters_sgml: {
      std::istringstream rest(whole());
      read_reuters_sgml(rest, name, sink, diagnostics);
      break;
    }
    case InputFormat::conllu:
      read_conllu_stories(lines, name, sink, diagnostics);
      break;
    case InputFormat::jsonl:
      read_jsonl_stories(lines, name, sink, diagnostics);
      break;
    case InputFormat::plain_text: {
      // One story per input, named after the file, undated: the caller supplies the date.
      Story story;
      story.id = name == "-" ? "stdin" : std::filesystem::path(name).stem().string();
      story.text = whole();
      story.file = name;
      story.line = 1;
      sink(std::move(story));
      break;
    }
  }
}

void read_stories(const std::filesystem::path& file, const StorySink& sink, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file.string(), 0, "cannot open file");
    return;
  }
  read_stories(in, file.string(), sink, diagnostics);
}

ValidationFile read_validation_file(const std::filesystem::path& file, Diagnostics& diagnostics) {
  ValidationFile validation;
  const std::optional<std::string> xml = read_file(file, diagnostics);
  if (!xml) return validation;
  const std::string name = file.string();
  auto on_record = [&](io::PetrarchRecord&& record, const std::map<std::string, std::string>& options) {
    if (record.id.empty()) {
      diagnostics.error(name, record.line, "<Sentence> without an id; record skipped");
      return;
    }
    // A validation record is still worth checking without its date (the GSR file has one
    // such record): only date-restricted actor codes depend on it.
    std::optional<Date> date = parse_date(record.date);
    if (!date) {
      diagnostics.warning(name, record.line,
                          fmt::format("record '{}' has no valid date (got '{}', expected YYYYMMDD); "
                                      "coded as undated",
                                      record.id, record.date));
      date = Date{};
    }
    ValidationRecord& out = validation.records.emplace_back();
    out.id = record.id;
    out.category = std::move(record.category);
    out.evaluate = record.evaluate;
    out.expected = std::move(record.expected);
    out.expect_no_event = record.expect_no_event;
    out.expected_error = std::move(record.expected_error);
    out.options = options;
    out.story.id = record.id;
    out.story.date = *date;
    out.story.source = std::move(record.source);
    out.story.file = name;
    out.story.line = record.line;
    if (record.parse.empty()) {
      out.parse_error = "the record has no <Parse>";
    } else {
      try {
        out.story.sentences = io::parse_record(record);
      } catch (const ParseError& error) {
        out.parse_error = fmt::format("line {}: {}", parse_error_line(record, error), error.what());
      }
    }
    out.story.text = std::move(record.text);
  };
  io::scan_petrarch_xml(*xml, name, validation.environment, on_record, diagnostics);
  return validation;
}

}  // namespace annals
