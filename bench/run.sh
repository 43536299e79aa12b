#!/usr/bin/env bash
# Builds and runs the native plugin benchmark (docs/performance.md):
#   - publishes the C# dummy (examples/Dummy) twice with NativeAOT: the normal build that is
#     measured, and a FalcoPluginDiagnostics build whose extra export counts managed allocations;
#   - compiles the plain C baseline plugin and the driver with gcc;
#   - runs the driver: C# and C alternately, a table of medians and one JSON line on stdout.
# Everything goes to artifacts/bench/; the output of the last run is kept in
# artifacts/bench/last-run.txt.
#
#   bench/run.sh [--no-build] [driver options: --rounds N --events N --calls N --iters N]
#
# `bench/run.sh tables` runs the state-table benchmark instead (docs/performance.md, "State
# tables"): it publishes bench/plugins/TableBench the same two ways, compiles
# bench/driver/table_bench.c, which plays the framework's side of the table API, and keeps its
# output in artifacts/bench/last-run-tables.txt.
#
#   bench/run.sh tables [--no-build] [driver options: --rounds N --calls N --per-call K --ops N]
#
# Needs only the .NET SDK (global.json) and gcc.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/artifacts/bench"
build=1
mode=dummy
if [[ "${1:-}" == "tables" ]]; then
  mode=tables
  shift
fi
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi

cflags=(-O2 -Wall -Wextra -Werror -I "$repo/bench/include")

# Runs a build step quietly, showing its log only when it fails.
step() {
  local name="$1"
  shift
  echo "bench: $name" >&2
  if ! "$@" >"$out/$name.log" 2>&1; then
    tail -n 40 "$out/$name.log" >&2
    echo "bench: $name failed (full log: $out/$name.log)" >&2
    exit 1
  fi
}

mkdir -p "$out"
cd "$repo"

if [[ $mode == tables ]]; then
  if [[ $build == 1 ]]; then
    step publish-tablebench dotnet publish bench/plugins/TableBench -c Release -o "$out/tablebench" --nologo
    step publish-tablebench-diagnostics dotnet publish bench/plugins/TableBench -c Release -o "$out/tablebench-diagnostics" --nologo \
      -p:FalcoPluginDiagnostics=true -p:BaseOutputPath=bin/diagnostics/ -p:IntermediateOutputPath=obj/diagnostics/
    step compile-table-driver gcc "${cflags[@]}" bench/driver/table_bench.c -o "$out/table_bench" -ldl
  fi
  for file in "$out/tablebench/libtablebench.so" "$out/tablebench-diagnostics/libtablebench.so" "$out/table_bench"; do
    [[ -f "$file" ]] || { echo "bench: $file is missing; run without --no-build" >&2; exit 1; }
  done
  echo "bench: running on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" >&2
  "$out/table_bench" run "$out/tablebench/libtablebench.so" "$out/tablebench-diagnostics/libtablebench.so" "$@" |
    tee "$out/last-run-tables.txt"
  exit 0
fi

if [[ $build == 1 ]]; then
  step publish-csharp dotnet publish examples/Dummy -c Release -o "$out/csharp" --nologo
  # Separate output and intermediate folders: the diagnostics build must not overwrite the
  # normal one, whose objects other builds in the repository reuse.
  step publish-csharp-diagnostics dotnet publish examples/Dummy -c Release -o "$out/csharp-diagnostics" --nologo \
    -p:FalcoPluginDiagnostics=true -p:BaseOutputPath=bin/diagnostics/ -p:IntermediateOutputPath=obj/diagnostics/
  # -fvisibility=hidden: the baseline exports only its plugin_* symbols, as the C# library does.
  step compile-baseline gcc "${cflags[@]}" -shared -fPIC -fvisibility=hidden \
    bench/baseline/dummy_baseline.c -o "$out/libdummy_c.so"
  step compile-driver gcc "${cflags[@]}" bench/driver/plugin_bench.c -o "$out/plugin_bench" -ldl
fi

for file in "$out/csharp/libdummy.so" "$out/csharp-diagnostics/libdummy.so" "$out/libdummy_c.so" "$out/plugin_bench"; do
  [[ -f "$file" ]] || { echo "bench: $file is missing; run without --no-build" >&2; exit 1; }
done

echo "bench: running on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" >&2
"$out/plugin_bench" run "$out/csharp/libdummy.so" "$out/libdummy_c.so" "$out/csharp-diagnostics/libdummy.so" "$@" |
  tee "$out/last-run.txt"
