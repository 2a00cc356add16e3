// The public Parser: the model file's three components run in turn on one sentence.
#include "annals/parser.h"

#include <chrono>

#include "parse/casing.h"
#include "parse/dependency_parser.h"
#include "parse/lemmatizer.h"
#include "parse/model_file.h"
#include "parse/parser_model.h"
#include "parse/phrase_projection.h"
#include "parse/tagger.h"
#include "parse/tree_combination.h"
#include "text/utf8.h"

namespace annals {

Parser::Parser(std::unique_ptr<Components> components) : components_(std::move(components)) {}
Parser::~Parser() = default;

std::shared_ptr<const Parser> Parser::load(const std::filesystem::path& model) {
  const std::string bytes = parsing::read_model_bytes(model);
  parsing::ModelReader in(bytes, model.string());
  return std::shared_ptr<const Parser>(new Parser(std::make_unique<Components>(Components::read(in))));
}

const std::string& Parser::provenance() const { return components_->provenance; }

namespace {

// A sentence states something. When the tagger found no verb at all, a word it read as an
// adjective or a noun right after a nominal is the verb:
// - a regular past form before anything but punctuation ("The United States imposed
//   sanctions.");
// - a plural noun before what can be its object ("US sanctions Iranian officials", "Tonka
//   Corp <TKA> raises dividend", "1986 net excludes 729,000 dlr tax credit."; in Reuters-21578
//   reut2-000, 24 of 32 such titles and 15 of 21 such sentences read right so, the others are
//   figures such as "Group sales 13.83 billion francs");
// - in a headline, a singular noun after a plural one, before what can be its object
//   ("Israeli troops fire rockets at Lebanon"; in running text the four such words of
//   reut2-000 were nouns after a misread verb, "also limits policy options").
// Its index and Penn tag (VBD, VBZ, VBP), or index -1: a sentence with a verb, or none such.
// Tags the tokens came with (given_tags[i] other than Tagger::kPredict) stay.
struct Predicate {
  int word = -1;
  const char* xpos = nullptr;
};
Predicate missing_predicate(const parsing::Tagger& tagger, std::span<const std::string_view> forms,
                            std::span<const uint16_t> tags, std::span<const uint16_t> given_tags, bool headline) {
  for (const uint16_t tag : tags)
    if (tagger.upos(tag) == "VERB" || tagger.upos(tag) == "AUX") return {};
  for (size_t i = 1; i + 1 < forms.size(); ++i) {
    if (given_tags[i] != parsing::Tagger::kPredict) continue;
    const std::string_view form = forms[i], upos = tagger.upos(tags[i]), xpos = tagger.xpos(tags[i]),
                           before = tagger.upos(tags[i - 1]), after = tagger.upos(tags[i + 1]);
    const bool after_nominal = before == "NOUN" || before == "PROPN" || before == "PRON";
    const bool before_object = after == "DET" || after == "NUM" || after == "ADJ" || after == "NOUN" ||
                               after == "PROPN" || after == "PRON";
    if (form.size() > 4 && (form.ends_with("ed") || form.ends_with("ED")) && (upos == "ADJ" || upos == "NOUN") &&
        after_nominal && after != "PUNCT")
      return {static_cast<int>(i), "VBD"};
    if (xpos == "NNS" && (after_nominal || forms[i - 1] == ">" || forms[i - 1] == ")") && before_object)
      return {static_cast<int>(i), "VBZ"};
    if (headline && xpos == "NN" && tagger.xpos(tags[i - 1]) == "NNS" && before_object && after != "PROPN")
      return {static_cast<int>(i), "VBP"};
  }
  return {};
}

// "Israel agreed to free the prisoners": "to" read as a preposition before a word read as an
// adjective, before a determiner, pronoun or number, is the infinitive's; its index, or -1.
// An adjective stands there 3 times in EWT and GUM train and dev ("to bad she"), while the
// tagger reads "to" before "free" (an adjective all 98 times in training) as a preposition.
int infinitive_marker(const parsing::Tagger& tagger, std::span<const std::string_view> forms,
                      std::span<const uint16_t> tags, std::span<const uint16_t> given_tags) {
  for (size_t i = 0; i + 2 < forms.size(); ++i)
    if ((forms[i] == "to" || forms[i] == "To") && given_tags[i] == parsing::Tagger::kPredict &&
        tagger.upos(tags[i]) == "ADP" && tagger.upos(tags[i + 1]) == "ADJ" &&
        given_tags[i + 1] == parsing::Tagger::kPredict &&
        (tagger.upos(tags[i + 2]) == "DET" || tagger.upos(tags[i + 2]) == "PRON" || tagger.upos(tags[i + 2]) == "NUM"))
      return static_cast<int>(i);
  return -1;
}

// Every character of the token is an ill-formed byte (invalid UTF-8) or U+FFFD, which stands
// for one: no word. Parsed as one, it misleads the parser more than a missing word does.
bool undecodable(std::string_view form) {
  if (form.empty() || static_cast<unsigned char>(form[0]) < 0x80) return false;
  for (size_t pos = 0; pos < form.size();)
    if (decode_utf8(form, pos) != kReplacementCharacter) return false;
  return true;
}

// A beam parser weighs the tagger's closest call between two parts of speech when the
// runner-up lost by less than this (the tagger's largest weight is 32,000), and counts that loss
// this many times against the runner-up's parse. Chosen on EWT and GUM dev with en-beam.model:
// UAS +0.3 and +0.25, 30% slower. (16,000 and a weight of 1: +0.17 and +0.22, 44% slower.)
constexpr int32_t kWeighedTagMargin = 8000;
constexpr int64_t kRunnerUpLossWeight = 2;

}  // namespace

void Parser::parse(Sentence& sentence) const {
  auto& tokens = sentence.tokens;
  if (tokens.empty()) {
    sentence.phrases.clear();
    return;
  }
  if (sentence.text.empty()) {
    for (Token& token : tokens) {
      if (!sentence.text.empty()) sentence.text += ' ';
      token.start = static_cast<uint32_t>(sentence.text.size());
      sentence.text += token.form;
      token.end = static_cast<uint32_t>(sentence.text.size());
    }
  }
  thread_local std::vector<size_t> words;  // the tokens that are text, as the parsers see them
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<uint16_t> tags;
  thread_local std::vector<char> punctuation;
  thread_local std::vector<int> heads, chosen_by;
  // Per parser: its heads and labels.
  thread_local std::vector<std::vector<int>> trees;
  thread_local std::vector<std::vector<uint16_t>> tree_labels;
  const Components& c = *components_;
  words.clear();
  forms.clear();
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!undecodable(tokens[i].form)) {
      words.push_back(i);
      forms.push_back(tokens[i].form);
    }
  const size_t n = words.size();
  // A headline or text in capitals or lowercase is read as running text spells it (parse/casing.h).
  thread_local std::vector<std::string> recased;  // what `forms` then views
  if (parsing::spell_as_running_text(forms, c.tagger, recased))
    for (size_t w = 0; w < n; ++w) forms[w] = recased[w];
  // The tagger's closest call, when the first parser can weigh it (see below).
  parsing::Tagger::Doubt doubt;
  const bool weigh_doubt = c.parsers.front().beam() > 1;
  // The tags the tokens came with (names the dictionaries know; gold tags when evaluating),
  // which the tagger keeps.
  thread_local std::vector<uint16_t> given_tags;
  given_tags.clear();
  for (const size_t i : words) {
    const Token& token = tokens[i];
    const int tag = token.upos.empty() ? -1 : c.tagger.tag_id(token.upos, token.xpos);
    given_tags.push_back(tag < 0 ? parsing::Tagger::kPredict : static_cast<uint16_t>(tag));
  }
  // Tags the words, giving word `word` (if >= 0) tag `forced`.
  auto tag = [&](int word, int forced) {
    tags = given_tags;
    if (word >= 0) tags[word] = static_cast<uint16_t>(forced);
    c.tagger.tag(forms, tags, word < 0 && weigh_doubt ? &doubt : nullptr);
    punctuation.clear();
    for (size_t w = 0; w < n; ++w) punctuation.push_back(c.tagger.upos(tags[w]) == "PUNCT");
  };
  tag(-1, 0);
  // A repair fixes one word's tag and tags the others again around it.
  auto retag_with = [&](int word, int tag_id) {
    given_tags[word] = static_cast<uint16_t>(tag_id);
    tag(-1, 0);
    doubt = {};
  };
  if (const Predicate verb = missing_predicate(c.tagger, forms, tags, given_tags, lacks_final_punctuation(tokens));
      verb.word >= 0)
    if (const int tag_id = c.tagger.tag_id("VERB", verb.xpos); tag_id >= 0) retag_with(verb.word, tag_id);
  if (const int to = infinitive_marker(c.tagger, forms, tags, given_tags); to >= 0)
    if (const int tag_id = c.tagger.tag_id("PART", "TO"); tag_id >= 0) retag_with(to, tag_id);
  heads.resize(n);
  thread_local std::vector<uint16_t> labels;  // ids into the labeller's list
  labels.resize(n);
  const size_t parsers = c.parsers.size();
  trees.resize(parsers);
  tree_labels.resize(parsers);
  for (size_t k = 0; k < parsers; ++k) {
    trees[k].resize(n);
    tree_labels[k].resize(n);
  }
  auto parse_with = [&](size_t k) { return c.parsers[k].parse({forms, tags, punctuation}, trees[k], tree_labels[k]); };
  const int64_t first_score = parse_with(0);
  // A beam parser's scores rank trees across taggings: the tagger's closest call between two
  // parts of speech is settled by which tagging parses better, less what the runner-up lost by.
  if (doubt.word >= 0 && doubt.margin < kWeighedTagMargin) {
    thread_local std::vector<uint16_t> first_tags, first_labels;
    thread_local std::vector<char> first_punctuation;
    thread_local std::vector<int> first_tree;
    first_tags = tags;
    first_punctuation = punctuation;
    first_tree = trees[0];
    first_labels = tree_labels[0];
    tag(doubt.word, doubt.runner_up);
    if (parse_with(0) - kRunnerUpLossWeight * int64_t{doubt.margin} <= first_score) {
      tags.swap(first_tags);
      punctuation.swap(first_punctuation);
      trees[0].swap(first_tree);
      tree_labels[0].swap(first_labels);
    }
  }
  for (size_t k = 1; k < parsers; ++k) parse_with(k);
  chosen_by.assign(n, 0);
  if (parsers == 1) {
    heads = trees[0];
  } else {
    thread_local std::vector<std::span<const int>> views;
    views.assign(trees.begin(), trees.end());
    parsing::combine_trees(views, c.weights, punctuation, heads, chosen_by);
  }
  parsing::attach_paired_punctuation(forms, punctuation, heads);
  if (c.network && n <= parsing::kLongestNeural) {
    // The network parses, the transition parsers' tree giving each of its arcs a vote.
    thread_local std::vector<int> voted;
    voted = heads;
    c.network->parse(forms, tags, punctuation, voted, heads, labels);
  } else {
    // The arc labeller reconsiders the labels of nouns, names, verbs and adjectives. Of the other
    // words' labels it changed 0.1% on EWT and GUM dev, as many wrongly as rightly (pronouns'
    // more wrongly); skipping them makes parsing about 5% faster.
    thread_local std::vector<char> content;
    content.resize(n);
    for (size_t w = 0; w < n; ++w) {
      labels[w] = tree_labels[static_cast<size_t>(chosen_by[w])][w];
      const std::string_view upos = c.tagger.upos(tags[w]);
      content[w] = upos == "NOUN" || upos == "PROPN" || upos == "VERB" || upos == "ADJ";
    }
    c.labeller.label(forms, tags, content, heads, labels);
  }
  for (size_t w = 0; w < n; ++w) {
    Token& token = tokens[words[w]];
    token.upos = c.tagger.upos(tags[w]);
    token.xpos = c.tagger.xpos(tags[w]);
    token.lemma = c.lemmatizer.lemma(forms[w], token.upos);
    token.head = heads[w] < 0 ? -1 : static_cast<int>(words[static_cast<size_t>(heads[w])]);
    token.deprel = c.labeller.labels()[labels[w]];
  }
  // The bytes that were not text hang from the next word (the last from the one before), or,
  // in a sentence of nothing else, from the first of them.
  for (size_t i = 0, w = 0; i < tokens.size(); ++i) {
    if (w < n && words[w] == i) {
      ++w;
      continue;
    }
    static const std::string unknown_upos = "X", unknown_xpos = "XX", root = "root", unspecified = "dep";
    Token& token = tokens[i];
    token.upos = unknown_upos;
    token.xpos = unknown_xpos;
    token.lemma = token.form;
    token.head = w < n ? static_cast<int>(words[w]) : n > 0 ? static_cast<int>(words[n - 1]) : i == 0 ? -1 : 0;
    token.deprel = token.head < 0 ? root : unspecified;
  }
  parsing::rehang_verb_possessors(tokens);
  parsing::relabel_reported_clauses(tokens);
  parsing::restore_headline_clauses(tokens);
  project_phrases(sentence);
}

ParseScores evaluate(const Parser& parser, const std::vector<Sentence>& gold, bool gold_tags) {
  ParseScores scores;
  size_t upos = 0, xpos = 0, lemma = 0, attached = 0, labelled = 0;
  double seconds = 0;
  Sentence parsed;
  for (const Sentence& truth : gold) {
    parsed.text = truth.text;
    parsed.tokens.resize(truth.tokens.size());
    for (size_t i = 0; i < truth.tokens.size(); ++i) {
      parsed.tokens[i] = Token{};
      parsed.tokens[i].form = truth.tokens[i].form;
      parsed.tokens[i].start = truth.tokens[i].start;
      parsed.tokens[i].end = truth.tokens[i].end;
      if (gold_tags) {
        parsed.tokens[i].upos = truth.tokens[i].upos;
        parsed.tokens[i].xpos = truth.tokens[i].xpos;
      }
    }
    const auto start = std::chrono::steady_clock::now();
    parser.parse(parsed);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i = 0; i < truth.tokens.size(); ++i) {
      const Token& want = truth.tokens[i];
      const Token& got = parsed.tokens[i];
      upos += got.upos == want.upos;
      xpos += got.xpos == want.xpos;
      lemma += got.lemma == want.lemma;
      attached += got.head == want.head;
      labelled += got.head == want.head && got.deprel == want.deprel;
    }
    ++scores.sentences;
    scores.words += truth.tokens.size();
  }
  const double words = static_cast<double>(std::max<size_t>(scores.words, 1));
  scores.upos = static_cast<double>(upos) / words;
  scores.xpos = static_cast<double>(xpos) / words;
  scores.lemma = static_cast<double>(lemma) / words;
  scores.uas = static_cast<double>(attached) / words;
  scores.las = static_cast<double>(labelled) / words;
  scores.seconds = seconds;
  return scores;
}

}  // namespace annals
