#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parser_commands.h"
#include "cli/store_commands.h"

int main(int argc, char** argv) {
  using namespace annals::cli;
  CLI::App app{"annals: political event coding (CAMEO) from news text"};
  app.require_subcommand(1);

  CodeArgs code;
  std::string format = "jsonl";
  auto* code_cmd = app.add_subcommand(
      "code", "Code events from plain text, JSONL stories, PETRARCH XML (parsed or not) or CoNLL-U");
  code_cmd->add_option("files", code.files, "Input files (\"-\" or none: stdin)");
  code_cmd->add_option("--dict", code.dict,
                       "Dictionary set: a PETRARCH config file or a directory holding one")
      ->default_str("the bundled set");
  code_cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"jsonl", "tsv"}));
  code_cmd->add_option("--require-dyad", code.require_dyad,
                       "Drop events lacking a source or a target (default: true for "
                       "PETRARCH-1/TABARI dictionaries, false for CAMEO.2.0)");
  std::string code_date;
  code_cmd->add_option("--date", code_date, "Date (YYYY-MM-DD) of stories that carry none, such as plain text")
      ->check(date_option_error);
  code_cmd->add_flag("--asserted-only", code.asserted_only,
                     "Leave out events the text negates, hypothesises or only announces");
  code_cmd->add_option("--model", code.model, "Parser model for raw text")->default_str("the bundled en.model");

  ValidateArgs validate;
  auto* validate_cmd =
      app.add_subcommand("validate", "Run a PETRARCH validation file and compare with its expected events");
  validate_cmd->add_option("file", validate.file, "Validation XML file")->required();
  validate_cmd->add_option("--dict", validate.dict,
                           "Directory where dictionaries named by <Environment> are looked up "
                           "when they are not beside the file");
  validate_cmd->add_flag("--quiet", validate.quiet, "Print only the table and the summary line");
  validate_cmd->add_flag("--tolerate-extra", validate.tolerate_extra,
                         "Score as UniversalPetrarch does: pass when every expected event is "
                         "produced, extra events allowed except in no-event records");
  validate_cmd->add_flag("--reparse", validate.reparse,
                         "Ignore each record's <Parse>: parse its <Text> with the built-in parser");
  validate_cmd->add_option("--model", validate.model, "Parser model for --reparse")
      ->default_str("the bundled en.model");

  std::string dict_path;
  auto* dict_cmd = app.add_subcommand("dict", "Dictionary tools");
  dict_cmd->require_subcommand(1);
  auto* check_cmd = dict_cmd->add_subcommand("check", "Load a dictionary set and report every defect");
  check_cmd->add_option("path", dict_path, "PETRARCH config file or directory holding one")->required();

  ScoreArgs score;
  auto* score_cmd = app.add_subcommand(
      "score", "Code the sentences of gold-standard JSONL sets and score the events (root level, "
               "source country, confusion of roots)");
  score_cmd->add_option("files", score.files, "Gold JSONL files (PLOVER-style or ConfliBERT-style records)")
      ->required();
  score_cmd->add_option("--dict", score.dict, "Dictionary set")->default_str("the bundled set");
  score_cmd->add_option("--model", score.model, "Parser model")->default_str("the bundled en.model");
  std::string score_date;
  score_cmd->add_option("--date", score_date,
                        "Date (YYYY-MM-DD) records without a valid date are coded as of; the output counts them")
      ->default_str(score.date.iso())
      ->check(date_option_error);

  TrainArgs train;
  auto* train_cmd = app.add_subcommand("train", "Train the tagger, lemmatizer and parser from UD treebanks");
  train_cmd->add_option("--train", train.train, "CoNLL-U training treebanks")->required()->delimiter(',');
  train_cmd->add_option("--dev", train.dev, "CoNLL-U treebanks scored after training")->delimiter(',');
  train_cmd->add_option("-o,--output", train.output, "Model file to write")->required();
  train_cmd->add_option("--tagger-epochs", train.tagger_epochs, "Tagger training epochs")->capture_default_str();
  train_cmd->add_option("--parser-epochs", train.parser_epochs, "Parser training epochs")->capture_default_str();
  train_cmd
      ->add_option("--parsers", train.parsers,
                   "Parsers to train, each greedy or beamN (beam search of width N), with -rtl to read right to "
                   "left; several are combined by votes")
      ->delimiter(',')
      ->capture_default_str();
  train_cmd->add_option("--tag-folds", train.tag_folds,
                        "Folds of jackknifed tags the parser learns from (1: gold tags)")
      ->capture_default_str();
  train_cmd->add_option("--min-updates", train.min_updates, "Drop parser features updated fewer times")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train_cmd->add_option("--tagger-min-updates", train.tagger_min_updates, "The same for the tagger")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train_cmd->add_option("--transition-min-updates", train.transition_min_updates,
                        "The same for the parser's transition model (0: as --min-updates)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train_cmd->add_flag("--pos-features", train.part_of_speech_features,
                      "Parser features that see words' parts of speech (UPOS) besides their full tags");

  ParseArgs parse;
  std::string parse_input = "text";
  auto* parse_cmd = app.add_subcommand("parse", "Tag and parse text; print CoNLL-U");
  parse_cmd->add_option("files", parse.files, "Input files (stdin when none)");
  parse_cmd->add_option("--model", parse.model, "Model file")->default_str("the bundled en.model");
  parse_cmd->add_option("--input", parse_input,
                        "text: raw text; tokenized: one sentence per line, tokens separated by spaces; "
                        "conllu: the words of CoNLL-U sentences")
      ->check(CLI::IsMember({"text", "tokenized", "conllu"}))
      ->capture_default_str();
  parse_cmd->add_flag("--tokenized", [&](std::int64_t) { parse_input = "tokenized"; },
                      "Same as --input tokenized");
  parse_cmd->add_flag("--evaluate", parse.evaluate,
                      "With --input conllu: print accuracy against the file's own annotation");
  parse_cmd->add_flag("--from-raw", parse.from_raw,
                      "With --evaluate: rebuild the file's raw text, segment and parse it, and score the "
                      "aligned words (token, sentence, UPOS, UAS, LAS F1)");
  parse_cmd->add_flag("--gold-tags", parse.gold_tags,
                      "With --evaluate: parse with the file's own UPOS and Penn tags, to see what tagging errors cost");

  StoreCommands store(app);

  CLI11_PARSE(app, argc, argv);

  if (auto status = store.run_selected()) return *status;

  if (*code_cmd) {
    code.format = format == "tsv" ? annals::OutputFormat::tsv : annals::OutputFormat::jsonl;
    if (!code_date.empty()) code.date = annals::parse_date(code_date);
    return run_code(code);
  }
  if (*validate_cmd) return run_validate(validate);
  if (*check_cmd) return run_dict_check(dict_path);
  if (*score_cmd) {
    if (!score_date.empty()) score.date = *annals::parse_date(score_date);
    return run_score(score);
  }
  if (*train_cmd) {
    for (int i = 0; i < argc; ++i) train.command_line += (i ? " " : "") + std::string(argv[i]);
    return run_train(train);
  }
  if (*parse_cmd) {
    parse.input = parse_input == "tokenized" ? ParseInput::tokenized
                : parse_input == "conllu"    ? ParseInput::conllu
                                             : ParseInput::text;
    return run_parse(parse);
  }
  return 2;
}
