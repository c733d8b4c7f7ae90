#!/usr/bin/env bash
# Times `sitrep serve` rebuilds: starts it on a generated portal, appends an
# item to one document three times, and prints each "rebuilt in N ms" line
# with its stage times (`serve --verbose`) and the server's peak memory.
#
#   scripts/serve-bench.sh [DOCUMENTS]   # default 10,000 (corpus in /dev/shm)
#   SITREP=/path/to/sitrep scripts/serve-bench.sh   # another build, to compare
#
# The corpus is generated once and kept: generating it again rewrites every
# file, and files modified within two seconds of a build are read again by
# the rebuild after it (they had not settled), which would time that instead.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
corpus=/dev/shm/sitrep-serve-bench-$n
log=$(mktemp)
cargo build --release --quiet --bin sitrep --example generate_corpus
sitrep=${SITREP:-target/release/sitrep}
if [[ ! -d $corpus/content ]]; then
  target/release/examples/generate_corpus --projects "$n" --seed 1 --out "$corpus" --no-minify > /dev/null
fi
document=$(find "$corpus/content" -name '*.md' | sort | sed -n "$(( n / 2 ))p")
original=$(mktemp)
cp "$document" "$original"
"$sitrep" serve --root "$corpus" --port 18765 --as-of 2026-11-01 --verbose > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; cp "$original" "$document"; rm -f "$log" "$original"' EXIT
until grep -q "serving on" "$log"; do sleep 1; done
echo "first build: $(grep -m1 'rebuilt in' "$log")"
sleep 2
# Appended lines land in the document's last section, a risk list here: a
# new risk changes the risk page that holds it. A ticked item changes one
# project's figures only.
for edit in 1 2 3; do
  before=$(grep -c "rebuilt in" "$log")
  printf '\n- [ ] serve benchmark edit %s @alice\n' "$edit" >> "$document"
  until [ "$(grep -c 'rebuilt in' "$log")" -gt "$before" ]; do sleep 0.2; done
  sleep 0.2
  echo "edit $edit (a line appended): $(grep 'rebuilt in' "$log" | tail -1)"
  grep 'stages:' "$log" | tail -1
  sleep 2
  before=$(grep -c "rebuilt in" "$log")
  sed -i '0,/- \[ \]/s//- [x]/' "$document"
  until [ "$(grep -c 'rebuilt in' "$log")" -gt "$before" ]; do sleep 0.2; done
  sleep 0.2
  echo "edit $edit (an item ticked): $(grep 'rebuilt in' "$log" | tail -1)"
  grep 'stages:' "$log" | tail -1
  sleep 2
done
grep VmHWM "/proc/$server/status"
