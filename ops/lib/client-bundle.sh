#!/usr/bin/env bash
# Installs the pinned npm packages (package-lock.json) when they are missing or stale.
# The browser bundle and the Node interoperability tests both use them.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v npm >/dev/null 2>&1; then
  echo "npm (Node.js 20) is required: install Node.js 20 and run this again." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
if grep -q '"build"' package.json; then
  npm run --silent build
fi
