#include "annals/output.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace annals {
namespace {

// "Zürich hosts Łukasz." — ü and Ł take two bytes each, so byte and code point offsets differ.
Event zurich_event() {
  Event event;
  event.story_id = "story-1";
  event.sentence = 2;
  event.sentence_id = "story-1_3";
  event.date = Date{20241228};
  event.text = "Z\xC3\xBCrich hosts \xC5\x81ukasz.";
  event.source = {"CHE", "Z\xC3\xBCrich", {0, 7}};
  event.target = EventActor{"POL", "\xC5\x81ukasz", {14, 21}};
  event.cameo = "043";
  event.root = "04";
  event.goldstein = 2.8;
  event.quad_class = 1;
  event.plover = "CONSULT";
  event.verb.text = "hosts";
  event.verb.span = {8, 13};
  event.issues = {"SPORTS"};
  return event;
}

TEST(EventJson, FieldsInContractOrderWithCodePointOffsets) {
  const std::string line = to_json(zurich_event());
  const auto json = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& item : json.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"story_id", "sentence", "sentence_id", "date", "date_end",
                                            "date_precision", "historical", "modality", "attribution", "source", "target",
                                            "cameo", "root", "goldstein", "quad_class", "plover", "verb",
                                            "issues", "text"}));
  EXPECT_EQ(json["date"], "2024-12-28");
  EXPECT_EQ(json["sentence"], 2);
  EXPECT_EQ(json["source"]["code"], "CHE");
  EXPECT_EQ(json["source"]["start"], 0);
  EXPECT_EQ(json["source"]["end"], 6);   // 7 bytes, 6 code points
  EXPECT_EQ(json["verb"]["start"], 7);   // byte 8
  EXPECT_EQ(json["verb"]["end"], 12);
  EXPECT_EQ(json["target"]["start"], 13);  // byte 14
  EXPECT_EQ(json["target"]["end"], 19);    // byte 21
  EXPECT_EQ(json["target"]["text"], "\xC5\x81ukasz");
  EXPECT_DOUBLE_EQ(json["goldstein"].get<double>(), 2.8);
  EXPECT_EQ(json["quad_class"], 1);
  EXPECT_EQ(json["plover"], "CONSULT");
  EXPECT_EQ(json["issues"], nlohmann::json::array({"SPORTS"}));
  EXPECT_EQ(json["text"], "Z\xC3\xBCrich hosts \xC5\x81ukasz.");

  // Slicing the text by code points gives back the words.
  const std::u32string text = U"Z\u00FCrich hosts \u0141ukasz.";
  EXPECT_EQ(text.substr(13, 19 - 13), U"\u0141ukasz");
}

TEST(EventJson, TimeModalityAndAttribution) {
  Event event = zurich_event();
  event.date = Date{20190101};
  event.date_end = Date{20191231};
  event.date_precision = DatePrecision::year;
  event.historical = true;
  event.modality = Modality::negated;
  event.attribution.push_back({"said", {"", "Z\xC3\xBCrich", {0, 7}}});
  event.attribution.push_back({"reported", {}});  // "it was reported": no source named
  event.attribution.push_back({"quoted_by", {"BGRMED", "BTA", {40, 43}}, 0});  // stated by the lead
  const auto json = nlohmann::json::parse(to_json(event));
  EXPECT_EQ(json["date"], "2019-01-01");
  EXPECT_EQ(json["date_end"], "2019-12-31");
  EXPECT_EQ(json["date_precision"], "year");
  EXPECT_EQ(json["historical"], true);
  EXPECT_EQ(json["modality"], "negated");
  ASSERT_EQ(json["attribution"].size(), 3u);
  EXPECT_EQ(json["attribution"][0]["relation"], "said");
  EXPECT_TRUE(json["attribution"][0]["source"]["code"].is_null());  // not in the dictionaries
  EXPECT_EQ(json["attribution"][0]["source"]["end"], 6);             // code points
  EXPECT_FALSE(json["attribution"][0].contains("sentence"));
  EXPECT_TRUE(json["attribution"][1]["source"]["text"].is_null());
  EXPECT_EQ(json["attribution"][2]["sentence"], 0);
  EXPECT_EQ(json["attribution"][2]["source"]["text"], "BTA");
  EXPECT_TRUE(json["attribution"][2]["source"]["start"].is_null());  // not an offset into this sentence
}

TEST(EventJson, MissingTargetAndPloverAreNull) {
  Event event = zurich_event();
  event.target.reset();
  event.plover.clear();
  const auto json = nlohmann::json::parse(to_json(event));
  EXPECT_TRUE(json["target"].is_null());
  EXPECT_TRUE(json["plover"].is_null());
}

TEST(EventJson, InvalidUtf8DoesNotThrow) {
  Event event = zurich_event();
  event.text = "bad \xFF byte";
  EXPECT_NO_THROW(nlohmann::json::parse(to_json(event)));
}

TEST(WriteEvent, JsonlIsOneLine) {
  std::ostringstream out;
  write_event(out, zurich_event(), OutputFormat::jsonl);
  const std::string line = out.str();
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

TEST(WriteEvent, TsvFollowsPetrarchColumns) {
  std::ostringstream out;
  write_event(out, zurich_event(), OutputFormat::tsv);
  EXPECT_EQ(out.str(), "20241228\tCHE\tPOL\t043\tstory-1\tstory-1_3\tZ\xC3\xBCrich\t\xC5\x81ukasz\thosts\n");

  Event monad = zurich_event();
  monad.target.reset();
  monad.verb.text = "hosts\tagain";  // a tab would shift the columns
  std::ostringstream monad_out;
  write_event(monad_out, monad, OutputFormat::tsv);
  EXPECT_EQ(monad_out.str(), "20241228\tCHE\t---\t043\tstory-1\tstory-1_3\tZ\xC3\xBCrich\t\thosts again\n");
}

}  // namespace
}  // namespace annals
