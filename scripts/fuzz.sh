#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60), one
# after the other, and prints a summary line per target.
#
# Exit 0 when no target crashed, hung (>10 s on one input) or ran out of
# memory (>2 GB); 1 otherwise, with the failing inputs under
# fuzz/artifacts/<target>/ (copy them to fuzz/regressions/<target>/ once
# fixed: `cargo test --test fuzz_regressions` replays them).
# Where fuzzing cannot run (no C++ compiler for libFuzzer, cargo-fuzz not
# installable, a sanitizer asked for without a nightly toolchain) it prints
# "skipped: <why>" and exits 0.
#
# The targets are built with `--sanitizer none`: the code is safe Rust, so
# the sanitizers would add little but a slower build and slower runs, and
# without them the stable toolchain builds the targets (no nightly needed).
# FUZZ_SANITIZER=address (or another) asks for one; that needs nightly.
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 600        # 10 minutes per target
#   scripts/fuzz.sh 60 dates   # one target
set -euo pipefail

seconds="${1:-60}"
only="${2:-}"
sanitizer="${FUZZ_SANITIZER:-none}"
cargo_fuzz_version="0.13.2"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

skip() {
    echo "fuzzing skipped: $*"
    exit 0
}

# libFuzzer is C++, built by the libfuzzer-sys crate.
if ! command -v c++ >/dev/null 2>&1; then
    skip "no C++ compiler (c++) to build libFuzzer"
fi

toolchain=()
if [ "$sanitizer" != none ]; then
    cargo +nightly --version >/dev/null 2>&1 ||
        skip "sanitizer '$sanitizer' needs a nightly toolchain (cargo +nightly is unavailable)"
    toolchain=(+nightly)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz $cargo_fuzz_version..."
    cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked ||
        skip "cargo-fuzz could not be installed"
fi

# Release build with debug assertions and overflow checks: an overflow is a
# bug even where a release build would wrap silently.
flags=(-O --debug-assertions --sanitizer "$sanitizer")
echo "== building the fuzz targets (${flags[*]})"
cargo "${toolchain[@]}" fuzz build "${flags[@]}"

# Seeds: the real documents (shared/ beside the repository, when present),
# the demo portal, then every input that once failed a target.
seed_dirs=("$root/content")
for dir in "$root/../shared/seeds" "$root/../shared/corpus/real"; do
    [ -d "$dir" ] && seed_dirs+=("$dir")
done

# The longest input per target. Instrumented code runs at tens of
# milliseconds per 40 KB document, so smaller inputs mean many more tries;
# the date reader reads lines and cells, never whole documents. Longer seeds
# are cut to this length.
max_len() {
    case "$1" in
    dates) echo 2048 ;;
    extract) echo 4096 ;;
    front_matter | render) echo 8192 ;;
    *) echo 16384 ;;
    esac
}

mkdir -p logs
failed=()
summary=()
targets="${only:-$(cargo "${toolchain[@]}" fuzz list)}"
for target in $targets; do
    corpus="corpus/$target"
    mkdir -p "$corpus"
    extra=()
    [ -d "regressions/$target" ] && extra+=("regressions/$target")
    log="logs/$target.log"
    echo "== fuzzing $target for ${seconds}s (log: fuzz/$log)"
    # New inputs go to the first folder, corpus/<target>; the others are only read.
    if ! cargo "${toolchain[@]}" fuzz run "${flags[@]}" "$target" \
        "$corpus" "${seed_dirs[@]}" "${extra[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$target")" -print_final_stats=1 >"$log" 2>&1; then
        failed+=("$target")
        tail -n 40 "$log"
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    summary+=("$target: ${runs} inputs in ${seconds}s, corpus $(find "$corpus" -type f | wc -l) files")
done

printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs under fuzz/artifacts/)"
    exit 1
fi
echo "fuzzing: no crash, hang or out-of-memory in $(wc -w <<<"$targets") targets, ${seconds}s each"
