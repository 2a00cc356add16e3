// The field's own dictionaries from ../shared: the PETRARCH validation set and the
// production Phoenix set load with no error beyond the defects listed here.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "annals/dictionaries.h"
#include "dictionaries/actors.h"
#include "dictionaries/verbs.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::words_of;
namespace fs = std::filesystem;

const fs::path kShared = ANNALS_SHARED_DIR;

#define REQUIRE_SHARED(path)         \
  if (!fs::exists(kShared / (path))) \
  GTEST_SKIP() << "shared data not found: " << (kShared / (path)).string()

TEST(PetrarchValidationDictionaries, LoadCleanly) {
  REQUIRE_SHARED("conformance/petrarch/PETR.Validate.actors.txt");
  const fs::path dir = kShared / "conformance/petrarch";
  Diagnostics diagnostics;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardDictionary discards;
  actors.load((dir / "PETR.Validate.actors.txt").string(), diagnostics);
  agents.load((dir / "PETR.Validate.agents.txt").string(), diagnostics);
  discards.load((dir / "PETR.Validate.discards.txt").string(), diagnostics);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics.all()) messages.push_back(d.to_string());
  // PALESTINIAN is both an actor of its own and a synonym of PALESTINE.
  ASSERT_EQ(messages.size(), 1u) << testing::PrintToString(messages);
  EXPECT_NE(messages[0].find("PALESTINIAN"), std::string::npos);

  const auto code = [&](const std::string& text, int date) {
    const auto m = actors.match(words_of(text), 0);
    return m ? m->value->code_on(Date{date}) : std::string("<none>");
  };
  EXPECT_EQ(code("ARNOR", 19950101), "ARN");
  EXPECT_EQ(code("ARGENTINA", 19950101), "<none>");
  EXPECT_EQ(code("SAM GAMGEE", 20100110), "ORCHOB");  // listed before the wider HOBMIL
  EXPECT_EQ(code("SAM GAMGEE", 20100113), "HOBMIL");
  EXPECT_EQ(code("SLINKER", 19950601), "HOB");
  EXPECT_EQ(code("STINKER", 19990816), "HOBREB");
  EXPECT_EQ(code("ZIMBABWE", 19781223), "RHO");
  EXPECT_EQ(code("ZIMBABWE", 20010101), "ZBW");
  EXPECT_EQ(code("PRINCE OF DOL AMROTH", 19950101), "---");
  EXPECT_EQ(code("PRINCE OF DOL AMROTH", 19960101), "DOL");
  EXPECT_EQ(code("THE SHIRE", 19960101), "FRO/BIL/SAM");
  EXPECT_EQ(code("TUCKBOROUGH", 19960101), "TOK");  // the last entry of the file
  EXPECT_EQ(code("NEW ZEALAND", 19960101), "NZE");
  EXPECT_EQ(code("ZEALAND", 19960101), "DNK");
  const auto itv = actors.match(words_of("ITHILEN TELEVISION"), 0);
  ASSERT_TRUE(itv);
  EXPECT_EQ(itv->value->code_on(Date{19960101}), "ITHTV");

  const auto agent = [&](const std::string& text) {
    const auto m = agents.match(words_of(text), 0);
    return m ? (m->value->prefix ? m->value->code + "~" : "~" + m->value->code) : "<none>";
  };
  EXPECT_EQ(agent("CONGRESSWOMEN"), "~LEG");
  EXPECT_EQ(agent("MINISTRIES OF SILLY WALKS"), "~GOV");
  EXPECT_EQ(agent("MSF"), "NGO~");
  EXPECT_EQ(agent("POLICES"), "<none>");
  EXPECT_EQ(agent("GOLDEN GEESE"), "~GGS");

  EXPECT_EQ(discards.find(words_of("THE TYPHOON HIT")), DiscardDictionary::Scope::story);
  EXPECT_EQ(discards.find(words_of("AFRICAN NATIONS CUP FINAL")),
            DiscardDictionary::Scope::sentence);
}

// Genuine defects of the Phoenix files (file name, line), each reported as an error.
const std::set<std::pair<std::string, int>> kPhoenixDefects = {
    {"Phoenix.Countries.actors.txt", 2039},    // date "9008223" has 7 digits
    {"Phoenix.Countries.actors.txt", 14190},   // range 20121207-20120802 runs backwards
    {"Phoenix.Countries.actors.txt", 15346},   // phrase "FAEROYENE]_"
    {"Phoenix.Countries.actors.txt", 31715},   // "[... 20121204]" without < > or -
    {"Phoenix.Countries.actors.txt", 50802},   // entry without any code
    {"Phoenix.Countries.actors.txt", 50839},   // entry without any code
    {"Phoenix.Countries.actors.txt", 51384},   // "[... 19820101]" without < > or -
    {"Phoenix.International.actors.txt", 22},  // U.N._ without any code
    {"Phoenix.International.actors.txt", 40},  // date "2004017" has 7 digits
    {"Phoenix.agents.txt", 544},               // "[~ENV}"
    {"Phoenix.agents.txt", 1927},              // ISLAMIC_EXTREMIST without a code
    {"Phoenix.IssueCoding.txt", 141},          // European Union phrases without codes
    {"Phoenix.IssueCoding.txt", 142},
    {"Phoenix.IssueCoding.txt", 143},
    {"Phoenix.IssueCoding.txt", 144},
    {"Phoenix.IssueCoding.txt", 145},
    {"Phoenix.IssueCoding.txt", 146},
    {"Phoenix.IssueCoding.txt", 147},
    {"Phoenix.IssueCoding.txt", 1040},
    {"Phoenix.IssueCoding.txt", 1183},  // "n:journalist v:arrested" without a code
    {"Phoenix.IssueCoding.txt", 1198},  // two entries on one line
    {"Phoenix.IssueCoding.txt", 1219},
    {"Phoenix.IssueCoding.txt", 1220},
    {"Phoenix.IssueCoding.txt", 1221},
    {"Phoenix.IssueCoding.txt", 2250},
    {"Phoenix.IssueCoding.txt", 2521},  // two entries on one line
    {"Phoenix.IssueCoding.txt", 2889},
    {"Phoenix.IssueCoding.txt", 3053},
};

TEST(PhoenixDictionaries, LoadWithOnlyTheKnownDefects) {
  REQUIRE_SHARED("dictionaries/phoenix/PETR_config.ini");
  const fs::path dir = kShared / "dictionaries/phoenix";
  Diagnostics diagnostics;
  const DictionaryFiles files = read_petrarch_config(dir, diagnostics);
  ASSERT_EQ(files.actors.size(), 3u);
  ASSERT_FALSE(files.issues.empty());
  const auto set = Dictionaries::load(files, diagnostics);  // load time: bench/bench_coding
  ASSERT_TRUE(set);

  std::set<std::pair<std::string, int>> errors;
  for (const Diagnostic& d : diagnostics.all()) {
    const std::string name = fs::path(d.file).filename().string();
    if (d.severity == Diagnostic::Severity::error && name != files.verbs.filename().string())
      errors.emplace(name, d.line);
  }
  EXPECT_EQ(errors, kPhoenixDefects);

  EXPECT_EQ(set->dialect(), VerbDialect::cameo2);
  EXPECT_GT(set->actors().size(), 27000u);
  EXPECT_GT(set->actors().phrase_count(), 34000u);
  EXPECT_GT(set->agents().size(), 2200u);
  EXPECT_GT(set->agents().phrase_count(), 5000u);
  EXPECT_EQ(set->discards().size(), 506u);
  EXPECT_GT(set->issues().size(), 4500u);

  const ActorDictionary& actors = set->actors();
  const auto code = [&](const std::string& text, int date) {
    const auto m = actors.match(words_of(text), 0);
    return m ? m->value->code_on(Date{date}) : std::string("<none>");
  };
  EXPECT_EQ(code("UNITED STATES", 20150101), "USA");
  EXPECT_EQ(code("BARACK OBAMA", 20150101), "USAGOV");
  EXPECT_EQ(code("YELTSIN", 19950101), "RUSGOV");         // a codeless line read as a synonym
  EXPECT_EQ(code("PRESIDENT BUSH", 19900101), "USAGOV");  // merged from two entries
  EXPECT_EQ(code("PRESIDENT BUSH", 20050101), "USAGOV");
  EXPECT_EQ(code("DAVID CAMERON", 20120101), "GBRGOV");  // 9-digit date read as PETRARCH does
  const auto agent = set->agents().match(words_of("OUSTED FOREIGN MINISTERS"), 0);
  ASSERT_TRUE(agent);
  EXPECT_EQ(agent->value->code, "OPP");
  EXPECT_EQ(agent->length, 3u);
  EXPECT_EQ(set->discards().find(words_of("IN 2010 HE WON")), DiscardDictionary::Scope::sentence);
}

}  // namespace
}  // namespace annals
