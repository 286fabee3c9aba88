#!/usr/bin/env bash
# Runs CampaignGrains on this machine with its real storage, and seeds a demo campaign to look at:
# Azurite's table service (data kept across runs), one silo in Development with its co-hosted gRPC
# gateway and the widget demo page, then `campaignctl simulate` feeding the demo tenant's campaign.
# Installs what is missing first (the npm packages). Ctrl-C stops everything it started. Safe to rerun:
# the demo campaign is seeded once, and the data stays.
#
#   ./run.sh
#
# Environment (all optional):
#   CAMPAIGNGRAINS_DATA          .azurite: Azurite's data folder; the silo logs to silo.log in it
#   AZURITE_TABLE_PORT           10002
#   CAMPAIGNGRAINS_GRPC_PORT     5001: gRPC over HTTP/2 without TLS (campaignctl, services)
#   CAMPAIGNGRAINS_WEB_PORT      5002: gRPC-Web, widgets, the demo page, health, /metrics
#   CAMPAIGNGRAINS_SILO_PORT     11111, CAMPAIGNGRAINS_GATEWAY_PORT 30000: Orleans' own ports
#   DEMO_CAMPAIGN                spring-sale, DEMO_RECIPIENTS 20000, DEMO_RATE 5000 (events/s)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/local-hosting.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

data_dir="${CAMPAIGNGRAINS_DATA:-.azurite}"
table_port="${AZURITE_TABLE_PORT:-10002}"
grpc_port="${CAMPAIGNGRAINS_GRPC_PORT:-5001}"
web_port="${CAMPAIGNGRAINS_WEB_PORT:-5002}"
silo_port="${CAMPAIGNGRAINS_SILO_PORT:-11111}"
gateway_port="${CAMPAIGNGRAINS_GATEWAY_PORT:-30000}"
demo_tenant="demo"
demo_campaign="${DEMO_CAMPAIGN:-spring-sale}"
demo_recipients="${DEMO_RECIPIENTS:-20000}"
demo_rate="${DEMO_RATE:-5000}"
release="net10.0"
silo_bin="src/CampaignGrains.Silo/bin/Release/$release"
ctl_dll="src/CampaignGrains.Cli/bin/Release/$release/campaignctl.dll"

azurite_pid=""
silo_pid=""
stopping=""
stop() {
  [[ -n "$stopping" ]] && return
  stopping=1
  trap - INT TERM EXIT
  if [[ -n "$silo_pid" ]] && kill -0 "$silo_pid" 2>/dev/null; then
    echo "stopping the silo and Azurite..."
    # SIGTERM: the silo finishes in-flight calls and state writes, then exits.
    kill -TERM "$silo_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$silo_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$silo_pid" 2>/dev/null && { echo "the silo did not stop within 30 s; SIGKILL" >&2; kill -KILL "$silo_pid" 2>/dev/null || true; }
    wait "$silo_pid" 2>/dev/null || true
  fi
  # SIGINT lets Azurite flush its data folder before it exits.
  [[ -n "$azurite_pid" ]] && { kill -INT "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true; }
  echo "stopped."
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

for port in "$table_port" "$grpc_port" "$web_port" "$silo_port" "$gateway_port"; do
  port_open "$port" && { echo "port $port is in use: is ./run.sh already running? (see the environment variables at the top of run.sh)" >&2; exit 1; }
done

if [[ ! -x node_modules/.bin/azurite-table ]]; then
  npm ci --no-audit --no-fund
fi
npm run --silent widgets:build
dotnet build src/CampaignGrains.Silo -c Release -v quiet -nologo
dotnet build src/CampaignGrains.Cli -c Release -v quiet -nologo

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
start_azurite "$data_dir" "$table_port"

# The working directory is the build folder: the host's content root, where its appsettings*.json are.
# exec keeps one process, so $! is the silo's own pid.
(
  cd "$silo_bin"
  exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Storage="$(azurite_storage "$table_port")" \
    Cluster__SiloPort="$silo_port" \
    Cluster__GatewayPort="$gateway_port" \
    Gateway__GrpcPort="$grpc_port" \
    Gateway__WebPort="$web_port" \
    dotnet CampaignGrains.Silo.dll
) >"$data_dir/silo.log" 2>&1 &
silo_pid=$!

deadline=$((SECONDS + 120))
until host_ready "$web_port"; do
  if ! kill -0 "$silo_pid" 2>/dev/null; then
    echo "the silo exited while starting; the end of $data_dir/silo.log:" >&2
    tail -n 30 "$data_dir/silo.log" >&2 || true
    exit 1
  fi
  ((SECONDS < deadline)) || { echo "the silo was not ready after 120 s; see $data_dir/silo.log" >&2; exit 1; }
  sleep 0.5
done

ctl() { dotnet "$ctl_dll" --address "http://127.0.0.1:$grpc_port" "$@"; }
CAMPAIGNCTL_TOKEN="$(ctl token --tenant "$demo_tenant" --minutes 720)"
export CAMPAIGNCTL_TOKEN
if ctl campaigns --json | grep -q "\"$demo_campaign\""; then
  echo "The demo campaign $demo_campaign is already there (kept in $data_dir/); not seeding it again."
else
  echo "Seeding the demo campaign $demo_campaign: $demo_recipients recipients over the last 24 hours, at $demo_rate events/s..."
  ctl simulate "$demo_campaign" --recipients "$demo_recipients" --span 24h --rate "$demo_rate" --seed 1
fi

cat <<TXT

CampaignGrains is running.
  gRPC (HTTP/2, no TLS)   127.0.0.1:$grpc_port
  report dashboard        http://127.0.0.1:$web_port/demo/?campaign=$demo_campaign
  health, metrics         http://127.0.0.1:$web_port/health/ready, http://127.0.0.1:$web_port/metrics
  Azurite tables          127.0.0.1:$table_port (data in $data_dir/), silo log $data_dir/silo.log

In another terminal:
  export CAMPAIGNCTL_TOKEN=\$(./campaignctl token --tenant $demo_tenant)
  ./campaignctl report $demo_campaign --tab email
  ./campaignctl watch $demo_campaign
  ./campaignctl simulate $demo_campaign --seed 2 --recipients 5000 --span 1h --rate 200

Ctrl-C stops the silo and Azurite.
demo ready: silo pid $silo_pid, azurite pid $azurite_pid
TXT

# Wait until Ctrl-C or SIGTERM (the traps stop everything), or until the silo stops by itself.
while kill -0 "$silo_pid" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
echo "the silo has stopped; the end of $data_dir/silo.log:" >&2
tail -n 20 "$data_dir/silo.log" >&2 || true
exit 1
