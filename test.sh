#!/usr/bin/env bash
# Builds and runs every test project in CampaignGrains.sln, then prints a one-line summary
# ("N passed, N failed[, N skipped]") as the last line of output.
# Exits non-zero if the test run failed, any test failed, or no test passed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd)"
results="$repo/TestResults"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# The storage tests start Azurite from node_modules (see tests/CampaignGrains.Testing/Azurite);
# the widget bundle is built from the same packages.
if [[ ! -x node_modules/.bin/azurite-table ]]; then
  npm ci --no-audit --no-fund
fi
npm run --silent widgets:build

# The browser tests drive Debian's chromium (a browser download is not possible here).
if ! command -v chromium >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  fi
fi

rm -rf "$results"
mkdir -p "$results"

test_rc=0
dotnet test CampaignGrains.sln -c Release \
  --logger "trx;LogFilePrefix=results" \
  --results-directory "$results" || test_rc=$?

# Sum the <Counters .../> element of every TRX file.
attr() { # attr NAME ELEMENT -> numeric value of NAME="..." in ELEMENT, or 0
  local v
  v="$(printf '%s' "$2" | grep -o "[[:space:]]$1=\"[0-9]*\"" | head -n 1 | grep -o '[0-9][0-9]*' || true)"
  echo "${v:-0}"
}

total=0 executed=0 passed=0 failed=0
while IFS= read -r -d '' trx; do
  counters="$(tr '\r\n' '  ' < "$trx" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1 || true)"
  [[ -n "$counters" ]] || continue
  total=$((total + $(attr total "$counters")))
  executed=$((executed + $(attr executed "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
done < <(find "$results" -type f -name '*.trx' -print0)

skipped=$((total - executed))
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
  summary+=", $skipped skipped"
fi

# The fault harness, soak, hostile-input suite and benchmark smoke report what they did (faults injected,
# mismatches, memory, inputs per answer, the smoke's table): print their output from the TRX files, above the summary.
report_tests='\.Faults\.Tests\.|HostileInputTests|SmokeRunTests'
while IFS= read -r -d '' trx; do
  awk -v pattern="$report_tests" '
    /<UnitTestResult / { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); next }
    /<\/UnitTestResult>/ { name = ""; next }
    name ~ pattern && /<StdOut>/ { printing = 1; print "== " name }
    printing { line = $0; gsub(/<\/?StdOut>/, "", line); print line }
    printing && /<\/StdOut>/ { printing = 0 }
  ' "$trx" | sed -e 's/&gt;/>/g' -e 's/&lt;/</g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g'
done < <(find "$results" -type f -name '*.trx' -print0)

status=0
if ((test_rc != 0)); then
  echo "dotnet test exited with code $test_rc" >&2
  status=1
fi
if ((failed > 0)); then
  status=1
fi
if ((passed == 0)); then
  echo "no tests passed" >&2
  status=1
fi

echo "$summary"
exit "$status"
