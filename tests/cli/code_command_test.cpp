// `annals code` end to end on small inputs of our own (no shared data needed).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

CommandResult run(const std::string& arguments) {
  // ctest runs tests in parallel processes: each gets its own files.
  const fs::path dir = fs::temp_directory_path();
  const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const fs::path out = dir / (name + ".out"), err = dir / (name + ".err");
  const std::string command = std::string(ANNALS_BINARY) + " " + arguments + " >" + out.string() +
                              " 2>" + err.string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

fs::path write_temp(const std::string& name, const std::string& contents) {
  const fs::path file = fs::temp_directory_path() / name;
  std::ofstream(file) << contents;
  return file;
}

// "Trump met Kim." parsed by hand; the bundled dictionaries code it as a consultation.
std::string meeting(const std::string& id) {
  return "# sent_id = " + id + "\n# text = Trump met Kim.\n"
         "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
         "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
         "3\tKim\tKim\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
         "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
}

TEST(CodeCommand, CodesTheBundledExample) {
  const CommandResult r =
      run("code " + (fs::path(ANNALS_SOURCE_DIR) / "data/examples/seed-sentences.conllu").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"cameo\":\"040\""), std::string::npos) << r.out;
  // The target is the noun phrase without its preposition, in code point offsets.
  EXPECT_NE(r.out.find("\"code\":\"PRKGOV\",\"text\":\"Kim\",\"start\":38,\"end\":41"),
            std::string::npos)
      << r.out;
}

TEST(CodeCommand, DashReadsStandardInputBetweenFiles) {
  const fs::path file = write_temp("dash_file.conllu", meeting("file-1"));
  const fs::path piped = write_temp("dash_piped.conllu", meeting("piped-1"));
  const CommandResult r = run("code --date 2024-12-28 " + file.string() + " - <" + piped.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"sentence_id\":\"file-1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"sentence_id\":\"piped-1\""), std::string::npos) << r.out;
}

TEST(CodeCommand, ABrokenSentenceIsReportedAndTheRestIsCoded) {
  const std::string broken = "# sent_id = broken\n1\tTrump\tTrump\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n\n";
  const fs::path input = write_temp("annals_broken.conllu", "# newdoc id = story\n# date = 2019-02-27\n" +
                                                               meeting("first") + broken + meeting("last"));
  const CommandResult r = run("code " + input.string());
  EXPECT_EQ(r.exit_code, 1) << "a skipped record must show in the exit code";
  EXPECT_NE(r.err.find(input.string() + ":"), std::string::npos) << "error names the file: " << r.err;
  EXPECT_NE(r.out.find("\"sentence_id\":\"first\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"sentence_id\":\"last\""), std::string::npos) << r.out;
  // 2019: Trump is the US government on that date (a dated actor code).
  EXPECT_NE(r.out.find("\"code\":\"USAGOV\""), std::string::npos) << r.out;
}

TEST(CodeCommand, RawTextStoryIsParsedAndCoded) {
  const fs::path input = write_temp(
      "annals_raw.jsonl",
      R"({"id":"s1","date":"2019-02-27","source":"X","url":null,"text":"HANOI (Reuters) - Kim Jong-un met Trump in Hanoi on Wednesday."})" "\n");
  const CommandResult r = run("code " + input.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(R"("source":{"code":"PRKGOV")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("target":{"code":"USAGOV")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("cameo":"040")"), std::string::npos) << r.out;
}

// Headlines: in capitals, the words are read as running text spells them ("ISRAELI TROOPS"
// one actor, not "ISRAELI" alone); a participle without an auxiliary is passive, so the
// journalists are the ones arrested (before, no event at all).
TEST(CodeCommand, HeadlinesAreCodedAsRunningTextWouldBe) {
  const fs::path input = write_temp(
      "annals_headlines.jsonl",
      R"({"id":"h1","date":"2024-01-02","text":"ISRAELI TROOPS KILLED THREE PALESTINIANS IN GAZA"})" "\n"
      R"({"id":"h2","date":"2024-01-02","text":"Two Reuters journalists arrested in Turkey"})" "\n");
  const CommandResult r = run("code --format tsv " + input.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ISRMIL\tPSE\t190\th1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("TUR\tGBRMED\t173\th2"), std::string::npos) << r.out;
}

TEST(CodeCommand, PlainTextTakesItsDateFromTheCommandLine) {
  const fs::path input = write_temp("annals_plain.txt", "Kim Jong-un met Trump in Hanoi.\n");
  const CommandResult undated = run("code " + input.string());
  EXPECT_EQ(undated.exit_code, 1);
  EXPECT_NE(undated.err.find("--date"), std::string::npos) << undated.err;
  EXPECT_TRUE(undated.out.empty());
  const CommandResult dated = run("code --date 2019-02-27 " + input.string());
  EXPECT_EQ(dated.exit_code, 0) << dated.err;
  EXPECT_NE(dated.out.find(R"("date":"2019-02-27")"), std::string::npos) << dated.out;
  EXPECT_NE(dated.out.find(R"("story_id":"annals_plain")"), std::string::npos) << dated.out;
}

TEST(CodeCommand, HostileRawTextIsSurvivedAndReported) {
  std::string huge;  // one 40,000-character sentence without a full stop
  while (huge.size() < 40000) huge += "and the talks went on ";
  const fs::path input = write_temp(
      "annals_hostile.jsonl",
      R"({"id":"empty","date":"2019-02-27","text":""})" "\n"
      R"({"id":"punct","date":"2019-02-27","text":"?!?! ... --- !!!"})" "\n"
      R"({"id":"huge","date":"2019-02-27","text":")" + huge + "\"}\n" +
      R"({"id":"good","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi."})" "\n");
  const CommandResult r = run("code " + input.string());
  EXPECT_NE(r.err.find("'empty'"), std::string::npos) << r.err;  // named, skipped
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(R"("story_id":"good")"), std::string::npos) << r.out;  // the rest coded
  EXPECT_NE(r.err.find("3 stories"), std::string::npos) << r.err;  // the empty one is no story

  // Invalid UTF-8 in plain text: the story is still read and coded.
  const fs::path bytes = write_temp("annals_bytes.txt", "Kim Jong-un \xff\xfe met Trump in Hanoi.\n");
  const CommandResult b = run("code --date 2019-02-27 " + bytes.string());
  EXPECT_NE(b.out.find(R"("cameo":"040")"), std::string::npos) << b.err;
}

TEST(CodeCommand, TsvHasPetrarchColumns) {
  const fs::path input = write_temp("annals_tsv.conllu", "# newdoc id = s\n# date = 2019-02-27\n" + meeting("m"));
  const CommandResult r = run("code --format tsv " + input.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "20190227\tUSAGOV\tPRKGOV\t040\ts\tm\tTrump\tKim\tmet");
}

TEST(CodeCommand, MissingDictionaryIsAnError) {
  const fs::path input = write_temp("annals_nodict.conllu", meeting("m"));
  const CommandResult r = run("code --dict /nonexistent/dictionaries " + input.string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("/nonexistent/dictionaries"), std::string::npos) << r.err;
}

}  // namespace

TEST(ScoreCommand, CountsRootsSourcesAndConfusion) {
  const fs::path gold = write_temp(
      "annals_gold.jsonl",
      R"({"id":"a","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","source":[{"country":"PRK"}],"target":[{"country":"USA"}],"cameo_root":"04"})" "\n"
      R"({"id":"b","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","source":[{"country":"PRK"}],"target":[{"country":"CHN"}],"cameo_root":"04"})" "\n"
      R"({"id":"c","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","source":[{"country":"PRK"}],"cameo_root":"19"})" "\n"
      "not json\n");
  const CommandResult r = run("score " + gold.string());
  EXPECT_EQ(r.exit_code, 1);  // the malformed line
  EXPECT_NE(r.err.find("annals_gold.jsonl:4"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("(gold root found)                  66.7%  (2 of 3)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(gold root and source country)     66.7%  (2 of 3)"), std::string::npos) << r.out;
  // Only records a and b name a target: a's is right, b's (China) is not.
  EXPECT_NE(r.out.find("(and target country)               50.0%  (1 of 2 records with both)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("19                     04:1"), std::string::npos) << r.out;
}

TEST(ScoreCommand, SaysWhichDateUndatedRecordsAreCodedAsOf) {
  const fs::path gold = write_temp(
      "annals_gold_undated.jsonl",
      R"({"id":"a","text":"Kim Jong-un met Trump in Hanoi.","cameo_root":"04"})" "\n"
      R"({"id":"b","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","cameo_root":"04"})" "\n"
      R"({"id":"c","date":"27/02/2019","text":"Kim Jong-un met Trump in Hanoi.","cameo_root":"04"})" "\n");
  const CommandResult r = run("score " + gold.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 records without a valid date, coded as of 2000-01-01"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("annals_gold_undated.jsonl:3: date '27/02/2019' is not YYYY-MM-DD"), std::string::npos)
      << r.err;
  const CommandResult dated = run("score --date 2019-02-27 " + gold.string());
  EXPECT_NE(dated.out.find("2 records without a valid date, coded as of 2019-02-27"), std::string::npos)
      << dated.out;
  EXPECT_NE(run("score --date 2019-02-30 " + gold.string()).err.find("expected a date"), std::string::npos);
}

TEST(ScoreCommand, ARecordThatCannotBeCodedIsReportedAndTheRestScored) {
  const fs::path gold = write_temp(
      "annals_gold_unparsed.jsonl",
      R"({"id":"a","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","cameo_root":"04"})" "\n"
      R"({"id":"b","date":"2019-02-27","text":"Trump met Kim.","cameo_root":"04"})" "\n");
  // Without a model no record can be parsed: each is reported, and the run still ends
  // with its summary instead of dying on the first.
  const CommandResult r = run("score --model /nonexistent/en.model " + gold.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("annals_gold_unparsed.jsonl:1: record 'a' not coded"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("annals_gold_unparsed.jsonl:2: record 'b' not coded"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("annals_gold_unparsed.jsonl: 0 records"), std::string::npos) << r.out;
}

TEST(ScoreCommand, AFileIsScoredAtTheLevelOfItsFirstRecord) {
  const fs::path gold = write_temp(
      "annals_gold_mixed.jsonl",
      R"({"id":"a","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","cameo_root":"04"})" "\n"
      R"({"id":"b","date":"2019-02-27","text":"Kim Jong-un met Trump in Hanoi.","label":"verbal cooperation"})" "\n");
  const CommandResult r = run("score " + gold.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("annals_gold_mixed.jsonl:2: gold label 'verbal cooperation' is a class"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("1 records"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(gold root found)"), std::string::npos) << "the last record must not change the unit:\n"
                                                                 << r.out;
  EXPECT_NE(r.out.find("04                     04:1"), std::string::npos) << r.out;
}
