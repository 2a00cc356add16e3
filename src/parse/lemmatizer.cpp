#include "parse/lemmatizer.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "parse/feature_hash.h"

namespace annals::parsing {

namespace {

constexpr size_t kLongestSuffix = 5;

struct SuffixRule {  // as stored in the model file
  uint64_t suffix;
  uint32_t rule;
  uint32_t unused;
};

uint64_t key(std::string_view upos, std::string_view text) { return hash_mix(hash_bytes(upos), hash_bytes(text)); }

// Proper nouns keep their case ("Paris"); other words are lemmatized in lower case.
std::string normalized(std::string_view form, std::string_view upos) {
  std::string s(form);
  if (upos != "PROPN")
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace

std::string Lemmatizer::apply_rules(std::string_view form, std::string_view upos) const {
  // Lower-cased in a stack buffer: this runs for every word parsed.
  char buffer[64];
  std::string long_word;
  std::string_view word = form;
  if (upos != "PROPN") {
    char* out = buffer;
    if (form.size() > sizeof buffer) {
      long_word.assign(form);
      out = long_word.data();
    }
    for (size_t i = 0; i < form.size(); ++i)
      out[i] = (form[i] >= 'A' && form[i] <= 'Z') ? static_cast<char>(form[i] + 32) : form[i];
    word = std::string_view(out, form.size());
  }
  const uint64_t upos_hash = hash_bytes(upos);
  for (size_t k = std::min(kLongestSuffix, word.size());; --k) {
    if (const uint32_t* index = suffix_rules_.find(hash_mix(upos_hash, hash_bytes(word.substr(word.size() - k))))) {
      const Rule& rule = rules_[*index];
      if (rule.strip < word.size()) {
        std::string lemma(word.substr(0, word.size() - rule.strip));
        lemma += rule.append;
        return lemma;
      }
      return std::string(word);
    }
    if (k == 0) return std::string(word);
  }
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos) const {
  if (const uint32_t* index = exceptions_.find(key(upos, form))) return exception_lemmas_[*index];
  return apply_rules(form, upos);
}

Lemmatizer Lemmatizer::train(const std::vector<Sentence>& sentences) {
  // The usual lemma of each (upos, form).
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> lemmas;
  for (const Sentence& sentence : sentences)
    for (const Token& token : sentence.tokens)
      if (!token.lemma.empty() && !token.upos.empty()) ++lemmas[{token.upos, token.form}][token.lemma];
  std::map<std::pair<std::string, std::string>, std::string> usual;
  for (const auto& [word, counts] : lemmas)
    usual[word] = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; })->first;

  // Rules counted once per distinct word, so they describe the vocabulary, not frequent words.
  Lemmatizer l;
  std::map<std::pair<uint8_t, std::string>, uint32_t> rule_ids;
  std::unordered_map<uint64_t, std::map<uint32_t, int>> votes;
  for (const auto& [word, lemma] : usual) {
    const auto& [upos, form] = word;
    const std::string normal = normalized(form, upos);
    size_t common = 0;
    while (common < normal.size() && common < lemma.size() && normal[common] == lemma[common]) ++common;
    const size_t strip = normal.size() - common;
    if (strip > 255 || strip >= normal.size()) continue;  // not a suffix change ("went" → "go")
    const auto [it, added] = rule_ids.try_emplace({static_cast<uint8_t>(strip), lemma.substr(common)},
                                                  static_cast<uint32_t>(l.rules_.size()));
    if (added) l.rules_.push_back(Rule{static_cast<uint8_t>(strip), lemma.substr(common)});
    for (size_t k = strip; k <= std::min(kLongestSuffix, normal.size()); ++k)
      ++votes[key(upos, std::string_view(normal).substr(normal.size() - k))][it->second];
  }
  std::vector<HashIndex::Entry> suffixes;
  for (const auto& [suffix, counts] : votes) {
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    suffixes.emplace_back(suffix, best->first);
  }
  l.suffix_rules_ = HashIndex(std::move(suffixes));
  std::vector<HashIndex::Entry> exceptions;
  for (const auto& [word, lemma] : usual)
    if (l.apply_rules(word.second, word.first) != lemma) {
      exceptions.emplace_back(key(word.first, word.second), static_cast<uint32_t>(l.exception_lemmas_.size()));
      l.exception_lemmas_.push_back(lemma);
    }
  l.exceptions_ = HashIndex(std::move(exceptions));
  return l;
}

void Lemmatizer::write(ModelWriter& out) const {
  std::vector<uint8_t> strips;
  std::vector<std::string> appends;
  for (const Rule& rule : rules_) {
    strips.push_back(rule.strip);
    appends.push_back(rule.append);
  }
  out.array(strips);
  out.strings(appends);
  std::vector<SuffixRule> suffixes;
  for (const auto& [suffix, rule] : suffix_rules_.sorted_entries()) suffixes.push_back(SuffixRule{suffix, rule, 0});
  out.array(suffixes);
  std::vector<uint64_t> keys;
  std::vector<std::string> lemmas;
  for (const auto& [k, index] : exceptions_.sorted_entries()) {
    keys.push_back(k);
    lemmas.push_back(exception_lemmas_[index]);
  }
  out.array(keys);
  out.strings(lemmas);
}

Lemmatizer Lemmatizer::read(ModelReader& in) {
  Lemmatizer l;
  const auto strips = in.array<uint8_t>();
  const auto appends = in.strings();
  if (strips.size() != appends.size()) in.fail("lemma rule lists disagree");
  for (size_t i = 0; i < strips.size(); ++i) l.rules_.push_back(Rule{strips[i], appends[i]});
  std::vector<HashIndex::Entry> suffixes;
  for (const SuffixRule& entry : in.array<SuffixRule>()) {
    if (entry.rule >= l.rules_.size()) in.fail("suffix names an unknown lemma rule");
    suffixes.emplace_back(entry.suffix, entry.rule);
  }
  l.suffix_rules_ = HashIndex(std::move(suffixes));
  const auto keys = in.array<uint64_t>();
  l.exception_lemmas_ = in.strings();
  if (keys.size() != l.exception_lemmas_.size()) in.fail("lemma exception lists disagree");
  std::vector<HashIndex::Entry> exceptions;
  for (size_t i = 0; i < keys.size(); ++i) exceptions.emplace_back(keys[i], static_cast<uint32_t>(i));
  l.exceptions_ = HashIndex(std::move(exceptions));
  return l;
}

}  // namespace annals::parsing
