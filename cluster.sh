#!/usr/bin/env bash
# Runs a CampaignGrains cluster on this machine: Azurite's table service (data kept in .azurite-cluster/)
# and N silos (default 3), each with its co-hosted gateway, clustered through Azure Table membership on
# loopback. Stop one silo with `kill <pid>` to watch its grains move to the others; Ctrl-C stops everything.
#
#   ./cluster.sh [N]
#
# Environment (all optional):
#   CLUSTER_BASE_PORT   5100: silo i listens on gRPC BASE+1+10i, web BASE+2+10i, Orleans silo BASE+3+10i, Orleans gateway BASE+4+10i
#   AZURITE_TABLE_PORT  10012 (not run.sh's 10002, so both can run at once)
#   CLUSTER_DIR         .azurite-cluster: Azurite's data and the silos' logs (silo-<i>.log)
#   CLUSTER_ID          local: the Orleans cluster id (the service id stays campaigngrains)
#   CLUSTER_READY_SECONDS 120: how long each silo may take to answer /health/ready
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/local-hosting.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

silo_count="${1:-3}"
[[ "$silo_count" =~ ^[1-9][0-9]?$ ]] || { echo "usage: $0 [N]   (N silos, 1-99, default 3)" >&2; exit 2; }
base_port="${CLUSTER_BASE_PORT:-5100}"
table_port="${AZURITE_TABLE_PORT:-10012}"
data_dir="${CLUSTER_DIR:-.azurite-cluster}"
cluster_id="${CLUSTER_ID:-local}"
ready_seconds="${CLUSTER_READY_SECONDS:-120}"
silo_bin="src/CampaignGrains.Silo/bin/Release/net10.0"

if [[ ! -x node_modules/.bin/azurite-table ]]; then
  npm ci --no-audit --no-fund
fi

# Build once, before anything is started; every silo runs the same build.
dotnet build src/CampaignGrains.Silo -c Release -v quiet -nologo
silo_bin="$(cd "$silo_bin" && pwd)"

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"

azurite_pid=""
silo_pids=()
stopping=""
stop() {
  [[ -n "$stopping" ]] && return
  stopping=1
  trap - INT TERM EXIT
  local pid live
  if ((${#silo_pids[@]})); then
    echo "stopping the silos and Azurite..."
    # SIGTERM: each silo finishes in-flight calls and writes, leaves the cluster, then exits.
    for pid in "${silo_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 300); do
      live=""
      for pid in "${silo_pids[@]}"; do kill -0 "$pid" 2>/dev/null && live=1; done
      [[ -z "$live" ]] && break
      sleep 0.1
    done
    for pid in "${silo_pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && { echo "silo pid $pid did not stop within 30 s; SIGKILL" >&2; kill -KILL "$pid" 2>/dev/null || true; }
      wait "$pid" 2>/dev/null || true
    done
  fi
  # SIGINT lets Azurite flush its data folder before it exits.
  [[ -n "$azurite_pid" ]] && { kill -INT "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true; }
  echo "stopped."
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

start_azurite "$data_dir" "$table_port"
storage="$(azurite_storage "$table_port")"

grpc_port() { echo $((base_port + 1 + 10 * $1)); }
web_port() { echo $((base_port + 2 + 10 * $1)); }

for ((i = 0; i < silo_count; i++)); do
  # The working directory is the build folder: the host's content root, where its appsettings*.json are.
  # exec keeps one process, so $! is the silo's own pid.
  (
    cd "$silo_bin"
    exec env \
      ASPNETCORE_ENVIRONMENT=Development \
      ConnectionStrings__Storage="$storage" \
      Cluster__Clustering=AzureTable \
      Cluster__ClusterId="$cluster_id" \
      Cluster__SiloPort=$((base_port + 3 + 10 * i)) \
      Cluster__GatewayPort=$((base_port + 4 + 10 * i)) \
      Cluster__Membership__ProbeTimeout=00:00:02 \
      Cluster__Membership__NumMissedProbesLimit=2 \
      Cluster__Membership__NumVotesForDeathDeclaration=1 \
      Gateway__GrpcPort="$(grpc_port "$i")" \
      Gateway__WebPort="$(web_port "$i")" \
      dotnet CampaignGrains.Silo.dll
  ) >"$data_dir/silo-$i.log" 2>&1 &
  silo_pids+=($!)
done

for ((i = 0; i < silo_count; i++)); do
  deadline=$((SECONDS + ready_seconds))
  until host_ready "$(web_port "$i")"; do
    if ! kill -0 "${silo_pids[$i]}" 2>/dev/null; then
      echo "silo $i exited while starting; the end of $data_dir/silo-$i.log:" >&2
      tail -n 30 "$data_dir/silo-$i.log" >&2 || true
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "silo $i was not ready after $ready_seconds s (is port $(web_port "$i") free?); see $data_dir/silo-$i.log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

echo
echo "Azurite tables on 127.0.0.1:$table_port (data in $data_dir/); cluster id $cluster_id, Azure Table membership."
for ((i = 0; i < silo_count; i++)); do
  printf 'silo %-2s pid %-6s grpc 127.0.0.1:%-6s web http://127.0.0.1:%-6s log %s\n' \
    "$i" "${silo_pids[$i]}" "$(grpc_port "$i")" "$(web_port "$i")" "$data_dir/silo-$i.log"
done
cat <<TXT

Stop one silo:       kill <pid>   (graceful; kill -9 <pid> for a crash). Its grains reactivate on the
                     other silos, whose gateways keep serving reports.
A development token: ./campaignctl token --tenant demo
Ctrl-C stops every silo and Azurite.
cluster ready: $silo_count silos
TXT

# Wait until Ctrl-C or SIGTERM (the traps stop everything), noting silos that stop meanwhile.
declare -A reported=()
while true; do
  live=0
  for ((i = 0; i < silo_count; i++)); do
    if kill -0 "${silo_pids[$i]}" 2>/dev/null; then
      live=$((live + 1))
    elif [[ -z "${reported[$i]:-}" ]]; then
      reported[$i]=1
      echo "silo $i (pid ${silo_pids[$i]}) has stopped; $((silo_count - ${#reported[@]})) silo(s) left."
    fi
  done
  ((live == 0)) && { echo "every silo has stopped."; exit 0; }
  sleep 1 &
  wait $! || true
done
