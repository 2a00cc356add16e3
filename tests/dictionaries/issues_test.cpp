#include <gtest/gtest.h>

#include "dictionaries/actors.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::lines_of;
using test::reported;
using test::TempDictionary;
using test::words_of;
using Strings = std::vector<std::string>;

struct Loaded {
  IssueDictionary issues;
  Diagnostics diagnostics;
  explicit Loaded(const std::string& text) {
    TempDictionary file(text);
    issues.load(file.path(), diagnostics);
  }
  Strings find(const std::string& text) const { return issues.find(words_of(text)); }
};

const char* const kIssues =
    "# Issues\n"
    "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
    "n:kindergarten [EARLY_CHILDHOOD_EDUCATION]\n"
    "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
    "head start [EARLY_CHILDHOOD_EDUCATION]\n"
    "~get head start\n"
    "n:university [POSTSECONDARY_EDUCATION]\n"
    "</ISSUE>\n"
    "<ISSUE CATEGORY=\"ATROCITY\" TYPE=\"ALL\">\n"
    "ethnic v:purge [ID_ATROCITY]\n"
    "v:massacre [ID_ATROCITY]\n"
    "hiv [HIV]\n"
    "hiv [SEXUAL_HEALTH]\n"
    "</ISSUE>\n";

TEST(IssueDictionary, ExpansionsAndOrder) {
  Loaded d(kIssues);
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.find("KINDERGARTENS AND UNIVERSITIES"),
            (Strings{"EARLY_CHILDHOOD_EDUCATION", "POSTSECONDARY_EDUCATION"}));
  EXPECT_EQ(d.find("UNIVERSITY PRE-SCHOOLS"),
            (Strings{"POSTSECONDARY_EDUCATION", "EARLY_CHILDHOOD_EDUCATION"}));
  EXPECT_EQ(d.find("PRE SCHOOL PRE SCHOOL"), Strings{"EARLY_CHILDHOOD_EDUCATION"});
  EXPECT_EQ(d.find("ETHNIC PURGING"), Strings{"ID_ATROCITY"});
  EXPECT_EQ(d.find("THEY MASSACRED"), Strings{"ID_ATROCITY"});
  EXPECT_EQ(d.find("MASSACRES"), Strings{"ID_ATROCITY"});
  EXPECT_EQ(d.find("HIV"), (Strings{"HIV", "SEXUAL_HEALTH"}));
  EXPECT_TRUE(d.find("NOTHING HERE").empty());
}

TEST(IssueDictionary, IgnorePhraseCancelsTheSentence) {
  Loaded d(kIssues);
  EXPECT_EQ(d.find("A HEAD START"), Strings{"EARLY_CHILDHOOD_EDUCATION"});
  EXPECT_TRUE(d.find("UNIVERSITIES GET HEAD START").empty());
}

TEST(IssueDictionary, BrokenLinesAreReported) {
  Loaded d(
      "<ISSUE CATEGORY=\"EU\">\n"
      "european central bank\n"  // 2: no code
      "e.u. [EUROPEAN_UNION]\n"
      "press [MEDIA]intimidation of the media [MEDIA]\n"  // 4
      "censor [MEDIA\n"                                   // 5
      "<FOO>\n"                                           // 6
      "bad [B@D]\n");                                     // 7
  EXPECT_EQ(lines_of(d.diagnostics, Diagnostic::Severity::error), (std::vector<int>{2, 4, 5, 6, 7}))
      << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.find("E.U."), Strings{"EUROPEAN_UNION"});
}

}  // namespace
}  // namespace annals
