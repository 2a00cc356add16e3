// `annals ingest` and `annals dedup` end to end on small inputs of our own (no shared
// data needed): what the commands tell the user and what the store then holds.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory per test (ctest runs tests in parallel processes).
class StoreCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("annals_cli_store_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult run(const std::string& arguments) const {
    const fs::path out = dir_ / "out", err = dir_ / "err";
    const std::string command =
        std::string(ANNALS_BINARY) + " " + arguments + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  // "Trump met Kim." on 2019-02-27, parsed by hand.
  fs::path write_story() const {
    const fs::path file = dir_ / "story.conllu";
    std::ofstream(file) << "# newdoc id = hanoi\n# date = 2019-02-27\n"
                           "# sent_id = hanoi-1\n# text = Trump met Kim.\n"
                           "1\tTrump\tTrump\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                           "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                           "3\tKim\tKim\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
                           "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    return file;
  }

  fs::path dir_;
};

TEST_F(StoreCommands, AStoryIsRecodedAfterADictionaryChange) {
  const fs::path dict = dir_ / "dictionaries";
  fs::copy(fs::path(ANNALS_SOURCE_DIR) / "data/dictionaries", dict);
  const std::string ingest =
      "ingest --quiet --db " + (dir_ / "events.db").string() + " --dict " + dict.string() + " " + write_story().string();
  const std::string export_events = "export --db " + (dir_ / "events.db").string() + " --format csv";

  const CommandResult first = run(ingest);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("1 added"), std::string::npos) << first.err;
  EXPECT_NE(run(export_events).out.find(",PRKGOV,Kim,"), std::string::npos);
  const CommandResult same = run(ingest);
  EXPECT_NE(same.err.find("1 unchanged"), std::string::npos) << same.err;

  // Kim Jong-un becomes a military actor: the stored event must follow.
  const fs::path people = dict / "annals.people.actors.txt";
  std::string actors = slurp(people);
  const size_t at = actors.find("[PRKGOV >20111217]");
  ASSERT_NE(at, std::string::npos) << "the bundled dictionary changed; update this test";
  actors.replace(at, 18, "[PRKMIL >20111217]");
  std::ofstream(people, std::ios::trunc) << actors;

  const CommandResult after = run(ingest);
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.err.find("1 replaced"), std::string::npos) << after.err;
  const std::string events = run(export_events).out;
  EXPECT_NE(events.find(",PRKMIL,Kim,"), std::string::npos) << events;
  EXPECT_EQ(events.find(",PRKGOV,Kim,"), std::string::npos) << "stale events of the old dictionary:\n" << events;
  EXPECT_NE(run(ingest).err.find("1 unchanged"), std::string::npos) << "recoded once, then skipped";
}

TEST_F(StoreCommands, DedupSaysItsWindowRunsAfterTheFirstMention) {
  const CommandResult ingest =
      run("ingest --quiet --db " + (dir_ / "events.db").string() + " " + write_story().string());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const CommandResult dedup = run("dedup --db " + (dir_ / "events.db").string() + " --window 3");
  EXPECT_EQ(dedup.exit_code, 0) << dedup.err;
  EXPECT_NE(dedup.err.find("up to 3 days after a happening's first one"), std::string::npos) << dedup.err;
  EXPECT_EQ(dedup.err.find("\u00B1"), std::string::npos) << "the window is not on both sides: " << dedup.err;
}

}  // namespace
