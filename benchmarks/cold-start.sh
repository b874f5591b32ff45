#!/usr/bin/env bash
# Cold start: process start to first charge completed, against a loopback server that is already running.
# Publishes benchmarks/ColdStart/ColdStart.Sdk (one PaymentsClient built without a host, one charge) and
# ColdStart.HandWritten (HttpClient + source-generated System.Text.Json, the same charge) as Native AOT and
# as JIT (plain, and ReadyToRun: the setting a JIT app uses when start-up time matters), runs each RUNS times
# interleaved, and prints the medians and the ratios SDK / hand-written.
#
#   benchmarks/cold-start.sh [RUNS]        (default 21; needs clang for Native AOT: apt-get install clang)
set -euo pipefail
RUNS="${1:-21}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${TMPDIR:-/tmp}/payments-cold-start"
RID="linux-x64"

echo "publishing (Release, $RID) into $OUT ..." >&2
dotnet build "$ROOT/benchmarks/Payments.Client.Benchmarks/Payments.Client.Benchmarks.csproj" -c Release -v q -nologo >&2
for app in Sdk HandWritten; do
  proj="$ROOT/benchmarks/ColdStart/ColdStart.$app/ColdStart.$app.csproj"
  dotnet publish "$proj" -c Release -r "$RID" -p:NativeAot=true -o "$OUT/aot-$app" -v q -nologo >&2
  dotnet publish "$proj" -c Release -r "$RID" -p:NativeAot=false --self-contained false -o "$OUT/jit-$app" -v q -nologo >&2
  dotnet publish "$proj" -c Release -r "$RID" -p:NativeAot=false --self-contained false -p:PublishReadyToRun=true -o "$OUT/r2r-$app" -v q -nologo >&2
done

# The canned server in a process of its own; it prints its base address first.
SERVER_LOG="$OUT/server.log"
dotnet "$ROOT/benchmarks/Payments.Client.Benchmarks/bin/Release/net10.0/Payments.Client.Benchmarks.dll" serve --port 0 >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  BASE="$(head -n 1 "$SERVER_LOG" 2>/dev/null || true)"
  [[ "$BASE" == http* ]] && break
  sleep 0.1
done
[[ "$BASE" == http* ]] || { echo "the canned server did not start within 30 s:" >&2; cat "$SERVER_LOG" >&2; exit 1; }
echo "server: $BASE; $RUNS runs each, interleaved" >&2

declare -A CMD=(
  [aot-Sdk]="$OUT/aot-Sdk/ColdStart.Sdk"
  [aot-HandWritten]="$OUT/aot-HandWritten/ColdStart.HandWritten"
  [jit-Sdk]="dotnet $OUT/jit-Sdk/ColdStart.Sdk.dll"
  [jit-HandWritten]="dotnet $OUT/jit-HandWritten/ColdStart.HandWritten.dll"
  [r2r-Sdk]="dotnet $OUT/r2r-Sdk/ColdStart.Sdk.dll"
  [r2r-HandWritten]="dotnet $OUT/r2r-HandWritten/ColdStart.HandWritten.dll"
)
VARIANTS=(aot-Sdk aot-HandWritten jit-Sdk jit-HandWritten r2r-Sdk r2r-HandWritten)

# One untimed run each: page cache, and a check that every program completes its charge.
for v in "${VARIANTS[@]}"; do
  ${CMD[$v]} "$BASE" || { echo "$v failed its charge" >&2; exit 1; }
done

declare -A TIMES
for _ in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    start=$(date +%s%N)
    ${CMD[$v]} "$BASE" || { echo "$v failed its charge" >&2; exit 1; }
    end=$(date +%s%N)
    TIMES[$v]+="$(( (end - start) / 1000 )) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'; }
declare -A MED
echo
echo "| program | median ms (start to first charge, $RUNS runs) | min ms |"
echo "|---|---:|---:|"
for v in "${VARIANTS[@]}"; do
  MED[$v]=$(echo "${TIMES[$v]}" | median)
  min=$(echo "${TIMES[$v]}" | tr ' ' '\n' | grep -v '^$' | sort -n | head -n 1 | awk '{printf "%.1f", $1 / 1000}')
  echo "| $v | ${MED[$v]} | $min |"
done
echo
awk -v s="${MED[aot-Sdk]}" -v h="${MED[aot-HandWritten]}" 'BEGIN { printf "Native AOT: SDK / hand-written = %.2fx (goal <= 1.3x)\n", s / h }'
awk -v s="${MED[jit-Sdk]}" -v h="${MED[jit-HandWritten]}" 'BEGIN { printf "JIT:        SDK / hand-written = %.2fx (goal <= 1.2x)\n", s / h }'
awk -v s="${MED[r2r-Sdk]}" -v h="${MED[r2r-HandWritten]}" 'BEGIN { printf "ReadyToRun: SDK / hand-written = %.2fx\n", s / h }'
