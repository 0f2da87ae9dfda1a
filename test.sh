#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, M failed, K skipped".
# On a fresh Debian machine it installs what the tests need first.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0.100 or later) is needed: see README.md." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Browser tests use Debian's Chromium (never a downloaded browser). Install it once if a test project needs it.
if ls tests/*/*.csproj 2>/dev/null | xargs grep -l "Microsoft.Playwright" >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# Build once; then run each test project without rebuilding.
# No build servers are left running afterwards (CI machines stop the session right after).
if ! dotnet build FacilitatorKit.sln -c Release -nologo -clp:ErrorsOnly --disable-build-servers; then
  echo "The build failed."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done

# A test project that produced no results counts as a failure, never as silence.
expected=$(ls tests/*.Tests/*.csproj | wc -l)
if [ "$files" -lt "$expected" ]; then
  failed=$((failed + expected - files)); status=1
fi
if [ "$failed" -gt 0 ]; then status=1; fi
# A run that went wrong without a failed test (a crashed test host, say) still reports a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
