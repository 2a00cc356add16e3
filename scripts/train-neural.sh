#!/usr/bin/env bash
# Trains the neural parser (training/biaffine.py) on EWT and GUM train and writes a model file:
# the base model's tagger, lemmatizer and parsers followed by the network.
#   scripts/train-neural.sh [BASE_MODEL [OUTPUT]]   (defaults: data/models/en.model, data/models/en-neural.model)
# Extra options for training/biaffine.py can be given in NEURAL_OPTIONS (e.g. "--epochs 2").
# The model is written after every epoch, so an interrupted run leaves the last epoch's.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-data/models/en.model}
output=${2:-data/models/en-neural.model}
treebanks=../shared/treebanks
train=$treebanks/en_ewt-ud-train.conllu,$treebanks/en_gum-ud-train.conllu
dev=$treebanks/en_ewt-ud-dev.conllu,$treebanks/en_gum-ud-dev.conllu
folds=4

bash scripts/install-packages.sh python3-torch libopenblas0-pthread
[ -x build/annals ] || bash scripts/setup.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Sentence k of the training set goes to fold k % folds.
cat ${train//,/ } | awk -v dir="$work" -v folds=$folds '
  BEGIN { RS = ""; ORS = "\n\n" }
  { f = (NR - 1) % folds; print > (dir "/fold" f ".conllu"); for (g = 0; g < folds; ++g) if (g != f) print > (dir "/rest" g ".conllu") }'
# Each fold tagged by a tagger trained on the others (its parser is not used: one quick epoch).
for ((f = 0; f < folds; ++f)); do
  build/annals train --train "$work/rest$f.conllu" --tag-folds 1 --parser-epochs 1 -o "$work/fold$f.model" >/dev/null
  build/annals parse --input conllu --model "$work/fold$f.model" "$work/fold$f.conllu" >"$work/tagged$f.conllu"
done
# Back in the training set's order.
awk -v dir="$work" -v folds=$folds '
  BEGIN { RS = ""; ORS = "\n\n"
          for (f = 0; f < folds; ++f) { n[f] = 0; while ((getline s < (dir "/tagged" f ".conllu")) > 0) part[f, n[f]++] = s }
          for (i = 0; ; ++i) { f = i % folds; k = int(i / folds); if (k >= n[f]) break; print part[f, k] } }' >"$work/train-tags.conllu"
dev_tags=""
for d in ${dev//,/ }; do
  build/annals parse --input conllu --model "$base" "$d" >"$work/$(basename "$d")"
  dev_tags+="${dev_tags:+,}$work/$(basename "$d")"
done

/usr/bin/python3 training/biaffine.py --train "$train" --train-tags "$work/train-tags.conllu" --dev "$dev" --dev-tags "$dev_tags" \
  --provenance "training/biaffine.py${NEURAL_OPTIONS:+ $NEURAL_OPTIONS} on $train with tags jackknifed by annals train ($folds folds); base $base" \
  --base "$base" -o "$output" ${NEURAL_OPTIONS:-}
echo "wrote $output"
