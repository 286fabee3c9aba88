#!/usr/bin/env bash
# Runs the whole suite (./test.sh) with the clock moved forward: to mid-day of the first February 29 at
# least 90 days ahead, or by the number of days given. Every process the suite starts (dotnet, node,
# Azurite, the silos, campaignctl, run.sh) sees the shifted clock through libfaketime; Chromium does not
# start with libfaketime preloaded, so the browser tests launch it on the machine's clock (see BrowserFixture).
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

echo "shifted clock: +$(( offset / 86400 )) days, the suite starts at $(faketime -f "+${offset}" date -u '+%Y-%m-%d %H:%M UTC')"
# Monotonic clocks stay real: .NET and Node time their waits with them, and only the calendar should move.
export FAKETIME_DONT_FAKE_MONOTONIC=1
exec faketime -f "+${offset}" ./test.sh
