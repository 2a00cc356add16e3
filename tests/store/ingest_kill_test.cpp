// `annals ingest` killed with SIGKILL mid-run, then run again: the store must end equal
// to an uninterrupted run, and at the moment of the kill hold only whole stories.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "annals/store.h"
#include "store/sqlite.h"
#include "store_fixture.h"

namespace annals {
namespace {

using namespace store_test;

// Enough that the run lasts well over a second even with batched commits, so a loaded
// machine still catches it mid-run.
constexpr int kStories = 16000;

// Runs `annals ingest` and returns its pid; output goes to the log file.
pid_t start_ingest(const fs::path& db, const fs::path& corpus, const fs::path& log) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string dict = std::string(ANNALS_SOURCE_DIR) + "/data/dictionaries";
    freopen(log.c_str(), "w", stderr);
    execl(ANNALS_BINARY, ANNALS_BINARY, "ingest", "--db", db.c_str(), "--dict", dict.c_str(), "--threads", "2",
          "--quiet", corpus.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

std::string read_log(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The story id a dump line is about: the first quoted field.
std::string story_of_line(const std::string& line) {
  const size_t open = line.find('\'');
  return line.substr(open + 1, line.find('\'', open + 1) - open - 1);
}

std::map<std::string, size_t> lines_per_story(const std::string& dump) {
  std::map<std::string, size_t> counts;
  std::istringstream lines(dump);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("schema", 0) != 0) ++counts[story_of_line(line)];
  return counts;
}

TEST(IngestKill, AKilledIngestResumesToTheSameStore) {
  TempDir dir("kill");
  fs::create_directories(dir / "corpus");
  for (int part = 0; part < 8; ++part)
    write_corpus_file(dir / "corpus" / ("part" + std::to_string(part) + ".conllu"), part * kStories / 8,
                      (part + 1) * kStories / 8);

  ASSERT_EQ(wait_exit_code(start_ingest(dir / "reference.db", dir / "corpus", dir / "reference.log")), 0)
      << "is `ingest` wired into the annals command? (cli::StoreCommands in main.cpp)";
  const std::string reference = EventStore(dir / "reference.db").canonical_dump();

  const pid_t pid = start_ingest(dir / "killed.db", dir / "corpus", dir / "killed.log");
  // Kill once some stories are in, well before the end.
  bool killed = false;
  int status = 0;
  std::string last_error;
  while (!killed && waitpid(pid, &status, WNOHANG) == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    try {
      // A read-only connection: the watcher must not take part in creating the store.
      sqlite::Database watcher((dir / "killed.db").string(), SQLITE_OPEN_READONLY);
      if (watcher.integer("SELECT count(*) FROM stories") >= kStories / 10) killed = kill(pid, SIGKILL) == 0;
    } catch (const StoreError& error) {
      last_error = error.what();  // not created yet
    }
  }
  if (killed) waitpid(pid, &status, 0);
  ASSERT_TRUE(killed) << "the ingest ended before it could be killed (wait status " << status << "); its log:\n"
                      << read_log(dir / "killed.log") << "the last error reading its store: " << last_error;

  const EventStore interrupted(dir / "killed.db");
  ASSERT_LT(interrupted.story_count(), static_cast<size_t>(kStories)) << "the ingest had already finished";
  // Every story stored has all of its sentences and events, as in the full run.
  const std::map<std::string, size_t> full = lines_per_story(reference);
  for (const auto& [story, lines] : lines_per_story(interrupted.canonical_dump()))
    EXPECT_EQ(lines, full.at(story)) << "half a story stored: " << story;

  ASSERT_EQ(wait_exit_code(start_ingest(dir / "killed.db", dir / "corpus", dir / "resumed.log")), 0);
  EXPECT_EQ(EventStore(dir / "killed.db").canonical_dump(), reference);
}

}  // namespace
}  // namespace annals
