#include "annals/dictionaries.h"

#include "dictionaries/actors.h"
#include "dictionaries/meetings.h"
#include "dictionaries/verbs.h"
#include "dictionaries/verbs_cameo2.h"

namespace annals {

Dictionaries::Dictionaries()
    : actors_(std::make_unique<ActorDictionary>()),
      agents_(std::make_unique<AgentDictionary>()),
      discards_(std::make_unique<DiscardDictionary>()),
      issues_(std::make_unique<IssueDictionary>()),
      meetings_(std::make_unique<MeetingDictionary>()) {}

Dictionaries::~Dictionaries() = default;

std::shared_ptr<const Dictionaries> Dictionaries::load(const DictionaryFiles& files,
                                                       Diagnostics& diagnostics) {
  // Without verbs there is nothing to code with; every other file may be missing or
  // broken and the set still loads (the problems are reported).
  if (files.verbs.empty()) {
    diagnostics.error("", 0, "no verb dictionary given");
    return nullptr;
  }
  std::shared_ptr<Dictionaries> set(new Dictionaries());
  set->verbs_ = load_verb_dictionary(files.verbs.string(), diagnostics);
  if (!set->verbs_) return nullptr;

  if (files.actors.empty()) diagnostics.error("", 0, "no actor dictionary given");
  for (const auto& file : files.actors) set->actors_->load(file.string(), diagnostics);
  if (files.agents.empty()) {
    diagnostics.error("", 0, "no agent dictionary given");
  } else {
    set->agents_->load(files.agents.string(), diagnostics);
  }
  if (files.discards.empty()) {
    diagnostics.error("", 0, "no discard dictionary given");
  } else {
    set->discards_->load(files.discards.string(), diagnostics);
  }
  if (!files.issues.empty()) set->issues_->load(files.issues.string(), diagnostics);
  if (!files.meetings.empty()) set->meetings_->load(files.meetings.string(), *set->actors_, diagnostics);
  if (!files.pico.empty()) {
    if (auto* cameo2 = dynamic_cast<Cameo2VerbDictionary*>(set->verbs_.get())) {
      cameo2->load_pico(files.pico.string(), diagnostics);
    } else {
      diagnostics.warning(files.pico.string(), 0,
                          "a PICO ontology only applies to CAMEO.2.0 verb dictionaries; ignored");
    }
  }
  return set;
}

VerbDialect Dictionaries::dialect() const { return verbs_->dialect(); }

}  // namespace annals
