# Sourced by run.sh and cluster.sh: what both need to run hosts on this machine against Azurite.

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_azurite DATA_DIR PORT: Azurite's table service in the background, its pid in $azurite_pid; returns once it listens.
start_azurite() {
  node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$2" --location "$1" \
    --skipApiVersionCheck --loose --disableProductStyleUrl --disableTelemetry --silent &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    port_open "$2" && return 0
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite did not start (is port $2 free?)" >&2; exit 1; }
    sleep 0.2
  done
  echo "Azurite did not listen on port $2 within 20 s" >&2
  exit 1
}

# azurite_storage PORT: the connection string of Azurite's published development account on that port.
azurite_storage() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}

# host_ready WEB_PORT: GET /health/ready over bash's /dev/tcp answers 200, i.e. a grain call round-trips
# through the cluster and its storage.
host_ready() {
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n1 <&3" 2>/dev/null |
    grep -q ' 200 '
}
