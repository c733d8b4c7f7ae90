#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60).
# Exit 0 when no target crashed, hung (>10 s on one input) or ran out of
# memory (>2 GB); 1 otherwise. Needs a nightly toolchain: without one it
# says "skipped" and exits 0, so CI machines without nightly stay green.
#
#   scripts/fuzz.sh        # 60 s per target
#   scripts/fuzz.sh 300    # 5 minutes per target
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "skipped: no nightly toolchain (cargo +nightly is unavailable)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz..."
    cargo install cargo-fuzz
fi

# Seeds: the real documents, then every input that once crashed a target.
seed_dirs=()
for dir in "$root/../shared/seeds" "$root/../shared/corpus/real"; do
    [ -d "$dir" ] && seed_dirs+=("$dir")
done

failed=()
for target in $(cargo +nightly fuzz list); do
    corpus="corpus/$target"
    mkdir -p "$corpus"
    extra=()
    [ -d "regressions/$target" ] && extra+=("regressions/$target")
    echo "== fuzzing $target for ${seconds}s"
    if ! cargo +nightly fuzz run -O "$target" "$corpus" "${seed_dirs[@]}" "${extra[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1; then
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs under fuzz/artifacts/)"
    exit 1
fi
echo "fuzzing: no crash in $(cargo +nightly fuzz list | wc -l) targets, ${seconds}s each"
