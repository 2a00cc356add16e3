#include "annals/readers.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>

namespace annals {
namespace {

std::vector<Story> read_all(const std::string& input, Diagnostics& diagnostics, const std::string& name = "in.xml") {
  std::istringstream in(input);
  std::vector<Story> stories;
  read_stories(in, name, [&](Story&& story) { stories.push_back(std::move(story)); }, diagnostics);
  return stories;
}

bool has_diagnostic(const Diagnostics& diagnostics, const std::string& file, int line, const std::string& words) {
  for (const Diagnostic& d : diagnostics.all())
    if (d.file == file && d.line == line && d.message.find(words) != std::string::npos) return true;
  return false;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics.all()) text += d.to_string() + '\n';
  return text;
}

// Four records of two stories; the second one's XML is broken (its <Text> is never
// closed, which shows at line 10).
const char* const kPetrarchStories =
    "<Sentences>\n"                                                   // 1
    "<Sentence date=\"20080801\" id=\"AFP01-1\" source=\"AFP\">\n"    // 2
    "<Text>\n  Israel  attacked\n Gaza .\n</Text>\n"                   // 3-6
    "<Parse>(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))</Parse>\n"  // 7
    "</Sentence>\n"                                                    // 8
    "<Sentence date=\"20080801\" id=\"AFP01-2\"><Text>broken\n"       // 9
    "</Sentence>\n"                                                    // 10
    "<Sentence date=\"20080801\" id=\"AFP01-3\">\n"                   // 11
    "<Text>Gaza protested.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Gaza)) (VP (VBD protested)) (. .)))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20080802\" id=\"DEMO_7\">\n"                    // 15
    "<Text>Gaza protested.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Gaza)) (VP (VBD protested)) (. .)))</Parse>\n"
    "</Sentence>\n"
    "</Sentences>\n";

TEST(ReadStories, GroupsPetrarchRecordsIntoStoriesAndSkipsABrokenRecord) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(kPetrarchStories, diagnostics);
  ASSERT_EQ(stories.size(), 2u) << dump(diagnostics);

  EXPECT_EQ(stories[0].id, "AFP01");
  EXPECT_EQ(stories[0].date, (Date{20080801}));
  EXPECT_EQ(stories[0].source, "AFP");
  EXPECT_EQ(stories[0].file, "in.xml");
  EXPECT_EQ(stories[0].line, 2);
  ASSERT_EQ(stories[0].sentences.size(), 2u);  // AFP01-1 and AFP01-3
  EXPECT_EQ(stories[0].sentences[0].id, "AFP01-1");
  EXPECT_EQ(stories[0].sentences[0].text, "Israel attacked Gaza .");  // whitespace normalised
  EXPECT_EQ(stories[0].sentences[1].id, "AFP01-3");

  EXPECT_EQ(stories[1].id, "DEMO");
  EXPECT_EQ(stories[1].date, (Date{20080802}));

  EXPECT_EQ(diagnostics.error_count(), 1u) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, "in.xml", 10, "malformed")) << dump(diagnostics);
}

TEST(ReadStories, StoryIdsComeFromTheRecordIdSuffix) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "<Sentences>\n"
      "<Sentence date=\"20080804\" id=\"AFP0808020593-1a\"><Text>A b.</Text></Sentence>\n"
      "<Sentence date=\"20080804\" id=\"AFP0808020625_4\"><Text>A b.</Text></Sentence>\n"
      "<Sentence date=\"20080804\" id=\"12\"><Text>A b.</Text></Sentence>\n"
      "</Sentences>\n",
      diagnostics);
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].id, "AFP0808020593-1a");  // not only digits after the separator
  EXPECT_EQ(stories[1].id, "AFP0808020625");
  EXPECT_EQ(stories[2].id, "12");
  // Records without <Parse> keep their text for a parser.
  EXPECT_TRUE(stories[0].sentences.empty());
  EXPECT_EQ(stories[0].text, "A b.");
}

TEST(ReadStories, ReportsBadDatesMissingIdsAndUnreadableParsesWithTheirLines) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "<Sentences>\n"                                                  // 1
      "<Sentence date=\"20081301\" id=\"A-1\"><Text>x</Text></Sentence>\n"  // 2: no 13th month
      "<Sentence date=\"20080101\"><Text>x</Text></Sentence>\n"            // 3: no id
      "<Sentence date=\"20080101\" id=\"B-1\">\n"                         // 4
      "<Text>Gaza protested.</Text>\n"                                   // 5
      "<Parse>\n"                                                        // 6
      "(ROOT (S (NP (NNP Gaza))\n"                                       // 7
      "  (VP (VBD protested)) (. .)\n"                                   // 8: one ')' short
      "</Parse>\n"
      "</Sentence>\n"
      "<Sentence date=\"20080101\" id=\"C-1\">\n"
      "<Text>Gaza protested.</Text>\n"
      "<Parse>(ROOT (S (NP (NNP Gaza)) (VP (VBD protested)) (. .)))</Parse>\n"
      "</Sentence>\n"
      "</Sentences>\n",
      diagnostics);
  ASSERT_EQ(stories.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(stories[0].id, "C");
  EXPECT_TRUE(has_diagnostic(diagnostics, "in.xml", 2, "date")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, "in.xml", 3, "id")) << dump(diagnostics);
  bool parse_error_in_parse_lines = false;
  for (const Diagnostic& d : diagnostics.all())
    parse_error_in_parse_lines |= d.message.find("B-1") != std::string::npos && d.line >= 4 && d.line <= 9;
  EXPECT_TRUE(parse_error_in_parse_lines) << dump(diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 3u) << dump(diagnostics);
}

TEST(ReadStories, ReadsSelfClosedRecordsAndHashCommentLines) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<Validation>\n"
      "# a comment line that mentions <Sentence id=\"fake\"> and <EventCoding...>\n"
      "<Sentences>\n"
      "<Sentence category=\"AFP\" date=\"20080804\" id=\"GSR_4\" evaluate=\"true\"/>\n"
      "<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\" />\n"
      "<Text>\nGaza protested.\n</Text>\n"
      "<Parse>\n"
      "1\tGaza\tGaza\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "</Parse>\n"
      "</Sentence>\n"
      "</Sentences>\n"
      "</Validation>\n",
      diagnostics);
  EXPECT_EQ(diagnostics.all().size(), 0u) << dump(diagnostics);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].id, "GSR");
  ASSERT_EQ(stories[0].sentences.size(), 1u);
  EXPECT_EQ(stories[0].sentences[0].text, "Gaza protested.");
  ASSERT_EQ(stories[0].sentences[0].tokens.size(), 3u);
  EXPECT_EQ(stories[0].sentences[0].tokens[1].form, "protested");
}

TEST(ReadStories, ReadsJsonlStoriesAndSkipsBadLines) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "{\"id\": \"s1\", \"date\": \"2024-12-28\", \"source\": \"BTA\", \"url\": null, \"text\": \"Kim vowed.\"}\n"  // 1
      "{\"id\": \"s2\", \"date\": \"2024-12-28\", \"text\": \"cut off\n"                                        // 2
      "\n"                                                                                                    // 3
      "{\"date\": \"2024-12-28\", \"text\": \"no id\"}\n"                                                    // 4
      "{\"id\": \"s4\", \"date\": \"28.12.2024\", \"text\": \"bad date\"}\n"                                 // 5
      "{\"id\": \"s5\", \"date\": \"2024-12-29\", \"url\": \"https://example.org/a\", \"text\": \"Later.\"}\n",  // 6
      diagnostics, "news.jsonl");
  ASSERT_EQ(stories.size(), 2u) << dump(diagnostics);
  EXPECT_EQ(stories[0].id, "s1");
  EXPECT_EQ(stories[0].date, (Date{20241228}));
  EXPECT_EQ(stories[0].source, "BTA");
  EXPECT_EQ(stories[0].text, "Kim vowed.");
  EXPECT_EQ(stories[0].line, 1);
  EXPECT_EQ(stories[1].id, "s5");
  EXPECT_EQ(stories[1].url, "https://example.org/a");
  EXPECT_EQ(stories[1].line, 6);

  EXPECT_EQ(diagnostics.error_count(), 3u) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, "news.jsonl", 2, "malformed JSON")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, "news.jsonl", 4, "id")) << dump(diagnostics);
  EXPECT_TRUE(has_diagnostic(diagnostics, "news.jsonl", 5, "date")) << dump(diagnostics);
}

TEST(ReadStories, JsonlStoryWithConlluBecomesParsedSentences) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "{\"id\": \"p1\", \"date\": \"20241228\", \"text\": \"Kim vowed.\", \"conllu\": "
      "\"1\\tKim\\tKim\\tPROPN\\tNNP\\t_\\t2\\tnsubj\\t_\\t_\\n"
      "2\\tvowed\\tvow\\tVERB\\tVBD\\t_\\t0\\troot\\t_\\tSpaceAfter=No\\n"
      "3\\t.\\t.\\tPUNCT\\t.\\t_\\t2\\tpunct\\t_\\t_\\n\"}\n",
      diagnostics, "parsed.jsonl");
  ASSERT_EQ(stories.size(), 1u) << dump(diagnostics);
  ASSERT_EQ(stories[0].sentences.size(), 1u);
  EXPECT_EQ(stories[0].sentences[0].tokens.size(), 3u);
  EXPECT_TRUE(stories[0].text.empty());
}

TEST(ReadStories, InvalidUtf8InJsonlIsReplacedNotFatal) {
  Diagnostics diagnostics;
  const std::vector<Story> stories =
      read_all("{\"id\": \"s1\", \"date\": \"2024-12-28\", \"text\": \"caf\xE9 talks\"}\n", diagnostics, "l1.jsonl");
  ASSERT_EQ(stories.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(stories[0].text, "caf\xEF\xBF\xBD talks");
  EXPECT_EQ(diagnostics.error_count(), 0u);
}

TEST(ReadStories, ReadsConlluDocumentsAsStories) {
  Diagnostics diagnostics;
  const std::vector<Story> stories = read_all(
      "# newdoc id = doc-a\n"                                  // 1
      "# date = 2024-12-28\n"                                  // 2
      "# sent_id = a-1\n"                                      // 3
      "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"          // 4
      "2\tvowed\tvow\tVERB\tVBD\t_\t0\troot\t_\t_\n"          // 5
      "\n"                                                     // 6
      "# sent_id = a-2\n"                                      // 7
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"      // 8
      "2\tmet\tmeet\tVERB\tVBD\t_\t7\troot\t_\t_\n"           // 9: head 7 does not exist
      "\n"                                                     // 10
      "# newdoc id = doc-b\n"                                  // 11
      "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n",
      diagnostics, "parsed.conllu");
  ASSERT_EQ(stories.size(), 2u) << dump(diagnostics);
  EXPECT_EQ(stories[0].id, "doc-a");
  EXPECT_EQ(stories[0].date, (Date{20241228}));
  ASSERT_EQ(stories[0].sentences.size(), 1u);
  EXPECT_EQ(stories[0].sentences[0].tokens[0].form, "Kim");
  EXPECT_EQ(stories[1].id, "doc-b");
  EXPECT_EQ(stories[1].sentences.size(), 1u);
  ASSERT_EQ(diagnostics.error_count(), 1u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all()[0].file, "parsed.conllu");
  EXPECT_GE(diagnostics.all()[0].line, 7);
  EXPECT_LE(diagnostics.all()[0].line, 9);
}

TEST(ReadStories, TextOfHashLinesAloneIsPlainTextNotJsonl) {
  Diagnostics diagnostics;
  const std::vector<Story> stories =
      read_all("# Talks in Hanoi\n\n#  Trump met Kim on Wednesday.\n", diagnostics, "notes.txt");
  EXPECT_EQ(diagnostics.all().size(), 0u) << dump(diagnostics);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].id, "notes");
  EXPECT_TRUE(stories[0].sentences.empty()) << "plain text, not CoNLL-U";
  EXPECT_EQ(stories[0].text, "# Talks in Hanoi\n\n#  Trump met Kim on Wednesday.\n");
}

TEST(ReadStories, CommentsBeforeTextAreStillPlainTextAndOnlyABraceMeansJsonl) {
  Diagnostics diagnostics;
  const std::vector<Story> text = read_all("# heading\nTrump met Kim.\n", diagnostics, "story.txt");
  ASSERT_EQ(text.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(text[0].text, "# heading\nTrump met Kim.\n");
  const std::vector<Story> jsonl = read_all(
      "\n{\"id\": \"j1\", \"date\": \"2024-12-28\", \"text\": \"Trump met Kim.\"}\n", diagnostics, "stories.txt");
  ASSERT_EQ(jsonl.size(), 1u) << dump(diagnostics);
  EXPECT_EQ(jsonl[0].id, "j1");
  EXPECT_EQ(diagnostics.all().size(), 0u) << dump(diagnostics);
}

TEST(ReadStories, InvalidUtf8IsKeptAndWarnedAboutAtItsFirstLine) {
  Diagnostics diagnostics;
  const std::string text = "Trump met Kim.\nIsraeli troops \xff killed two caf\xe9 owners.\nBad \xc3 again.\n";
  const std::vector<Story> stories = read_all(text, diagnostics, "latin1.txt");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].text, text);  // offsets still point into the file
  ASSERT_EQ(diagnostics.all().size(), 1u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all()[0].severity, Diagnostic::Severity::warning);
  EXPECT_EQ(diagnostics.all()[0].line, 2);
  EXPECT_EQ(diagnostics.error_count(), 0u);
  // A genuine U+FFFD is well formed.
  read_all("Trump met \xef\xbf\xbd Kim.\n", diagnostics, "fine.txt");
  EXPECT_EQ(diagnostics.all().size(), 1u) << dump(diagnostics);
  // CoNLL-U and PETRARCH XML: the same warning, at the line of the bad byte.
  Diagnostics conllu;
  read_all("# newdoc id = d\n1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
           "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t\xff\t\xff\tX\tXX\t_\t2\tdep\t_\t_\n",
           conllu, "parsed.conllu");
  ASSERT_EQ(conllu.all().size(), 1u) << dump(conllu);
  EXPECT_EQ(conllu.all()[0].line, 4);
  Diagnostics xml;
  const std::vector<Story> records = read_all(
      "<Sentences>\n<Sentence date=\"20240101\" id=\"A-1\" source=\"x\" sentence=\"True\">\n<Text>\n"
      "Trump \x93met\x94 Kim.\n</Text>\n</Sentence>\n</Sentences>\n",
      xml, "records.xml");
  EXPECT_EQ(records.size(), 1u);
  ASSERT_EQ(xml.all().size(), 1u) << dump(xml);
  EXPECT_EQ(xml.all()[0].severity, Diagnostic::Severity::warning);
  EXPECT_EQ(xml.all()[0].line, 4);
}

TEST(ReadStories, MissingFileIsReportedNotThrown) {
  Diagnostics diagnostics;
  int stories = 0;
  read_stories(std::filesystem::path("/nonexistent/annals/input.jsonl"), [&](Story&&) { ++stories; }, diagnostics);
  EXPECT_EQ(stories, 0);
  EXPECT_EQ(diagnostics.error_count(), 1u);
}


// A small validation file of our own: Environment, Config between records, a broken record.
const char* const kValidationFile =
    "<Validation>\n"                                                           // 1
    "<Environment>\n"                                                          // 2
    "  <Verbfile>verbs.txt</Verbfile>\n"
    "  <Actorfile>a.txt, b.txt ,c.txt</Actorfile>\n"
    "  <Agentfile>agents.txt</Agentfile>\n"
    "  <Discardfile>discards.txt</Discardfile>\n"
    "  <Issuefile>issues.txt</Issuefile>\n"
    "  <Include>valid DEMO\n  OTHER</Include>\n"
    "  <Config option=\"require_dyad\" value=\"True\"></Config>\n"
    "</Environment>\n"                                                         // 11
    "<Sentences>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\">\n"           // 13
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"/>\n"
    "<Text>Arnor helped Gondor.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD helped) (NP (NNP Gondor))) (. .)))</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"false\"/>\n"                       // 19
    "<Config option=\"comma_emax\" value=\"0\"></Config>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-02\" category=\"DEMO\" evaluate=\"false\">\n"  // 21
    "<EventCoding noevents = \"True\"></EventCoding>\n"
    "<Text>Arnor slept.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD slept) (. .)))</Parse>\n"           // 24: one ')' short
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-03\" category=\"DEMO\">\n"           // 26
    "<EventCoding error=\"sentencediscard\"></EventCoding>\n"
    "<Text>Broken <b>record.</Text>\n"                                         // 28
    "</Sentence>\n"                                                            // 29
    "<Config option=\"require_dyad\" value=\"TRUE\"></Config>\n"
    "<Sentence date=\"19950102\" id=\"DEMO-04\" category=\"OTHER\">\n"
    "<EventCoding error=\"dateline\"></EventCoding>\n"
    "<Text>Arnor slept.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

class ValidationFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("annals-validation-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".xml");
    std::ofstream(path_) << kValidationFile;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST_F(ValidationFileTest, ReadsEnvironmentRecordsAndPersistentConfig) {
  Diagnostics diagnostics;
  const ValidationFile file = read_validation_file(path_, diagnostics);

  const ValidationEnvironment& env = file.environment;
  EXPECT_EQ(env.verbfile, "verbs.txt");
  EXPECT_EQ(env.actorfiles, (std::vector<std::string>{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(env.agentfile, "agents.txt");
  EXPECT_EQ(env.discardfile, "discards.txt");
  EXPECT_EQ(env.issuefile, "issues.txt");
  EXPECT_EQ(env.include, (std::vector<std::string>{"valid", "DEMO", "OTHER"}));
  EXPECT_EQ(env.options, (std::map<std::string, std::string>{{"require_dyad", "True"}}));

  ASSERT_EQ(file.records.size(), 3u) << dump(diagnostics);
  const ValidationRecord& first = file.records[0];
  EXPECT_EQ(first.id, "DEMO-01");
  EXPECT_EQ(first.category, "DEMO");
  EXPECT_TRUE(first.evaluate);
  EXPECT_EQ(first.expected, (std::vector<ExpectedEvent>{{"ARN", "GON", "064"}, {"GON", "ARN", "064"}}));
  EXPECT_EQ(first.options.at("require_dyad"), "True");
  EXPECT_EQ(first.options.count("comma_emax"), 0u);
  EXPECT_EQ(first.parse_error, "");
  ASSERT_EQ(first.story.sentences.size(), 1u);
  EXPECT_EQ(first.story.sentences[0].text, "Arnor helped Gondor.");
  EXPECT_EQ(first.story.line, 13);

  const ValidationRecord& second = file.records[1];
  EXPECT_EQ(second.id, "DEMO-02");
  EXPECT_FALSE(second.evaluate);
  EXPECT_TRUE(second.expect_no_event);
  EXPECT_TRUE(second.expected.empty());
  EXPECT_NE(second.parse_error, "");  // kept for validation, with the reason
  EXPECT_TRUE(second.story.sentences.empty());
  EXPECT_EQ(second.story.text, "Arnor slept.");
  EXPECT_EQ(second.options.at("require_dyad"), "false");
  EXPECT_EQ(second.options.at("comma_emax"), "0");

  const ValidationRecord& last = file.records[2];
  EXPECT_EQ(last.id, "DEMO-04");
  EXPECT_EQ(last.expected_error, "dateline");
  EXPECT_EQ(last.parse_error, "the record has no <Parse>");
  EXPECT_EQ(last.options.at("require_dyad"), "TRUE");
  EXPECT_EQ(last.options.at("comma_emax"), "0");  // still in effect

  // DEMO-03 is broken XML: reported at the line where the parser gives up, then skipped.
  ASSERT_EQ(diagnostics.all().size(), 1u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all()[0].file, path_.string());
  EXPECT_EQ(diagnostics.all()[0].line, 28);
}

TEST(ReadValidationFile, MissingFileIsReported) {
  Diagnostics diagnostics;
  const ValidationFile file = read_validation_file("/nonexistent/annals/validation.xml", diagnostics);
  EXPECT_TRUE(file.records.empty());
  EXPECT_EQ(diagnostics.error_count(), 1u);
}

}  // namespace
}  // namespace annals
