#!/usr/bin/env bash
# Runs Intake on its embedded SQLite default. Everything it keeps goes to ./data (or $INTAKE_DATA_DIR).
# Usage: ops/run.sh            (listens on http://127.0.0.1:5000, or $INTAKE_URL)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
url="${INTAKE_URL:-http://127.0.0.1:5000}"
data="${INTAKE_DATA_DIR:-$root/data}"

ops/lib/client-bundle.sh

echo "Building Intake (Release)..."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
echo
echo "Intake is starting. Open ${url}/ in your browser (Ctrl+C stops it)."
echo "Data directory: ${data}"
echo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
exec dotnet run --project Intake.Web/Intake.Web.csproj -c Release --no-build --no-launch-profile -- \
  --urls "$url" --Intake:DataDirectory="$data"
