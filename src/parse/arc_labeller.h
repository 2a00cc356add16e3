// Labels the arcs of a finished tree, as a second opinion on the parser's labels. The parser
// labels each arc as it adds it, before the words' later dependents exist: "gave the king ...
// the talks" has its first object labelled before the second is found (iobj or obj), and a
// clause before the words that show whether it is reported (ccomp) or adverbial (advcl).
// Here every arc is labelled with the whole tree in view: the dependent's own dependents and
// the head's other dependents nearest to it (with the labels the parser gave them), the
// head's head, the punctuation between them. Alone it labels no better than the parser; the
// two together do (see label()).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"
#include "parse/linear_model.h"

namespace annals::parsing {

struct ArcLabellerTraining {
  int epochs = 12;
  int min_updates = 3;  // features updated fewer times are left out of the model
};

class ArcLabeller {
 public:
  // The parser's label list: a label is the same index in both.
  const std::vector<std::string>& labels() const { return labels_; }
  const LinearModel& model() const { return model_; }

  // heads[i]: the head of word i, -1 for the root. labels[i]: the parser's label (an index
  // into labels()); where reconsider[i], replaced by this model's when it prefers another by a
  // clear margin. The root gets "root". The parser's labels of the other arcs are features.
  void label(std::span<const std::string_view> forms, std::span<const uint16_t> tags, std::span<const char> reconsider,
             std::span<const int> heads, std::span<uint16_t> labels) const;

  void write(ModelWriter& out) const;
  static ArcLabeller read(ModelReader& in);

  // Learns from the gold trees (their labels standing for the parser's), with tags[s][i] the
  // tag of word i of sentence s as the tagger gives it (jackknifed, so as at parse time). Its
  // labels are label_inventory(sentences), as are those of parsers trained on the same sentences.
  static ArcLabeller train(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                           const ArcLabellerTraining& options);

 private:
  std::vector<std::string> labels_;
  LinearModel model_;
};

}  // namespace annals::parsing
