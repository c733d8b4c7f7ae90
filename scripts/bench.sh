#!/usr/bin/env bash
# Times sitrep against the floor program and Hugo on generated portfolios.
#
#   scripts/bench.sh            # 100, 1,000 and 10,000 documents, + rebuild at 10,000
#   scripts/bench.sh --quick    # 100 and 1,000 only
#   BENCH_LARGE=1 scripts/bench.sh   # also 100,000 documents (slow; no Hugo there)
#
# Each document is its own project (the worst case: one page per document).
# Full builds are cold (`--no-cache`: every document extracted, every page
# rendered); the rebuild at 10,000 uses the cache and the page memo.
# Corpora and outputs live in /dev/shm (tmpfs) so the disk is not measured.
# The tools run in ALTERNATING rounds (sitrep, floor, hugo, sitrep, floor,
# hugo, ...) so that noise from other work on the machine hits all of them
# alike; hyperfine cannot interleave, so each round is one hyperfine call
# with --runs 1 and the rounds are merged with jq.
#
# Settings (environment): BENCH_ROUNDS (default 5), BENCH_MINIFY (1 or 0,
# default 0 as in sitrep; the floor and Hugo follow it), BENCH_SEED (1).
# Raw results: bench-results/<UTC time>/ (round JSON, merged JSON and Markdown).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
esac
ROUNDS=${BENCH_ROUNDS:-5}
MINIFY=${BENCH_MINIFY:-0}
SEED=${BENCH_SEED:-1}
AS_OF=2026-11-01
SHM=/dev/shm
SIZES=(100 1000 10000)
[[ $QUICK == 1 ]] && SIZES=(100 1000)
[[ ${BENCH_LARGE:-0} == 1 && $QUICK == 0 ]] && SIZES+=(100000)

need() { # need COMMAND APT-PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "error: '$1' is missing; install it with: apt-get install -y $2" >&2
    exit 1
  fi
}
need hyperfine hyperfine
need jq jq
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is missing; install it with: apt-get install -y time" >&2; exit 1; }
HUGO=$(command -v hugo || true)
[[ -z $HUGO ]] && echo "note: hugo not installed (apt-get install -y hugo): comparing with the floor only"

RESULTS=bench-results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
SUMMARY=$RESULTS/summary.md

echo "== building (release)"
cargo build --release --quiet --bin sitrep --example generate_corpus --example floor
SITREP=$PWD/target/release/sitrep
FLOOR=$PWD/target/release/examples/floor
GENERATE=$PWD/target/release/examples/generate_corpus

MINIFY_FLAGS=(); FLOOR_FLAGS=(); HUGO_FLAGS=()
if [[ $MINIFY == 1 ]]; then HUGO_FLAGS=(--minify); else MINIFY_FLAGS=(--no-minify); FLOOR_FLAGS=(--no-minify); fi

{
  echo "# Machine"
  echo "- date: $(date -u +%FT%TZ)"
  echo "- nproc: $(nproc)"
  echo "- cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "- memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "- rustc: $(rustc --version)"
  echo "- hyperfine: $(hyperfine --version)"
  echo "- hugo: ${HUGO:+$(hugo version | cut -d' ' -f1-2)}"
  echo "- sitrep commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (dirty)')"
  echo "- rounds: $ROUNDS, minify: $MINIFY, seed: $SEED"
  echo
} > "$SUMMARY"

# A minimal Hugo site reading the corpus' content/ as plain pages, no theme.
prepare_hugo_site() { # prepare_hugo_site SITE CONTENT
  local site=$1 content=$2
  mkdir -p "$site/layouts/_default"
  cat > "$site/hugo.toml" <<TOML
baseURL = "http://localhost/"
title = "Benchmark"
contentDir = "$content"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
TOML
  cat > "$site/layouts/_default/single.html" <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a><h1>{{ .Title }}</h1></header>
<main>{{ .Content }}</main><footer>{{ .File.Path }}</footer></body></html>
HTML
  cat > "$site/layouts/_default/list.html" <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><h1>{{ .Site.Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .File.BaseFileName }}</a></li>{{ end }}</ul></body></html>
HTML
}

# Merges round files into one list per tool with median, mean, min, max (s).
merge_rounds() { # merge_rounds OUT.json ROUND.json...
  local out=$1; shift
  jq -s '[.[].results[]] | group_by(.command) | map({
      command: .[0].command,
      times: ([.[].times[]] | sort)
    } | . + {
      median: (.times | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end),
      mean: (.times | add / length),
      min: .times[0],
      max: .times[-1]
    })' "$@" > "$out"
}

median_of() { # median_of MERGED.json TOOL
  jq -r --arg tool "$2" '.[] | select(.command == $tool) | .median' "$1"
}

peak_memory_mb() { # peak_memory_mb COMMAND...: runs it once, prints max RSS in MB
  /usr/bin/time -v "$@" 2> "$RESULTS/time-v.txt" > /dev/null
  awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$RESULTS/time-v.txt"
}

html_files() { # html_files TOOL: pages in its last output (a sanity check)
  if [[ -d $SHM/out-$1 ]]; then find "$SHM/out-$1" -name '*.html' | wc -l; else echo -; fi
}

declare -A SITREP_SECONDS
PAGES=()
echo "| documents | corpus MB | sitrep s | floor s | hugo s | sitrep / floor | sitrep / hugo | peak MB sitrep | floor | hugo |" >> "$SUMMARY"
echo "|---|---|---|---|---|---|---|---|---|---|" >> "$SUMMARY"

for n in "${SIZES[@]}"; do
  corpus=$SHM/sitrep-bench-corpus-$n
  echo "== $n documents: generating $corpus"
  "$GENERATE" --projects "$n" --docs-per-project 1 --seed "$SEED" --out "$corpus" "${MINIFY_FLAGS[@]}"
  corpus_mb=$(du -s --apparent-size -B1 "$corpus/content" | awk '{printf "%.1f", $1 / 1e6}')

  names=(sitrep floor); use_hugo=0
  [[ -n $HUGO && $n -le 10000 ]] && use_hugo=1 && names+=(hugo)
  args=(
    -n sitrep --prepare "rm -rf $SHM/out-sitrep" "$SITREP build --root $corpus --output $SHM/out-sitrep --as-of $AS_OF --no-cache"
    -n floor --prepare "rm -rf $SHM/out-floor" "$FLOOR --input $corpus/content --output $SHM/out-floor ${FLOOR_FLAGS[*]}"
  )
  if [[ $use_hugo == 1 ]]; then
    prepare_hugo_site "$SHM/sitrep-bench-hugo-$n" "$corpus/content"
    args+=(-n hugo --prepare "rm -rf $SHM/out-hugo" "$HUGO --quiet --source $SHM/sitrep-bench-hugo-$n --destination $SHM/out-hugo ${HUGO_FLAGS[*]}")
  fi
  rounds=$ROUNDS
  [[ $n -ge 100000 ]] && rounds=$(( ROUNDS < 3 ? ROUNDS : 3 ))
  round_files=()
  for round in $(seq 1 "$rounds"); do
    echo "   round $round/$rounds: ${names[*]}"
    hyperfine --runs 1 --style none --export-json "$RESULTS/full-$n-round$round.json" "${args[@]}" > /dev/null
    round_files+=("$RESULTS/full-$n-round$round.json")
  done
  merge_rounds "$RESULTS/full-$n.json" "${round_files[@]}"
  jq -r '["tool", "median s", "mean s", "min s", "max s"], ["---", "---", "---", "---", "---"],
    (.[] | [.command] + ([.median, .mean, .min, .max] | map(. * 1000 | round / 1000 | tostring)))
    | "| " + join(" | ") + " |"' "$RESULTS/full-$n.json" > "$RESULTS/full-$n.md"

  sitrep_s=$(median_of "$RESULTS/full-$n.json" sitrep)
  floor_s=$(median_of "$RESULTS/full-$n.json" floor)
  SITREP_SECONDS[$n]=$sitrep_s
  echo "   peak memory"
  rm -rf "$SHM/out-sitrep" "$SHM/out-floor" "$SHM/out-hugo"
  sitrep_mb=$(peak_memory_mb "$SITREP" build --root "$corpus" --output "$SHM/out-sitrep" --as-of "$AS_OF" --no-cache)
  floor_mb=$(peak_memory_mb "$FLOOR" --input "$corpus/content" --output "$SHM/out-floor" "${FLOOR_FLAGS[@]}")
  hugo_s=-; hugo_mb=-; vs_hugo=-
  if [[ $use_hugo == 1 ]]; then
    hugo_s=$(median_of "$RESULTS/full-$n.json" hugo)
    hugo_mb=$(peak_memory_mb "$HUGO" --quiet --source "$SHM/sitrep-bench-hugo-$n" --destination "$SHM/out-hugo" "${HUGO_FLAGS[@]}")
    vs_hugo=$(jq -n "$sitrep_s / $hugo_s * 100 | round / 100")
  fi
  vs_floor=$(jq -n "$sitrep_s / $floor_s * 100 | round / 100")
  printf '| %s | %s | %.3f | %.3f | %s | %s | %s | %s | %s | %s |\n' "$n" "$corpus_mb" "$sitrep_s" "$floor_s" \
    "$( [[ $hugo_s == - ]] && echo - || printf '%.3f' "$hugo_s")" "$vs_floor" "$vs_hugo" "$sitrep_mb" "$floor_mb" "$hugo_mb" >> "$SUMMARY"

  PAGES+=("$n documents, HTML files written: sitrep $(html_files sitrep), floor $(html_files floor), hugo $(html_files hugo)")

  if [[ $n == 10000 ]]; then
    echo "   rebuild after one document changes"
    changed=$(find "$corpus/content" -name '*.md' | sort | sed -n 5000p)
    rm -rf "$SHM/out-sitrep"
    "$SITREP" build --root "$corpus" --output "$SHM/out-sitrep" --as-of "$AS_OF" > /dev/null
    # One warm-up: the first rebuild after a build from nothing has no
    # previous site kept beside the output yet (README: "The previous site
    # is kept"); every later one has, as in an author's day.
    hyperfine --runs "$ROUNDS" --warmup 1 --style none \
      --prepare "printf '\\n- [x] benchmark edit\\n' >> '$changed'" \
      --export-json "$RESULTS/rebuild-10000.json" --export-markdown "$RESULTS/rebuild-10000.md" \
      -n "sitrep rebuild" "$SITREP build --root $corpus --output $SHM/out-sitrep --as-of $AS_OF" > /dev/null
    REBUILD_S=$(jq '.results[0].median' "$RESULTS/rebuild-10000.json")
    # The commonest edit: an item ticked (each run ticks the next open item
    # of the documents from the 5,000th on).
    echo "   rebuild after one item is ticked"
    cat > "$RESULTS/tick.sh" <<TICK
#!/usr/bin/env bash
file=\$(find "$corpus/content" -name '*.md' | sort | sed -n '5000,5100p' | xargs grep -l -e '- \\[ \\]' 2>/dev/null | head -1)
sed -i '0,/- \\[ \\]/s//- [x]/' "\$file"
TICK
    chmod +x "$RESULTS/tick.sh"
    hyperfine --runs "$ROUNDS" --warmup 1 --style none --prepare "$RESULTS/tick.sh" \
      --export-json "$RESULTS/rebuild-tick-10000.json" \
      -n "sitrep rebuild (tick)" "$SITREP build --root $corpus --output $SHM/out-sitrep --as-of $AS_OF" > /dev/null
    TICK_S=$(jq '.results[0].median' "$RESULTS/rebuild-tick-10000.json")
  fi
done

{
  echo
  printf -- '- %s\n' "${PAGES[@]}"
  if [[ -n ${REBUILD_S:-} ]]; then
    printf -- '- rebuild after a line is appended to one document, 10,000 documents: %.3f s = %.1f%% of a full build (target < 10%%)\n' \
      "$REBUILD_S" "$(jq -n "$REBUILD_S / ${SITREP_SECONDS[10000]} * 100")"
    printf -- '- rebuild after one item is ticked, 10,000 documents: %.3f s = %.1f%% of a full build (target < 10%%)\n' \
      "$TICK_S" "$(jq -n "$TICK_S / ${SITREP_SECONDS[10000]} * 100")"
  fi
  if [[ -n ${SITREP_SECONDS[100000]:-} ]]; then
    printf -- '- 100,000 / 10,000 documents time: %.2f× (target ≤ 12×)\n' \
      "$(jq -n "${SITREP_SECONDS[100000]} / ${SITREP_SECONDS[10000]}")"
  fi
  echo "- times are medians of $ROUNDS alternating rounds; raw results in $RESULTS/"
} >> "$SUMMARY"

echo
cat "$SUMMARY"
