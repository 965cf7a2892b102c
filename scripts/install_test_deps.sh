#!/usr/bin/env bash
# Install the system packages the test suite drives: Debian's Chromium (for
# Playwright; `playwright install` cannot download browsers here) and the
# PostgreSQL 15 server binaries (the tests start their own throwaway cluster,
# so no running service is needed). Does nothing when both are present.
set -euo pipefail

sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
apt_updated=0

apt_install() {
  if (( ! apt_updated )); then
    $sudo apt-get update -q
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"
}

if [[ ! -x /usr/bin/chromium ]]; then
  echo "install_test_deps: installing Debian's chromium"
  # fonts-liberation: our font stack falls back to Arial, and Liberation Sans
  # has the same metrics, so screenshots and layout checks match a real phone.
  apt_install chromium fonts-liberation
fi

# Look where Debian puts the server binaries as well as on PATH. A symlink in
# /usr/local/bin is not something a fresh Debian 12 machine has, so PATH alone
# is not enough to decide.
have_initdb=0
for candidate in /usr/lib/postgresql/*/bin/initdb; do
  [[ -x "$candidate" ]] && have_initdb=1
done
command -v initdb >/dev/null && have_initdb=1

if (( ! have_initdb )); then
  echo "install_test_deps: installing PostgreSQL 15 server binaries"
  # postgresql-15 on Debian 12 (bookworm); the 'postgresql' metapackage is the
  # fallback on a release with a different major version.
  apt_install postgresql-15 || apt_install postgresql
fi
