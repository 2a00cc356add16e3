// The neural dependency parser: a biaffine parser (Dozat & Manning 2017) trained by
// training/biaffine.py. Each word is read as its word, its tag from annals' tagger and its
// letters (a convolution over its characters); a three-layer BiLSTM reads the sentence both
// ways; every pair of words is scored as dependent and head, and the best projective tree of
// those scores is kept; a bilinear scorer labels each arc. More accurate than the transition
// parsers, and slower (it computes with every pair of words). Stored after the arc labeller
// in a model file; parsing needs only Eigen.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <Eigen/Dense>

#include "parse/model_file.h"
#include "parse/tagger.h"

namespace annals::parsing {

// Longer sentences are left to the transition parsers: the network's work grows with the
// square of a sentence's length and the tree search with its cube.
constexpr size_t kLongestNeural = 300;  // words

// What a transition parser's choice of an arc adds to the network's log-probability of it. A
// vote of 1 raised GUM dev UAS / LAS from 90.26 / 87.26 to 90.75 / 87.76 (0.75: 90.69 / 87.69,
// 1.5: 90.62 / 87.62; the bundled network, en.model's greedy parser): the two err differently.
constexpr double kTransitionVote = 1.0;

class NeuralParser {
 public:
  // Reads the section training/biaffine.py writes. Its tags are matched to `tagger`'s and its
  // labels to `labels` (the model's other parsers' list), which must hold every one of them.
  static NeuralParser read(ModelReader& in, const Tagger& tagger, const std::vector<std::string>& labels);

  // Heads (-1: the root) and label ids (into the list given to read()) of words with these
  // forms and tagger tag ids; punctuation (per word) heads nothing; each arc of `voted` (heads
  // in the same form, or empty) gains kTransitionVote. At most kLongestNeural words.
  void parse(std::span<const std::string_view> forms, std::span<const uint16_t> tags,
             std::span<const char> punctuation, std::span<const int> voted, std::span<int> heads,
             std::span<uint16_t> labels) const;

  const std::string& provenance() const { return provenance_; }

  // What parse() decides from, for one sentence: arcs(i, j) is the log-probability that word i
  // depends on word j, words numbered from 1 (0: the root; arcs(i, i) is -infinity, row 0
  // unused); columns of label features per word, dependent's and head's.
  struct Analysis {
    Eigen::MatrixXf arcs, label_dep, label_head;
  };
  // The analysis of a sentence, valid until the thread's next call.
  const Analysis& analyse(std::span<const std::string_view> forms, std::span<const uint16_t> tags) const;
  // Column w: the score of each of the network's labels (in its order) for word w under
  // heads[w] (words numbered from 0 here, -1 the root, as parse() gives heads).
  const Eigen::MatrixXf& label_scores(const Analysis& a, std::span<const int> heads) const;

 private:
  using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;  // as PyTorch stores
  struct Direction {
    Matrix input, hidden;  // gate weights (input, forget, cell, output) on the layer's input and on h
    Eigen::VectorXf bias;
  };
  struct Dense {
    Matrix weight;
    Eigen::VectorXf bias;
  };

  // Column i: the network's input for word i (0: the root).
  void embed(std::span<const std::string_view> forms, std::span<const uint16_t> tags, Eigen::MatrixXf& x) const;
  void letters(std::string_view form, bool root, Eigen::Ref<Eigen::VectorXf> out) const;

  std::string provenance_;
  std::unordered_map<std::string, uint32_t> word_ids_;
  std::unordered_map<char32_t, uint32_t> char_ids_;
  std::vector<uint32_t> tag_ids_;       // per tagger tag id, the network's
  std::vector<uint16_t> label_ids_;     // per network label, the id in the model's label list
  Eigen::Index root_label_ = 0;         // the network's "root"
  // Per network label: 0, or the bit of the relations a head takes at most one of (subject, object,
  // indirect object, clausal complements).
  std::vector<uint8_t> single_group_;
  uint32_t max_chars_ = 0;
  Matrix words_, tags_, chars_;         // embeddings, a row each
  std::vector<Matrix> conv_;            // per position in the window (before, at, after): filters x char dims
  Eigen::VectorXf conv_bias_;
  std::vector<Direction> lstm_;         // layer by layer, forward then backward
  Dense arc_dep_, arc_head_, label_dep_, label_head_;
  Matrix arc_weight_;
  Eigen::VectorXf arc_head_bias_;
  Matrix label_weight_;                 // rows: label x dependent dims (+1), columns: head dims (+1)
};

}  // namespace annals::parsing
