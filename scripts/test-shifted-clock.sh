#!/usr/bin/env bash
# Runs every test project with the clock moved forward: to mid-day of the first February 29 at least 90
# days ahead, or by the number of days given. The build and the browser bundle are made on the real clock;
# then each test assembly runs under libfaketime through xunit's own runner, and every process it starts
# (the silos, Azurite, node, campaignctl, run.sh) sees the shifted clock. Some programs do not run shifted:
# vstest's test host never connects to `dotnet test` under libfaketime (hence xunit's runner), Chromium
# does not start with libfaketime preloaded (the browser tests launch it on the machine's clock, see
# BrowserFixture), PostgreSQL times out and MSBuild's nodes spin (both keep the real clock, below).
# A test that mixes a fixture's frozen clock, or a written date, with real time fails here.
#
#   scripts/test-shifted-clock.sh          # to the next leap day >= 90 days ahead
#   scripts/test-shifted-clock.sh 120      # 120 days ahead
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v faketime >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    echo "The shifted-clock run needs Debian's faketime: sudo apt-get install faketime" >&2
    exit 2
  fi
fi

now=$(date -u +%s)
if [[ $# -ge 1 ]]; then
  offset=$(( $1 * 86400 ))
else
  year=$(date -u +%Y)
  while true; do
    if (( (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 )); then
      target=$(date -u -d "$year-02-29 12:00:00" +%s)
      (( target - now >= 90 * 86400 )) && break
    fi
    year=$((year + 1))
  done
  offset=$(( target - now ))
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
[[ -x node_modules/.bin/azurite-table ]] || npm ci --no-audit --no-fund
npm run --silent widgets:build >/dev/null
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
dotnet build CampaignGrains.sln -c Release -v quiet -nologo >/dev/null

echo "shifted clock: +$(( offset / 86400 )) days, the tests start at $(faketime -f "+${offset}" date -u '+%Y-%m-%d %H:%M UTC')"
# Monotonic clocks stay real: .NET and Node time their waits with them; only the calendar moves.
export FAKETIME_DONT_FAKE_MONOTONIC=1
# PostgreSQL (the benchmark smoke's comparison) times out its own reads under a shifted clock: it keeps the real one.
export FAKETIME_SKIP_CMDS=postgres,pg_ctl,initdb
# MSBuild's worker nodes spin forever under libfaketime; run.sh and cluster.sh build before they start, so
# `dotnet build` runs without it. Building is not what this run checks.
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
cat > "$shim/dotnet" <<SHIM
#!/usr/bin/env bash
if [[ "\${1:-}" == build ]]; then exec env -u LD_PRELOAD "$(command -v dotnet)" "\$@"; fi
exec "$(command -v dotnet)" "\$@"
SHIM
chmod +x "$shim/dotnet"
export PATH="$shim:$PATH"
passed=0 failed=0 skipped=0
for project in tests/CampaignGrains.*.Tests; do
  name=$(basename "$project")
  output=$(cd "$project/bin/Release/net10.0" && faketime -f "+${offset}" dotnet "$name.dll" -noColor 2>&1) || true
  summary=$(grep -E "^\s+$name\s+Total:" <<<"$output" | tail -n 1)
  echo "${summary:-  $name: no summary (the runner failed)}"
  grep -E "\[FAIL\]" <<<"$output" || true
  total=$(grep -oE "Total: [0-9]+" <<<"$summary" | grep -oE "[0-9]+" || echo 0)
  bad=$(( $(grep -oE "Errors: [0-9]+" <<<"$summary" | grep -oE "[0-9]+" || echo 1) + $(grep -oE "Failed: [0-9]+" <<<"$summary" | grep -oE "[0-9]+" || echo 0) ))
  skip=$(( $(grep -oE "Skipped: [0-9]+" <<<"$summary" | grep -oE "[0-9]+" || echo 0) + $(grep -oE "Not Run: [0-9]+" <<<"$summary" | grep -oE "[0-9]+" || echo 0) ))
  passed=$(( passed + total - bad - skip )); failed=$(( failed + bad )); skipped=$(( skipped + skip ))
done
echo "$passed passed, $failed failed, $skipped skipped (clock +$(( offset / 86400 )) days)"
(( failed == 0 && passed > 0 ))
