#!/usr/bin/env bash
# Benchmark for skyresearch: CPU time of one 360x360 multiply plus its checksum.
# Prints one "METRIC time_ms=<value>" line per run; skyresearch takes the median of each invocation.
set -euo pipefail
runs=${RUNS:-5}
for _ in $(seq "$runs"); do
    result=$(./matmul 360)
    echo "METRIC ${result%% *}"
done
