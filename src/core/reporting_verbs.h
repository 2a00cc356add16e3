// Reporting verbs (lemmas) and the relation each gives the source it introduces. The
// attribution reader (src/modality) and the parser's repair of reported clauses
// (src/parse) share them.
#pragma once

#include <string_view>

namespace annals {

struct ReportingVerb {
  std::string_view lemma;
  std::string_view relation;
};

inline constexpr ReportingVerb kReportingVerbs[] = {
    {"say", "said"},          {"tell", "told"},          {"report", "reported"},
    {"add", "added"},         {"note", "noted"},         {"announce", "announced"},
    {"state", "stated"},      {"claim", "claimed"},      {"write", "wrote"},
    {"declare", "declared"},  {"confirm", "confirmed"},  {"insist", "insisted"},
    {"explain", "explained"}, {"reiterate", "reiterated"}, {"assert", "asserted"},
    {"stress", "stressed"},   {"emphasize", "emphasized"}, {"emphasise", "emphasised"},
    {"allege", "alleged"},    {"comment", "commented"},  {"remark", "remarked"},
    {"mention", "mentioned"}, {"acknowledge", "acknowledged"}, {"admit", "admitted"},
    {"tweet", "tweeted"},     {"quote", "quoted_by"},    {"cite", "citing"},
};

}  // namespace annals
