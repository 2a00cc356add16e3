#include "annals/ontology.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string>

namespace annals {

namespace detail {
// data/ontology/cameo.tsv, embedded at build time (see the top-level CMakeLists.txt).
extern const std::string_view kCameoTable;
}  // namespace detail

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The CAMEO root (1..20) of an all-digit code; 0 when the code is not one.
int root_number(std::string_view code) {
  if (code.size() < 2 || !all_digits(code)) return 0;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20 ? root : 0;
}

std::string_view next_field(std::string_view& line) {
  const size_t tab = line.find('\t');
  std::string_view field = line.substr(0, tab);
  line = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
  return field;
}

}  // namespace

const Ontology& Ontology::builtin() {
  static const Ontology ontology = from_tsv(detail::kCameoTable);
  return ontology;
}

Ontology Ontology::from_tsv(std::string_view tsv) {
  Ontology ontology;
  int line_number = 0;
  while (!tsv.empty()) {
    const size_t newline = tsv.find('\n');
    std::string_view line = tsv.substr(0, newline);
    tsv = newline == std::string_view::npos ? std::string_view{} : tsv.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    CameoCode entry;
    entry.code = next_field(line);
    entry.label = next_field(line);
    const std::string_view goldstein = next_field(line);
    entry.plover = next_field(line);
    const char* end = goldstein.data() + goldstein.size();
    const auto [parsed_to, error] = std::from_chars(goldstein.data(), end, entry.goldstein);
    if (root_number(entry.code) == 0 || error != std::errc{} || parsed_to != end)
      throw std::runtime_error("CAMEO table line " + std::to_string(line_number) +
                               ": expected code, label, Goldstein score and PLOVER category");
    std::string key = entry.code;
    ontology.codes_.insert_or_assign(std::move(key), std::move(entry));
  }
  return ontology;
}

const CameoCode* Ontology::find(std::string_view code) const {
  // Only plain CAMEO codes fall back to an ancestor; dictionary oddities such as "---"
  // or "010:110" are not codes and must not be mistaken for their prefix.
  if (root_number(code) == 0) return nullptr;
  std::string key(code);
  for (; key.size() >= 2; key.pop_back()) {
    if (auto it = codes_.find(key); it != codes_.end()) return &it->second;
  }
  return nullptr;
}

std::string Ontology::root(std::string_view code) {
  return root_number(code) == 0 ? std::string{} : std::string(code.substr(0, 2));
}

int Ontology::quad_class(std::string_view code) {
  const int root = root_number(code);
  if (root == 0) return 0;
  if (root <= 5) return 1;   // verbal cooperation
  if (root <= 8) return 2;   // material cooperation
  if (root <= 13) return 3;  // verbal conflict
  return 4;                  // material conflict
}

}  // namespace annals
