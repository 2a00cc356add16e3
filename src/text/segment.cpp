// A hand-written, single-pass scanner: the text is cut into whitespace-separated chunks,
// each chunk into tokens, then a second pass over the tokens decides sentence ends. Every
// lookahead is bounded (or consumes what it scans), so the whole runs in linear time.
#include "annals/segment.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/utf8.h"
#include "text/words.h"

namespace annals {
namespace {

// Sentences are cut after this many tokens: a 40,000-character run-on "sentence" (tables,
// lists, text without punctuation) would otherwise reach the parser as one unit. The cut
// falls at the next token boundary, so no token is ever split.
constexpr size_t kMaxSentenceTokens = 500;

// What a character means to the scanner.
enum class CharClass : uint8_t {
  kSpace,
  kLineBreak,
  kParagraphBreak,  // U+2029: ends a paragraph like a blank line
  kUpper,
  kLower,
  kLetter,  // letters without case (Lm, Lo)
  kMark,
  kDigit,
  kNumber,      // other numerals (Nl, No)
  kApostrophe,  // ' and ’: clitics, O'Brien, or a single quote
  kHyphen,      // - ‐ ‑: joins words, or stands alone as a dash
  kDash,        // – — and other dash punctuation
  kPeriod,
  kBang,  // ! ? and their doubled forms
  kEllipsis,
  kOpen,           // ( [ { ` “ ‘ « „ and other opening punctuation
  kClose,          // ) ] } ” » and other closing punctuation
  kStraightQuote,  // " opens or closes
  kClauseMark,     // , ; :
  kFormat,         // zero-width and soft hyphen: glue inside a word, nothing elsewhere
  kOther,          // other punctuation and symbols; every ill-formed byte
};

bool is_alnum(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower || c == CharClass::kLetter ||
         c == CharClass::kMark || c == CharClass::kDigit || c == CharClass::kNumber;
}
bool is_letter(CharClass c) {
  return c == CharClass::kUpper || c == CharClass::kLower || c == CharClass::kLetter;
}
bool is_space(CharClass c) {
  return c == CharClass::kSpace || c == CharClass::kLineBreak || c == CharClass::kParagraphBreak;
}

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> table{};
  for (auto& c : table) c = CharClass::kOther;
  for (int c = 0; c < 0x20; ++c) table[c] = CharClass::kSpace;  // controls separate like spaces
  table[0x7F] = CharClass::kSpace;
  table[' '] = CharClass::kSpace;
  table['\n'] = table['\r'] = CharClass::kLineBreak;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = CharClass::kUpper;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = CharClass::kLower;
  for (int c = '0'; c <= '9'; ++c) table[c] = CharClass::kDigit;
  table['\''] = CharClass::kApostrophe;
  table['-'] = CharClass::kHyphen;
  table['.'] = CharClass::kPeriod;
  table['!'] = table['?'] = CharClass::kBang;
  table['('] = table['['] = table['{'] = table['`'] = CharClass::kOpen;
  table[')'] = table[']'] = table['}'] = CharClass::kClose;
  table['"'] = CharClass::kStraightQuote;
  table[','] = table[';'] = table[':'] = CharClass::kClauseMark;
  return table;
}
constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

CharClass classify_non_ascii(char32_t cp, bool ill_formed) {
  if (ill_formed) return CharClass::kOther;
  switch (cp) {
    case U'\u2019': return CharClass::kApostrophe;
    case U'\u2010': case U'\u2011': return CharClass::kHyphen;
    case U'\u2026': return CharClass::kEllipsis;
    case U'\u203C': case U'\u2047': case U'\u2048': case U'\u2049': return CharClass::kBang;
    case U'\u0085': return CharClass::kLineBreak;
    case U'\u201A': case U'\u201E': return CharClass::kOpen;  // low quotes open („Ja“)
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS: return CharClass::kSpace;
    case UTF8PROC_CATEGORY_ZL: return CharClass::kLineBreak;
    case UTF8PROC_CATEGORY_ZP: return CharClass::kParagraphBreak;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL: return CharClass::kLower;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND: return CharClass::kDigit;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return CharClass::kNumber;
    case UTF8PROC_CATEGORY_PD: return CharClass::kDash;
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PI: return CharClass::kOpen;
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PF: return CharClass::kClose;
    case UTF8PROC_CATEGORY_CF: return CharClass::kFormat;
    case UTF8PROC_CATEGORY_CC: return CharClass::kSpace;
    default: return CharClass::kOther;
  }
}

struct Char {
  char32_t cp = 0;
  uint32_t length = 0;  // bytes
  CharClass cls = CharClass::kSpace;
};

[[gnu::noinline]] Char decode_non_ascii(std::string_view text, size_t pos) {
  size_t next = pos;
  const char32_t cp = decode_utf8(text, next);
  const bool ill_formed = cp == kReplacementCharacter && next == pos + 1;
  return {cp, static_cast<uint32_t>(next - pos), classify_non_ascii(cp, ill_formed)};
}

// The character at text[pos]; past the end it is a space of length 0.
inline Char char_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) [[likely]] return {byte, 1, kAsciiClasses[byte]};
  return decode_non_ascii(text, pos);
}

enum class TokenKind : uint8_t {
  kWord,
  kNumber,
  kTitle,   // an abbreviation that precedes what it qualifies (Mr., Gen., No. 5)
  kAbbrev,  // an abbreviation that may end a sentence (U.S., Inc., a.m., Jan., initials)
  kTerminal,  // . ! ? … and their runs
  kOpen,
  kClose,
  kQuote,  // " ' ’ standing alone: opening or closing
  kDash,
  kClauseMark,
  kOther,
  kUrl,
};

// What precedes a token. An indented line starts a paragraph in wire copy (Reuters), but
// also in text with a left margin, so it only confirms an end that is likely anyway.
enum class Gap : uint8_t { kNone, kSpace, kNewline, kIndentedLine, kParagraph };

struct ScannedToken {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  Gap gap = Gap::kNone;
  CharClass first = CharClass::kSpace;  // class of the first character
};

// ---------------------------------------------------------------------------------------
// Word lists. Lookups happen only at a word followed by a period, or at a candidate
// sentence end, so a hash map costs nothing measurable.

enum class AbbrevType : uint8_t { kTitle, kOrdinary, kBeforeNumber };

const std::unordered_map<std::string_view, AbbrevType>& abbreviations() {
  static const std::unordered_map<std::string_view, AbbrevType> table = [] {
    std::unordered_map<std::string_view, AbbrevType> t;
    // Titles and other words that precede a name or a number: never the end of a sentence.
    for (std::string_view w :
         {"Mr", "Mrs", "Ms", "Messrs", "Mme", "Mmes", "Mlle", "Dr", "Drs", "Prof", "Gen", "Gens",
          "Lt", "Lieut", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig",
          "Rev", "Fr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Supt", "Hon", "Rt",
          "Amb", "Atty", "Det", "Insp", "Msgr", "St", "Ste", "Sts", "Mt", "Ft", "vs", "v", "cf",
          "approx", "viz", "e.g", "i.e", "P.S"})
      t.emplace(w, AbbrevType::kTitle);
    // Abbreviations that may end a sentence: companies, suffixes, months and days, units,
    // AP state names.
    for (std::string_view w :
         {"Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "Bros", "Assn", "Assoc", "Dept", "Dist",
          "Div", "Govt", "Intl", "Natl", "Univ", "Jr", "Sr", "Esq", "etc", "al", "Ave", "Blvd",
          "Rd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
          "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "ft",
          "lb", "lbs", "oz", "mi", "sq", "yd", "yds", "hr", "hrs", "min", "mins", "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo",
          "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
          "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex",
          "Va", "Vt", "Wash", "Wis", "Wyo"})
      t.emplace(w, AbbrevType::kOrdinary);
    // "No. 1" but "I said no."; likewise volumes, articles, figures, pages, sections.
    for (std::string_view w : {"No", "no", "Nos", "nos", "Vol", "vol", "Art", "art", "Fig", "fig",
                               "p", "pp", "Ch", "ch", "Sec", "sec", "Nr", "c", "ca", "ext", "Ext", "tel", "Tel"})
      t.emplace(w, AbbrevType::kBeforeNumber);
    return t;
  }();
  return table;
}

// Capitalised words that typically open a sentence: after an abbreviation such as "U.S."
// or "Inc." a capitalised word is usually a name ("U.S. President"), these are not.
bool is_sentence_starter(std::string_view word) {
  static const std::unordered_set<std::string_view> starters = [] {
    std::unordered_set<std::string_view> t;
    for (std::string_view w :
         {"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
          "Those", "There", "Their", "His", "Her", "Its", "Our", "My", "Your", "But", "And", "Or",
          "So", "Yet", "Nor", "In", "On", "At", "For", "With", "By", "From", "As", "After",
          "Before", "When", "While", "If", "Although", "Though", "Since", "Because", "Meanwhile",
          "However", "Still", "Also", "Earlier", "Later", "Some", "Many", "Most", "All", "Both",
          "Each", "Such", "What", "Who", "How", "Why", "Where", "Then", "Now", "Thus", "Today",
          "Yesterday", "Officials", "Police"})
      t.insert(w);
    return t;
  }();
  return starters.count(word) > 0;
}

// Any case: "Dec", "DEC", "dec".
bool is_month(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  std::array<char, 16> buffer;
  if (word.size() < 3 || word.size() > buffer.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    buffer[i] = i == 0 && lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
  }
  word = {buffer.data(), word.size()};
  static const std::unordered_set<std::string_view> months = [] {
    std::unordered_set<std::string_view> t;
    for (std::string_view w : {"Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April",
                               "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept",
                               "September", "Oct", "October", "Nov", "November", "Dec", "December"})
      t.insert(w);
    return t;
  }();
  return months.count(word) > 0;
}

// "MR" → "Mr", so all-caps text (headlines, datelines) finds the same entries. Words longer
// than the buffer are never abbreviations anyway.
std::string_view title_case(std::string_view word, std::array<char, 16>& buffer) {
  if (word.size() < 2 || word.size() > buffer.size()) return word;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') return word;  // not all caps
    buffer[i] = (i > 0 && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buffer.data(), word.size()};
}

bool equals_lowercase(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool starts_with_lowercase(std::string_view text, std::string_view prefix) {
  return text.size() > prefix.size() && equals_lowercase(text.substr(0, prefix.size()), prefix);
}

// ---------------------------------------------------------------------------------------

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::vector<ScannedToken> run() {
    tokens_.reserve(text_.size() / 5 + 1);
    size_t pos = 0;
    int line_breaks = 0;
    int indent = 0;  // spaces since the last line break (a tab counts two)
    bool at_start = true;
    while (pos < text_.size()) {
      const Char c = char_at(text_, pos);
      if (is_space(c.cls) || c.cls == CharClass::kFormat) {
        if (c.cls == CharClass::kParagraphBreak) line_breaks += 2;
        if (c.cls == CharClass::kLineBreak) {
          ++line_breaks;
          indent = 0;
          if (c.cp == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n') ++pos;  // CRLF
        } else if (c.cls == CharClass::kSpace) {
          indent += c.cp == '\t' ? 2 : 1;
        }
        pos += c.length;
        continue;
      }
      size_t chunk_end = pos;
      ChunkShape shape;
      while (chunk_end < text_.size()) {
        const Char d = char_at(text_, chunk_end);
        if (is_space(d.cls)) break;
        if (d.cp == '@' && shape.at == kNoPosition) shape.at = chunk_end;
        if (d.cp == '.' && is_alnum(char_at(text_, chunk_end + 1).cls)) shape.has_inner_period = true;
        if (d.cp == ':' && text_.substr(chunk_end + 1, 2) == "//") shape.has_scheme = true;
        chunk_end += d.length;
      }
      pending_gap_ = at_start          ? Gap::kNone
                     : line_breaks >= 2 ? Gap::kParagraph
                     : line_breaks == 1 ? (indent >= 2 ? Gap::kIndentedLine : Gap::kNewline)
                                        : Gap::kSpace;
      at_start = false;
      line_breaks = 0;
      indent = 0;
      scan_chunk(pos, chunk_end, shape);
      pos = chunk_end;
    }
    return std::move(tokens_);
  }

 private:
  static constexpr size_t kNoPosition = std::numeric_limits<size_t>::max();

  struct ChunkShape {
    size_t at = kNoPosition;  // of the first '@'
    bool has_inner_period = false;
    bool has_scheme = false;  // "://"
  };

  Char at(size_t pos) const { return char_at(text_, pos); }
  bool alnum_at(size_t pos) const { return is_alnum(at(pos).cls); }
  bool digit_at(size_t pos) const { return pos < text_.size() && text_[pos] >= '0' && text_[pos] <= '9'; }

  void emit(size_t start, size_t end, TokenKind kind) {
    tokens_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind, pending_gap_,
                       at(start).cls});
    pending_gap_ = Gap::kNone;
  }

  void scan_chunk(size_t begin, size_t end, ChunkShape shape) {
    size_t link_begin = begin, link_end = end;
    if (shape.has_inner_period || shape.has_scheme) {
      strip_surrounding_punctuation(link_begin, link_end);
      if (link_begin < link_end && is_link(text_.substr(link_begin, link_end - link_begin), shape)) {
        scan_plain(begin, link_begin);
        emit(link_begin, link_end, TokenKind::kUrl);
        scan_plain(link_end, end);
        return;
      }
    }
    if (shape.at != kNoPosition && find_email(shape.at, begin, end, link_begin, link_end)) {
      scan_plain(begin, link_begin);
      emit(link_begin, link_end, TokenKind::kUrl);
      scan_plain(link_end, end);
      return;
    }
    scan_plain(begin, end);
  }

  // The e-mail address around the '@' at `at`, within the chunk [begin, end): written
  // <name@host.org>, "Julie"<julie...@bellsouth.net> (masked) or bare.
  bool find_email(size_t at, size_t begin, size_t end, size_t& email_begin, size_t& email_end) const {
    size_t left = at;
    while (left > begin && is_email_char(text_[left - 1])) --left;
    size_t right = at + 1;
    while (right < end && is_email_char(text_[right])) ++right;
    while (right > at + 1 && (text_[right - 1] == '.' || text_[right - 1] == '-')) --right;
    if (left == at) return false;
    const std::string_view domain = text_.substr(at + 1, right - at - 1);
    const size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return false;
    for (char c : domain)
      if (c == '+' || c == '%') return false;
    email_begin = left;
    email_end = right;
    return true;
  }

  // Leading quotes and brackets, trailing sentence punctuation, quotes and unmatched
  // closing brackets are not part of a URL or address ("(see http://x.org/a_(b))." keeps
  // the inner pair).
  void strip_surrounding_punctuation(size_t& begin, size_t& end) const {
    while (begin < end) {
      const Char c = at(begin);
      if (c.cls != CharClass::kOpen && c.cls != CharClass::kStraightQuote &&
          c.cls != CharClass::kApostrophe && c.cp != '<')
        break;
      begin += c.length;
    }
    int open_parens = 0, close_parens = 0;
    for (size_t i = begin; i < end; ++i) {
      open_parens += text_[i] == '(';
      close_parens += text_[i] == ')';
    }
    while (end > begin) {
      const unsigned char last = static_cast<unsigned char>(text_[end - 1]);
      if (last == ')' && close_parens > open_parens) {
        --close_parens;
        --end;
        continue;
      }
      if (last < 0x80) {
        if (std::string_view(".,;:!?]}>\"'").find(static_cast<char>(last)) == std::string_view::npos) break;
        --end;
        continue;
      }
      // Trailing ” ’ » … (UTF-8 sequences of 2 or 3 bytes).
      size_t lead = end - 1;
      while (lead > begin && (static_cast<unsigned char>(text_[lead]) & 0xC0) == 0x80) --lead;
      const Char c = at(lead);
      if (lead + c.length != end || !(c.cls == CharClass::kClose || c.cls == CharClass::kApostrophe ||
                                      c.cls == CharClass::kEllipsis))
        break;
      end = lead;
    }
  }

  static bool is_link(std::string_view core, ChunkShape shape) {
    for (std::string_view scheme : {"http://", "https://", "ftp://", "www."})
      if (starts_with_lowercase(core, scheme)) return true;
    return shape.has_inner_period && is_domain(core);
  }

  static bool is_email_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
  }

  // A bare host name with a well-known top-level domain, optionally followed by a path:
  // "Amazon.com", "bbc.co.uk/news". Two-letter country domains count only under a
  // second-level label (co.uk), so "end.it" in careless text stays three tokens.
  static bool is_domain(std::string_view core) {
    const size_t slash = core.find('/');
    const std::string_view host = core.substr(0, slash);
    if (host.empty() || host.front() == '.' || host.front() == '-' || host.back() == '.') return false;
    for (char c : host)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '-'))
        return false;
    const size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos) return false;
    const std::string_view tld = host.substr(last_dot + 1);
    for (std::string_view generic : {"com", "org", "net", "gov", "edu", "mil", "int", "io", "info", "biz"})
      if (equals_lowercase(tld, generic)) return true;
    if (tld.size() != 2) return false;
    const size_t second_dot = host.rfind('.', last_dot - 1);
    if (second_dot == std::string_view::npos) return false;
    const std::string_view second = host.substr(second_dot + 1, last_dot - second_dot - 1);
    for (std::string_view label : {"co", "com", "gov", "org", "ac", "edu", "go", "or", "ne", "net"})
      if (equals_lowercase(second, label)) return true;
    return false;
  }

  void scan_plain(size_t pos, size_t end) {
    while (pos < end) {
      const Char c = at(pos);
      switch (c.cls) {
        case CharClass::kUpper: case CharClass::kLower: case CharClass::kLetter:
        case CharClass::kMark: case CharClass::kDigit: case CharClass::kNumber:
          pos = scan_word(pos, end);
          break;
        case CharClass::kApostrophe:
          pos = scan_apostrophe(pos, end, c);
          break;
        case CharClass::kPeriod:
          if (digit_at(pos + 1) && !(pos > 0 && alnum_at(pos - 1))) {
            pos = scan_word(pos, end);  // ".5"
          } else {
            pos = emit_run(pos, end, c, TokenKind::kTerminal);
          }
          break;
        case CharClass::kBang: case CharClass::kEllipsis:
          pos = emit_run(pos, end, c, TokenKind::kTerminal);
          break;
        case CharClass::kHyphen: case CharClass::kDash:
          pos = emit_run(pos, end, c, TokenKind::kDash);
          break;
        case CharClass::kOpen:
          pos = c.cp == '`' ? emit_run(pos, end, c, TokenKind::kOpen) : emit_one(pos, c, TokenKind::kOpen);
          break;
        case CharClass::kClose:
          pos = emit_one(pos, c, TokenKind::kClose);
          break;
        case CharClass::kStraightQuote:
          pos = emit_one(pos, c, TokenKind::kQuote);
          break;
        case CharClass::kClauseMark:
          if (const size_t n = emoticon_length(pos, end)) {
            emit(pos, pos + n, TokenKind::kOther);
            pos += n;
          } else {
            pos = emit_one(pos, c, TokenKind::kClauseMark);
          }
          break;
        case CharClass::kFormat:
          pos += c.length;
          break;
        default:
          if (const size_t n = emoticon_length(pos, end)) {
            emit(pos, pos + n, TokenKind::kOther);
            pos += n;
            break;
          }
          // Decorative runs (***, ===, ___, >>) are one token; other symbols one each.
          pos = c.cp < 0x80 && kRunSymbols.find(static_cast<char>(c.cp)) != std::string_view::npos
                    ? emit_run(pos, end, c, TokenKind::kOther)
                    : emit_one(pos, c, TokenKind::kOther);
          break;
      }
    }
  }

  static constexpr std::string_view kEmoticonMouths = ")(DPp/|]";
  static constexpr std::string_view kRunSymbols = "*=_~#<>$+";

  // :) :-( ;) =) :D :P and the like, not followed by a letter or digit; 0 if none.
  size_t emoticon_length(size_t pos, size_t end) const {
    if (text_[pos] != ':' && text_[pos] != ';' && text_[pos] != '=') return 0;
    size_t q = pos + 1;
    if (q < end && text_[q] == '-') ++q;
    if (q >= end || kEmoticonMouths.find(text_[q]) == std::string_view::npos) return 0;
    const char mouth = text_[q];
    while (q < end && text_[q] == mouth) ++q;
    return alnum_at(q) ? 0 : q - pos;
  }

  size_t emit_one(size_t pos, Char c, TokenKind kind) {
    emit(pos, pos + c.length, kind);
    return pos + c.length;
  }

  // A run of characters of the same class (for terminals) or the same character.
  size_t emit_run(size_t pos, size_t end, Char c, TokenKind kind) {
    size_t q = pos + c.length;
    while (q < end) {
      const Char d = at(q);
      const bool same = kind == TokenKind::kTerminal ? d.cls == c.cls : d.cp == c.cp;
      if (!same) break;
      q += d.length;
    }
    emit(pos, q, kind);
    return q;
  }

  // The length of a clitic ('s 're 've 'll 'd 'm, any case) starting at the apostrophe at
  // pos, or 0. A clitic must end the word.
  size_t clitic_length(size_t pos, size_t end, uint32_t apostrophe_length) const {
    const size_t letters = pos + apostrophe_length;
    size_t q = letters;
    while (q < end && q - letters < 3 && ((text_[q] | 0x20) >= 'a' && (text_[q] | 0x20) <= 'z')) ++q;
    if (q == letters || (q < end && alnum_at(q))) return 0;
    const std::string_view suffix = text_.substr(letters, q - letters);
    for (std::string_view clitic : {"s", "re", "ve", "ll", "d", "m"})
      if (equals_lowercase(suffix, clitic)) return q - pos;
    return 0;
  }

  size_t scan_apostrophe(size_t pos, size_t end, Char c) {
    // A clitic after an abbreviation or number: "U.S.'s", "1990's".
    if (!tokens_.empty() && tokens_.back().end == pos) {
      if (const size_t n = clitic_length(pos, end, c.length)) {
        emit(pos, pos + n, TokenKind::kWord);
        return pos + n;
      }
    }
    // Decades: '90s.
    const size_t digits = pos + c.length;
    if (digit_at(digits) && digit_at(digits + 1)) {
      size_t token_end = digits + 2;
      if (token_end < end && text_[token_end] == 's') ++token_end;
      if (!alnum_at(token_end)) {
        emit(pos, token_end, TokenKind::kNumber);
        return token_end;
      }
    }
    return emit_one(pos, c, TokenKind::kQuote);
  }

  // "U.S.", "a.m.", "Ph.D.", "e.g.": two or more segments of one or two letters, each
  // followed by a period, not followed by a letter or digit. At most eight segments are
  // tried, so a failed match costs a bounded amount. Returns the end, or 0.
  size_t dotted_abbreviation_end(size_t pos, size_t end) const {
    size_t q = pos, matched = pos;
    int segments = 0;
    while (segments < 8) {
      int letters = 0;
      while (q < end && letters < 3) {
        const Char c = at(q);
        if (!is_letter(c.cls)) break;
        q += c.length;
        ++letters;
      }
      if (letters == 0 || letters > 2 || q >= end || text_[q] != '.') break;
      matched = ++q;
      ++segments;
    }
    if (segments < 2 || (matched < end && alnum_at(matched))) return 0;
    return matched;
  }

  // The abbreviation kind of word (just before a period at period_pos), if it is one.
  bool abbreviation_kind(std::string_view word, size_t period_pos, TokenKind& kind) const {
    const Char first = at(period_pos - word.size());
    if (first.length == word.size() && first.cls == CharClass::kUpper) {
      kind = TokenKind::kAbbrev;  // an initial (George W. Bush), or "Plan B." ending a sentence
      return true;
    }
    std::array<char, 16> buffer;
    const auto& table = abbreviations();
    auto found = table.find(word);
    if (found == table.end()) found = table.find(title_case(word, buffer));
    if (found == table.end()) return false;
    switch (found->second) {
      case AbbrevType::kTitle: kind = TokenKind::kTitle; return true;
      case AbbrevType::kOrdinary: kind = TokenKind::kAbbrev; return true;
      case AbbrevType::kBeforeNumber: {
        size_t q = period_pos + 1;
        while (q < text_.size() && q < period_pos + 8 && (text_[q] == ' ' || text_[q] == '\t')) ++q;
        kind = TokenKind::kTitle;
        return digit_at(q) || (q < text_.size() && text_[q] == '#');
      }
    }
    return false;
  }

  size_t scan_word(size_t pos, size_t end) {
    const size_t start = pos;
    const Char first = at(pos);
    if (is_letter(first.cls)) {
      if (const size_t dotted_end = dotted_abbreviation_end(pos, end)) {
        std::string_view word = text_.substr(start, dotted_end - start);
        word.remove_suffix(1);
        const auto found = abbreviations().find(word);  // e.g., i.e., P.S. never end a sentence
        const bool title = found != abbreviations().end() && found->second == AbbrevType::kTitle;
        emit(start, dotted_end, title ? TokenKind::kTitle : TokenKind::kAbbrev);
        return dotted_end;
      }
    }
    const bool numeric = first.cls == CharClass::kDigit || first.cls == CharClass::kPeriod;
    if (first.cls == CharClass::kPeriod) ++pos;
    size_t part_start = pos;  // after the last hyphen kept inside the word
    CharClass previous = first.cls;
    while (pos < end) {
      const Char c = at(pos);
      if (is_alnum(c.cls)) {
        pos += c.length;
        previous = c.cls;
        continue;
      }
      const Char next = at(pos + c.length);
      switch (c.cls) {
        case CharClass::kHyphen:  // Jong-un, 2024-12-28; a doubled hyphen is a dash
          if (is_alnum(next.cls)) {
            const size_t after = pos + c.length;
            if (hyphen_splits(text_.substr(part_start, pos - part_start), text_.substr(after, next.length))) {
              emit_word(start, pos);
              emit(pos, after, TokenKind::kDash);
              return after;
            }
            pos = after;
            part_start = pos;
            continue;
          }
          break;
        case CharClass::kApostrophe: {
          // n't: don't → do n't, can't → ca n't
          const size_t after = pos + c.length;
          if (pos - start >= 2 && (text_[pos - 1] | 0x20) == 'n' && after < end && (text_[after] | 0x20) == 't' &&
              !alnum_at(after + 1) && pos - 1 > start) {
            emit_word(start, pos - 1);
            emit(pos - 1, after + 1, TokenKind::kWord);
            return after + 1;
          }
          if (const size_t n = clitic_length(pos, end, c.length)) {
            emit_word(start, pos);
            emit(pos, pos + n, TokenKind::kWord);
            return pos + n;
          }
          if (is_letter(next.cls)) {  // O'Brien, rock'n'roll
            pos += c.length;
            continue;
          }
          break;
        }
        case CharClass::kPeriod: {
          if (previous == CharClass::kDigit && next.cls == CharClass::kDigit) {  // 1,000.50
            ++pos;
            continue;
          }
          // file.pdf, alt.animals.cat, <SNE.T>; but "quality.You" is a missing space.
          if (is_alnum(next.cls) && is_alnum(previous) &&
              !(previous == CharClass::kLower && next.cls == CharClass::kUpper)) {
            ++pos;
            continue;
          }
          if (pos + 1 < end && text_[pos + 1] == '.') break;  // "so..."
          TokenKind kind;
          if (!numeric && abbreviation_kind(text_.substr(start, pos - start), pos, kind)) {
            emit(start, pos + 1, kind);
            return pos + 1;
          }
          break;
        }
        case CharClass::kClauseMark:
          // 1,000 (a comma before exactly three digits); 10:30
          if (numeric && previous == CharClass::kDigit) {
            if (c.cp == ',' && digit_at(pos + 1) && digit_at(pos + 2) && digit_at(pos + 3) && !digit_at(pos + 4)) {
              pos += 4;
              continue;
            }
            if (c.cp == ':' && next.cls == CharClass::kDigit) {
              ++pos;
              continue;
            }
          }
          break;
        case CharClass::kFormat:  // soft hyphen or zero-width joiner inside a word
          if (is_alnum(next.cls)) {
            pos += c.length;
            continue;
          }
          break;
        case CharClass::kOther:
          if (c.cp == '/' && numeric && previous == CharClass::kDigit && next.cls == CharClass::kDigit) {
            ++pos;  // 12/28/2024, 1/2
            continue;
          }
          if (c.cp == '&' && previous == CharClass::kUpper && next.cls == CharClass::kUpper) {
            ++pos;  // AT&T, S&P
            continue;
          }
          break;
        default:
          break;
      }
      break;
    }
    emit_word(start, pos);
    return pos;
  }

  // Emits a word, splitting the fused forms UD splits: cannot → can not, gonna → gon na.
  void emit_word(size_t start, size_t end) {
    const std::string_view word = text_.substr(start, end - start);
    if (word.size() == 6 && equals_lowercase(word, "cannot")) {
      emit(start, start + 3, TokenKind::kWord);
      emit(start + 3, end, TokenKind::kWord);
      return;
    }
    if (word.size() == 5 &&
        (equals_lowercase(word, "gonna") || equals_lowercase(word, "wanna") || equals_lowercase(word, "gotta"))) {
      emit(start, start + 3, TokenKind::kWord);
      emit(start + 3, end, TokenKind::kWord);
      return;
    }
    const CharClass first = at(start).cls;
    emit(start, end, first == CharClass::kDigit || first == CharClass::kPeriod ? TokenKind::kNumber : TokenKind::kWord);
  }

  std::string_view text_;
  std::vector<ScannedToken> tokens_;
  Gap pending_gap_ = Gap::kNone;
};

// ---------------------------------------------------------------------------------------
// Sentence ends.

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view text, const std::vector<ScannedToken>& tokens)
      : text_(text), tokens_(tokens), ends_(tokens.size(), false) {}

  std::vector<SentenceSpan> run() {
    const size_t n = tokens_.size();
    for (size_t i = 0; i < n; ++i) {
      if (i == 0 || tokens_[i].gap == Gap::kParagraph) {
        if (i > 0) ends_[i - 1] = true;
        if (const size_t dateline = dateline_end(i); dateline != kNone) ends_[dateline] = true;
      }
    }
    // A sentence needs a word before it can end: '"...' or '(?' opening a paragraph do not
    // make sentences of their own.
    bool has_content = false;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && ends_[i - 1]) has_content = false;
      const TokenKind kind = tokens_[i].kind;
      if (has_content && (kind == TokenKind::kTerminal || kind == TokenKind::kAbbrev)) {
        size_t last = with_closing_quotes(i);
        const bool quoted = last > i;
        if (kind == TokenKind::kTerminal) last = with_citation(last);
        if (kind == TokenKind::kTerminal ? ends_after_terminal(i, quoted, last + 1)
                                         : starts_sentence_after_abbreviation(last + 1)) {
          ends_[last] = true;
          has_content = false;
          i = last;
          continue;
        }
      }
      has_content = has_content || is_content(kind);
    }

    std::vector<SentenceSpan> sentences;
    size_t first = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!ends_[i] && i + 1 < n && i + 1 - first < kMaxSentenceTokens) continue;
      SentenceSpan sentence;
      sentence.start = tokens_[first].start;
      sentence.end = tokens_[i].end;
      sentence.tokens.reserve(i + 1 - first);
      for (size_t k = first; k <= i; ++k) sentence.tokens.push_back({tokens_[k].start, tokens_[k].end});
      sentences.push_back(std::move(sentence));
      first = i + 1;
    }
    return sentences;
  }

 private:
  static constexpr size_t kNone = std::numeric_limits<size_t>::max();

  static bool is_content(TokenKind kind) {
    return kind != TokenKind::kTerminal && kind != TokenKind::kOpen && kind != TokenKind::kClose &&
           kind != TokenKind::kQuote && kind != TokenKind::kDash && kind != TokenKind::kClauseMark;
  }

  std::string_view form(size_t i) const { return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start); }
  bool capitalised(size_t i) const { return tokens_[i].first == CharClass::kUpper; }

  // Closing quotes and brackets written right after a sentence's final punctuation belong
  // to that sentence: ... policy."  The last such token.
  size_t with_closing_quotes(size_t i) const {
    while (i + 1 < tokens_.size() && tokens_[i + 1].gap == Gap::kNone &&
           (tokens_[i + 1].kind == TokenKind::kClose || tokens_[i + 1].kind == TokenKind::kQuote))
      ++i;
    return i;
  }

  // A reference mark right after a sentence ("... in 1805. [19]") belongs to it.
  size_t with_citation(size_t i) const {
    const size_t n = tokens_.size();
    if (i + 2 >= n || form(i + 1) != "[" || tokens_[i + 1].gap == Gap::kParagraph) return i;
    for (size_t k = i + 2; k < n && k < i + 5; ++k) {
      if (form(k) == "]") return k;
      if (tokens_[k].kind != TokenKind::kNumber && tokens_[k].kind != TokenKind::kTerminal) return i;
    }
    return i;
  }

  // After . ! ? … (the terminal at i, the next token at next): a new sentence unless
  // punctuation follows, or lower case follows an ellipsis ("Wait... no") or a quoted
  // question ("Why?" he asked). A single period before lower case still ends one: the
  // abbreviations that continue a sentence keep their period, and careless text does
  // start sentences in lower case.
  bool ends_after_terminal(size_t i, bool quoted, size_t next) const {
    if (next >= tokens_.size()) return true;
    const ScannedToken& t = tokens_[next];
    if (t.gap == Gap::kParagraph) return true;
    if (t.kind == TokenKind::kClauseMark || t.kind == TokenKind::kTerminal || t.kind == TokenKind::kClose) return false;
    if (t.first != CharClass::kLower) return true;
    const std::string_view terminal = form(i);
    if (terminal == ".") return true;
    return !quoted && (terminal.front() == '!' || terminal.front() == '?');
  }

  // After an abbreviation that may end a sentence (U.S., Inc.): only before a word that
  // typically opens one, a capitalised word opening an indented line, or a quotation that
  // starts with a capital.
  bool starts_sentence_after_abbreviation(size_t next) const {
    if (next >= tokens_.size()) return true;
    const ScannedToken& t = tokens_[next];
    if (t.gap == Gap::kParagraph) return true;
    if (t.gap == Gap::kIndentedLine && capitalised(next)) return true;
    if (t.kind == TokenKind::kQuote || (t.kind == TokenKind::kOpen && text_[t.start] != '(' && text_[t.start] != '['))
      return next + 1 < tokens_.size() && capitalised(next + 1);
    if (!capitalised(next)) return false;
    std::array<char, 16> buffer;
    const std::string_view word = form(next);
    return is_sentence_starter(word) || is_sentence_starter(title_case(word, buffer));
  }

  bool all_caps(size_t i) const {
    const std::string_view word = form(i);
    if (word.size() < 2) return false;
    for (size_t pos = 0; pos < word.size();) {
      const Char c = char_at(word, pos);
      if (c.cls == CharClass::kLower) return false;
      pos += c.length;
    }
    return true;
  }

  // A news dateline opening the paragraph at i: "SEOUL, Dec 28 (Reuters) -",
  // "WASHINGTON (AP) —", "SALVADOR, Feb 26 -". The place, an optional date after a
  // comma and an optional agency in parentheses, ended by a dash (or by the agency when no
  // dash follows). Without an agency it needs a month and day ("New York, Feb 26 -"), or a
  // place in capitals that is dated or opens the text, so "NATO - the alliance ..." in mid
  // text is left alone. Returns the last token.
  size_t dateline_end(size_t i) const {
    const size_t n = tokens_.size();
    if (!capitalised(i) || (tokens_[i].kind != TokenKind::kWord && tokens_[i].kind != TokenKind::kTitle &&
                            tokens_[i].kind != TokenKind::kAbbrev))  // ST. LOUIS
      return kNone;
    const bool caps = all_caps(i);
    bool comma = false, month = false, day = false, agency = false;  // month, day after the comma
    const size_t limit = std::min(n, i + 16);
    for (size_t k = i; k < limit; ++k) {
      const ScannedToken& t = tokens_[k];
      if (k > i && t.gap == Gap::kParagraph) return kNone;
      switch (t.kind) {
        case TokenKind::kDash:
          if (k + 1 >= n || tokens_[k + 1].gap == Gap::kParagraph) return kNone;
          // A hyphen between two words joins them ("U.S.-led forces"); a dateline's dash is
          // set off, or a long dash ("WASHINGTON—The").
          if (form(k) == "-" && t.gap == Gap::kNone && tokens_[k + 1].gap == Gap::kNone) return kNone;
          return (agency || (month && day) || (caps && (month || day || i == 0))) ? k : kNone;
        case TokenKind::kOpen: {
          if (text_[t.start] != '(') return kNone;
          size_t m = k + 1;
          while (m < limit && (tokens_[m].kind == TokenKind::kWord || tokens_[m].kind == TokenKind::kDash ||
                               tokens_[m].kind == TokenKind::kOther))
            ++m;
          if (m == k + 1 || m >= limit || text_[tokens_[m].start] != ')') return kNone;
          agency = true;
          k = m;
          if (k + 1 < n && tokens_[k + 1].kind != TokenKind::kDash)
            return caps && capitalised(k + 1) ? k : kNone;
          break;
        }
        case TokenKind::kClauseMark:
          if (text_[t.start] != ',') return kNone;
          comma = true;
          break;
        case TokenKind::kNumber:
          if (!comma) return kNone;
          day = true;
          break;
        case TokenKind::kWord: case TokenKind::kTitle: case TokenKind::kAbbrev:
          if (comma && is_month(form(k))) {
            month = true;  // wire copy writes "feb 26" too
          } else if (!capitalised(k)) {
            return kNone;
          }
          break;
        case TokenKind::kTerminal:  // the period of an abbreviation not listed: "Ont."
          if (form(k) != "." || t.gap != Gap::kNone) return kNone;
          break;
        default:
          return kNone;
      }
    }
    return kNone;
  }

  std::string_view text_;
  const std::vector<ScannedToken>& tokens_;
  std::vector<bool> ends_;
};

}  // namespace

std::vector<SentenceSpan> segment(std::string_view text) {
  // Offsets are 32-bit: a text beyond 4 GiB is segmented up to that point only.
  if (text.size() > std::numeric_limits<uint32_t>::max()) text = text.substr(0, std::numeric_limits<uint32_t>::max());
  const std::vector<ScannedToken> tokens = Tokenizer(text).run();
  return SentenceSplitter(text, tokens).run();
}

SentenceSpan tokens_of_line(std::string_view line) {
  SentenceSpan sentence;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r' || line[pos] == '\n')) ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t' && line[pos] != '\r' && line[pos] != '\n') ++pos;
    if (pos > start) sentence.tokens.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
  }
  if (!sentence.tokens.empty()) {
    sentence.start = sentence.tokens.front().start;
    sentence.end = sentence.tokens.back().end;
  }
  return sentence;
}

}  // namespace annals
