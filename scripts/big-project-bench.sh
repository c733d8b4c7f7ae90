#!/usr/bin/env bash
# Times cold builds of portfolios of TWO projects with many documents each:
# the case where a step that is linear per project but scans the project's
# other documents (their milestones, risks or paths) for each one turns
# quadratic. A build of twice as many documents should take about twice
# as long: the script prints each size's median time, CPU time and peak
# memory, and its time per document.
#
#   scripts/big-project-bench.sh                 # 2 x 1,000, 2 x 2,000, 2 x 4,000
#   scripts/big-project-bench.sh 500 1000        # other documents per project
#   SITREP=/path/to/sitrep scripts/big-project-bench.sh   # another build, to compare
#
# Corpora live in /dev/shm (tmpfs) and are generated once; builds are cold
# (`--no-cache`), three runs each, minify off as in the main benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is missing; install it with: apt-get install -y time" >&2; exit 1; }
cargo build --release --quiet --bin sitrep --example generate_corpus
sitrep=${SITREP:-$PWD/target/release/sitrep}
sizes=("$@")
[[ ${#sizes[@]} == 0 ]] && sizes=(1000 2000 4000)
runs=3

printf '%-14s %9s %9s %10s %14s\n' "documents" "median s" "CPU s" "peak MB" "ms / document"
for per in "${sizes[@]}"; do
  corpus=/dev/shm/sitrep-big-project-$per
  if [[ ! -d $corpus/content ]]; then
    target/release/examples/generate_corpus --projects 2 --docs-per-project "$per" \
      --seed 1 --no-minify --out "$corpus" > /dev/null
  fi
  times=() cpus=() peaks=()
  for _ in $(seq "$runs"); do
    rm -rf "$corpus/public"
    read -r wall cpu peak < <(/usr/bin/time -f '%e %U %S %M' \
      "$sitrep" build --root "$corpus" --no-cache --quiet --as-of 2026-11-01 2>&1 >/dev/null \
      | tail -1 | awk '{print $1, $2 + $3, $4}')
    times+=("$wall") cpus+=("$cpu") peaks+=("$peak")
  done
  median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
  wall=$(median "${times[@]}") cpu=$(median "${cpus[@]}") peak=$(median "${peaks[@]}")
  docs=$(( 2 * per ))
  awk -v per="$per" -v wall="$wall" -v cpu="$cpu" -v peak="$peak" -v docs="$docs" 'BEGIN {
    printf "%-14s %9.2f %9.2f %10d %14.3f\n", "2 x " per, wall, cpu, peak / 1024, wall * 1000 / docs }'
  rm -rf "$corpus/public"
done
