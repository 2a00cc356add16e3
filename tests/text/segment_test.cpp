#include "annals/segment.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace annals {
namespace {

using Forms = std::vector<std::string>;

std::string slice(std::string_view text, uint32_t start, uint32_t end) {
  return std::string(text.substr(start, end - start));
}

// The token forms of each sentence; checks on the way that the spans are well formed.
std::vector<Forms> sentences_of(std::string_view text) {
  std::vector<Forms> out;
  uint32_t previous_end = 0;
  for (const SentenceSpan& sentence : segment(text)) {
    EXPECT_FALSE(sentence.tokens.empty());
    if (sentence.tokens.empty()) continue;
    EXPECT_EQ(sentence.start, sentence.tokens.front().start);
    EXPECT_EQ(sentence.end, sentence.tokens.back().end);
    Forms forms;
    for (const TokenSpan& token : sentence.tokens) {
      EXPECT_LE(previous_end, token.start);
      EXPECT_LT(token.start, token.end);
      EXPECT_LE(token.end, text.size());
      previous_end = token.end;
      forms.push_back(slice(text, token.start, token.end));
    }
    out.push_back(std::move(forms));
  }
  return out;
}

Forms tokens_of(std::string_view text) {
  Forms all;
  for (const Forms& sentence : sentences_of(text)) all.insert(all.end(), sentence.begin(), sentence.end());
  return all;
}

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& sentence : segment(text)) out.push_back(slice(text, sentence.start, sentence.end));
  return out;
}

// --- tokens -------------------------------------------------------------------------------

TEST(SegmentTokens, SplitsCliticsTheUdWay) {
  EXPECT_EQ(tokens_of("I don't know"), (Forms{"I", "do", "n't", "know"}));
  EXPECT_EQ(tokens_of("They can't and won't"), (Forms{"They", "ca", "n't", "and", "wo", "n't"}));
  EXPECT_EQ(tokens_of("Kim's policy"), (Forms{"Kim", "'s", "policy"}));
  EXPECT_EQ(tokens_of("we're, I'm, you've, she'll, he'd"),
            (Forms{"we", "'re", ",", "I", "'m", ",", "you", "'ve", ",", "she", "'ll", ",", "he", "'d"}));
  EXPECT_EQ(tokens_of("Pyongyang’s army didn’t move"), (Forms{"Pyongyang", "’s", "army", "did", "n’t", "move"}));
  EXPECT_EQ(tokens_of("Jong-un's U.S.'s"), (Forms{"Jong", "-", "un", "'s", "U.S.", "'s"}));
  EXPECT_EQ(tokens_of("We cannot go"), (Forms{"We", "can", "not", "go"}));
}

TEST(SegmentTokens, KeepsApostrophesInsideNamesAndSplitsQuotes) {
  EXPECT_EQ(tokens_of("O'Brien rock'n'roll"), (Forms{"O'Brien", "rock'n'roll"}));
  EXPECT_EQ(tokens_of("the workers' party"), (Forms{"the", "workers", "'", "party"}));
  EXPECT_EQ(tokens_of("'no' in the '90s"), (Forms{"'", "no", "'", "in", "the", "'90s"}));
}

TEST(SegmentTokens, SplitsDashes) {
  EXPECT_EQ(tokens_of("talks -- stalled — again – so"),
            (Forms{"talks", "--", "stalled", "—", "again", "–", "so"}));
  EXPECT_EQ(tokens_of("Seoul—Tokyo"), (Forms{"Seoul", "—", "Tokyo"}));
  EXPECT_EQ(tokens_of("pro- and anti-war"), (Forms{"pro", "-", "and", "anti-war"}));
}

TEST(SegmentTokens, SplitsHyphenatedCompoundsAsUDDoes) {
  EXPECT_EQ(tokens_of("Kim Jong-un's anti-American policy"),
            (Forms{"Kim", "Jong", "-", "un", "'s", "anti-American", "policy"}));
  EXPECT_EQ(tokens_of("Iranian-backed rebels, state-owned firms, U.S.-led forces"),
            (Forms{"Iranian", "-", "backed", "rebels", ",", "state", "-", "owned", "firms", ",", "U.S.", "-", "led",
                   "forces"}));
  EXPECT_EQ(tokens_of("a 15-year-old F-16 daughter-in-law"),
            (Forms{"a", "15", "-", "year", "-", "old", "F", "-", "16", "daughter", "-", "in", "-", "law"}));
  // Not after a prefix, nor between numbers.
  EXPECT_EQ(tokens_of("re-elected co-owned e-mail non-state Anti-War on 2024-12-28 call 713-853-3989"),
            (Forms{"re-elected", "co-owned", "e-mail", "non-state", "Anti-War", "on", "2024-12-28", "call",
                   "713-853-3989"}));
  // A prefix keeps its word; the next hyphen is judged by what it follows.
  EXPECT_EQ(tokens_of("non-Iranian-backed"), (Forms{"non-Iranian", "-", "backed"}));
}

TEST(SegmentTokens, SplitsPunctuation) {
  EXPECT_EQ(tokens_of("Yes, (really): [no]; {x}!?"),
            (Forms{"Yes", ",", "(", "really", ")", ":", "[", "no", "]", ";", "{", "x", "}", "!?"}));
}

TEST(SegmentTokens, KeepsAbbreviationsWhole) {
  EXPECT_EQ(tokens_of("U.S. Gen. Smith met Mr. Kim and Dr. Lee of Apple Inc. and Acme Corp. at 5 p.m."),
            (Forms{"U.S.", "Gen.", "Smith", "met", "Mr.", "Kim", "and", "Dr.", "Lee", "of", "Apple", "Inc.",
                   "and", "Acme", "Corp.", "at", "5", "p.m."}));
  EXPECT_EQ(tokens_of("George W. Bush visited St. Louis on Jan. 5 at 9 a.m."),
            (Forms{"George", "W.", "Bush", "visited", "St.", "Louis", "on", "Jan.", "5", "at", "9", "a.m."}));
  EXPECT_EQ(tokens_of("Resolution No. 5"), (Forms{"Resolution", "No.", "5"}));
  EXPECT_EQ(tokens_of("I said no."), (Forms{"I", "said", "no", "."}));  // "No." only before a number
  EXPECT_EQ(tokens_of("the mass."), (Forms{"the", "mass", "."}));       // "Mass." is capitalised
}

TEST(SegmentTokens, Numbers) {
  EXPECT_EQ(tokens_of("1,000.50 and 3.5% or .5"), (Forms{"1,000.50", "and", "3.5", "%", "or", ".5"}));
  EXPECT_EQ(tokens_of("$5 €3 £2.50"), (Forms{"$", "5", "€", "3", "£", "2.50"}));
  EXPECT_EQ(tokens_of("on 2024-12-28, 12/28/2024 at 10:30"),
            (Forms{"on", "2024-12-28", ",", "12/28/2024", "at", "10:30"}));
  EXPECT_EQ(tokens_of("Dec. 28, 2024"), (Forms{"Dec.", "28", ",", "2024"}));
  EXPECT_EQ(tokens_of("1, 2, 3"), (Forms{"1", ",", "2", ",", "3"}));  // a comma joins only 3-digit groups
}

TEST(SegmentTokens, UrlsAndEmailsAreOneToken) {
  EXPECT_EQ(tokens_of("See https://example.org/a_(b)?q=1&r=2."),
            (Forms{"See", "https://example.org/a_(b)?q=1&r=2", "."}));
  EXPECT_EQ(tokens_of("(www.kcna.kp/en)"), (Forms{"(", "www.kcna.kp/en", ")"}));
  EXPECT_EQ(tokens_of("Write to press@un.org, or <desk@bbc.co.uk>."),
            (Forms{"Write", "to", "press@un.org", ",", "or", "<", "desk@bbc.co.uk", ">", "."}));
  EXPECT_EQ(tokens_of("Amazon.com and bbc.co.uk/news"), (Forms{"Amazon.com", "and", "bbc.co.uk/news"}));
}

TEST(SegmentTokens, EllipsesAndRepeatedMarks) {
  EXPECT_EQ(tokens_of("Wait... what?! No…"), (Forms{"Wait", "...", "what", "?!", "No", "…"}));
}

TEST(SegmentTokens, UnicodeSpacesSeparateAndOffsetsAreBytes) {
  const std::string text = "Kim\u00A0Jong-un\u2009met\u3000Putin";
  const std::vector<SentenceSpan> sentences = segment(text);
  ASSERT_EQ(sentences.size(), 1u);
  ASSERT_EQ(sentences[0].tokens.size(), 6u);
  EXPECT_EQ(sentences[0].tokens[0].start, 0u);
  EXPECT_EQ(sentences[0].tokens[0].end, 3u);
  EXPECT_EQ(sentences[0].tokens[1].start, 5u);  // NBSP takes two bytes
  EXPECT_EQ(slice(text, sentences[0].tokens[1].start, sentences[0].tokens[1].end), "Jong");
  EXPECT_EQ(slice(text, sentences[0].tokens[3].start, sentences[0].tokens[3].end), "un");
  EXPECT_EQ(slice(text, sentences[0].tokens[5].start, sentences[0].tokens[5].end), "Putin");
}

TEST(SegmentTokens, UnicodeQuotesAndLetters) {
  EXPECT_EQ(tokens_of("«Non» „Ja“ ‘so’ Zürich’s"),
            (Forms{"«", "Non", "»", "„", "Ja", "“", "‘", "so", "’", "Zürich", "’s"}));
  EXPECT_EQ(tokens_of("co\u00ADoperate"), (Forms{"co\u00ADoperate"}));  // soft hyphen stays inside
}

TEST(SegmentTokens, IllFormedUtf8NeverFails) {
  const std::string text = "abc \xff\xfe def \xe2\x80";
  EXPECT_EQ(tokens_of(text), (Forms{"abc", "\xff", "\xfe", "def", "\xe2", "\x80"}));
  const std::string inside = "ab\xc3(cd";
  EXPECT_EQ(tokens_of(inside), (Forms{"ab", "\xc3", "(", "cd"}));
}

TEST(SegmentTokens, EmptyAndPunctuationOnlyTexts) {
  EXPECT_TRUE(segment("").empty());
  EXPECT_TRUE(segment(" \n\t\u00A0 ").empty());
  const std::vector<Forms> marks = sentences_of("!!! ... ??? -- ,;");
  Forms all;
  for (const Forms& s : marks) all.insert(all.end(), s.begin(), s.end());
  EXPECT_EQ(all, (Forms{"!!!", "...", "???", "--", ",", ";"}));
}

// --- sentences ----------------------------------------------------------------------------

TEST(SegmentSentences, SplitsAtFinalPunctuation) {
  EXPECT_EQ(sentence_texts("Kim spoke. Trump listened! Will they meet? Nobody knows"),
            (std::vector<std::string>{"Kim spoke.", "Trump listened!", "Will they meet?", "Nobody knows"}));
}

TEST(SegmentSentences, AbbreviationsEndASentenceOnlyBeforeASentenceOpener) {
  EXPECT_EQ(sentence_texts("Kim criticised the U.S. The agency said so."),
            (std::vector<std::string>{"Kim criticised the U.S.", "The agency said so."}));
  EXPECT_EQ(sentence_texts("U.S. President Joe Biden met Gen. Smith and Mr. Kim."),
            (std::vector<std::string>{"U.S. President Joe Biden met Gen. Smith and Mr. Kim."}));
  EXPECT_EQ(sentence_texts("The talks ended at 5 p.m. He left."),
            (std::vector<std::string>{"The talks ended at 5 p.m.", "He left."}));
  EXPECT_EQ(sentence_texts("Shares of Apple Inc. rose. Dr. No. 5 is Jan. 5."),
            (std::vector<std::string>{"Shares of Apple Inc. rose.", "Dr. No. 5 is Jan. 5."}));
  EXPECT_EQ(sentence_texts("George W. Bush spoke."), (std::vector<std::string>{"George W. Bush spoke."}));
}

TEST(SegmentSentences, ClosingQuoteAfterThePeriodBelongsToTheSentence) {
  EXPECT_EQ(sentence_texts("He said \"we will win.\" Then he left."),
            (std::vector<std::string>{"He said \"we will win.\"", "Then he left."}));
  EXPECT_EQ(sentence_texts("It was “a bloc of aggression.” Kim added."),
            (std::vector<std::string>{"It was “a bloc of aggression.”", "Kim added."}));
  EXPECT_EQ(sentence_texts("He said ‘no.’ (It was late.) «Non.» Fin."),
            (std::vector<std::string>{"He said ‘no.’", "(It was late.)", "«Non.»", "Fin."}));
  EXPECT_EQ(sentence_texts("“Why?” he asked. “Now!” she said."),
            (std::vector<std::string>{"“Why?” he asked.", "“Now!” she said."}));
}

TEST(SegmentSentences, Ellipses) {
  EXPECT_EQ(sentence_texts("He paused... and went on. Then... Nothing."),
            (std::vector<std::string>{"He paused... and went on.", "Then...", "Nothing."}));
}

TEST(SegmentSentences, ABlankLineEndsASentenceAndASingleNewlineDoesNot) {
  EXPECT_EQ(sentence_texts("Kim vowed to\nfight the U.S.\n\nHeadline without period\n\nBody text."),
            (std::vector<std::string>{"Kim vowed to\nfight the U.S.", "Headline without period", "Body text."}));
  EXPECT_EQ(sentence_texts("First\r\n\r\nSecond"), (std::vector<std::string>{"First", "Second"}));
  EXPECT_EQ(sentence_texts("First\u2029Second"), (std::vector<std::string>{"First", "Second"}));
  EXPECT_EQ(sentence_texts("Wrapped line\nwith no end"), (std::vector<std::string>{"Wrapped line\nwith no end"}));
}

TEST(SegmentSentences, DatelinesAreSentencesOfTheirOwn) {
  EXPECT_EQ(sentence_texts("SEOUL, Dec 28 (Reuters) - North Korea vowed to fight."),
            (std::vector<std::string>{"SEOUL, Dec 28 (Reuters) -", "North Korea vowed to fight."}));
  EXPECT_EQ(sentence_texts("WASHINGTON (AP) — President Biden spoke."),
            (std::vector<std::string>{"WASHINGTON (AP) —", "President Biden spoke."}));
  EXPECT_EQ(sentence_texts("Headline\n\nNEW YORK, Feb. 26 - Shares rose."),
            (std::vector<std::string>{"Headline", "NEW YORK, Feb. 26 -", "Shares rose."}));
  EXPECT_EQ(sentence_texts("Seoul, Dec 28 (Yonhap) -- Talks resumed."),
            (std::vector<std::string>{"Seoul, Dec 28 (Yonhap) --", "Talks resumed."}));
  EXPECT_EQ(sentence_texts("ST. LOUIS, March 2 -\n    Qtly div 25 cts"),
            (std::vector<std::string>{"ST. LOUIS, March 2 -", "Qtly div 25 cts"}));
  // Not datelines: a sentence with a dash, an acronym opening a later paragraph.
  EXPECT_EQ(sentence_texts("Kim, 40 - the leader - spoke."),
            (std::vector<std::string>{"Kim, 40 - the leader - spoke."}));
  EXPECT_EQ(sentence_texts("Intro.\n\nNATO - the alliance - met."),
            (std::vector<std::string>{"Intro.", "NATO - the alliance - met."}));
  // Nor a hyphen joining words at the start of a text; a long dash written close still is.
  EXPECT_EQ(sentence_texts("U.S.-led forces attacked."), (std::vector<std::string>{"U.S.-led forces attacked."}));
  EXPECT_EQ(sentence_texts("WASHINGTON\u2014The US said."),
            (std::vector<std::string>{"WASHINGTON\u2014", "The US said."}));
}

TEST(SegmentSentences, CitationMarksStayWithTheirSentence) {
  EXPECT_EQ(sentence_texts("He was born in 1788. [17] He died."),
            (std::vector<std::string>{"He was born in 1788. [17]", "He died."}));
}

TEST(SegmentSentences, LongRunOnTextIsCutEvery500Tokens) {
  std::string text;
  for (int i = 0; i < 8000; ++i) text += "word ";  // 40,000 characters, no punctuation
  const std::vector<SentenceSpan> sentences = segment(text);
  ASSERT_EQ(sentences.size(), 16u);
  for (const SentenceSpan& sentence : sentences) EXPECT_EQ(sentence.tokens.size(), 500u);
}

TEST(SegmentSentences, PathologicalChunksTakeLinearTime) {
  // Long runs without spaces exercise every lookahead of the scanner.
  const std::vector<std::string> patterns = {"a.", "ab.", "1,", "x'", "-a", "@.", "http://", ":-", "\xff", "A.B"};
  for (const std::string& pattern : patterns) {
    std::string text;
    while (text.size() < 400000) text += pattern;
    const auto begin = std::chrono::steady_clock::now();
    const std::vector<SentenceSpan> sentences = segment(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    EXPECT_LT(seconds, 2.0) << pattern;  // quadratic behaviour would take minutes
    size_t covered = 0;
    for (const SentenceSpan& sentence : sentences)
      for (const TokenSpan& token : sentence.tokens) covered += token.end - token.start;
    EXPECT_GT(covered, 0u) << pattern;
  }
}

TEST(SegmentSentences, SeedArticleStyle) {
  const std::string text =
      "North Korean leader Kim Jong-un has vowed to implement the \"most categorical\" anti-American policy, "
      "the Associated Press reported.\nThe agency notes that this is happening a month before Donald Trump's "
      "inauguration as US president.\nKim added that the partnership was developing into a “nuclear and "
      "military bloc of aggression“.\n“This clearly shows in which direction we should advance“, Kim was quoted "
      "as saying by the official Korean Central News Agency (KCNA).";
  const std::vector<std::string> sentences = sentence_texts(text);
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[2], "Kim added that the partnership was developing into a “nuclear and military bloc of aggression“.");
  EXPECT_EQ(sentences[3].substr(0, 7), "“This");
}

// --- pre-tokenized lines --------------------------------------------------------------------

TEST(TokensOfLine, SplitsOnSpaces) {
  const std::string line = "Kim Jong-un said n't  ,\r\n";
  const SentenceSpan sentence = tokens_of_line(line);
  Forms forms;
  for (const TokenSpan& token : sentence.tokens) forms.push_back(slice(line, token.start, token.end));
  EXPECT_EQ(forms, (Forms{"Kim", "Jong-un", "said", "n't", ","}));
  EXPECT_EQ(sentence.start, 0u);
  EXPECT_EQ(sentence.end, line.find(',') + 1);
  EXPECT_TRUE(tokens_of_line("   ").tokens.empty());
}

// --- Reuters: datelines and throughput (UD treebank scores: tests/parse/raw_evaluation_test.cpp) ---

const std::filesystem::path kShared = ANNALS_SHARED_DIR;

std::string tag_content(const std::string& record, const std::string& tag) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  const size_t begin = record.find(open);
  if (begin == std::string::npos) return "";
  const size_t end = record.find(close, begin);
  return end == std::string::npos ? "" : record.substr(begin + open.size(), end - begin - open.size());
}

// Reuters-21578 wire copy: every story with a <DATELINE> ("NEW YORK, Feb 26 - ") must
// come out with that dateline as its first sentence. Also the throughput figure on news.
TEST(SegmentReuters, DatelinesSplitOffAndThroughput) {
  const std::filesystem::path folder = kShared / "corpora" / "reuters21578";
  if (!std::filesystem::exists(folder / "reut2-000.sgm")) GTEST_SKIP() << "shared data not found: " << folder.string();
  size_t stories = 0, split = 0, sentence_count = 0, bytes = 0;
  double seconds = 0;
  for (int file = 0; file < 22; ++file) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.sgm", file);
    std::ifstream in(folder / name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string sgml = buffer.str();
    for (size_t pos = sgml.find("<REUTERS"); pos != std::string::npos; pos = sgml.find("<REUTERS", pos + 1)) {
      const std::string record = sgml.substr(pos, sgml.find("</REUTERS>", pos) - pos);
      const std::string dateline = tag_content(record, "DATELINE");
      const std::string body = tag_content(record, "BODY");
      if (dateline.empty() || body.empty()) continue;
      const std::string text = dateline + body;
      const auto begin = std::chrono::steady_clock::now();
      const std::vector<SentenceSpan> sentences = segment(text);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
      sentence_count += sentences.size();
      bytes += text.size();
      ++stories;
      const size_t first = dateline.find_first_not_of(" \n"), last = dateline.find_last_not_of(" \n");
      if (first != std::string::npos && !sentences.empty() &&
          slice(text, sentences[0].start, sentences[0].end) == dateline.substr(first, last - first + 1))
        ++split;
    }
  }
  ASSERT_GT(stories, 10000u);
  std::printf("Reuters-21578: %zu stories, datelines split off in %.2f%%, %.0f sentences/s, %.1f MB/s\n", stories,
              100.0 * split / stories, sentence_count / seconds, bytes / 1e6 / seconds);
  EXPECT_GE(static_cast<double>(split) / stories, 0.98);  // the rest are typos in the corpus ("N.Y,.")
}

}  // namespace
}  // namespace annals
