#include "parse/parser_model.h"

#include <cstring>

#include "parse/tree_combination.h"

namespace annals {

namespace {
constexpr char kMagic[8] = {'A', 'N', 'N', 'P', 'A', 'R', 'S', 'E'};
constexpr uint32_t kFormatVersion = 5;
}  // namespace

void Parser::Components::write(parsing::ModelWriter& out) const {
  for (const char c : kMagic) out.value(c);
  out.value(kFormatVersion);
  out.string(provenance);
  tagger.write(out);
  lemmatizer.write(out);
  out.value<uint32_t>(static_cast<uint32_t>(parsers.size()));
  for (const auto& parser : parsers) parser.write(out);
  labeller.write(out);
}

Parser::Components Parser::Components::read(parsing::ModelReader& in) {
  char magic[sizeof kMagic];
  for (char& c : magic) c = in.value<char>();
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) in.fail("no annals parser header");
  const uint32_t version = in.value<uint32_t>();
  if (version != kFormatVersion)
    in.fail("format version " + std::to_string(version) + ", this build reads version " + std::to_string(kFormatVersion));
  Components c;
  c.provenance = in.string();
  c.tagger = parsing::Tagger::read(in);
  c.lemmatizer = parsing::Lemmatizer::read(in);
  const uint32_t count = in.value<uint32_t>();
  if (count == 0 || count > parsing::kMostParsers) in.fail("bad parser count " + std::to_string(count));
  for (uint32_t k = 0; k < count; ++k) {
    c.parsers.push_back(parsing::DependencyParser::read(in));
    c.weights.push_back(1.0 + 1e-3 * (count - k));
  }
  c.labeller = parsing::ArcLabeller::read(in);
  for (const auto& parser : c.parsers) {
    if (parser.labels() != c.labeller.labels()) in.fail("parser and arc labeller label lists differ");
    if (!parser.tag_classes().empty() && parser.tag_classes() != c.tagger.upos_classes())
      in.fail("parser and tagger parts of speech differ");
  }
  if (!in.at_end()) {
    c.network = parsing::NeuralParser::read(in, c.tagger, c.labeller.labels());
    c.provenance += "\nneural parser: " + c.network->provenance();
  }
  if (!in.at_end()) in.fail("trailing bytes after the model");
  return c;
}

}  // namespace annals
