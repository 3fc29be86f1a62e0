#!/usr/bin/env bash
# Runs Intake on its embedded SQLite default. Everything it keeps goes to ./data (or $INTAKE_DATA_DIR).
# Usage: ops/run.sh            (listens on http://127.0.0.1:5000, or $INTAKE_URL)
# The instance key is ./instance.key (or $INTAKE_INSTANCE_KEY), created on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
url="${INTAKE_URL:-http://127.0.0.1:5000}"
data="${INTAKE_DATA_DIR:-$root/data}"

key="${INTAKE_INSTANCE_KEY:-$root/instance.key}"

ops/lib/client-bundle.sh

# The instance key authenticates the audit log and encrypts the key ring; it is kept outside the data directory.
if [ ! -f "$key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$key")
  echo "Created the instance key ${key}: keep it (and a copy offline) outside the data directory."
fi

echo "Building Intake (Release)..."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
echo
echo "Intake is starting. Open ${url}/ in your browser (Ctrl+C stops it)."
echo "Data directory: ${data}"
echo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
exec dotnet run --project Intake.Web/Intake.Web.csproj -c Release --no-build --no-launch-profile -- \
  --urls "$url" --Intake:DataDirectory="$data" --Intake:InstanceKeyFile="$key"
