// LinearModel's lookup tables: every trained feature is found (also in buckets that
// overflowed into the next), unknown ones add nothing, rows stored dense or sparse score
// alike, and a model reads back from its file form unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "parse/linear_model.h"

namespace annals::parsing {
namespace {

uint64_t key_of(uint64_t i) { return (i + 1) * 0x9E3779B97F4A7C15ull ^ (i << 7); }

// Feature i votes for class i % classes; every `dense_every`-th feature also votes against
// every other class, so its row has a weight for each class (stored dense).
LinearModel trained(int classes, uint64_t features, uint64_t dense_every) {
  PerceptronTrainer trainer(classes);
  for (uint64_t i = 0; i < features; ++i) {
    const uint64_t key = key_of(i);
    const int truth = static_cast<int>(i % static_cast<uint64_t>(classes));
    if (i % dense_every == 0) {
      for (int guess = 0; guess < classes; ++guess) trainer.update({&key, 1}, truth, guess);
    } else {
      trainer.update({&key, 1}, truth, (truth + 1) % classes);
    }
  }
  // All updates count in the average alike: none is averaged down to nothing.
  for (uint64_t i = 0; i < features; ++i) trainer.tick();
  return trainer.average(1);
}

std::vector<int32_t> scores_of(const LinearModel& model, const std::vector<uint64_t>& keys) {
  std::vector<int32_t> scores(model.classes(), 0);
  model.add_scores(keys, scores);
  return scores;
}

void expect_every_feature_found(const LinearModel& model, uint64_t features) {
  ASSERT_EQ(model.feature_count(), features);
  for (uint64_t i = 0; i < features; ++i) {
    const std::vector<int32_t> scores = scores_of(model, {key_of(i)});
    const auto best = std::max_element(scores.begin(), scores.end()) - scores.begin();
    ASSERT_EQ(best, static_cast<long>(i % static_cast<uint64_t>(model.classes()))) << "feature " << i;
  }
}

TEST(LinearModel, FindsEveryFeatureOfAFewClassModel) {
  const LinearModel model = trained(4, 20000, 7);
  expect_every_feature_found(model, 20000);
}

TEST(LinearModel, FindsEveryFeatureWithDenseAndSparseRows) {
  const LinearModel model = trained(40, 20000, 5);
  expect_every_feature_found(model, 20000);
}

TEST(LinearModel, UnknownFeaturesAddNothing) {
  for (const int classes : {3, 40}) {
    const LinearModel model = trained(classes, 5000, 5);
    std::vector<uint64_t> unknown;
    for (uint64_t i = 5000; i < 6000; ++i) unknown.push_back(key_of(i));
    const std::vector<int32_t> scores = scores_of(model, unknown);
    EXPECT_TRUE(std::all_of(scores.begin(), scores.end(), [](int32_t s) { return s == 0; })) << classes;
  }
}

TEST(LinearModel, ManyFeaturesAtOnceSumTheirRows) {
  for (const int classes : {4, 40}) {
    const LinearModel model = trained(classes, 3000, 3);
    std::vector<uint64_t> keys;
    std::vector<int64_t> expected(classes, 0);
    for (uint64_t i = 0; i < 3000; i += 11) {  // more than one batch of lookups
      keys.push_back(key_of(i));
      keys.push_back(key_of(i + 100000));  // unknown
      const std::vector<int32_t> one = scores_of(model, {key_of(i)});
      for (int c = 0; c < classes; ++c) expected[c] += one[c];
    }
    const std::vector<int32_t> all = scores_of(model, keys);
    for (int c = 0; c < classes; ++c) EXPECT_EQ(all[c], expected[c]) << classes << " classes, class " << c;
  }
}

TEST(LinearModel, ReadsBackWhatItWrote) {
  for (const int classes : {4, 40}) {
    const LinearModel model = trained(classes, 3000, 4);
    ModelWriter out;
    model.write(out);
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("annals-linear-model-" + std::to_string(classes) + ".bin");
    out.save(path);
    const std::string bytes = read_model_bytes(path);
    std::filesystem::remove(path);
    ModelReader in(bytes, path.string());
    const LinearModel back = LinearModel::read(in);
    EXPECT_TRUE(in.at_end());
    ASSERT_EQ(back.feature_count(), model.feature_count());
    for (uint64_t i = 0; i < 3000; i += 7)
      EXPECT_EQ(scores_of(back, {key_of(i)}), scores_of(model, {key_of(i)})) << "feature " << i;
  }
}

}  // namespace
}  // namespace annals::parsing
