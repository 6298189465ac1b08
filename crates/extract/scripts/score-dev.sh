#!/usr/bin/env bash
# Scores the extractor on the annotated dev sets in ../shared/eval (read at run
# time, never copied): quotes and speakers on PolNeAR, entities on CoNLL. Speaker
# names are judged against the hand-resolved names in eval/polnear-dev.names.jsonl
# (offsets and names only), which score_quotes.py reads with --names.
#   crates/extract/scripts/score-dev.sh [quotes|entities]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/../../.."
EVAL=${BROADSHEET_EVAL:-../shared/eval}
OUT=target/eval
mkdir -p "$OUT"
cargo build --release -q -p broadsheet-cli
BIN=target/release/broadsheet-extract
what=${1:-both}
if [ "$what" = quotes ] || [ "$what" = both ]; then
  "$BIN" jsonl < "$EVAL/polnear-dev.jsonl" > "$OUT/polnear-pred.jsonl"
  echo "## quotes: $EVAL/polnear-dev.jsonl"
  python3 "$EVAL/score_quotes.py" "$EVAL/polnear-dev.jsonl" "$OUT/polnear-pred.jsonl" --bytes \
    --names crates/extract/eval/polnear-dev.names.jsonl
fi
if [ "$what" = entities ] || [ "$what" = both ]; then
  "$BIN" jsonl < "$EVAL/conll-dev.jsonl" > "$OUT/conll-pred.jsonl"
  echo "## entities: $EVAL/conll-dev.jsonl"
  python3 "$EVAL/score_entities.py" "$EVAL/conll-dev.jsonl" "$OUT/conll-pred.jsonl" --bytes
fi
