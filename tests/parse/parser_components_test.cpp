// The built-in tagger, lemmatizer and parser on a small synthetic treebank written here,
// so these tests need no shared data.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "annals/parse.h"
#include "annals/parser.h"
#include "parse/dependency_parser.h"
#include "parse/lemmatizer.h"
#include "parse/parser_model.h"
#include "parse/tree_combination.h"

namespace annals {
namespace {

struct Word {
  const char* form;
  const char* lemma;
  const char* upos;
  const char* xpos;
};

// "<det> <noun> <verb> <det> <noun> [in <place>] ." in every combination; each sentence
// as CoNLL-U with its tree (subject and object under the verb, the place an oblique).
std::string synthetic_treebank(bool with_place, int variant) {
  const Word dets[] = {{"the", "the", "DET", "DT"}, {"a", "a", "DET", "DT"}};
  const Word nouns[] = {{"envoy", "envoy", "NOUN", "NN"},   {"ministers", "minister", "NOUN", "NNS"},
                        {"army", "army", "NOUN", "NN"},     {"rebels", "rebel", "NOUN", "NNS"},
                        {"king", "king", "NOUN", "NN"},     {"talks", "talk", "NOUN", "NNS"}};
  const Word verbs[] = {{"met", "meet", "VERB", "VBD"},         {"attacked", "attack", "VERB", "VBD"},
                        {"praised", "praise", "VERB", "VBD"},   {"visits", "visit", "VERB", "VBZ"},
                        {"condemned", "condemn", "VERB", "VBD"}};
  const Word places[] = {{"Gondor", "Gondor", "PROPN", "NNP"}, {"Rohan", "Rohan", "PROPN", "NNP"}};
  std::string out;
  int n = 0;
  for (const Word& d1 : dets)
    for (const Word& n1 : nouns)
      for (const Word& v : verbs)
        for (const Word& n2 : nouns) {
          if (&n1 == &n2 || (n++ % 3) != variant) continue;
          const Word& d2 = dets[(n / 2) % 2];
          const Word& place = places[n % 2];
          std::vector<std::tuple<Word, int, const char*>> words = {
              {d1, 2, "det"}, {n1, 3, "nsubj"}, {v, 0, "root"}, {d2, 5, "det"}, {n2, 3, "obj"}};
          if (with_place) {
            words.push_back({{"in", "in", "ADP", "IN"}, 7, "case"});
            words.push_back({place, 3, "obl"});
          }
          words.push_back({{".", ".", "PUNCT", "."}, 3, "punct"});
          for (size_t i = 0; i < words.size(); ++i) {
            const auto& [w, head, rel] = words[i];
            out += std::to_string(i + 1) + "\t" + w.form + "\t" + w.lemma + "\t" + w.upos + "\t" + w.xpos + "\t_\t" +
                   std::to_string(head) + "\t" + rel + "\t_\t_\n";
          }
          out += "\n";
        }
  return out;
}

class ParserComponents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("annals-parser-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "train.conllu") << synthetic_treebank(false, 0) << synthetic_treebank(true, 1);
    std::ofstream(dir_ / "dev.conllu") << synthetic_treebank(true, 2);
    TrainOptions options;
    options.train = {dir_ / "train.conllu"};
    options.dev = {dir_ / "dev.conllu"};
    options.output = dir_ / "tiny.model";
    options.tagger_epochs = 4;
    options.parser_epochs = 4;
    options.tag_folds = 3;
    options.min_updates = 1;  // a tiny treebank needs few updates
    report_ = train_model(options);
    options.output = dir_ / "beam.model";
    options.parsers = {ParserSpec{.beam = 4}};
    beam_report_ = train_model(options);
    options.output = dir_ / "right-to-left.model";
    options.parsers = {ParserSpec{.right_to_left = true}};
    right_to_left_report_ = train_model(options);
    options.output = dir_ / "combined.model";
    options.parsers = {ParserSpec{.beam = 4}, ParserSpec{.beam = 4, .right_to_left = true}, ParserSpec{}};
    combined_report_ = train_model(options);
    options.output = dir_ / "parts-of-speech.model";
    options.parsers = {ParserSpec{}};
    options.part_of_speech_features = true;
    part_of_speech_report_ = train_model(options);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static std::filesystem::path dir_;
  // Greedy parser; beam of 4; greedy reading right to left; those three combined; greedy
  // with part-of-speech features.
  static TrainReport report_, beam_report_, right_to_left_report_, combined_report_, part_of_speech_report_;
};
std::filesystem::path ParserComponents::dir_;
TrainReport ParserComponents::report_;
TrainReport ParserComponents::beam_report_;
TrainReport ParserComponents::right_to_left_report_;
TrainReport ParserComponents::combined_report_;
TrainReport ParserComponents::part_of_speech_report_;

TEST_F(ParserComponents, LearnsTheSyntheticGrammarAndGeneralizesToUnseenSentences) {
  for (const TrainReport* report :
       {&report_, &beam_report_, &right_to_left_report_, &combined_report_, &part_of_speech_report_}) {
    ASSERT_EQ(report->dev.size(), 1u);
    const ParseScores& dev = report->dev[0].second;
    EXPECT_GT(dev.words, 500u);
    EXPECT_GE(dev.upos, 0.99);
    EXPECT_GE(dev.uas, 0.98);
    EXPECT_GE(dev.las, 0.98);
    EXPECT_GE(dev.lemma, 0.99);
    EXPECT_GT(report->model_bytes, 0u);
  }
}

TEST_F(ParserComponents, EvaluationWithGoldTagsKeepsTheFilesTags) {
  const auto parser = Parser::load(dir_ / "tiny.model");
  // Verbs re-tagged as nouns: the tagger disagrees, and with gold tags the parser gets them.
  std::vector<Sentence> gold = from_conllu(synthetic_treebank(true, 2));
  for (Sentence& sentence : gold)
    for (Token& token : sentence.tokens)
      if (token.upos == "VERB") token.upos = "NOUN", token.xpos = "NN";
  const ParseScores predicted = evaluate(*parser, gold), given = evaluate(*parser, gold, true);
  EXPECT_LT(predicted.upos, 0.95);
  EXPECT_EQ(given.upos, 1.0);
  EXPECT_EQ(given.xpos, 1.0);
}

TEST_F(ParserComponents, ParseFillsEveryFieldAndProjectsPhrases) {
  const auto parser = Parser::load(dir_ / "tiny.model");
  Sentence s;
  for (const char* form : {"the", "king", "praised", "a", "army", "in", "Rohan", "."}) s.tokens.emplace_back().form = form;
  parser->parse(s);
  EXPECT_EQ(s.text, "the king praised a army in Rohan .");
  ASSERT_EQ(s.tokens.size(), 8u);
  EXPECT_EQ(s.tokens[2].upos, "VERB");
  EXPECT_EQ(s.tokens[2].xpos, "VBD");
  EXPECT_EQ(s.tokens[2].lemma, "praise");
  EXPECT_EQ(s.tokens[2].head, -1);
  EXPECT_EQ(s.tokens[2].deprel, "root");
  EXPECT_EQ(s.tokens[1].head, 2);
  EXPECT_EQ(s.tokens[1].deprel, "nsubj");
  EXPECT_EQ(s.tokens[4].head, 2);
  EXPECT_EQ(s.tokens[4].deprel, "obj");
  EXPECT_EQ(s.tokens[6].deprel, "obl");
  EXPECT_EQ(s.tokens[6].start, 27u);
  // The same phrases from_conllu projects from the same tree.
  std::string conllu;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    conllu += std::to_string(i + 1) + "\t" + t.form + "\t" + t.lemma + "\t" + t.upos + "\t" + t.xpos + "\t_\t" +
              std::to_string(t.head + 1) + "\t" + t.deprel + "\t_\t_\n";
  }
  const Sentence projected = from_conllu(conllu).at(0);
  ASSERT_EQ(s.phrases.size(), projected.phrases.size());
  for (size_t p = 0; p < s.phrases.size(); ++p) {
    EXPECT_EQ(s.phrases[p].label, projected.phrases[p].label);
    EXPECT_EQ(s.phrases[p].first, projected.phrases[p].first);
    EXPECT_EQ(s.phrases[p].last, projected.phrases[p].last);
    EXPECT_EQ(s.phrases[p].parent, projected.phrases[p].parent);
  }
  EXPECT_EQ(s.phrases[0].label, "S");
  EXPECT_EQ(s.phrases[0].first, 0);
  EXPECT_EQ(s.phrases[0].last, 7);
}

TEST_F(ParserComponents, BytesThatAreNotTextAreLeftOutOfTheParse) {
  const auto parser = Parser::load(dir_ / "tiny.model");
  auto parsed = [&](std::initializer_list<const char*> forms) {
    Sentence s;
    for (const char* form : forms) s.tokens.emplace_back().form = form;
    parser->parse(s);
    return s;
  };
  const Sentence clean = parsed({"the", "king", "praised", "a", "army", "."});
  // Invalid UTF-8 (a Latin-1 byte) and U+FFFD, which stands for such bytes.
  const Sentence noisy = parsed({"the", "king", "\xff", "praised", "a", "army", "\xef\xbf\xbd\xef\xbf\xbd", "."});
  const int at[] = {0, 1, 3, 4, 5, 7};  // where the clean words are in the noisy sentence
  for (size_t w = 0; w < clean.tokens.size(); ++w) {
    const Token& word = noisy.tokens[static_cast<size_t>(at[w])];
    EXPECT_EQ(word.upos, clean.tokens[w].upos) << w;
    EXPECT_EQ(word.deprel, clean.tokens[w].deprel) << w;
    EXPECT_EQ(word.head, clean.tokens[w].head < 0 ? -1 : at[clean.tokens[w].head]) << w;
  }
  for (const size_t bytes : {2u, 6u}) {
    EXPECT_EQ(noisy.tokens[bytes].upos, "X");
    EXPECT_EQ(noisy.tokens[bytes].deprel, "dep");
    EXPECT_EQ(noisy.tokens[bytes].head, static_cast<int>(bytes) + 1);  // the next word
  }
  // A sentence of such bytes alone leaves the parsers nothing (the combined ones too).
  for (const char* model : {"tiny.model", "combined.model"}) {
    SCOPED_TRACE(model);
    Sentence nothing_else;
    for (const char* form : {"\xff", "\xfe\xfe"}) nothing_else.tokens.emplace_back().form = form;
    Parser::load(dir_ / model)->parse(nothing_else);
    EXPECT_EQ(nothing_else.tokens[0].head, -1);
    EXPECT_EQ(nothing_else.tokens[0].deprel, "root");
    EXPECT_EQ(nothing_else.tokens[1].head, 0);
  }
}

TEST_F(ParserComponents, EveryParseIsATreeEvenForOddInput) {
  for (const char* model : {"tiny.model", "beam.model", "right-to-left.model", "combined.model"}) {
    SCOPED_TRACE(model);
    const auto parser = Parser::load(dir_ / model);
    Sentence s;
    for (const char* form : {".", ".", "Rohan", "in", "in", "zyzzyva", "\xc3", "the", "??", "met", "met", "\xff"})
      s.tokens.emplace_back().form = form;
    parser->parse(s);
    int roots = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      roots += s.tokens[i].head < 0;
      // Walking up reaches the root within n steps: no cycles.
      int w = static_cast<int>(i), steps = 0;
      while (w >= 0 && steps <= static_cast<int>(s.tokens.size())) w = s.tokens[w].head, ++steps;
      EXPECT_LT(w, 0) << "cycle through token " << i;
    }
    EXPECT_EQ(roots, 1);
    Sentence empty;
    parser->parse(empty);
    EXPECT_TRUE(empty.phrases.empty());
  }
}

void parses_on_many_threads_as_on_one(const Parser& parser) {
  std::vector<Sentence> sentences = from_conllu(synthetic_treebank(true, 2));
  ASSERT_GT(sentences.size(), 50u);
  auto heads = [](const std::vector<Sentence>& parsed) {
    std::string out;
    for (const Sentence& s : parsed)
      for (const Token& t : s.tokens) out += std::to_string(t.head) + t.deprel + " ";
    return out;
  };
  std::vector<Sentence> alone = sentences;
  for (Sentence& s : alone) parser.parse(s);
  std::vector<std::vector<Sentence>> copies(4, sentences);
  std::vector<std::thread> threads;
  for (auto& copy : copies)
    threads.emplace_back([&] {
      for (Sentence& s : copy) parser.parse(s);
    });
  for (std::thread& t : threads) t.join();
  for (const auto& copy : copies) EXPECT_EQ(heads(copy), heads(alone));
}

// Each thread keeps its own beam, scores and votes; the model is shared read-only.
TEST_F(ParserComponents, BeamAndCombinedParsersParseOnManyThreadsAsOnOne) {
  for (const char* model : {"beam.model", "combined.model"}) {
    SCOPED_TRACE(model);
    parses_on_many_threads_as_on_one(*Parser::load(dir_ / model));
  }
}

TEST_F(ParserComponents, ParsersAreNamedAsTheCommandLineNamesThem) {
  for (const char* name : {"greedy", "greedy-rtl", "beam8", "beam16-rtl"})
    EXPECT_EQ(ParserSpec::parse(name).name(), name);
  EXPECT_TRUE(ParserSpec::parse("beam8-rtl").right_to_left);
  EXPECT_EQ(ParserSpec::parse("beam8-rtl").beam, 8);
  for (const char* bad : {"", "beam", "beam1", "beam257", "beam8x", "rtl", "greedy-ltr", "Greedy"})
    EXPECT_THROW(ParserSpec::parse(bad), std::invalid_argument) << bad;
  EXPECT_NE(Parser::load(dir_ / "combined.model")->provenance().find("parsers beam4,beam4-rtl,greedy"),
            std::string::npos);
}

TEST_F(ParserComponents, DamagedOrMissingModelIsAClearError) {
  const std::filesystem::path truncated = dir_ / "truncated.model";
  std::filesystem::copy_file(dir_ / "tiny.model", truncated, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) / 2);
  try {
    Parser::load(truncated);
    FAIL() << "a truncated model loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("truncated.model"), std::string::npos) << e.what();
  }
  std::ofstream(dir_ / "text.model") << "not a model at all";
  EXPECT_THROW(Parser::load(dir_ / "text.model"), std::runtime_error);
  EXPECT_THROW(Parser::load(dir_ / "missing.model"), std::runtime_error);
}

TEST_F(ParserComponents, ParsersOutsideTheFormatAreRefusedBeforeTraining) {
  TrainOptions options;
  options.train = {dir_ / "train.conllu"};
  options.output = dir_ / "never.model";
  for (const int width : {0, 257}) {
    options.parsers = {ParserSpec{}, ParserSpec{}, ParserSpec{.beam = width}};
    EXPECT_THROW(train_model(options), std::runtime_error) << width;
  }
  options.parsers.clear();
  EXPECT_THROW(train_model(options), std::runtime_error);
  options.parsers.assign(2, ParserSpec{});  // the first would always win
  EXPECT_THROW(train_model(options), std::runtime_error);
  options.parsers.assign(parsing::kMostParsers + 1, ParserSpec{});
  EXPECT_THROW(train_model(options), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(options.output));
}

Parser::Components read_components(const std::filesystem::path& path) {
  const std::string bytes = parsing::read_model_bytes(path);
  parsing::ModelReader reader(bytes, path.string());
  return Parser::Components::read(reader);
}

TEST_F(ParserComponents, BeamParserScoresRankTaggingsOfTheSameWords) {
  // Parser::parse settles the tagger's closest call by these scores.
  const Parser::Components beam = read_components(dir_ / "beam.model");
  const parsing::DependencyParser& parser = beam.parsers.front();
  ASSERT_GT(parser.beam(), 1);
  const std::vector<std::string_view> forms = {"the", "king", "praised", "a", "army", "in", "Rohan", "."};
  const char* right[][2] = {{"DET", "DT"},  {"NOUN", "NN"}, {"VERB", "VBD"}, {"DET", "DT"},
                            {"NOUN", "NN"}, {"ADP", "IN"},  {"PROPN", "NNP"}, {"PUNCT", "."}};
  std::vector<uint16_t> tags;
  for (const auto& [upos, xpos] : right) {
    const int tag = beam.tagger.tag_id(upos, xpos);
    ASSERT_GE(tag, 0) << upos;
    tags.push_back(static_cast<uint16_t>(tag));
  }
  const std::vector<char> punctuation = {0, 0, 0, 0, 0, 0, 0, 1};
  std::vector<int> heads(forms.size());
  std::vector<uint16_t> labels(forms.size());
  const int64_t right_score = parser.parse({forms, tags, punctuation}, heads, labels);
  EXPECT_EQ(heads[2], -1);
  // The verb read as a noun, or the object's noun as a verb: no tree of those scores as well.
  for (const auto& [word, upos, xpos] : {std::tuple{2, "NOUN", "NN"}, std::tuple{4, "VERB", "VBD"}}) {
    std::vector<uint16_t> wrong = tags;
    wrong[word] = static_cast<uint16_t>(beam.tagger.tag_id(upos, xpos));
    EXPECT_GT(right_score, parser.parse({forms, wrong, punctuation}, heads, labels)) << word;
  }
  // A greedy parser's scores are local: it returns none.
  const Parser::Components greedy = read_components(dir_ / "tiny.model");
  EXPECT_EQ(greedy.parsers.front().parse({forms, tags, punctuation}, heads, labels), 0);
}

TEST_F(ParserComponents, TaggerFeaturesArePrunedByTheirOwnBound) {
  // No word is frequent enough to be tagged without scoring, and "walks" (a noun after a
  // verb, a verb after a subject) makes the tagger err, so its features get unequal updates.
  std::string conllu;
  const char* names[] = {"Ann", "Bob", "Cy", "Dee", "Eve", "Flo", "Gus", "Hal", "Ida", "Jo", "Kay", "Lu"};
  for (const char* name : names) {
    conllu += std::string("1\t") + name + "\t" + name + "\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
              "2\tlikes\tlike\tVERB\tVBZ\t_\t0\troot\t_\t_\n3\twalks\twalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n";
    conllu += std::string("1\t") + name + "\t" + name + "\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
              "2\twalks\twalk\tVERB\tVBZ\t_\t0\troot\t_\t_\n3\tdaily\tdaily\tADV\tRB\t_\t2\tadvmod\t_\t_\n\n";
  }
  std::ofstream(dir_ / "walks.conllu") << conllu;
  TrainOptions options;
  options.train = {dir_ / "walks.conllu"};
  options.tag_folds = 1;
  auto tagger_features = [&](int tagger_bound, int parser_bound) {
    options.tagger_min_updates = tagger_bound;
    options.min_updates = parser_bound;
    options.output = dir_ / "walks.model";
    train_model(options);
    return read_components(options.output).tagger.model().feature_count();
  };
  const size_t all = tagger_features(1, 1);
  EXPECT_GT(all, 0u);
  EXPECT_LT(tagger_features(3, 1), all);
  EXPECT_EQ(tagger_features(1, 3), all);  // the parser's bound is not the tagger's
}

TEST_F(ParserComponents, ProvenanceNamesTheTrainingFiles) {
  const auto parser = Parser::load(dir_ / "tiny.model");
  EXPECT_NE(parser->provenance().find("train.conllu"), std::string::npos) << parser->provenance();
  EXPECT_EQ(parser->provenance().find("part-of-speech features"), std::string::npos);
  const auto with_parts_of_speech = Parser::load(dir_ / "parts-of-speech.model");
  EXPECT_NE(with_parts_of_speech->provenance().find("part-of-speech features"), std::string::npos);
}

TEST(PartOfSpeechFeatures, CarryWhatOneTagTaughtToAnotherOfItsPartOfSpeech) {
  // The parser learns from verbs tagged VBD and VBZ, then meets verbs with a tag it never saw
  // (VBP, say), of the same part of speech: features that see parts of speech know them.
  const std::vector<Sentence> train = from_conllu(synthetic_treebank(false, 0) + synthetic_treebank(true, 1));
  const std::vector<Sentence> dev = from_conllu(synthetic_treebank(true, 2));
  std::vector<std::pair<std::string, std::string>> names;  // per tag id: UPOS and Penn tag
  auto id = [&](const Token& token) {
    const std::pair<std::string, std::string> name{token.upos, token.xpos};
    const auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end()) return static_cast<uint16_t>(found - names.begin());
    names.push_back(name);
    return static_cast<uint16_t>(names.size() - 1);
  };
  std::vector<std::vector<uint16_t>> tags;  // per sentence and word
  for (const Sentence& sentence : train) {
    auto& ids = tags.emplace_back();
    for (const Token& token : sentence.tokens) ids.push_back(id(token));
  }
  const auto unseen = static_cast<uint16_t>(names.size());
  names.emplace_back("VERB", "VBP");
  std::vector<uint16_t> classes;  // per tag, the first tag of its UPOS
  for (const auto& [upos, xpos] : names)
    classes.push_back(static_cast<uint16_t>(
        std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == upos; }) - names.begin()));
  parsing::ParserTraining options;
  options.epochs = 4;
  options.min_updates = 1;
  const parsing::DependencyParser tags_only = parsing::DependencyParser::train(train, tags, options);
  options.tag_classes = classes;
  const parsing::DependencyParser with_parts_of_speech = parsing::DependencyParser::train(train, tags, options);
  auto attached = [&](const parsing::DependencyParser& parser) {
    size_t right = 0, words = 0;
    for (const Sentence& sentence : dev) {
      std::vector<std::string_view> forms;
      std::vector<uint16_t> ids;
      std::vector<char> punctuation;
      for (const Token& token : sentence.tokens) {
        const bool verb = token.upos == "VERB";
        forms.push_back(verb ? "guarded" : token.form);  // a verb never seen either
        ids.push_back(verb ? unseen : id(token));
        punctuation.push_back(token.upos == "PUNCT");
      }
      std::vector<int> heads(forms.size());
      std::vector<uint16_t> labels(forms.size());
      parser.parse({forms, ids, punctuation}, heads, labels);
      for (size_t i = 0; i < heads.size(); ++i) right += heads[i] == sentence.tokens[i].head;
      words += heads.size();
    }
    return static_cast<double>(right) / static_cast<double>(words);
  };
  EXPECT_GE(attached(with_parts_of_speech), 0.98);
  EXPECT_LT(attached(tags_only), attached(with_parts_of_speech));
}

TEST(Lemmatizer, LearnsSuffixRulesAndExceptions) {
  const std::string conllu =
      "1\tcats\tcat\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"
      "1\tdogs\tdog\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"
      "1\tparties\tparty\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"
      "1\tcities\tcity\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"
      "1\twalked\twalk\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
      "1\ttalked\ttalk\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
      "1\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
      "1\tThe\tthe\tDET\tDT\t_\t0\troot\t_\t_\n\n"
      "1\tTalks\tTalks\tPROPN\tNNPS\t_\t0\troot\t_\t_\n\n";
  const parsing::Lemmatizer lemmatizer = parsing::Lemmatizer::train(from_conllu(conllu));
  EXPECT_EQ(lemmatizer.lemma("birds", "NOUN"), "bird");
  EXPECT_EQ(lemmatizer.lemma("armies", "NOUN"), "army");
  EXPECT_EQ(lemmatizer.lemma("jumped", "VERB"), "jump");
  EXPECT_EQ(lemmatizer.lemma("Jumped", "VERB"), "jump");
  EXPECT_EQ(lemmatizer.lemma("went", "VERB"), "go");
  EXPECT_EQ(lemmatizer.lemma("Rohan", "PROPN"), "Rohan");
}

}  // namespace
}  // namespace annals
