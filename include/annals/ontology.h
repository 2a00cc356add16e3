// CAMEO event codes with their Goldstein scores and PLOVER categories. The table is
// our own (data/ontology/cameo.tsv) and is compiled into the library.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace annals {

struct CameoCode {
  std::string code;    // "0431"
  std::string label;   // "Host a visit"
  double goldstein = 0;
  std::string plover;  // "CONSULT"; empty when PLOVER has no category for it
};

class Ontology {
 public:
  // The table built into the library.
  static const Ontology& builtin();
  // Parses a table in the data/ontology/cameo.tsv format.
  static Ontology from_tsv(std::string_view tsv);

  // The entry of a code, or of its nearest listed ancestor; nullptr when unknown.
  const CameoCode* find(std::string_view code) const;
  static std::string root(std::string_view code);   // "0431" -> "04"
  static int quad_class(std::string_view code);     // 1..4 from the root; 0 when invalid

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace annals
