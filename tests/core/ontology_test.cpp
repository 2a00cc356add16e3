#include "annals/ontology.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace annals {
namespace {

TEST(OntologyTest, BuiltinTableHasEveryRootAndItsSubcodes) {
  const Ontology& ontology = Ontology::builtin();
  for (int root = 1; root <= 20; ++root) {
    const std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    const CameoCode* entry = ontology.find(code);
    ASSERT_NE(entry, nullptr) << code;
    EXPECT_EQ(entry->code, code);
    EXPECT_FALSE(entry->label.empty()) << code;
    ASSERT_NE(ontology.find(code + "0"), nullptr) << code;  // every root has its "x0" code
    EXPECT_EQ(ontology.find(code + "0")->code, code + "0");
  }
}

TEST(OntologyTest, BuiltinTableCarriesGoldsteinAndPlover) {
  const Ontology& ontology = Ontology::builtin();
  const CameoCode* host = ontology.find("043");
  ASSERT_NE(host, nullptr);
  EXPECT_DOUBLE_EQ(host->goldstein, 2.8);
  EXPECT_EQ(host->plover, "CONSULT");

  const CameoCode* nuclear = ontology.find("2042");
  ASSERT_NE(nuclear, nullptr);
  EXPECT_DOUBLE_EQ(nuclear->goldstein, -10.0);
  EXPECT_EQ(nuclear->plover, "ASSAULT");

  // PLOVER moves some codes out of their CAMEO root's category.
  EXPECT_EQ(ontology.find("191")->plover, "COERCE");
  EXPECT_EQ(ontology.find("084")->plover, "RETREAT");
  // PLOVER has no category for public statements.
  EXPECT_EQ(ontology.find("010")->plover, "");
}

TEST(OntologyTest, FindFallsBackToNearestListedAncestor) {
  const Ontology& ontology = Ontology::builtin();
  ASSERT_NE(ontology.find("0431"), nullptr);
  EXPECT_EQ(ontology.find("0431")->code, "043");
  EXPECT_EQ(ontology.find("04319")->code, "043");
  EXPECT_EQ(ontology.find("0899")->code, "08");
}

TEST(OntologyTest, FindReturnsNullForWhatIsNotACode) {
  const Ontology& ontology = Ontology::builtin();
  for (const char* odd : {"", "0", "---", "010:110", ":190", "13y", "0431x", "00", "21", "99"})
    EXPECT_EQ(ontology.find(odd), nullptr) << odd;
}

TEST(OntologyTest, RootAndQuadClass) {
  EXPECT_EQ(Ontology::root("0431"), "04");
  EXPECT_EQ(Ontology::root("20"), "20");
  EXPECT_EQ(Ontology::root("---"), "");
  EXPECT_EQ(Ontology::root("21"), "");

  EXPECT_EQ(Ontology::quad_class("01"), 1);
  EXPECT_EQ(Ontology::quad_class("057"), 1);
  EXPECT_EQ(Ontology::quad_class("06"), 2);
  EXPECT_EQ(Ontology::quad_class("0874"), 2);
  EXPECT_EQ(Ontology::quad_class("09"), 3);
  EXPECT_EQ(Ontology::quad_class("1385"), 3);
  EXPECT_EQ(Ontology::quad_class("14"), 4);
  EXPECT_EQ(Ontology::quad_class("2042"), 4);
  EXPECT_EQ(Ontology::quad_class("010:110"), 0);
  EXPECT_EQ(Ontology::quad_class(""), 0);
}

TEST(OntologyTest, FromTsvReadsItsOwnFormat) {
  const Ontology ontology = Ontology::from_tsv(
      "# code\tlabel\tgoldstein\tplover\n"
      "04\tConsult\t1\tCONSULT\r\n"
      "\n"
      "042\tVisit\t1.9\tCONSULT\n"
      "01\tStatement\t0\n");  // no PLOVER column at all
  EXPECT_EQ(ontology.find("042")->label, "Visit");
  EXPECT_DOUBLE_EQ(ontology.find("042")->goldstein, 1.9);
  EXPECT_EQ(ontology.find("04")->plover, "CONSULT");  // the \r is not part of the value
  EXPECT_EQ(ontology.find("043")->code, "04");
  EXPECT_EQ(ontology.find("01")->plover, "");
  EXPECT_EQ(ontology.find("02"), nullptr);
}

TEST(OntologyTest, FromTsvRejectsMalformedLinesWithTheirNumber) {
  try {
    Ontology::from_tsv("04\tConsult\t1\tCONSULT\n042\tVisit\tmany\tCONSULT\n");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace annals
