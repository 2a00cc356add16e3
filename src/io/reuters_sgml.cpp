// Reuters-21578 SGML (see the collection's README.txt and lewis.dtd). The files are not
// XML: <REUTERS> and </REUTERS> stand alone on their lines, so articles are cut out line by
// line and their elements found by plain search; text is Latin-1 or ASCII with control
// characters written as numeric entities (&#2; starts a story, &#3; ends it).
#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "annals/readers.h"
#include "text/utf8.h"

namespace annals {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

void trim_end(std::string& s) {
  while (!s.empty() && is_blank(s.back())) s.pop_back();
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != lower(prefix[i])) return false;
  return true;
}

// Control characters are transmission codes in this corpus (and DEL marks deleted
// characters), never text; C1 controls likewise.
bool is_text_codepoint(char32_t c) {
  if (c == '\n' || c == '\t') return true;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
  return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

// The code point of an entity starting at sgml[pos] == '&', advancing pos past it;
// nullopt (pos unchanged) when it is not an entity we know.
std::optional<char32_t> decode_entity(std::string_view sgml, size_t& pos) {
  const size_t semicolon = sgml.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > 10) return std::nullopt;
  const std::string_view name = sgml.substr(pos + 1, semicolon - pos - 1);
  std::optional<char32_t> codepoint;
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    char32_t value = 0;
    for (char c : digits) {
      int digit;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && lower(c) >= 'a' && lower(c) <= 'f') digit = lower(c) - 'a' + 10;
      else return std::nullopt;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    codepoint = value;
  } else if (name == "lt") {
    codepoint = '<';
  } else if (name == "gt") {
    codepoint = '>';
  } else if (name == "amp") {
    codepoint = '&';
  } else if (name == "quot") {
    codepoint = '"';
  } else if (name == "apos") {
    codepoint = '\'';
  }
  if (codepoint) pos = semicolon + 1;
  return codepoint;
}

// Appends SGML character data as UTF-8 text: entities decoded, markup and control
// characters dropped, bytes that are not well-formed UTF-8 read as Latin-1.
void append_text(std::string& out, std::string_view sgml) {
  size_t pos = 0;
  while (pos < sgml.size()) {
    const unsigned char c = static_cast<unsigned char>(sgml[pos]);
    if (c == '&') {
      if (const std::optional<char32_t> codepoint = decode_entity(sgml, pos)) {
        if (is_text_codepoint(*codepoint)) append_utf8(out, *codepoint);
        continue;
      }
      out += '&';
      ++pos;
    } else if (c == '<') {
      // Markup inside text (an <AUTHOR> in a story without a body): the tag goes, its
      // content stays. A '<' that opens no tag is kept.
      const size_t close = sgml.find('>', pos);
      const bool is_tag = close != std::string_view::npos && pos + 1 < sgml.size() &&
                          (sgml[pos + 1] == '/' || (lower(sgml[pos + 1]) >= 'a' && lower(sgml[pos + 1]) <= 'z'));
      if (is_tag) {
        pos = close + 1;
      } else {
        out += '<';
        ++pos;
      }
    } else if (c < 0x80) {
      if (is_text_codepoint(c)) out += static_cast<char>(c);
      ++pos;
    } else {
      const size_t start = pos;
      const char32_t codepoint = decode_utf8(sgml, pos);
      const bool well_formed = codepoint != kReplacementCharacter || pos - start == 3;
      if (well_formed) {
        if (is_text_codepoint(codepoint)) out.append(sgml.substr(start, pos - start));
      } else if (is_text_codepoint(c)) {
        append_utf8(out, c);  // Latin-1: the byte is the code point
      }
    }
  }
}

// "26-FEB-1987 15:01:01.79", possibly with leading blanks and trailing noise.
std::optional<Date> reuters_date(std::string_view text) {
  text = trim_view(text);
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const size_t first_dash = text.find('-');
  if (first_dash == std::string_view::npos || first_dash == 0 || first_dash > 2) return std::nullopt;
  const std::string_view day = text.substr(0, first_dash);
  const std::string_view month_name = text.substr(first_dash + 1, 3);
  if (text.size() < first_dash + 9 || text[first_dash + 4] != '-') return std::nullopt;
  const std::string_view year = text.substr(first_dash + 5, 4);
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (starts_with_ignoring_case(month_name, kMonths[i])) month = i + 1;
  if (month == 0) return std::nullopt;
  return parse_date(fmt::format("{}-{:02}-{:0>2}", year, month, day));
}

// An element's content as offsets into the article.
struct Content {
  size_t begin = 0;
  size_t end = 0;
};

// One article, from its <REUTERS ...> line to its </REUTERS> line.
class Article {
 public:
  Article(std::string sgml, int line) : sgml_(std::move(sgml)), line_(line) {}

  // The story, or nullopt after reporting why the article is unusable.
  std::optional<Story> to_story(const std::string& name, Diagnostics& diagnostics) {
    const size_t open_end = sgml_.find('>');
    const std::optional<std::string_view> newid = attribute(std::string_view(sgml_).substr(0, open_end), "NEWID");
    if (!newid || newid->empty() || newid->find_first_not_of("0123456789") != std::string_view::npos) {
      diagnostics.error(name, line_, "<REUTERS> without a numeric NEWID; article skipped");
      return std::nullopt;
    }
    Story story;
    story.id = fmt::format("reuters-{}", *newid);
    story.source = "Reuters";
    story.file = name;
    story.line = line_;

    const size_t end = sgml_.size();
    const std::optional<Content> date = element("DATE", open_end, end);
    const std::optional<Content> text = element("TEXT", open_end, end);
    if (failed_) return report_failure(story.id, name, diagnostics);
    if (!text) {
      diagnostics.error(name, line_, fmt::format("article '{}' has no <TEXT>; skipped", story.id));
      return std::nullopt;
    }
    const std::optional<Content> title = element("TITLE", text->begin, text->end);
    const std::optional<Content> dateline = element("DATELINE", text->begin, text->end);
    const std::optional<Content> body = element("BODY", text->begin, text->end);
    if (failed_) return report_failure(story.id, name, diagnostics);

    if (const std::optional<Date> day = date ? reuters_date(view(*date)) : std::nullopt) {
      story.date = *day;
    } else {
      // The story is still handed on: the caller decides, and `annals code` and `annals
      // ingest` code an undated story only when given a date for such stories.
      diagnostics.warning(name, date ? line_at(date->begin) : line_,
                          fmt::format("article '{}' has no valid <DATE> (expected DD-MON-YYYY); read without "
                                      "a date, so it is skipped unless a date is given with --date",
                                      story.id));
    }

    std::string decoded;
    if (title || body) {
      if (title) append_text(story.text, trim_view(view(*title)));
      if (dateline) append_text(decoded, view(*dateline));
      if (body) append_text(decoded, view(*body));
      // A blank line, because the segmenter ends a sentence at one and not at a single
      // newline: titles have no final period, and would run into the dateline and lead.
      if (!story.text.empty() && !trim_view(decoded).empty()) story.text += "\n\n";
    } else {
      append_text(decoded, view(*text));
    }
    story.text += trim_view(decoded);
    remove_sign_off(story.text);
    return story;
  }

 private:
  std::string_view view(Content content) const {
    return std::string_view(sgml_).substr(content.begin, content.end - content.begin);
  }

  int line_at(size_t offset) const {
    return line_ + static_cast<int>(std::count(sgml_.begin(), sgml_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  }

  static std::optional<std::string_view> attribute(std::string_view tag, std::string_view key) {
    for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
      if (at == 0 || !is_blank(tag[at - 1])) continue;  // NEWID inside OLDID's value, say
      size_t pos = at + key.size();
      if (pos >= tag.size() || tag[pos] != '=') continue;
      ++pos;
      if (pos < tag.size() && tag[pos] == '"') {
        const size_t close = tag.find('"', pos + 1);
        if (close == std::string_view::npos) return std::nullopt;
        return tag.substr(pos + 1, close - pos - 1);
      }
      const size_t stop = std::min(tag.size(), tag.find_first_of(" \t\r\n>", pos));
      return tag.substr(pos, stop - pos);
    }
    return std::nullopt;
  }

  // The content of the first <tag> (attributes allowed) opened in [from, limit); nullopt
  // when there is none. An element opened but not closed before limit is a failure.
  std::optional<Content> element(std::string_view tag, size_t from, size_t limit) {
    if (failed_) return std::nullopt;
    const std::string open = fmt::format("<{}", tag);
    const std::string close = fmt::format("</{}>", tag);
    for (size_t at = sgml_.find(open, from); at != std::string::npos && at < limit;
         at = sgml_.find(open, at + 1)) {
      const size_t after_name = at + open.size();
      if (after_name >= limit || (sgml_[after_name] != '>' && !is_blank(sgml_[after_name]))) continue;
      const size_t open_end = sgml_.find('>', after_name);
      const size_t close_at = open_end == std::string::npos ? std::string::npos : sgml_.find(close, open_end);
      if (close_at == std::string::npos || close_at + close.size() > limit) {
        failed_ = true;
        failure_offset_ = at;
        failure_ = fmt::format("<{}> is not closed", tag);
        return std::nullopt;
      }
      return Content{open_end + 1, close_at};
    }
    return std::nullopt;
  }

  std::optional<Story> report_failure(const std::string& id, const std::string& name, Diagnostics& diagnostics) {
    diagnostics.error(name, line_at(failure_offset_), fmt::format("article '{}': {}; skipped", id, failure_));
    return std::nullopt;
  }

  // Stories end with a "Reuter" (or "REUTER") word, some with two of them.
  static void remove_sign_off(std::string& text) {
    constexpr std::string_view kSignOff = "reuter";
    for (trim_end(text); text.size() >= kSignOff.size(); trim_end(text)) {
      const size_t start = text.size() - kSignOff.size();
      if (!starts_with_ignoring_case(std::string_view(text).substr(start), kSignOff)) return;
      if (start > 0 && !is_blank(text[start - 1])) return;
      text.resize(start);
    }
  }

  std::string sgml_;
  int line_;
  bool failed_ = false;
  size_t failure_offset_ = 0;
  std::string failure_;
};

bool opens_article(std::string_view line) {
  return line.starts_with("<REUTERS") && line.size() > 8 && (line[8] == '>' || is_blank(line[8]));
}

}  // namespace

void read_reuters_sgml(std::istream& in, const std::string& name, const StorySink& sink, Diagnostics& diagnostics) {
  std::string sgml;
  int article_line = 0;
  int number = 0;
  bool in_stray_text = false;  // reports each run of text outside articles once
  std::string line;
  auto abandon_open_article = [&](std::string_view why) {
    diagnostics.error(name, article_line, fmt::format("<REUTERS> article has no </REUTERS> ({}); skipped", why));
    sgml.clear();
    article_line = 0;
  };
  while (std::getline(in, line)) {
    ++number;
    const std::string_view content = trim_view(line);
    if (opens_article(content)) {
      if (article_line > 0) abandon_open_article(fmt::format("another starts at line {}", number));
      article_line = number;
      in_stray_text = false;
    } else if (article_line == 0) {
      const bool expected = content.empty() || content.starts_with("<!DOCTYPE");
      if (!expected && !in_stray_text)
        diagnostics.warning(name, number, "text outside any <REUTERS> article; ignored");
      in_stray_text = !expected;
      continue;
    }
    sgml += line;
    sgml += '\n';
    if (content.find("</REUTERS>") != std::string_view::npos) {
      Article article(std::move(sgml), article_line);
      sgml = std::string();
      article_line = 0;
      if (std::optional<Story> story = article.to_story(name, diagnostics)) sink(std::move(*story));
    }
  }
  if (article_line > 0) abandon_open_article("the file ends inside it");
}

}  // namespace annals
