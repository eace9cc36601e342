#!/usr/bin/env bash
# Runs every test of OrleansNetOps on a fresh Debian 12 machine that has only the .NET SDK.
# It installs (as root, with apt-get) and starts what the tests talk to: PostgreSQL, FRR, net-snmp,
# softflowd, util-linux's logger. Its last line is the summary: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql frr frr-pythontools snmp snmptrapd softflowd bsdutils iproute2 socat openssh-server openssh-client chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-all: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 2
  fi
  echo "test-all: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

eval "$(scripts/start-test-postgres.sh)"
export NETOPS_TEST_POSTGRES

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test OrleansNetOps.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one "Passed!/Failed! - Failed: a, Passed: b, Skipped: c" line per test assembly.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" |
  sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1   # the build or the runner itself failed
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
