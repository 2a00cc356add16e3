// `annals parse`: raw text, pre-tokenized lines or CoNLL-U in; CoNLL-U out (or, with
// --evaluate, the accuracy against the CoNLL-U input's own annotation).
#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "annals/parse.h"
#include "annals/parser.h"
#include "annals/raw_evaluation.h"
#include "annals/pipeline.h"
#include "annals/segment.h"
#include "cli/parser_commands.h"

namespace annals::cli {

namespace {

std::string_view or_underscore(std::string_view field) { return field.empty() ? std::string_view("_") : field; }

void write_conllu(const Sentence& sentence, std::string& out) {
  if (!sentence.id.empty()) out += fmt::format("# sent_id = {}\n", sentence.id);
  out += fmt::format("# text = {}\n", sentence.text);
  const auto& tokens = sentence.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool joined = i + 1 < tokens.size() && tokens[i + 1].start == t.end && t.end > t.start;
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n", i + 1, t.form, or_underscore(t.lemma),
                       or_underscore(t.upos), or_underscore(t.xpos), t.head + 1, t.deprel,
                       joined ? "SpaceAfter=No" : "_");
  }
  out += '\n';
}

std::vector<Sentence> sentences_of(const std::string& name, std::string_view content, ParseInput input) {
  std::vector<Sentence> sentences;
  if (input == ParseInput::conllu) {
    try {
      sentences = from_conllu(content);
    } catch (const ParseError& e) {
      throw std::runtime_error(fmt::format("{}:{}: {}", name, e.line, e.what()));
    }
  } else if (input == ParseInput::tokenized) {
    for (size_t pos = 0; pos < content.size();) {
      const size_t newline = std::min(content.find('\n', pos), content.size());
      const std::string_view line = content.substr(pos, newline - pos);
      const SentenceSpan span = tokens_of_line(line);
      if (!span.tokens.empty()) sentences.push_back(tokenized_sentence(line, span));
      pos = newline + 1;
    }
  } else {
    for (const SentenceSpan& span : segment(content)) sentences.push_back(tokenized_sentence(content, span));
  }
  return sentences;
}

}  // namespace

std::string default_model_path() {
  if (const char* dir = std::getenv("ANNALS_DATA_DIR")) return std::string(dir) + "/models/en.model";
  return std::string(ANNALS_DATA_DIR) + "/models/en.model";
}

int run_parse(const ParseArgs& args) {
  if (args.evaluate && args.input != ParseInput::conllu) {
    fmt::print(stderr, "annals parse: --evaluate needs CoNLL-U input (--input conllu)\n");
    return 2;
  }
  if ((args.from_raw || args.gold_tags) && !args.evaluate) {
    fmt::print(stderr, "annals parse: --from-raw and --gold-tags go with --evaluate\n");
    return 2;
  }
  if (args.from_raw && args.gold_tags) {
    fmt::print(stderr, "annals parse: --gold-tags needs the file's words; raw text has no tags to keep\n");
    return 2;
  }
  std::shared_ptr<const Parser> parser;
  const std::string model = args.model.empty() ? default_model_path() : args.model;
  try {
    const auto start = std::chrono::steady_clock::now();
    parser = Parser::load(model);
    if (args.evaluate)
      fmt::print(stderr, "loaded {} in {:.0f} ms\n", model,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  } catch (const std::exception& e) {
    fmt::print(stderr, "annals parse: {}\n", e.what());
    return 1;
  }
  std::vector<std::string> names = args.files;
  if (names.empty()) names.push_back("-");
  int status = 0;
  std::string out;
  for (const std::string& name : names) {
    std::string content;
    if (name == "-") {
      content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(name, std::ios::binary);
      if (!in) {
        fmt::print(stderr, "annals parse: cannot open {}\n", name);
        status = 1;
        continue;
      }
      content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    try {
      if (args.from_raw) {
        const RawParseScores s = evaluate_raw(*parser, read_gold_documents(content));
        fmt::print("{}: from raw text, {} gold and {} predicted sentences, {} gold and {} predicted words; F1: "
                   "tokens {:.2f} sentences {:.2f} UPOS {:.2f} UAS {:.2f} LAS {:.2f}; {:.0f} sentences/s\n",
                   name, s.gold_sentences, s.predicted_sentences, s.gold_words, s.predicted_words, 100 * s.tokens,
                   100 * s.sentences, 100 * s.upos, 100 * s.uas, 100 * s.las,
                   static_cast<double>(s.predicted_sentences) / std::max(s.seconds, 1e-9));
        continue;
      }
      std::vector<Sentence> sentences = sentences_of(name, content, args.input);
      if (args.evaluate) {
        const ParseScores s = evaluate(*parser, sentences, args.gold_tags);
        fmt::print("{}: {} sentences, {} words: UPOS {:.2f} XPOS {:.2f} lemma {:.2f} UAS {:.2f} LAS {:.2f}; "
                   "{:.0f} sentences/s\n",
                   name, s.sentences, s.words, 100 * s.upos, 100 * s.xpos, 100 * s.lemma, 100 * s.uas, 100 * s.las,
                   static_cast<double>(s.sentences) / std::max(s.seconds, 1e-9));
        continue;
      }
      for (Sentence& sentence : sentences) {
        if (args.input == ParseInput::conllu) {  // parse from the words alone
          for (Token& token : sentence.tokens) token = Token{token.form, {}, {}, {}, -1, {}, token.start, token.end};
        }
        parser->parse(sentence);
        write_conllu(sentence, out);
        if (out.size() > (1 << 16)) {
          std::cout << out;
          out.clear();
        }
      }
    } catch (const std::exception& e) {
      fmt::print(stderr, "annals parse: {}\n", e.what());
      status = 1;
    }
  }
  std::cout << out;
  return status;
}

}  // namespace annals::cli
