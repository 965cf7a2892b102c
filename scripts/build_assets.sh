#!/usr/bin/env bash
# Build the front-end assets into static/dist/ (git-ignored).
#
# We ship no bundler: the Sass is compiled once, and the third-party scripts
# are copied as the files their packages publish, so what the browser gets is
# exactly what npm pinned. The script is safe to run at any time and does
# nothing when everything is already up to date, so `make install` can call it
# every time.
set -euo pipefail

cd "$(dirname "$0")/.."

NODE_MODULES=node_modules
SRC=static/src
DIST=static/dist
GOVUK="$NODE_MODULES/govuk-frontend/dist/govuk"
HTMX="$NODE_MODULES/htmx.org/dist"

if [[ ! -d "$GOVUK" || ! -d "$HTMX" ]]; then
  echo "build_assets: $NODE_MODULES is missing packages; run 'make install' (npm ci) first" >&2
  exit 1
fi

mkdir -p "$DIST"

# Copy a file only when its content differs. Comparing content, not mtimes,
# because npm stamps every file it unpacks with the same old date, so an
# upgraded package can look "older" than the copy we made last time.
copy_if_changed() {
  local src=$1 dest=$2
  if ! cmp -s "$src" "$dest"; then
    mkdir -p "$(dirname "$dest")"
    cp "$src" "$dest"
    echo "build_assets: updated $dest"
  fi
}

# --- CSS -------------------------------------------------------------------
# Recompile when any of our Sass changed, or npm installed something since the
# last build (npm rewrites node_modules/.package-lock.json on every install).
css_out="$DIST/app.css"
needs_css=0
if [[ ! -f "$css_out" ]]; then
  needs_css=1
else
  for input in "$SRC"/*.scss "$NODE_MODULES/.package-lock.json"; do
    if [[ "$input" -nt "$css_out" ]]; then
      needs_css=1
      break
    fi
  done
fi
if (( needs_css )); then
  # Write to a temporary file first so a failed compile never leaves a
  # half-written app.css that looks newer than its sources.
  "$NODE_MODULES/.bin/sass" --no-source-map --style=compressed \
    --load-path="$NODE_MODULES" "$SRC/app.scss" "$css_out.tmp"
  mv "$css_out.tmp" "$css_out"
  echo "build_assets: compiled $css_out ($(wc -c <"$css_out") bytes)"
fi

# --- JavaScript --------------------------------------------------------------
# app.js imports "./govuk-frontend.min.js", so the two must sit side by side.
# The source map is copied too so browsers (and Lighthouse) don't ask for a
# file that isn't there.
copy_if_changed "$GOVUK/govuk-frontend.min.js" "$DIST/govuk-frontend.min.js"
copy_if_changed "$GOVUK/govuk-frontend.min.js.map" "$DIST/govuk-frontend.min.js.map"
copy_if_changed "$HTMX/htmx.min.js" "$DIST/htmx.min.js"
# The app fingerprints the URLs it writes into pages (?v=<hash>), but the
# browser fetches govuk-frontend through app.js's own import, which the app
# never sees. Put the same kind of fingerprint on that import so a long cache
# lifetime can never pin an old govuk-frontend after an upgrade.
govuk_hash=$(sha256sum "$GOVUK/govuk-frontend.min.js" | cut -c1-12)
sed "s|\./govuk-frontend\.min\.js\"|./govuk-frontend.min.js?v=$govuk_hash\"|" \
  "$SRC/app.js" >"$DIST/app.js.tmp"
if ! grep -q "govuk-frontend.min.js?v=$govuk_hash" "$DIST/app.js.tmp"; then
  echo "build_assets: app.js no longer imports \"./govuk-frontend.min.js\"; update this script" >&2
  exit 1
fi
copy_if_changed "$DIST/app.js.tmp" "$DIST/app.js"
rm -f "$DIST/app.js.tmp"

# --- Images ------------------------------------------------------------------
# govuk-frontend's CSS and templates ask for /assets/images/… and the app
# serves static/dist/assets at /assets/. fonts/ is skipped on purpose: we use
# a system font stack, so nothing asks for GDS Transport.
while IFS= read -r -d '' file; do
  rel=${file#"$GOVUK/assets/"}
  copy_if_changed "$file" "$DIST/assets/$rel"
done < <(find "$GOVUK/assets" -type f -not -path "$GOVUK/assets/fonts/*" -print0)
