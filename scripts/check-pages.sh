#!/usr/bin/env bash
# CI page checks: builds the demo portal and the five seeds, then
#   (a) html-validate on every HTML page of the demo portal (built unminified, so that
#       messages point at readable lines);
#   (b) the browser checker (scripts/browser/check-pages.mjs): axe-core in Debian's
#       chromium, light and dark schemes, console errors, requests leaving the site.
# Needs node >= 20.19 and npm; installs chromium with apt-get when missing (CI runs as root).
#   scripts/check-pages.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
browser_dir="$here/scripts/browser"
as_of=2026-11-01
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Never let playwright fetch its own browser: we drive the distribution's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
chromium_bin=${CHROMIUM:-/usr/bin/chromium}

step() { printf '\n== %s\n' "$*"; }

# Writes PORTAL/config.toml from SOURCE_CONFIG (may be absent) with minify forced to $3.
# Top-level keys must come before any [table]: the minify line goes first.
write_config() {
  local portal=$1 source_config=$2 minify=$3
  {
    echo "minify = $minify"
    if [ -f "$source_config" ]; then grep -v '^minify' "$source_config" || true; fi
  } > "$portal/config.toml"
}

# Builds the portal whose content/ and config.toml are in $1 into $1/public.
build_portal() {
  "${CARGO_TARGET_DIR:-$here/target}/release/sitrep" build --root "$1" --as-of "$as_of" --quiet
}

step "build (release)"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"

# Demo portal, twice: unminified for html-validate, as shipped (minified) for the browser.
mkdir -p "$work/demo-readable" "$work/demo"
for portal in demo-readable demo; do
  cp -R "$here/content" "$work/$portal/content"
done
write_config "$work/demo-readable" "$here/config.toml" false
cp "$here/config.toml" "$work/demo/config.toml"
build_portal "$work/demo-readable"
build_portal "$work/demo"
sites=("$work/demo/public")

seeds="$here/../shared/seeds"
if [ -d "$seeds" ]; then
  mkdir -p "$work/seeds/content"
  cp -R "$seeds"/. "$work/seeds/content/"
  build_portal "$work/seeds"
  sites+=("$work/seeds/public")
else
  echo "seeds skipped: $seeds is absent (only present beside the shared workspace)"
fi

step "npm ci (scripts/browser)"
(cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)

step "html-validate (demo portal, every page)"
pages=$(find "$work/demo-readable/public" -name '*.html' | wc -l)
(cd "$browser_dir" && npx --no-install html-validate --config "$browser_dir/.htmlvalidate.json" \
  "$work/demo-readable/public/**/*.html")
echo "html-validate: $pages pages, no errors"

step "browser checks (axe-core, console, offline)"
if [ ! -x "$chromium_bin" ]; then
  echo "chromium missing: installing Debian's package"
  apt-get update -qq && apt-get install -y -qq chromium > /dev/null
fi
CHROMIUM="$chromium_bin" node "$browser_dir/check-pages.mjs" "${sites[@]}"
