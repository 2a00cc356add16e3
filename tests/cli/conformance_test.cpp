// The peers' conformance suites, run once each through the annals binary.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

namespace {

const std::filesystem::path shared = ANNALS_SHARED_DIR;

struct CommandResult {
  int status = -1;
  std::string output;
};

CommandResult run(const std::string& arguments) {
  CommandResult result;
  const std::string command = std::string(ANNALS_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  result.status = pclose(pipe);
  return result;
}

// Returns {passed, failed} from the closing "N passed, M failed" line.
std::pair<int, int> summary(const std::string& output) {
  std::smatch m;
  static const std::regex line(R"((\d+) passed, (\d+) failed)");
  for (auto it = std::sregex_iterator(output.begin(), output.end(), line);
       it != std::sregex_iterator(); ++it)
    m = *it;
  if (m.empty()) return {-1, -1};
  return {std::stoi(m[1]), std::stoi(m[2])};
}

// Skips from SetUp, so that no assertion of the test body runs without the data.
class Conformance : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(shared / "conformance"))
      GTEST_SKIP() << "needs the shared data sets at " << shared << " (absent)";
  }
};

TEST_F(Conformance, PetrarchUnitTestRecordsPassAtLeastNinetyPercent) {
  CommandResult r = run("validate --quiet " + (shared / "conformance/petrarch/PETR.UnitTest.records.xml").string());
  auto [passed, failed] = summary(r.output);
  ASSERT_GE(passed, 0) << r.output;
  std::cout << "PETRARCH unit tests: " << passed << " passed, " << failed << " failed\n";
  EXPECT_GE(passed * 10, (passed + failed) * 9) << r.output;
}

TEST_F(Conformance, Petrarch2GoldStandardRecordsPassAtLeastEightyPercent) {
  CommandResult r = run("validate --quiet --dict " + (shared / "dictionaries/phoenix").string() + " " +
              (shared / "conformance/petrarch2-gsr/PETR2_GSR_validation.xml").string());
  auto [passed, failed] = summary(r.output);
  ASSERT_GE(passed, 0) << r.output;
  std::cout << "PETRARCH-2 GSR: " << passed << " passed, " << failed << " failed\n";
  EXPECT_GE(passed * 10, (passed + failed) * 8) << r.output;
}

TEST_F(Conformance, GigaWordSampleCodesWithoutErrors) {
  CommandResult r = run("code --dict " + (shared / "dictionaries/phoenix").string() + " " +
              (shared / "corpora/gigaword-sample/GigaWord.sample.PETR.xml").string());
  // The Phoenix files have genuine defects (see PhoenixDefectsAreReportedWithTheirLines),
  // so the exit status is non-zero; the input itself must code cleanly.
  EXPECT_NE(r.output.find(" 0 input errors"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("GigaWord.sample.PETR.xml:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"cameo\""), std::string::npos) << "no events coded";
}

TEST_F(Conformance, PhoenixDefectsAreReportedWithTheirLines) {
  CommandResult r = run("dict check " + (shared / "dictionaries/phoenix").string());
  EXPECT_NE(r.status, 0) << "the Phoenix set has genuine defects, the lint must fail";
  for (const char* defect : {"Phoenix.Countries.actors.txt:2039: error",
                             "Phoenix.International.actors.txt:22: error",
                             "Phoenix.agents.txt:544: error"})
    EXPECT_NE(r.output.find(defect), std::string::npos) << defect << "\n" << r.output;
  EXPECT_NE(r.output.find("(CAMEO.2.0 dialect)"), std::string::npos) << r.output;
}

}  // namespace
