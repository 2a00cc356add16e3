#include "parse/parser_model.h"

#include <cstring>

namespace annals {

namespace {
constexpr char kMagic[8] = {'A', 'N', 'N', 'P', 'A', 'R', 'S', 'E'};
constexpr uint32_t kFormatVersion = 2;
}  // namespace

void Parser::Components::write(parsing::ModelWriter& out) const {
  for (const char c : kMagic) out.value(c);
  out.value(kFormatVersion);
  out.string(provenance);
  tagger.write(out);
  lemmatizer.write(out);
  parser.write(out);
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
  c.parser = parsing::DependencyParser::read(in);
  if (!in.at_end()) in.fail("trailing bytes after the parser");
  return c;
}

}  // namespace annals
