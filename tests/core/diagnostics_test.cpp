#include "annals/diagnostics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace annals {
namespace {

TEST(Diagnostic, FormatsFileLineAndSeverity) {
  EXPECT_EQ((Diagnostic{Diagnostic::Severity::error, "a.xml", 12, "bad tree"}).to_string(),
            "a.xml:12: error: bad tree");
  EXPECT_EQ((Diagnostic{Diagnostic::Severity::warning, "a.xml", 0, "odd"}).to_string(),
            "a.xml: warning: odd");
  EXPECT_EQ((Diagnostic{Diagnostic::Severity::error, "", 0, "no file"}).to_string(),
            "error: no file");
}

TEST(Diagnostics, CollectsAndCountsErrors) {
  Diagnostics diagnostics;
  diagnostics.error("f", 1, "one");
  diagnostics.warning("f", 2, "two");
  diagnostics.error("g", 3, "three");
  EXPECT_EQ(diagnostics.error_count(), 2u);
  const auto all = diagnostics.all();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].severity, Diagnostic::Severity::warning);
  EXPECT_EQ(all[2].file, "g");
  EXPECT_EQ(all[2].line, 3);
}

TEST(Diagnostics, IsSafeAcrossThreads) {
  Diagnostics diagnostics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) diagnostics.error("f", i, "m");
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(diagnostics.error_count(), 4000u);
}

}  // namespace
}  // namespace annals
