#include <gtest/gtest.h>

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "annals/readers.h"
#include "text/utf8.h"

namespace annals {
namespace {

std::vector<Story> read_sgml(const std::string& input, Diagnostics& diagnostics) {
  std::istringstream in(input);
  std::vector<Story> stories;
  read_reuters_sgml(in, "in.sgm", [&](Story&& story) { stories.push_back(std::move(story)); }, diagnostics);
  return stories;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics.all()) text += d.to_string() + '\n';
  return text;
}

bool has_diagnostic(const Diagnostics& diagnostics, int line, const std::string& words) {
  for (const Diagnostic& d : diagnostics.all())
    if (d.file == "in.sgm" && d.line == line && d.message.find(words) != std::string::npos) return true;
  return false;
}

// Written in the collection's layout: a normal story, a brief one (title only, filler
// after it) and an unprocessed one (neither title nor body).
const char* const kThreeArticles =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"                                                           // 1
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"5544\" NEWID=\"7\">\n"  // 2
    "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"                                                            // 3
    "<TOPICS><D>cocoa</D></TOPICS>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\nu f BC-COCOA   02-26 0105</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>AT&amp;T &lt;ATT&gt; SAYS HELLO</TITLE>\n"
    "<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>AT&amp;T Co &lt;ATT> said it\n"
    "would pay \xA3 5 mln to S\xE3o Paulo for&#127; caf\xC3\xA9.\n"
    "    It gave no details.\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" OLDID=\"5\" NEWID=\"8\">\n"
    "<DATE> 2-MAR-1987 09:00:00.00 noise</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n"
    "******<TITLE>FED SETS REPO\n"
    "</TITLE>Blah blah blah.\n"
    "&#3;\n\n</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS NEWID=\"9\" OLDID=\"6\">\n"
    "<DATE>2-MAR-1987 09:00:00.00</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\n"
    "FEDERAL RESERVE REPORT\n"
    " M-1......736.7 up 2.1\n"
    " REUTER\r\n"
    "&#3;</TEXT>\n"
    "</REUTERS>\n";

TEST(ReutersSgml, ReadsArticlesAsStoriesWithDecodedUtf8Text) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_sgml(kThreeArticles, diagnostics);
  ASSERT_EQ(stories.size(), 3u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all().size(), 0u) << dump(diagnostics);

  EXPECT_EQ(stories[0].id, "reuters-7");
  EXPECT_EQ(stories[0].date, (Date{19870226}));
  EXPECT_EQ(stories[0].source, "Reuters");
  EXPECT_EQ(stories[0].file, "in.sgm");
  EXPECT_EQ(stories[0].line, 2);
  EXPECT_TRUE(stories[0].sentences.empty());
  // Latin-1 £ and ã become UTF-8, UTF-8 é stays, DEL goes, the sign-off goes.
  EXPECT_EQ(stories[0].text,
            "AT&T <ATT> SAYS HELLO\n\n"
            "NEW YORK, Feb 26 - AT&T Co <ATT> said it\n"
            "would pay \xC2\xA3 5 mln to S\xC3\xA3o Paulo for caf\xC3\xA9.\n"
            "    It gave no details.");

  EXPECT_EQ(stories[1].id, "reuters-8");
  EXPECT_EQ(stories[1].date, (Date{19870302}));
  EXPECT_EQ(stories[1].text, "FED SETS REPO");

  EXPECT_EQ(stories[2].id, "reuters-9");
  EXPECT_EQ(stories[2].text, "FEDERAL RESERVE REPORT\n M-1......736.7 up 2.1");
}

TEST(ReutersSgml, SkipsMalformedArticlesWithFileAndLineAndReadsTheRest) {
  const std::string input =
      "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"                                   // 1
      "<REUTERS OLDID=\"1\">\n"                                                   // 2: no NEWID
      "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      "<TEXT><TITLE>NO ID</TITLE></TEXT>\n"
      "</REUTERS>\n"                                                              // 5
      "<REUTERS NEWID=\"2\">\n"                                                   // 6
      "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      "<TEXT><TITLE>UNCLOSED BODY</TITLE>\n"
      "<BODY>The body never ends.\n"                                              // 9
      "</TEXT>\n"
      "</REUTERS>\n"                                                              // 11
      "<REUTERS NEWID=\"3\">\n"                                                   // 12: no </REUTERS>
      "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      "<REUTERS NEWID=\"4\">\n"                                                   // 14
      "<DATE>31-FEB-1987 15:01:01.79</DATE>\n"                                    // 15: impossible
      "<TEXT><TITLE>GOOD ONE</TITLE><BODY>Kept.</BODY></TEXT>\n"
      "</REUTERS>\n"
      "<REUTERS NEWID=\"5\">\n"                                                   // 18: file ends
      "<TEXT><TITLE>CUT</TITLE>\n";
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_sgml(input, diagnostics);
  ASSERT_EQ(stories.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(stories[0].id, "reuters-4");
  EXPECT_EQ(stories[0].text, "GOOD ONE\n\nKept.");
  EXPECT_EQ(stories[0].date, Date{});

  EXPECT_TRUE(has_diagnostic(diagnostics, 2, "NEWID")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, 9, "<BODY> is not closed")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, 12, "no </REUTERS>")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, 15, "no valid <DATE>")) << dump(diagnostics);
  // Undated stories are refused by code and ingest unless --date gives one: the message
  // must not promise that the article is coded.
  EXPECT_TRUE(has_diagnostic(diagnostics, 15, "skipped unless a date is given with --date")) << dump(diagnostics);
  EXPECT_FALSE(has_diagnostic(diagnostics, 15, "coded undated")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, 18, "no </REUTERS>")) << dump(diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 4u) << dump(diagnostics);
}

TEST(ReutersSgml, EntitiesAndBytesNeverYieldInvalidUtf8OrControlCharacters) {
  const std::string input =
      "<REUTERS NEWID=\"1\">\n<DATE>1-JAN-1987</DATE>\n<TEXT><BODY>"
      "a&#0;b&#x41;&#1114112;&#xD800;&unknown;&#;&\x80\x9F\xFF\xC3<br \x01\x1B\t z\n"
      "</BODY></TEXT>\n</REUTERS>\n";
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_sgml(input, diagnostics);
  ASSERT_EQ(stories.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(sanitize_utf8(stories[0].text), stories[0].text);
  // Unknown entities stay as written; bytes that are not UTF-8 are Latin-1 (C1 controls dropped).
  EXPECT_EQ(stories[0].text, "abA&unknown;&#;&\xC3\xBF\xC3\x83<br \t z");
}

TEST(ReutersSgml, ReadsTheWholeCollection) {
  const std::filesystem::path dir = std::filesystem::path(ANNALS_SHARED_DIR) / "corpora/reuters21578";
  if (!std::filesystem::exists(dir / "reut2-000.sgm"))
    GTEST_SKIP() << "needs the Reuters-21578 files in " << dir << " (../shared)";
  size_t stories = 0, files = 0, title_or_text_alone = 0;
  std::vector<std::string> empty;
  std::set<std::string> ids;
  Diagnostics diagnostics;
  for (int n = 0; n < 22; ++n) {
    const std::filesystem::path file = dir / fmt::format("reut2-{:03}.sgm", n);
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << file;
    ++files;
    read_reuters_sgml(in, file.string(), [&](Story&& story) {
      ++stories;
      ids.insert(story.id);
      EXPECT_EQ(story.date.year(), 1987) << story.id;
      if (story.text.empty()) empty.push_back(story.id);
      EXPECT_EQ(sanitize_utf8(story.text), story.text) << story.id;
      EXPECT_EQ(story.text.find_first_of("\x01\x02\x03\x05\x16\x1F\x7F\r"), std::string::npos) << story.id;
      EXPECT_FALSE(story.text.ends_with("Reuter") || story.text.ends_with("REUTER")) << story.id;
      if (story.text.find("\n\n") == std::string::npos) ++title_or_text_alone;
      if (story.id == "reuters-1") {
        EXPECT_EQ(story.date, (Date{19870226}));
        EXPECT_TRUE(story.text.starts_with("BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout"))
            << story.text.substr(0, 80);
        EXPECT_TRUE(story.text.ends_with("carnival which ends midday on February 27.")) << story.text;
      }
    }, diagnostics);
  }
  EXPECT_EQ(files, 22u);
  // The README's figure: 21 files of 1,000 articles and one of 578, each with its NEWID.
  EXPECT_EQ(stories, 21578u);
  EXPECT_EQ(ids.size(), 21578u);
  EXPECT_TRUE(ids.count("reuters-21578"));
  EXPECT_EQ(diagnostics.error_count(), 0u) << dump(diagnostics);
  // One unprocessed article holds nothing but its start and end codes.
  EXPECT_EQ(empty, std::vector<std::string>{"reuters-12793"});
  // 2,535 articles have no <BODY>: a title alone (brief ones) or unstructured text, which
  // has a blank line in 63 of them; every other article is a title, a blank line and a body.
  EXPECT_EQ(title_or_text_alone, 2535u - 63u);
}

}  // namespace
}  // namespace annals
