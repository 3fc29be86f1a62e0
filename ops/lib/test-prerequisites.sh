#!/usr/bin/env bash
# Makes sure the programs the tests drive are installed: Debian's chromium (browser tests), age
# (interoperability tests), postgresql (the storage-bound tests run on it as well; ops/lib/test-postgres.sh starts a
# server of its own), fonts-liberation (the case PDF), python3 (its pty module answers the age CLI's passphrase prompt), and the programs
# whose own checks the deployment files in ops/deploy must pass (nginx, caddy, tor; systemd-analyze comes with
# systemd). Installs them with apt-get when run as root, without starting their services; otherwise says what to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1 || missing+=(age)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/caddy ] || missing+=(caddy)
[ -x /usr/sbin/tor ] || missing+=(tor)
[ -x /usr/bin/systemd-analyze ] || missing+=(systemd)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The tests only run the programs' checks or servers of their own: keep the packages' services (nginx, tor,
  # caddy, postgresql) from starting.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing test prerequisites with sudo: ${missing[*]}"
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
else
  echo "The tests need these Debian packages, which are not installed: ${missing[*]}" >&2
  echo "Install them as root:  apt-get install ${missing[*]}   and run the tests again." >&2
  exit 1
fi
