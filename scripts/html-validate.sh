#!/usr/bin/env sh
# Validates the HTML of a built portal with html-validate (needs Node/npx).
#   scripts/html-validate.sh [PORTAL_ROOT]   (default: the repository's demo portal)
# The portal is copied and built unminified, so that messages point at readable lines.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-$here}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/portal"
cp -R "$root/content" "$work/portal/content"
if [ -f "$root/config.toml" ]; then
  grep -v '^minify' "$root/config.toml" > "$work/portal/config.toml.body" || true
else
  : > "$work/portal/config.toml.body"
fi
# Top-level keys must come before any [table]: put minify first.
{ echo "minify = false"; cat "$work/portal/config.toml.body"; } > "$work/portal/config.toml"
rm "$work/portal/config.toml.body"
cargo run --quiet --manifest-path "$here/Cargo.toml" -- build --root "$work/portal" --as-of 2026-11-01 --quiet
cat > "$work/.htmlvalidate.json" <<'JSON'
{
  "extends": ["html-validate:recommended"],
  "rules": {
    "no-inline-style": "off",
    "long-title": "off",
    "no-trailing-whitespace": "off",
    "void-style": "off"
  }
}
JSON
cd "$work"
npx --yes html-validate --config "$work/.htmlvalidate.json" "portal/public/**/*.html"
