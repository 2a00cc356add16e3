// The bundled country and organisation dictionaries (data/dictionaries): they load
// without defects, and names, capitals, adjectives, organisations, armed groups and news
// agencies resolve to their CAMEO codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/dictionaries.h"
#include "dictionaries/actors.h"
#include "temp_dictionary.h"
#include "text/words.h"

namespace annals {
namespace {

const std::string kBundled = std::string(ANNALS_SOURCE_DIR) + "/data/dictionaries";

class BundledCountries : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diagnostics;
    set_ = Dictionaries::load(read_petrarch_config(kBundled, diagnostics), diagnostics);
    // Other bundled files are other tests' business; a duplicate phrase names both files.
    for (const Diagnostic& d : diagnostics.all()) {
      const std::string message = d.to_string();
      if (message.find("annals.countries.actors.txt") != std::string::npos ||
          message.find("annals.organizations.actors.txt") != std::string::npos)
        messages_.push_back(message);
    }
  }
  static void TearDownTestSuite() { set_.reset(); }

  // The code of the longest phrase at the start of `text` (words as tokenised news text,
  // separated by blanks) on `date`; "<none>" when no phrase matches there.
  static std::string code(const std::string& text, int date = 20240101) {
    std::vector<std::string> words;
    for (const std::string& form : test::words_of(text)) words.push_back(dictionary_word(form));
    const auto match = set_->actors().match(words, 0);
    if (!match) return "<none>";
    if (match->length != words.size()) return "<shorter match>";
    return match->value->code_on(Date{date});
  }

  static std::shared_ptr<const Dictionaries> set_;
  static std::vector<std::string> messages_;  // about the country and organisation files
};

std::shared_ptr<const Dictionaries> BundledCountries::set_;
std::vector<std::string> BundledCountries::messages_;

TEST_F(BundledCountries, LoadWithoutDiagnosticsInTheseFiles) {
  ASSERT_TRUE(set_);
  EXPECT_TRUE(messages_.empty()) << testing::PrintToString(messages_);
  EXPECT_GT(set_->actors().size(), 600u);
}

TEST_F(BundledCountries, CountryNamesShortFormsAndOldNames) {
  EXPECT_EQ(code("North Korea"), "PRK");
  EXPECT_EQ(code("Democratic People 's Republic of Korea"), "PRK");
  EXPECT_EQ(code("DPRK"), "PRK");
  EXPECT_EQ(code("U.S."), "USA");
  EXPECT_EQ(code("United States of America"), "USA");
  EXPECT_EQ(code("U.K."), "GBR");
  EXPECT_EQ(code("Britain"), "GBR");
  EXPECT_EQ(code("ROK"), "KOR");
  EXPECT_EQ(code("UAE"), "ARE");
  EXPECT_EQ(code("DRC"), "COD");
  EXPECT_EQ(code("Republic of the Congo"), "COG");
  EXPECT_EQ(code("PRC"), "CHN");
  EXPECT_EQ(code("People 's Republic of China"), "CHN");
  EXPECT_EQ(code("Republic of China"), "TWN");
  EXPECT_EQ(code("Burma"), "MMR");
  EXPECT_EQ(code("Swaziland"), "SWZ");
  EXPECT_EQ(code("Côte d'Ivoire"), "CIV");
  EXPECT_EQ(code("Ivory Coast"), "CIV");
  EXPECT_EQ(code("Guinea-Bissau"), "GNB");
  EXPECT_EQ(code("Papua New Guinea"), "PNG");
  EXPECT_EQ(code("Türkiye"), "TUR");
  EXPECT_EQ(code("Czechia"), "CZE");
  EXPECT_EQ(code("Kosovo"), "KSV");
  EXPECT_EQ(code("Western Sahara"), "ESH");
  EXPECT_EQ(code("Palestine"), "PSE");
  EXPECT_EQ(code("Taiwan"), "TWN");
  EXPECT_EQ(code("Vatican"), "VAT");
  EXPECT_EQ(code("Georgia"), "GEO");
  EXPECT_EQ(code("South Sudan"), "SSD");
  EXPECT_EQ(code("Sudan"), "SDN");
  EXPECT_EQ(code("Puerto Rico"), "PRI");
  EXPECT_EQ(code("Hong Kong"), "HKG");
  // Misspellings frequent in wire copy.
  EXPECT_EQ(code("Quatar"), "QAT");
  EXPECT_EQ(code("Phillippines"), "PHL");
}

TEST_F(BundledCountries, StatesOfThePastForOlderNews) {
  EXPECT_EQ(code("Soviet Union"), "SUN");
  EXPECT_EQ(code("USSR"), "SUN");
  EXPECT_EQ(code("Czechoslovakia"), "CSK");
  EXPECT_EQ(code("Yugoslavia", 19900101), "YUG");
  EXPECT_EQ(code("Yugoslavia", 20040101), "SCG");
  EXPECT_EQ(code("East German"), "DEU");
  EXPECT_EQ(code("Zaire"), "COD");
  EXPECT_EQ(code("Kampuchean"), "KHM");
  // The seat of power speaks for the state of its day.
  EXPECT_EQ(code("Moscow", 19850101), "SUNGOV");
  EXPECT_EQ(code("Kremlin", 19911226), "RUSGOV");
}

TEST_F(BundledCountries, AdjectivesAndDemonyms) {
  EXPECT_EQ(code("North Korean"), "PRK");
  EXPECT_EQ(code("North Koreans"), "PRK");
  EXPECT_EQ(code("South Korean"), "KOR");
  EXPECT_EQ(code("Ukrainian"), "UKR");
  EXPECT_EQ(code("Israelis"), "ISR");
  EXPECT_EQ(code("Filipino"), "PHL");
  EXPECT_EQ(code("Dutch"), "NLD");
  EXPECT_EQ(code("Emirati"), "ARE");
  EXPECT_EQ(code("Bulgarian"), "BGR");
  EXPECT_EQ(code("Kyrgyz"), "KGZ");
  EXPECT_EQ(code("Nigerien"), "NER");
  EXPECT_EQ(code("Nigerians"), "NGA");
}

TEST_F(BundledCountries, CapitalsAndSeatsStandForGovernments) {
  EXPECT_EQ(code("Pyongyang"), "PRKGOV");
  EXPECT_EQ(code("Washington"), "USAGOV");
  EXPECT_EQ(code("White House"), "USAGOV");
  EXPECT_EQ(code("Pentagon"), "USAMIL");
  EXPECT_EQ(code("Seoul"), "KORGOV");
  EXPECT_EQ(code("Blue House"), "KORGOV");
  EXPECT_EQ(code("Moscow"), "RUSGOV");
  EXPECT_EQ(code("Kremlin"), "RUSGOV");
  EXPECT_EQ(code("Kyiv"), "UKRGOV");
  EXPECT_EQ(code("Kiev"), "UKRGOV");
  EXPECT_EQ(code("Beijing"), "CHNGOV");
  EXPECT_EQ(code("Tokyo"), "JPNGOV");
  EXPECT_EQ(code("London"), "GBRGOV");
  EXPECT_EQ(code("Downing Street"), "GBRGOV");
  EXPECT_EQ(code("Paris"), "FRAGOV");
  EXPECT_EQ(code("Elysee"), "FRAGOV");
  EXPECT_EQ(code("Berlin"), "DEUGOV");
  EXPECT_EQ(code("Tehran"), "IRNGOV");
  EXPECT_EQ(code("Jerusalem"), "ISRGOV");
  EXPECT_EQ(code("Sofia"), "BGRGOV");
  EXPECT_EQ(code("Taipei"), "TWNGOV");
  EXPECT_EQ(code("Addis Ababa"), "ETHGOV");
}

TEST_F(BundledCountries, FederalDepartmentsAndAgencies) {
  EXPECT_EQ(code("Justice Department"), "USAGOV");
  EXPECT_EQ(code("U.S. Department of Justice"), "USAGOV");
  EXPECT_EQ(code("USAID"), "USAGOV");
  EXPECT_EQ(code("DHS"), "USAGOV");
  EXPECT_EQ(code("Immigration and Customs Enforcement"), "USAGOV");
  EXPECT_EQ(code("Defense Department"), "USAMIL");
  EXPECT_EQ(code("FBI"), "USACOP");
  EXPECT_EQ(code("National Security Agency"), "USASPY");
  EXPECT_EQ(code("Federal Foreign Office"), "DEUGOV");
  // "ICE" would read every "ice" as the agency.
  EXPECT_EQ(code("ice"), "<none>");
}

TEST_F(BundledCountries, EuropeanCommunityIsTheUnion) {
  EXPECT_EQ(code("European Community"), "IGOEUREEC");
  EXPECT_EQ(code("European Economic Community"), "IGOEUREEC");
  EXPECT_EQ(code("EEC"), "IGOEUREEC");
}

TEST_F(BundledCountries, MovementsSecurityServicesAndChambers) {
  // Sudan's southern movement: insurgents, then in the unity government, then ruling
  // independent South Sudan.
  EXPECT_EQ(code("SPLM", 19990101), "SDNREBSPL");
  EXPECT_EQ(code("SPLA", 20080101), "SDNGOV");
  EXPECT_EQ(code("Sudan People 's Liberation Movement", 20150101), "SSDGOV");
  EXPECT_EQ(code("Shining Path"), "PERREBSLU");
  EXPECT_EQ(code("Zapatistas"), "MEXREBEZL");
  EXPECT_EQ(code("Oromo Liberation Front"), "ETHREBOLF");
  EXPECT_EQ(code("Shin Bet"), "ISRSPY");
  EXPECT_EQ(code("Lok Sabha"), "INDLEG");
  EXPECT_EQ(code("Pope"), "VATGOV");
}

TEST_F(BundledCountries, LeadersOfRwandaAndUganda) {
  EXPECT_EQ(code("Paul Kagame", 20190101), "RWAGOV");
  EXPECT_EQ(code("Kagame", 20000101), "RWAGOV");
  EXPECT_EQ(code("Museveni", 20190101), "UGAGOV");
  EXPECT_EQ(code("Bobi Wine", 20210101), "UGAOPP");
}

TEST_F(BundledCountries, LeadersChangeRoleWithTheirTerms) {
  // Gbagbo: opposition leader, president from 20001026, arrested on 20110411.
  EXPECT_EQ(code("Laurent Gbagbo", 19990101), "CIVOPP");
  EXPECT_EQ(code("President Gbagbo", 20030501), "CIVGOV");
  EXPECT_EQ(code("Gbagbo", 20150101), "CIVELI");
  // A junta leader is coded as military until his inauguration as elected president.
  EXPECT_EQ(code("Mahamat Idriss Deby", 20220101), "TCDMIL");
  EXPECT_EQ(code("Mahamat Idriss Déby", 20250101), "TCDGOV");
}

TEST_F(BundledCountries, LeadersOfThePastForOlderNews) {
  EXPECT_EQ(code("President Mitterrand", 19900101), "FRAGOV");
  EXPECT_EQ(code("Mitterand", 19900101), "FRAGOV");  // a wire-copy misspelling
  EXPECT_EQ(code("Gorbachev", 19880101), "SUNGOV");
  EXPECT_EQ(code("Gorbachev", 19950101), "RUSELI");
  EXPECT_EQ(code("Moody Awori", 20050101), "KENGOV");  // vice-presidents too
  // A bare surname two leaders shared names the one of the day.
  EXPECT_EQ(code("President Bush", 19900101), "USAGOV");
  EXPECT_EQ(code("Bush", 19970101), "USAELI");
  EXPECT_EQ(code("Bush", 20050101), "USAGOV");
  EXPECT_EQ(code("Assad", 19950101), "SYRGOV");
  EXPECT_EQ(code("Assad", 20250101), "SYRELI");
}

TEST_F(BundledCountries, RegionsKeepCountryWordsFromMiscoding) {
  EXPECT_EQ(code("South America"), "SAM");
  EXPECT_EQ(code("Latin American"), "LAM");
  EXPECT_EQ(code("New Mexico"), "USA");
  EXPECT_EQ(code("Middle East"), "MEA");
}

TEST_F(BundledCountries, InternationalOrganisations) {
  EXPECT_EQ(code("United Nations"), "IGOUNO");
  EXPECT_EQ(code("U.N."), "IGOUNO");
  EXPECT_EQ(code("UN Security Council"), "IGOUNO");
  EXPECT_EQ(code("UNHCR"), "IGOUNOREFHCR");
  EXPECT_EQ(code("UNICEF"), "IGOUNOKID");
  EXPECT_EQ(code("World Health Organization"), "IGOUNOHLHWHO");
  EXPECT_EQ(code("W.H.O."), "IGOUNOHLHWHO");
  EXPECT_EQ(code("IAEA"), "IGOUNOIAE");
  EXPECT_EQ(code("NATO"), "IGOWSTNAT");
  EXPECT_EQ(code("European Union"), "IGOEUREEC");
  EXPECT_EQ(code("African Union"), "IGOAFRAFU");
  EXPECT_EQ(code("ASEAN"), "IGOSEAASN");
  EXPECT_EQ(code("OPEC"), "IGOBUSOPC");
  EXPECT_EQ(code("Arab League"), "IGOMEAARL");
  EXPECT_EQ(code("GCC"), "IGOPGSGCC");
  EXPECT_EQ(code("OAS"), "IGOOAS");
  EXPECT_EQ(code("WTO"), "IGOBUSWTO");
  EXPECT_EQ(code("IMF"), "IGOBUSIMF");
  EXPECT_EQ(code("World Bank"), "IGOUNODEVWBK");
  EXPECT_EQ(code("ICC"), "IGOJUDICC");
  EXPECT_EQ(code("International Court of Justice"), "IGOUNOJUDICJ");
  EXPECT_EQ(code("OSCE"), "IGOEURSCE");
  EXPECT_EQ(code("G7"), "IGOBUSGOS");
  EXPECT_EQ(code("ICRC"), "NGOHLHIRC");
  EXPECT_EQ(code("Amnesty International"), "NGOHRIAMN");
  EXPECT_EQ(code("Human Rights Watch"), "NGOHRIHRW");
  EXPECT_EQ(code("Doctors Without Borders"), "NGOHLHMSF");
}

TEST_F(BundledCountries, ArmedGroupsWithDatedRoles) {
  EXPECT_EQ(code("Taliban", 19950101), "AFGREBTAL");
  EXPECT_EQ(code("Taliban", 19990101), "AFGGOVTAL");
  EXPECT_EQ(code("Taliban", 20100101), "AFGREBTAL");
  EXPECT_EQ(code("Taliban", 20220101), "AFGGOVTAL");
  EXPECT_EQ(code("al-Qaeda"), "IMGMOSALQ");
  EXPECT_EQ(code("al Qaida"), "IMGMOSALQ");
  EXPECT_EQ(code("ISIS"), "IMGMOSISI");
  EXPECT_EQ(code("Daesh"), "IMGMOSISI");
  EXPECT_EQ(code("Hezbollah"), "LBNREBHEZ");
  EXPECT_EQ(code("Hamas"), "PSEREBHMS");
  EXPECT_EQ(code("Houthis"), "YEMREBHTI");
  EXPECT_EQ(code("Ansar Allah"), "YEMREBHTI");
  EXPECT_EQ(code("al-Shabaab"), "SOMREBSHB");
  EXPECT_EQ(code("Boko Haram"), "NGAREBBKH");
  EXPECT_EQ(code("PKK"), "TURREBPKK");
  EXPECT_EQ(code("Wagner Group"), "RUSUAFWAG");
  EXPECT_EQ(code("M23"), "CODREBM23");
  EXPECT_EQ(code("RSF", 20200101), "SDNMILRSF");
  EXPECT_EQ(code("RSF", 20240101), "SDNREBRSF");
  EXPECT_EQ(code("HTS", 20200101), "SYRREBHTS");
  EXPECT_EQ(code("HTS", 20250101), "SYRGOV");
  EXPECT_EQ(code("FARC", 20100101), "COLREBFAR");
  EXPECT_EQ(code("FARC", 20200101), "COLOPPFAR");
  EXPECT_EQ(code("ELN"), "COLREBELN");
  // The capital the Houthis took on 21 September 2014 speaks for them afterwards.
  EXPECT_EQ(code("Sanaa", 20100101), "YEMGOV");
  EXPECT_EQ(code("Sanaa", 20200101), "YEMREBHTI");
}

TEST_F(BundledCountries, NewsAgencies) {
  EXPECT_EQ(code("KCNA"), "PRKMED");
  EXPECT_EQ(code("Korean Central News Agency"), "PRKMED");
  EXPECT_EQ(code("Yonhap"), "KORMED");
  EXPECT_EQ(code("Xinhua"), "CHNMED");
  EXPECT_EQ(code("TASS"), "RUSMED");
  EXPECT_EQ(code("RIA Novosti"), "RUSMED");
  EXPECT_EQ(code("Associated Press"), "USAMED");
  EXPECT_EQ(code("AP"), "USAMED");
  EXPECT_EQ(code("Reuters"), "GBRMED");
  EXPECT_EQ(code("AFP"), "FRAMED");
  EXPECT_EQ(code("Agence France-Presse"), "FRAMED");
  EXPECT_EQ(code("BTA"), "BGRMED");
  EXPECT_EQ(code("Kyodo"), "JPNMED");
  EXPECT_EQ(code("IRNA"), "IRNMED");
  EXPECT_EQ(code("Anadolu"), "TURMED");
  EXPECT_EQ(code("Al Jazeera"), "QATMED");
  EXPECT_EQ(code("BBC"), "GBRMED");
  EXPECT_EQ(code("CNN"), "USAMED");
}

// Words left out on purpose: they are common English words or frequent names.
TEST_F(BundledCountries, AmbiguousWordsAreNotActors) {
  EXPECT_EQ(code("Male"), "<none>");
  EXPECT_EQ(code("Victoria"), "<none>");
  EXPECT_EQ(code("Kingston"), "<none>");
  EXPECT_EQ(code("IS"), "<none>");
  EXPECT_EQ(code("who"), "<none>");  // the pronoun; the WHO has longer names
  EXPECT_EQ(code("Amnesty"), "<none>");
  EXPECT_EQ(code("CAR"), "<none>");
}

}  // namespace
}  // namespace annals
