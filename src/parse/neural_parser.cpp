#include "parse/neural_parser.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <utf8proc.h>

#include "parse/projective_tree.h"
#include "text/utf8.h"
#include "text/words.h"

namespace annals::parsing {

namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'N', 'E', 'U', 'R', 'L'};
constexpr uint32_t kSectionVersion = 1;
constexpr uint32_t kUnknown = 1, kRoot = 2;  // ids in every vocabulary (0 pads in training)
constexpr double kPunctuationHead = -1e6;    // below any tree without such arcs

// The vocabulary's spelling of a word: '0' for a number (digits, no letters), else lowercase.
// training/biaffine.py's word_key does the same.
std::string word_key(std::string_view form) {
  bool digit = false, letter = false;
  for (size_t pos = 0; pos < form.size();) {
    const char32_t c = decode_utf8(form, pos);
    digit = digit || (c >= U'0' && c <= U'9');
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    letter = letter || (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO);
  }
  return digit && !letter ? std::string("0") : lowercase(form, false);
}

// The relations a head takes at most one of, a bit each (in EWT and GUM train and dev, 260 of
// 36,209 subjects share their head with another, all of them beside an outer subject, and 5 of
// 31,000 objects and complements with one of the same relation).
uint8_t single_group(std::string_view label) {
  if (label == "nsubj" || label == "nsubj:pass" || label == "csubj" || label == "csubj:pass") return 1;
  if (label == "nsubj:outer" || label == "csubj:outer") return 2;
  if (label == "obj") return 4;
  if (label == "iobj") return 8;
  if (label == "ccomp") return 16;
  if (label == "xcomp") return 32;
  return 0;
}

template <typename Matrix>
Matrix read_matrix(ModelReader& in, Eigen::Index rows, Eigen::Index cols, const char* what) {
  const std::vector<float> values = in.array<float>();
  if (values.size() != static_cast<size_t>(rows * cols))
    in.fail(std::string("neural parser: ") + what + " has " + std::to_string(values.size()) + " values, not " +
            std::to_string(rows * cols));
  Matrix m(rows, cols);
  std::memcpy(m.data(), values.data(), values.size() * sizeof(float));  // both row-major
  return m;
}

Eigen::VectorXf read_vector(ModelReader& in, Eigen::Index size, const char* what) {
  return read_matrix<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(in, size, 1, what);
}

}  // namespace

NeuralParser NeuralParser::read(ModelReader& in, const Tagger& tagger, const std::vector<std::string>& labels) {
  char magic[sizeof kMagic];
  for (char& c : magic) c = in.value<char>();
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) in.fail("no neural parser header after the arc labeller");
  if (const uint32_t version = in.value<uint32_t>(); version != kSectionVersion)
    in.fail("neural parser version " + std::to_string(version) + ", this build reads version " +
            std::to_string(kSectionVersion));
  NeuralParser p;
  p.provenance_ = in.string();
  const std::vector<std::string> words = in.strings(), tags = in.strings(), chars = in.strings(),
                                  rels = in.strings();
  for (uint32_t i = kRoot + 1; i < words.size(); ++i) p.word_ids_.emplace(words[i], i);
  for (uint32_t i = kRoot + 1; i < chars.size(); ++i) {
    size_t pos = 0;
    if (!chars[i].empty()) p.char_ids_.emplace(decode_utf8(chars[i], pos), i);
  }
  std::unordered_map<std::string, uint32_t> tag_index;
  for (uint32_t i = kRoot + 1; i < tags.size(); ++i) tag_index.emplace(tags[i], i);
  for (int t = 0; t < tagger.tag_count(); ++t) {
    const auto it = tag_index.find(tagger.upos(t) + "|" + tagger.xpos(t));
    p.tag_ids_.push_back(it == tag_index.end() ? kUnknown : it->second);
  }
  for (uint32_t r = 0; r < rels.size(); ++r) {
    const auto it = std::find(labels.begin(), labels.end(), rels[r]);
    if (it == labels.end()) in.fail("neural parser label '" + rels[r] + "' is not in the model's label list");
    p.label_ids_.push_back(static_cast<uint16_t>(it - labels.begin()));
    if (rels[r] == "root") p.root_label_ = r;
    p.single_group_.push_back(single_group(rels[r]));
  }
  if (std::find(rels.begin(), rels.end(), "root") == rels.end()) in.fail("neural parser without a root label");
  uint32_t dims[8];
  for (uint32_t& d : dims) {
    d = in.value<uint32_t>();
    if (d == 0 || d > 4096) in.fail("neural parser: implausible dimension " + std::to_string(d));
  }
  const auto [word_dim, tag_dim, char_dim, filters, hidden, layers, arc, rel] = dims;
  p.max_chars_ = in.value<uint32_t>();
  if (layers > 8 || words.size() <= kRoot || tags.size() <= kRoot || chars.size() <= kRoot || rels.empty())
    in.fail("neural parser: implausible sizes");
  auto size = [](auto v) { return static_cast<Eigen::Index>(v); };
  p.words_ = read_matrix<Matrix>(in, size(words.size()), word_dim, "word embeddings");
  p.tags_ = read_matrix<Matrix>(in, size(tags.size()), tag_dim, "tag embeddings");
  p.chars_ = read_matrix<Matrix>(in, size(chars.size()), char_dim, "character embeddings");
  // PyTorch's Conv1d weights are filters x char dims x window; one matrix per window position.
  const Matrix conv = read_matrix<Matrix>(in, filters, size(char_dim) * 3, "convolution");
  for (Eigen::Index k = 0; k < 3; ++k) {
    Matrix m(filters, char_dim);
    for (Eigen::Index f = 0; f < filters; ++f)
      for (Eigen::Index c = 0; c < char_dim; ++c) m(f, c) = conv(f, c * 3 + k);
    p.conv_.push_back(std::move(m));
  }
  p.conv_bias_ = read_vector(in, filters, "convolution bias");
  Eigen::Index inputs = word_dim + tag_dim + filters;
  for (uint32_t layer = 0; layer < layers; ++layer) {
    for (int direction = 0; direction < 2; ++direction) {
      Direction d;
      d.input = read_matrix<Matrix>(in, 4 * size(hidden), inputs, "LSTM input weights");
      d.hidden = read_matrix<Matrix>(in, 4 * size(hidden), hidden, "LSTM hidden weights");
      d.bias = read_vector(in, 4 * size(hidden), "LSTM bias");
      d.bias += read_vector(in, 4 * size(hidden), "LSTM bias");
      p.lstm_.push_back(std::move(d));
    }
    inputs = 2 * size(hidden);
  }
  const std::pair<Dense*, uint32_t> mlps[] = {{&p.arc_dep_, arc}, {&p.arc_head_, arc}, {&p.label_dep_, rel}, {&p.label_head_, rel}};
  for (const auto& [dense, out] : mlps) {
    dense->weight = read_matrix<Matrix>(in, out, inputs, "MLP weights");
    dense->bias = read_vector(in, out, "MLP bias");
  }
  p.arc_weight_ = read_matrix<Matrix>(in, arc, arc, "arc weights");
  p.arc_head_bias_ = read_vector(in, arc, "arc head bias");
  p.label_weight_ = read_matrix<Matrix>(in, size(rels.size()) * (rel + 1), rel + 1, "label weights");
  return p;
}

void NeuralParser::letters(std::string_view form, bool root, Eigen::Ref<Eigen::VectorXf> out) const {
  thread_local Eigen::MatrixXf e, conv;  // a column per character
  thread_local std::vector<uint32_t> ids;
  ids.clear();
  if (root) ids.push_back(kRoot);
  for (size_t pos = 0; !root && pos < form.size() && ids.size() < max_chars_;) {
    const auto it = char_ids_.find(decode_utf8(form, pos));
    ids.push_back(it == char_ids_.end() ? kUnknown : it->second);
  }
  if (ids.empty()) ids.push_back(kUnknown);  // a word is never empty; be safe
  const auto length = static_cast<Eigen::Index>(ids.size());
  e.resize(chars_.cols(), length);
  for (Eigen::Index i = 0; i < length; ++i) e.col(i) = chars_.row(ids[static_cast<size_t>(i)]).transpose();
  // Window of three, zero beyond the word's ends: before, at and after each position.
  conv.noalias() = conv_[1] * e;
  if (length > 1) {
    conv.rightCols(length - 1).noalias() += conv_[0] * e.leftCols(length - 1);
    conv.leftCols(length - 1).noalias() += conv_[2] * e.rightCols(length - 1);
  }
  out = (conv.rowwise().maxCoeff() + conv_bias_).cwiseMax(0.0f);
}

void NeuralParser::embed(std::span<const std::string_view> forms, std::span<const uint16_t> tags,
                         Eigen::MatrixXf& x) const {
  const Eigen::Index word_dim = words_.cols(), tag_dim = tags_.cols(), filters = conv_bias_.size();
  x.resize(word_dim + tag_dim + filters, static_cast<Eigen::Index>(forms.size()) + 1);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    uint32_t word = kRoot, tag = kRoot;
    if (i > 0) {
      const auto it = word_ids_.find(word_key(forms[static_cast<size_t>(i - 1)]));
      word = it == word_ids_.end() ? kUnknown : it->second;
      const uint16_t t = tags[static_cast<size_t>(i - 1)];
      tag = t < tag_ids_.size() ? tag_ids_[t] : kUnknown;
    }
    x.col(i).head(word_dim) = words_.row(word).transpose();
    x.col(i).segment(word_dim, tag_dim) = tags_.row(tag).transpose();
    letters(i > 0 ? forms[static_cast<size_t>(i - 1)] : std::string_view(), i == 0, x.col(i).tail(filters));
  }
}

const NeuralParser::Analysis& NeuralParser::analyse(std::span<const std::string_view> forms,
                                                    std::span<const uint16_t> tags) const {
  thread_local Analysis a;
  thread_local Eigen::MatrixXf x, out, gates, arc_dep, arc_head;
  thread_local Eigen::VectorXf h, c, g;
  thread_local Eigen::ArrayXf act;
  embed(forms, tags, x);
  const Eigen::Index columns = x.cols();
  // The BiLSTM, layer by layer: each direction's states in its half of `out`.
  for (size_t k = 0; k < lstm_.size(); k += 2) {
    const Eigen::Index hidden = lstm_[k].hidden.cols();
    out.resize(2 * hidden, columns);
    for (size_t d = 0; d < 2; ++d) {
      const Direction& lstm = lstm_[k + d];
      gates.noalias() = lstm.input * x;
      gates.colwise() += lstm.bias;
      h.setZero(hidden);
      c.setZero(hidden);
      for (Eigen::Index step = 0; step < columns; ++step) {
        const Eigen::Index t = d == 0 ? step : columns - 1 - step;
        g.noalias() = lstm.hidden * h;
        g += gates.col(t);
        // Gates in PyTorch's order: input, forget, cell, output.
        act = (1.0f + (-g.array()).exp()).inverse();
        act.segment(2 * hidden, hidden) = g.segment(2 * hidden, hidden).array().tanh();
        c = (act.segment(hidden, hidden) * c.array() + act.head(hidden) * act.segment(2 * hidden, hidden)).matrix();
        h = (act.tail(hidden) * c.array().tanh()).matrix();
        out.col(t).segment(static_cast<Eigen::Index>(d) * hidden, hidden) = h;
      }
    }
    x.swap(out);
  }
  auto dense = [&](const Dense& layer, Eigen::MatrixXf& result) {
    result.noalias() = layer.weight * x;
    result.colwise() += layer.bias;
    result = result.cwiseMax(0.1f * result);  // leaky ReLU
  };
  dense(arc_dep_, arc_dep);
  dense(arc_head_, arc_head);
  dense(label_dep_, a.label_dep);
  dense(label_head_, a.label_head);
  a.arcs.noalias() = arc_dep.transpose() * (arc_weight_ * arc_head);
  a.arcs.rowwise() += arc_head_bias_.transpose() * arc_head;
  for (Eigen::Index i = 1; i < columns; ++i) {  // each word's scores as log-probabilities over its heads
    a.arcs(i, i) = -std::numeric_limits<float>::infinity();
    const float top = a.arcs.row(i).maxCoeff();
    a.arcs.row(i).array() -= top + std::log((a.arcs.row(i).array() - top).exp().sum());
  }
  return a;
}

const Eigen::MatrixXf& NeuralParser::label_scores(const Analysis& a, std::span<const int> heads) const {
  // Bilinear in the dependent's and the head's features, each with a 1 appended: the label
  // weights times every word's head features at once, then each dependent's share.
  const Eigen::Index rel = a.label_dep.rows(), labels = static_cast<Eigen::Index>(label_ids_.size());
  thread_local Eigen::MatrixXf features, by_head, scores;
  features.resize(rel + 1, a.label_head.cols());
  features.topRows(rel) = a.label_head;
  features.row(rel).setOnes();
  by_head.noalias() = label_weight_ * features;
  scores.resize(labels, static_cast<Eigen::Index>(heads.size()));
  thread_local Eigen::VectorXf dep;
  dep.resize(rel + 1);
  for (size_t w = 0; w < heads.size(); ++w) {
    dep << a.label_dep.col(static_cast<Eigen::Index>(w) + 1), 1.0f;
    const Eigen::Map<const Eigen::MatrixXf> per_label(by_head.col(heads[w] + 1).data(), rel + 1, labels);
    scores.col(static_cast<Eigen::Index>(w)).noalias() = per_label.transpose() * dep;
  }
  return scores;
}

void NeuralParser::parse(std::span<const std::string_view> forms, std::span<const uint16_t> tags,
                         std::span<const char> punctuation, std::span<const int> voted, std::span<int> heads,
                         std::span<uint16_t> labels) const {
  const size_t n = forms.size();
  if (n == 0) return;
  const Analysis& a = analyse(forms, tags);
  thread_local std::vector<double> scores, root_scores;
  scores.resize(n * n);
  root_scores.resize(n);
  for (size_t d = 0; d < n; ++d) {
    const auto i = static_cast<Eigen::Index>(d) + 1;
    root_scores[d] = a.arcs(i, 0);
    for (size_t w = 0; w < n; ++w)
      scores[w * n + d] = w == d ? 0.0
                                 : a.arcs(i, static_cast<Eigen::Index>(w) + 1) +
                                       (!punctuation.empty() && punctuation[w] ? kPunctuationHead : 0.0);
  }
  for (size_t d = 0; d < voted.size(); ++d)
    (voted[d] < 0 ? root_scores[d] : scores[static_cast<size_t>(voted[d]) * n + d]) += kTransitionVote;
  best_projective_tree(scores, root_scores, heads);
  const Eigen::MatrixXf& by_label = label_scores(a, heads);
  // Each word's best label: "root" under the root and nowhere else, and at most one subject,
  // object, indirect object, ccomp and xcomp per head (the surest keeps it; the others take their
  // best label outside its group). The network labels each arc on its own and can give a verb two
  // objects where one is the indirect object, or a second subject ("is about to restore").
  thread_local std::vector<Eigen::Index> best;
  thread_local std::vector<uint8_t> barred;  // per word, the groups it may no longer take
  best.assign(n, root_label_);
  barred.assign(n, 0);
  auto best_label = [&](size_t w, uint8_t groups) {
    const auto column = static_cast<Eigen::Index>(w);
    Eigen::Index top = -1;
    for (Eigen::Index r = 0; r < by_label.rows(); ++r)
      if (r != root_label_ && !(single_group_[static_cast<size_t>(r)] & groups) &&
          (top < 0 || by_label(r, column) > by_label(top, column)))
        top = r;
    return top;
  };
  auto group = [&](size_t w) { return heads[w] < 0 ? uint8_t{0} : single_group_[static_cast<size_t>(best[w])]; };
  auto margin = [&](size_t w) {  // how much surer word w is of its label than of its best outside the group
    const auto column = static_cast<Eigen::Index>(w);
    return by_label(best[w], column) - by_label(best_label(w, barred[w] | group(w)), column);
  };
  for (size_t w = 0; w < n; ++w)
    if (heads[w] >= 0) best[w] = best_label(w, 0);
  // Each demotion bars one more group for one word, so this ends.
  for (bool demoted = true; demoted;) {
    demoted = false;
    for (size_t w = 0; w < n; ++w)
      for (size_t v = w + 1; v < n && group(w); ++v)
        if (heads[v] == heads[w] && group(v) == group(w)) {
          const size_t weaker = margin(v) > margin(w) ? w : v;
          barred[weaker] |= group(weaker);
          best[weaker] = best_label(weaker, barred[weaker]);
          demoted = true;
        }
  }
  for (size_t w = 0; w < n; ++w) labels[w] = label_ids_[static_cast<size_t>(best[w])];
}

}  // namespace annals::parsing
