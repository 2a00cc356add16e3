#include "annals/raw_evaluation.h"

#include <chrono>
#include <map>
#include <stdexcept>

#include "annals/pipeline.h"
#include "annals/segment.h"
#include "parse/conllu_fields.h"

namespace annals {
namespace {

// A number field of the line; malformed input throws, naming the line.
int number(std::string_view field, size_t line) {
  const int value = parse_conllu_number(field);
  if (value < 0) throw std::runtime_error("line " + std::to_string(line) + ": bad number '" + std::string(field) + "'");
  return value;
}

double f1(size_t right, size_t gold, size_t predicted) {
  return gold + predicted == 0 ? 0.0 : 2.0 * static_cast<double>(right) / static_cast<double>(gold + predicted);
}

}  // namespace

std::vector<GoldDocument> read_gold_documents(std::string_view conllu) {
  std::vector<GoldDocument> documents;
  bool new_paragraph = false, space_pending = false, in_sentence = false;
  int multiword_last = 0;
  uint32_t multiword_cursor = 0, sentence_start = 0, sentence_end = 0;
  size_t sentence_base = 0;  // index of the sentence's first word in the document
  size_t line_number = 0;
  for (size_t pos = 0; pos < conllu.size();) {
    const size_t newline = std::min(conllu.find('\n', pos), conllu.size());
    std::string_view line = conllu.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("# newdoc")) {
      documents.emplace_back();
      continue;
    }
    if (line == "# newpar" || line.starts_with("# newpar ")) {
      new_paragraph = true;
      continue;
    }
    if (line.empty()) {
      if (in_sentence) documents.back().sentences.emplace_back(sentence_start, sentence_end);
      in_sentence = false;
      continue;
    }
    if (line[0] == '#') continue;
    const ConlluFields fields = split_conllu_fields(line);
    if (fields.count != 10) throw std::runtime_error("line " + std::to_string(line_number) + ": expected 10 fields");
    const std::string_view* f = fields.column;
    if (f[0].find('.') != std::string_view::npos) continue;  // empty nodes
    if (documents.empty()) documents.emplace_back();
    GoldDocument& doc = documents.back();
    const size_t dash = f[0].find('-');
    const int id = number(f[0].substr(0, dash), line_number);
    if (!in_sentence) {
      if (!doc.text.empty()) doc.text += new_paragraph ? "\n\n" : (space_pending ? " " : "");
      sentence_start = static_cast<uint32_t>(doc.text.size());
      sentence_base = doc.words.size();
      new_paragraph = false;
      in_sentence = true;
      multiword_last = 0;
    } else if (space_pending && id > multiword_last) {
      doc.text += ' ';
    }
    if (dash != std::string_view::npos) {  // a multiword token: its words follow
      multiword_last = number(f[0].substr(dash + 1), line_number);
      multiword_cursor = static_cast<uint32_t>(doc.text.size());
      doc.text += f[1];
      space_pending = !has_space_after_no(f[9]);
      sentence_end = static_cast<uint32_t>(doc.text.size());
      continue;
    }
    GoldDocument::Word& word = doc.words.emplace_back();
    word.upos = std::string(f[3]);
    word.deprel = std::string(f[7]);
    const int head = number(f[6], line_number);
    word.head = head == 0 ? -1 : static_cast<int>(sentence_base) + head - 1;
    if (id <= multiword_last) {
      word.start = multiword_cursor;
      word.end = std::min(multiword_cursor + static_cast<uint32_t>(f[1].size()), sentence_end);
      multiword_cursor = word.end;
      continue;
    }
    word.start = static_cast<uint32_t>(doc.text.size());
    doc.text += f[1];
    word.end = static_cast<uint32_t>(doc.text.size());
    space_pending = !has_space_after_no(f[9]);
    sentence_end = word.end;
  }
  if (in_sentence) documents.back().sentences.emplace_back(sentence_start, sentence_end);
  return documents;
}

RawParseScores evaluate_raw(const Parser& parser, const std::vector<GoldDocument>& documents) {
  RawParseScores scores;
  size_t aligned = 0, upos = 0, uas = 0, las = 0, sentences = 0;
  for (const GoldDocument& doc : documents) {
    // Predicted words of the document with their spans and heads in document indices.
    struct Predicted {
      uint32_t start, end;
      const Token* token;
      int head;
    };
    std::vector<Sentence> parsed;
    std::vector<std::pair<uint32_t, uint32_t>> predicted_sentences;
    const auto begin = std::chrono::steady_clock::now();
    for (const SentenceSpan& span : segment(doc.text)) {
      if (span.tokens.empty()) continue;
      parser.parse(parsed.emplace_back(tokenized_sentence(doc.text, span)));
      predicted_sentences.emplace_back(span.start, span.end);
    }
    scores.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::vector<Predicted> predicted;
    for (size_t s = 0; s < parsed.size(); ++s) {
      const int base = static_cast<int>(predicted.size());
      for (const Token& token : parsed[s].tokens)
        predicted.push_back({token.start + predicted_sentences[s].first, token.end + predicted_sentences[s].first,
                             &token, token.head < 0 ? -1 : base + token.head});
    }

    std::map<std::pair<uint32_t, uint32_t>, int> gold_at;  // span -> gold word (the first)
    for (size_t g = 0; g < doc.words.size(); ++g) gold_at.try_emplace({doc.words[g].start, doc.words[g].end}, static_cast<int>(g));
    std::vector<int> gold_of(predicted.size(), -1);
    for (size_t p = 0; p < predicted.size(); ++p)
      if (auto it = gold_at.find({predicted[p].start, predicted[p].end}); it != gold_at.end()) gold_of[p] = it->second;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (gold_of[p] < 0) continue;
      const GoldDocument::Word& gold = doc.words[gold_of[p]];
      const Token& token = *predicted[p].token;
      ++aligned;
      upos += token.upos == gold.upos;
      const int head = predicted[p].head;
      const bool attached = head < 0 ? gold.head < 0 : gold.head >= 0 && gold_of[head] == gold.head;
      uas += attached;
      las += attached && token.deprel == gold.deprel;
    }
    std::map<std::pair<uint32_t, uint32_t>, int> gold_sentences;
    for (const auto& s : doc.sentences) ++gold_sentences[s];
    for (const auto& s : predicted_sentences)
      if (auto it = gold_sentences.find(s); it != gold_sentences.end() && it->second > 0) --it->second, ++sentences;
    scores.gold_words += doc.words.size();
    scores.predicted_words += predicted.size();
    scores.gold_sentences += doc.sentences.size();
    scores.predicted_sentences += predicted_sentences.size();
  }
  scores.tokens = f1(aligned, scores.gold_words, scores.predicted_words);
  scores.sentences = f1(sentences, scores.gold_sentences, scores.predicted_sentences);
  scores.upos = f1(upos, scores.gold_words, scores.predicted_words);
  scores.uas = f1(uas, scores.gold_words, scores.predicted_words);
  scores.las = f1(las, scores.gold_words, scores.predicted_words);
  return scores;
}

}  // namespace annals
