// The neural parser against the network that trained it: tests/data/neural/tiny.network was
// written by training/biaffine.py (--tiny, on tiny.conllu beside it; the command is in its
// provenance) together with PyTorch's scores of those sentences (tiny-scores.json). The
// network is read after the bundled en.model, whose tagger and labels it is matched to.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/parse.h"
#include "annals/parser.h"
#include "parse/model_file.h"
#include "parse/parser_model.h"
#include "parse/projective_tree.h"

namespace annals {
namespace {

const std::filesystem::path kData = std::filesystem::path(ANNALS_SOURCE_DIR) / "tests/data/neural";

std::string bytes_of(const std::filesystem::path& path) { return parsing::read_model_bytes(path); }

// en.model followed by the tiny network, as scripts/train-neural.sh assembles a model.
std::string model_with_network() {
  return bytes_of(std::filesystem::path(ANNALS_SOURCE_DIR) / "data/models/en.model") + bytes_of(kData / "tiny.network");
}

const Parser::Components& components() {
  static const std::string bytes = model_with_network();
  static const Parser::Components c = [] {
    parsing::ModelReader in(bytes, "en.model + tiny.network");
    return Parser::Components::read(in);
  }();
  return c;
}

TEST(NeuralParser, ComputesTheScoresOfTheNetworkThatTrainedIt) {
  const Parser::Components& c = components();
  ASSERT_TRUE(c.network.has_value());
  EXPECT_NE(c.network->provenance().find("--tiny"), std::string::npos);
  std::ifstream in(kData / "tiny-scores.json");
  const auto expected = nlohmann::json::parse(in);
  size_t compared = 0;
  for (const auto& sentence : expected["sentences"]) {
    std::vector<std::string> words = sentence["forms"];
    std::vector<std::string_view> forms(words.begin(), words.end());
    std::vector<uint16_t> tags;
    for (const auto& tag : sentence["tags"]) {
      const int id = c.tagger.tag_id(tag[0].get<std::string>(), tag[1].get<std::string>());
      ASSERT_GE(id, 0) << tag;
      tags.push_back(static_cast<uint16_t>(id));
    }
    const auto& a = c.network->analyse(forms, tags);
    ASSERT_EQ(a.arcs.rows(), static_cast<Eigen::Index>(forms.size()) + 1);
    const auto& arcs = sentence["arcs"];
    for (size_t i = 0; i < forms.size(); ++i) {
      const auto dependent = static_cast<Eigen::Index>(i) + 1;
      for (size_t j = 0; j <= forms.size(); ++j) {
        if (arcs[i][j].is_null()) {
          EXPECT_EQ(a.arcs(dependent, static_cast<Eigen::Index>(j)), -std::numeric_limits<float>::infinity());
          continue;
        }
        EXPECT_NEAR(a.arcs(dependent, static_cast<Eigen::Index>(j)), arcs[i][j].get<double>(), 2e-4)
            << words[i] << " under word " << j;
        ++compared;
      }
    }
    // Label scores under the gold heads.
    const auto& labels = sentence["labels"];
    const std::vector<int> gold_heads = sentence["heads"];
    std::vector<int> heads;  // as parse() numbers them
    for (const int h : gold_heads) heads.push_back(h - 1);
    const Eigen::MatrixXf& scores = c.network->label_scores(a, heads);
    for (size_t i = 0; i < forms.size(); ++i) {
      ASSERT_EQ(static_cast<size_t>(scores.rows()), labels[i].size());
      for (size_t r = 0; r < labels[i].size(); ++r) {
        EXPECT_NEAR(scores(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(i)), labels[i][r].get<double>(), 2e-4);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 300u);
}

// Another parser's tree votes for its arcs: where it differs from the network's own tree in one
// arc that the network found less likely by less than the vote, that arc wins. (No other tree
// can win: it would lose a vote and cannot score more than the network's own tree.)
TEST(NeuralParser, AnArcTheNetworkDoubtedLessThanTheVoteWinsByIt) {
  const Parser::Components& c = components();
  std::ifstream in(kData / "tiny-scores.json");
  const auto sentence = nlohmann::json::parse(in)["sentences"][0];
  const std::vector<std::string> words = sentence["forms"];
  const std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<uint16_t> tags;
  for (const auto& tag : sentence["tags"])
    tags.push_back(static_cast<uint16_t>(c.tagger.tag_id(tag[0].get<std::string>(), tag[1].get<std::string>())));
  const size_t n = forms.size();
  std::vector<int> own(n), voted(n), heads(n);
  std::vector<uint16_t> labels(n);
  c.network->parse(forms, tags, {}, {}, own, labels);
  const Eigen::MatrixXf arcs = c.network->analyse(forms, tags).arcs;
  // A projective tree with one word under the root is what the tree search gives when its own arcs score.
  auto is_projective_tree = [&](const std::vector<int>& tree) {
    std::vector<double> scores(n * n), root_scores(n);
    for (size_t d = 0; d < n; ++d) (tree[d] < 0 ? root_scores[d] : scores[static_cast<size_t>(tree[d]) * n + d]) = 1;
    std::vector<int> best(n);
    parsing::best_projective_tree(scores, root_scores, best);
    return best == tree;
  };
  bool found = false;
  for (size_t d = 0; d < n && !found; ++d)
    for (int h = -1; h < static_cast<int>(n) && !found; ++h) {
      const float doubt = arcs(static_cast<Eigen::Index>(d) + 1, own[d] + 1) - arcs(static_cast<Eigen::Index>(d) + 1, h + 1);
      voted = own;
      voted[d] = h;
      found = doubt > 0 && doubt < parsing::kTransitionVote && is_projective_tree(voted);
    }
  ASSERT_TRUE(found) << "no arc of the tiny network's first sentence is doubted by less than the vote";
  c.network->parse(forms, tags, {}, voted, heads, labels);
  EXPECT_EQ(heads, voted);
  EXPECT_NE(heads, own);
}

TEST(NeuralParser, ParsesIntoATreeWithOneRootAndNoPunctuationHeads) {
  const auto path = std::filesystem::temp_directory_path() / ("annals-neural-" + std::to_string(::getpid()) + ".model");
  {
    std::ofstream out(path, std::ios::binary);
    out << model_with_network();
  }
  const auto parser = Parser::load(path);
  std::filesystem::remove(path);
  EXPECT_NE(parser->provenance().find("neural parser: tests/data/neural/tiny.conllu"), std::string::npos)
      << parser->provenance();
  for (const char* text : {"Protesters in Zürich burned flags and shouted slogans.",
                           "The minister met Kim Jong - un in 2019 , officials said ."}) {
    Sentence s;
    for (std::string_view rest = text; !rest.empty();) {
      const size_t space = std::min(rest.find(' '), rest.size());
      Token t;
      t.form = std::string(rest.substr(0, space));
      s.tokens.push_back(t);
      rest.remove_prefix(std::min(space + 1, rest.size()));
    }
    parser->parse(s);
    int roots = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      if (t.head < 0) {
        ++roots;
        EXPECT_EQ(t.deprel, "root");
        continue;
      }
      EXPECT_NE(t.deprel, "root") << t.form;
      ASSERT_LT(t.head, static_cast<int>(s.tokens.size()));
      EXPECT_NE(s.tokens[static_cast<size_t>(t.head)].upos, "PUNCT") << t.form;
      // Following heads from any word reaches the root: no cycles.
      int steps = 0;
      for (int h = t.head; h >= 0 && steps <= static_cast<int>(s.tokens.size()); h = s.tokens[static_cast<size_t>(h)].head)
        ++steps;
      EXPECT_LE(steps, static_cast<int>(s.tokens.size())) << t.form;
    }
    EXPECT_EQ(roots, 1) << text;
  }
}

// The bundled network labels each arc on its own: on EWT dev it gives about one head in forty
// two objects (one of them often the indirect object) and, rarely, two subjects. A head takes
// at most one subject, object, indirect object, ccomp and xcomp, but an outer subject beside a
// subject ("The problem is that he left": "left" has both), as in the treebanks.
TEST(NeuralParser, BundledModelGivesAHeadOneDependentOfEachSingleRelation) {
  const auto model = std::filesystem::path(ANNALS_SOURCE_DIR) / "data/models/en-neural.model";
  const auto treebank = std::filesystem::path(ANNALS_SHARED_DIR) / "treebanks/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(model) || !std::filesystem::exists(treebank))
    GTEST_SKIP() << "needs " << model << " and " << treebank;
  const auto parser = Parser::load(model);
  std::vector<Sentence> gold = from_conllu(bytes_of(treebank));
  ASSERT_GE(gold.size(), 500u);
  gold.resize(500);
  auto kind = [](std::string_view label) -> std::string_view {
    if (label.ends_with(":outer")) return "outer";
    return label.starts_with("nsubj") || label.starts_with("csubj") ? "nsubj" : label;
  };
  int outer_beside_subject = 0;
  for (const Sentence& g : gold) {
    Sentence s;
    for (const Token& gt : g.tokens) {
      Token t;
      t.form = gt.form;
      s.tokens.push_back(t);
    }
    parser->parse(s);
    std::map<std::pair<int, std::string_view>, int> dependents;  // per head and kind of relation
    for (const Token& t : s.tokens) ++dependents[{t.head, kind(t.deprel)}];
    for (const auto& [key, count] : dependents)
      if (key.second == "nsubj" || key.second == "obj" || key.second == "iobj" || key.second == "ccomp" ||
          key.second == "xcomp" || key.second == "outer") {
        EXPECT_EQ(count, 1) << key.second << " in " << g.text;
      }
    for (const auto& [key, count] : dependents)
      outer_beside_subject += key.second == "outer" && dependents.contains({key.first, "nsubj"});
  }
  EXPECT_GT(outer_beside_subject, 0);
}

TEST(NeuralParser, DamagedSectionIsAModelFileError) {
  std::string bytes = model_with_network();
  const size_t network = bytes_of(kData / "tiny.network").size();
  for (const size_t cut : {network - 4, network / 2, network - 12}) {
    const std::string damaged = bytes.substr(0, bytes.size() - cut);
    parsing::ModelReader in(damaged, "damaged.model");
    EXPECT_THROW(Parser::Components::read(in), parsing::ModelFileError) << cut;
  }
  std::string renamed = bytes;  // a label the model's other parsers do not know
  const size_t at = renamed.rfind("nsubj");
  ASSERT_NE(at, std::string::npos);
  renamed.replace(at, 5, "nsubz");
  parsing::ModelReader in(renamed, "renamed.model");
  try {
    Parser::Components::read(in);
    FAIL() << "read a network with an unknown label";
  } catch (const parsing::ModelFileError& e) {
    EXPECT_NE(std::string(e.what()).find("nsubz"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("renamed.model"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace annals
