#include "parse/tagger.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <random>
#include <unordered_map>

#include "parse/feature_hash.h"

namespace annals::parsing {

namespace {

// What the features need of one word, computed once per sentence.
struct WordInfo {
  uint64_t lower, raw, suffix1, suffix2, suffix3, suffix4, prefix1, shape;
};

char char_class(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

WordInfo describe(std::string_view form) {
  char lower[64];
  const size_t n = std::min(form.size(), sizeof lower);
  for (size_t i = 0; i < n; ++i) lower[i] = (form[i] >= 'A' && form[i] <= 'Z') ? static_cast<char>(form[i] + 32) : form[i];
  const std::string_view low(lower, n);
  char shape[8];
  size_t shape_size = 0;
  for (const char c : form) {
    const char k = char_class(static_cast<unsigned char>(c));
    if (shape_size == 0 || shape[shape_size - 1] != k) {
      if (shape_size == sizeof shape) break;
      shape[shape_size++] = k;
    }
  }
  auto suffix = [&](size_t k) { return hash_bytes(low.substr(low.size() - std::min(k, low.size()))); };
  return WordInfo{hash_bytes(low),  hash_bytes(form), suffix(1), suffix(2), suffix(3), suffix(4),
                  hash_bytes(low.substr(0, 1)), hash_bytes(std::string_view(shape, shape_size))};
}

enum Template : uint64_t {
  kBias = 1, kWord, kRaw, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kShape, kPrev, kPrevTwo,
  kPrevWord, kPrevSuffix3, kPrevPrevWord, kPrevLowerWord, kNextWord, kNextSuffix3, kNextNextWord,
  kNextShape, kWordNext, kPrevWordWord, kFirstShape, kPrevTagSuffix3, kLikely, kNextLikely,
  kNextNextLikely, kPrevNextLikely, kLikelyNextLikely, kNextSuffix2,
};
constexpr size_t kMaxFeatures = 32;
constexpr uint16_t kFixedTag = 0x8000;
constexpr uint16_t kUnknownWord = 0xFFFF;  // no likely tag: a word not in the lexicon, or none


// Features of word i given the two previous tags (the tag count stands for "none").
size_t features(const std::vector<WordInfo>& words, const std::vector<uint64_t>& likely, size_t i,
                uint64_t prev, uint64_t prev2, std::array<uint64_t, kMaxFeatures>& out) {
  static const WordInfo kNone = describe("<none>");
  const WordInfo& w = words[i];
  const WordInfo& p1 = i >= 1 ? words[i - 1] : kNone;
  const WordInfo& p2 = i >= 2 ? words[i - 2] : kNone;
  const WordInfo& n1 = i + 1 < words.size() ? words[i + 1] : kNone;
  const WordInfo& n2 = i + 2 < words.size() ? words[i + 2] : kNone;
  TemplateValues<kMaxFeatures> v;
  v.add(kBias, 0);
  v.add(kWord, w.lower);
  v.add(kRaw, w.raw);
  v.add(kSuffix1, w.suffix1);
  v.add(kSuffix2, w.suffix2);
  v.add(kSuffix3, w.suffix3);
  v.add(kSuffix4, w.suffix4);
  v.add(kPrefix1, w.prefix1);
  v.add(kShape, w.shape);
  v.add(kPrev, prev);
  v.add(kPrevTwo, prev, prev2);
  v.add(kPrevWord, prev, w.lower);
  v.add(kPrevSuffix3, p1.suffix3);
  v.add(kPrevPrevWord, p2.lower);
  v.add(kPrevLowerWord, p1.lower);
  v.add(kNextWord, n1.lower);
  v.add(kNextSuffix3, n1.suffix3);
  v.add(kNextNextWord, n2.lower);
  v.add(kNextShape, n1.shape);
  v.add(kWordNext, w.lower, n1.lower);
  v.add(kPrevWordWord, p1.lower, w.lower);
  v.add(kFirstShape, i == 0, w.shape);
  v.add(kPrevTagSuffix3, prev, w.suffix3);
  const uint64_t unknown = kUnknownWord;
  const uint64_t l0 = likely[i];
  const uint64_t l1 = i + 1 < words.size() ? likely[i + 1] : unknown;
  const uint64_t l2 = i + 2 < words.size() ? likely[i + 2] : unknown;
  v.add(kLikely, l0);
  v.add(kNextLikely, l1);
  v.add(kNextNextLikely, l1, l2);
  v.add(kPrevNextLikely, prev, l1);
  v.add(kLikelyNextLikely, l0, l1, w.suffix2);
  v.add(kNextSuffix2, n1.suffix2, w.suffix3);
  return v.hash(out.data());
}

template <typename Scores>
int best_class(const Scores& scores, int count) {
  int best = 0;
  for (int c = 1; c < count; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace

uint16_t Tagger::first_tag_of(std::string_view upos) const {
  return static_cast<uint16_t>(std::find(upos_.begin(), upos_.end(), upos) - upos_.begin());
}

void Tagger::index_parts_of_speech() {
  part_of_speech_.clear();
  verb_follows_.clear();
  nominal_or_adjective_.clear();
  for (size_t t = 0; t < upos_.size(); ++t) {
    part_of_speech_.push_back(first_tag_of(upos_[t] == "PROPN" ? "NOUN" : upos_[t]));
    verb_follows_.push_back(xpos_[t] == "MD" || xpos_[t] == "TO");
    nominal_or_adjective_.push_back(upos_[t] == "ADJ" || upos_[t] == "NOUN");
  }
}

void Tagger::note_doubt(int word, int best, std::span<const int32_t> scores, Doubt& doubt) const {
  for (int t = 0; t < tag_count(); ++t) {
    if (part_of_speech_[t] == part_of_speech_[best]) continue;
    const int32_t margin = scores[best] - scores[t];
    if (doubt.word < 0 || margin < doubt.margin) doubt = Doubt{word, static_cast<uint16_t>(t), margin};
  }
}

std::vector<uint16_t> Tagger::upos_classes() const {
  std::vector<uint16_t> classes;
  for (const std::string& upos : upos_) classes.push_back(first_tag_of(upos));
  return classes;
}

uint16_t Tagger::likely_tag(uint64_t word) const {
  const uint32_t* tag = lexicon_.find(word);
  return tag ? static_cast<uint16_t>(*tag) : kUnknownWord;
}

std::string_view Tagger::usual_upos(std::string_view form) const {
  const uint16_t tag = likely_tag(hash_bytes(form));
  return tag == kUnknownWord ? std::string_view() : upos(tag & ~kFixedTag);
}

int Tagger::tag_id(std::string_view upos, std::string_view xpos) const {
  for (size_t t = 0; t < upos_.size(); ++t)
    if (upos_[t] == upos && xpos_[t] == xpos) return static_cast<int>(t);
  return -1;
}

void Tagger::tag(std::span<const std::string_view> forms, std::span<uint16_t> tags, Doubt* doubt) const {
  if (doubt) *doubt = Doubt{};
  thread_local std::vector<WordInfo> words;
  thread_local std::vector<uint64_t> likely;
  thread_local std::vector<int32_t> scores;
  words.clear();
  likely.clear();
  for (const std::string_view form : forms) {
    words.push_back(describe(form));
    likely.push_back(likely_tag(words.back().raw));
  }
  scores.resize(tag_count());
  std::array<uint64_t, kMaxFeatures> feats;
  const uint64_t none = tag_count();
  uint64_t prev = none, prev2 = none;
  for (size_t i = 0; i < words.size(); ++i) {
    int tag;
    if (tags[i] != kPredict) {
      tag = tags[i];
    } else if (likely[i] != kUnknownWord && (likely[i] & kFixedTag) && !follows_modal_or_to(prev, likely[i] & ~kFixedTag)) {
      tag = static_cast<int>(likely[i] & ~kFixedTag);
    } else {
      const size_t n = features(words, likely, i, prev, prev2, feats);
      std::fill(scores.begin(), scores.end(), 0);
      model_.add_scores(std::span(feats.data(), n), scores);
      tag = best_class(scores, tag_count());
      if (doubt) note_doubt(static_cast<int>(i), tag, scores, *doubt);
    }
    tags[i] = static_cast<uint16_t>(tag);
    prev2 = prev;
    prev = tag;
  }
}

void Tagger::write(ModelWriter& out) const {
  out.strings(upos_);
  out.strings(xpos_);
  std::vector<uint64_t> words;
  std::vector<uint16_t> tags;
  for (const auto& [word, tag] : lexicon_.sorted_entries()) {
    words.push_back(word);
    tags.push_back(static_cast<uint16_t>(tag));
  }
  out.array(words);
  out.array(tags);
  model_.write(out);
}

Tagger Tagger::read(ModelReader& in) {
  Tagger t;
  t.upos_ = in.strings();
  t.xpos_ = in.strings();
  if (t.upos_.empty() || t.upos_.size() != t.xpos_.size()) in.fail("tagger tag lists disagree");
  const auto words = in.array<uint64_t>();
  const auto tags = in.array<uint16_t>();
  if (words.size() != tags.size()) in.fail("tag dictionary sizes disagree");
  std::vector<HashIndex::Entry> lexicon;
  for (size_t i = 0; i < words.size(); ++i) {
    if ((tags[i] & ~kFixedTag) >= t.upos_.size()) in.fail("tag dictionary names an unknown tag");
    lexicon.emplace_back(words[i], tags[i]);
  }
  t.lexicon_ = HashIndex(std::move(lexicon));
  t.model_ = LinearModel::read(in);
  t.index_parts_of_speech();
  if (t.model_.classes() != t.tag_count()) in.fail("tagger model and tag list disagree");
  return t;
}

Tagger Tagger::train(const std::vector<Sentence>& sentences, const TaggerTraining& options) {
  Tagger t;
  // Tag inventory and, per word, how often it takes each tag.
  std::unordered_map<uint64_t, std::unordered_map<int, int>> word_tags;
  std::vector<std::vector<int>> gold(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const Token& token : sentences[s].tokens) {
      int tag = -1;
      if (!token.upos.empty()) {
        tag = t.tag_id(token.upos, token.xpos);
        if (tag < 0) {
          tag = t.tag_count();
          t.upos_.push_back(token.upos);
          t.xpos_.push_back(token.xpos);
        }
        ++word_tags[hash_bytes(token.form)][tag];
      }
      gold[s].push_back(tag);
    }
  }
  if (t.upos_.empty()) throw std::invalid_argument("no tagged words to train the tagger from");
  t.index_parts_of_speech();
  std::vector<HashIndex::Entry> lexicon;
  for (const auto& [word, counts] : word_tags) {
    int total = 0, best = 0, best_tag = 0;
    for (const auto& [tag, count] : counts) {
      total += count;
      if (count > best) best = count, best_tag = tag;
    }
    if (total < 2) continue;  // a word seen once says little about its usual tag
    const bool fixed = total >= 20 && best >= 0.99 * total;
    lexicon.emplace_back(word, static_cast<uint16_t>(best_tag | (fixed ? kFixedTag : 0)));
  }
  t.lexicon_ = HashIndex(std::move(lexicon));

  PerceptronTrainer trainer(t.tag_count());
  std::vector<float> scores(t.tag_count());
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(7);
  std::vector<WordInfo> words;
  std::vector<uint64_t> likely;
  std::array<uint64_t, kMaxFeatures> feats;
  const uint64_t none = t.tag_count();
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    size_t correct = 0, total = 0;
    for (const size_t s : order) {
      words.clear();
      likely.clear();
      for (const Token& token : sentences[s].tokens) {
        words.push_back(describe(token.form));
        likely.push_back(t.likely_tag(words.back().raw));
      }
      uint64_t prev = none, prev2 = none;
      for (size_t i = 0; i < words.size(); ++i) {
        const int truth = gold[s][i];
        int guess;
        if (likely[i] != kUnknownWord && (likely[i] & kFixedTag)) {
          guess = static_cast<int>(likely[i] & ~kFixedTag);
        } else {
          const size_t n = features(words, likely, i, prev, prev2, feats);
          trainer.score(std::span(feats.data(), n), scores);
          guess = best_class(scores, t.tag_count());
          if (truth >= 0) trainer.update(std::span(feats.data(), n), truth, guess);
          trainer.tick();
        }
        if (truth >= 0) {
          correct += guess == truth;
          ++total;
        }
        prev2 = prev;
        prev = guess;
      }
    }
    if (options.log)
      options.log("tagger epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                  std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(std::max<size_t>(total, 1))));
  }
  t.model_ = trainer.average(options.min_updates);
  return t;
}

}  // namespace annals::parsing
