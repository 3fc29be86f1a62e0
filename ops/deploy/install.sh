#!/usr/bin/env bash
# Installs or upgrades Intake on Debian 12 as a hardened systemd service (docs/operations.md, "Install").
# Run as root from a checkout of the repository, on a machine with the .NET 10 SDK and Node (to build):
#   ops/deploy/install.sh
# It publishes a Release build to /opt/intake, creates the system user "intake", the state directory
# /var/lib/intake (0700) and /etc/intake (settings, 0750), installs intake.service and starts it. Re-running it
# upgrades: the new build replaces the old one only once it is complete.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=/opt/intake
if [ "$(id -u)" -ne 0 ]; then
  echo "Run this as root (it creates a system user and installs a systemd unit)." >&2
  exit 1
fi

# The case PDF embeds Liberation Sans.
if ! [ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-liberation
fi
ops/lib/client-bundle.sh
stage=$(mktemp -d /opt/.intake-new.XXXXXX)
trap 'rm -rf "$stage"' EXIT
dotnet publish Intake.Web/Intake.Web.csproj -c Release -o "$stage" --nologo -v quiet
cp -r docs "$stage/docs"
chmod -R u=rwX,go=rX "$stage"

if ! id intake >/dev/null 2>&1; then
  adduser --system --group --home /var/lib/intake --no-create-home --shell /usr/sbin/nologin intake
fi
install -d -o intake -g intake -m 0700 /var/lib/intake
install -d -o root -g intake -m 0750 /etc/intake
install -d -o intake -g intake -m 0700 /var/backups/intake
if [ ! -f /etc/intake/instance.key ]; then
  # The instance key (docs/keys.md): outside the data directory, read by systemd and passed as a credential.
  (umask 0077 && head -c 32 /dev/urandom | base64 > /etc/intake/instance.key)
  echo "Created /etc/intake/instance.key. Keep a copy offline with the recovery sheet: a restore needs it."
fi
if [ ! -f /etc/intake/intake.env ]; then
  install -o root -g intake -m 0640 ops/deploy/intake.env.example /etc/intake/intake.env
fi

running=false
if [ -d /run/systemd/system ] && systemctl is-active --quiet intake; then
  running=true
  systemctl stop intake
fi
if [ -d "$prefix" ]; then
  rm -rf "$prefix.previous"
  mv "$prefix" "$prefix.previous"
fi
mv "$stage" "$prefix"
trap - EXIT
install -m 0644 ops/deploy/intake.service ops/deploy/intake-backup.service ops/deploy/intake-backup.timer /etc/systemd/system/

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable intake intake-backup.timer >/dev/null
  systemctl start intake-backup.timer
  systemctl start intake
  echo "Intake is running (systemctl status intake). The previous build, if any, is in $prefix.previous."
  if [ "$running" = false ]; then
    echo "On a new installation, the one-time set-up code is in its log: journalctl -u intake | grep -A2 'set-up code'"
  fi
else
  echo "Installed to $prefix. systemd is not running here: start it with"
  echo "  sudo -u intake env Intake__DataDirectory=/var/lib/intake ASPNETCORE_ENVIRONMENT=Production dotnet $prefix/Intake.Web.dll --urls http://127.0.0.1:5000"
fi
