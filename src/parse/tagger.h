// Part-of-speech tagger: greedy left-to-right, averaged perceptron over word, affix, shape
// and previous-tag features. One tag is a UPOS and Penn tag pair as seen in training.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"
#include "parse/hash_index.h"
#include "parse/linear_model.h"

namespace annals::parsing {

struct TaggerTraining {
  int epochs = 6;
  int min_updates = 1;  // features updated fewer times are left out of the model
  std::function<void(const std::string&)> log;     // progress lines; may be empty
};

class Tagger {
 public:
  int tag_count() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int tag) const { return upos_[tag]; }
  const std::string& xpos(int tag) const { return xpos_[tag]; }
  const LinearModel& model() const { return model_; }
  // Per tag id, the first tag id with the same UPOS.
  std::vector<uint16_t> upos_classes() const;

  // The id of a UPOS and Penn tag pair, -1 when this tagger never saw it. Ids differ
  // between taggers trained on different data.
  int tag_id(std::string_view upos, std::string_view xpos) const;
  // The UPOS training gave this exact spelling most often; empty for a spelling seen less
  // than twice.
  std::string_view usual_upos(std::string_view form) const;

  // tags.size() == forms.size(). Entries set to kPredict are tagged; the others are taken
  // as given (and serve as context for the words after them).
  static constexpr uint16_t kPredict = 0xFFFF;
  // The word the tagger was least sure of between two parts of speech (a noun and a proper
  // noun aside): its runner-up tag and by how much it lost. word -1: no such word.
  struct Doubt {
    int word = -1;
    uint16_t runner_up = 0;
    int32_t margin = 0;
  };
  void tag(std::span<const std::string_view> forms, std::span<uint16_t> tags, Doubt* doubt = nullptr) const;

  void write(ModelWriter& out) const;
  static Tagger read(ModelReader& in);

  // Learns from sentences with gold UPOS and XPOS (tokens without UPOS are skipped as words
  // to learn from but still serve as context).
  static Tagger train(const std::vector<Sentence>& sentences, const TaggerTraining& options);

 private:
  std::vector<std::string> upos_, xpos_;
  LinearModel model_;
  // Per known word (hash of its form): its most frequent tag, with the top bit set when the
  // word is frequent and (nearly) always takes that tag, so it is tagged without scoring.
  HashIndex lexicon_;
  uint16_t likely_tag(uint64_t word) const;  // a lexicon entry, or a value no entry has
  // Whether a word always tagged `fixed` in training follows a modal or the infinitive's
  // "to" (tag `prev`) as an adjective or a noun: then its context decides. "free" is an
  // adjective all 98 times in EWT and GUM train, "police" a noun, but "Israel will free 250
  // prisoners" and "troops were sent to police the streets".
  bool follows_modal_or_to(uint64_t prev, uint16_t fixed) const {
    return prev < verb_follows_.size() && verb_follows_[prev] && nominal_or_adjective_[fixed];
  }
  // Per tag: whether it is a modal or the infinitive's "to" (Penn MD, TO); whether it is a
  // noun or an adjective (UPOS).
  std::vector<char> verb_follows_, nominal_or_adjective_;
  void note_doubt(int word, int best, std::span<const int32_t> scores, Doubt& doubt) const;
  // The id of the first tag with this UPOS; tag_count() when there is none.
  uint16_t first_tag_of(std::string_view upos) const;
  // Per tag: the first tag of its part of speech (UPOS, with proper nouns counted as nouns).
  std::vector<uint16_t> part_of_speech_;
  // Fills the per-tag tables above from the tag lists.
  void index_parts_of_speech();
};

}  // namespace annals::parsing
