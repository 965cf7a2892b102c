#!/usr/bin/env bash
# Fail early, with a message a person can act on, when the machine lacks the
# Python or Node the project is built for. Without this, the first sign is a
# confusing error from deep inside pip or sass.
set -euo pipefail

python=${PYTHON:-python3.11}

if ! command -v "$python" >/dev/null; then
  echo "check_toolchain: $python not found; install Python 3.11 (Debian 12: apt-get install python3.11)" >&2
  exit 1
fi

# Debian splits venv/ensurepip out of the interpreter package, so a fresh
# machine has python3.11 but cannot create a virtualenv until python3.11-venv
# is installed. Install it ourselves (we run as root in CI) rather than fail.
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  if command -v apt-get >/dev/null; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    echo "check_toolchain: installing python3.11-venv so we can create .venv"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q python3.11-venv
  else
    echo "check_toolchain: $python cannot create virtualenvs (no ensurepip); install its venv module" >&2
    exit 1
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "check_toolchain: node/npm not found; install Node.js 20" >&2
  exit 1
fi

# sass 1.108 needs Node >= 20.19; older 20.x releases fail in odd ways.
node_version=$(node --version)   # e.g. v20.20.2
IFS=. read -r major minor _ <<<"${node_version#v}"
if (( major < 20 || (major == 20 && minor < 19) )); then
  echo "check_toolchain: Node $node_version is too old; need Node 20.19 or newer" >&2
  exit 1
fi
