// The pieces of a CoNLL-U line, shared by the CoNLL-U reader (annals/parse.h) and the
// treebank document reader of the raw-text evaluation (annals/raw_evaluation.h).
#pragma once

#include <string_view>

namespace annals {

struct ConlluFields {
  std::string_view column[10];
  int count = 0;  // fields found; may exceed 10 (only the first 10 are kept)
};

// The fields of a line: split at tabs, or at blanks when the tabs were lost on the way.
ConlluFields split_conllu_fields(std::string_view line);

// A non-negative decimal number; -1 when the text is anything else.
int parse_conllu_number(std::string_view s);

// Whether a MISC field holds SpaceAfter=No.
bool has_space_after_no(std::string_view misc);

}  // namespace annals
