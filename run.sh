#!/usr/bin/env bash
# Runs CampaignGrains on this machine with its real storage: Azurite's table service (data kept in
# .azurite/ across runs) and one silo in Development. Ctrl-C stops both.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

table_port="${AZURITE_TABLE_PORT:-10002}"

if [[ ! -x node_modules/.bin/azurite-table ]]; then
  npm ci --no-audit --no-fund
fi
npm run --silent widgets:build

mkdir -p .azurite
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$table_port" --location .azurite \
  --skipApiVersionCheck --loose --disableProductStyleUrl --disableTelemetry --silent &
azurite_pid=$!

silo_pid=""
stop() {
  trap - INT TERM EXIT
  [[ -n "$silo_pid" ]] && kill -TERM "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  # SIGINT lets Azurite flush its data folder before it exits.
  kill -INT "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true
}
trap stop INT TERM EXIT

for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite did not start (is port $table_port free?)" >&2; exit 1; }
  sleep 0.2
done

export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"

dotnet build src/CampaignGrains.Silo -c Release -v quiet -nologo
cat <<TXT
Azurite tables on 127.0.0.1:$table_port (data in .azurite/).
gRPC (h2c) on 127.0.0.1:5001; gRPC-Web and /health/ready on http://127.0.0.1:5002.
The widget demo: http://127.0.0.1:5002/demo/?campaign=<a campaign of tenant demo>
A development token:  dotnet run --project src/CampaignGrains.Silo --no-launch-profile -- mint-dev-token --tenant demo
Ctrl-C stops both.
TXT
dotnet run --project src/CampaignGrains.Silo -c Release --no-build &
silo_pid=$!
wait "$silo_pid"
