#!/usr/bin/env bash
# skyresearch runner: builds, checks and benchmarks one experiment and prints the marker lines the engine
# parses (design.md, "the runner protocol"). Every backend runs this same script.
#
# Environment:
#   SR_EXPERIMENT_ID   exp-0042
#   SR_MACHINE         the machine's name (local-2, sr-03...), for benchmarks that log where they ran
#   SR_MODE            single (one tree: build, bench, checks) | ab (interleaved pairs of two trees)
#                      | probe (only report the host: a fresh cluster's first job)
#   SR_DIR_A           the best commit's tree;  SR_DIR_B  the candidate's tree (ab only)
#   SR_ORDER           ab only: one letter per benchmark run, two per pair, e.g. ABBAAB
#   SR_BUILD           build command ("" = none), run with bash -c in each tree;  SR_BUILD_TIMEOUT (seconds)
#   SR_BENCH           benchmark script, relative to the tree;  SR_BENCH_TIMEOUT (seconds)
#   SR_CHECKS          checks script, relative to the tree ("" = none);  SR_CHECKS_TIMEOUT (seconds)
#   SR_RUN_CHECKS      1 to run the checks, 0 to skip them
#   SR_METRIC          the metric name in "METRIC <name>=<value>" lines
# Not -e: the runner reports every failure itself, as markers.
set -uo pipefail

now_ms() { date +%s%3N; }
# Ends the experiment with a status and a one-line reason.
fail() {
    echo "EXPERIMENT_STATUS: $1"
    echo "EXPERIMENT_ERROR: $2"
    exit 0
}

host_info() {
    local cpu cores memory gpu instance
    cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
    [ -n "$cpu" ] || cpu=$(uname -m)
    cores=$(nproc 2>/dev/null || echo 0)
    memory=$(awk '/^MemTotal:/ { printf "%.0fGi", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
    gpu=""
    if command -v nvidia-smi >/dev/null 2>&1; then
        gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | sort | uniq -c \
            | awk '{ count=$1; $1=""; sub(/^ /, ""); printf "%s%s:%d", sep, $0, count; sep="," }')
    fi
    instance=${SR_INSTANCE:-${SKYPILOT_INSTANCE_TYPE:-}}
    echo "HOST_INFO cpu_model=\"${cpu//\"/}\" cores=${cores} memory=\"${memory}\" gpu=\"${gpu}\" instance=\"${instance}\""
}

LAST_OUTPUT=$(mktemp)
trap 'rm -f "$LAST_OUTPUT"' EXIT

# run_phase NAME SIDE TIMEOUT COMMAND...: runs in the current directory, prefixes its output, returns its exit code
# (124 on timeout). timeout(1) puts the phase in its own process group and kills all of it.
run_phase() {
    local name=$1 side=$2 limit=$3
    shift 3
    local label=$name${side:+ side=$side}
    echo "PHASE $label start=$(now_ms)"
    timeout -k 5 "$limit" "$@" 2>&1 | tee "$LAST_OUTPUT" | sed -u "s/^/  [$name${side:+ $side}] /"
    local code=${PIPESTATUS[0]}
    echo "PHASE $label end=$(now_ms) exit=$code"
    return "$code"
}

# ": <the phase's last non-empty output line>", to make a failure's one-line reason say why.
last_words() {
    local line
    line=$(grep -v '^[[:space:]]*$' "$LAST_OUTPUT" | tail -n 1 | cut -c1-200)
    [ -n "$line" ] && echo ": $line"
}

build() {
    local side=$1 dir=$2
    [ -n "${SR_BUILD}" ] || return 0
    cd "$dir" || fail crash "tree $side missing: $dir"
    run_phase build "$side" "$SR_BUILD_TIMEOUT" bash -c "$SR_BUILD"
    local code=$?
    [ "$code" -eq 124 ] && fail crash "build${side:+ of $side} timed out after ${SR_BUILD_TIMEOUT}s"
    [ "$code" -eq 0 ] || fail crash "build${side:+ of $side} failed (exit $code)$(last_words)"
}

checks() {
    local dir=$1
    if [ "${SR_RUN_CHECKS:-0}" != 1 ] || [ -z "${SR_CHECKS}" ]; then
        echo "CHECKS_STATUS: skipped"
        return 0
    fi
    cd "$dir" || fail crash "tree missing: $dir"
    [ -f "$SR_CHECKS" ] || fail crash "checks script $SR_CHECKS not found in the tree"
    run_phase checks "" "$SR_CHECKS_TIMEOUT" bash "./$SR_CHECKS"
    local code=$?
    if [ "$code" -eq 124 ]; then
        echo "CHECKS_STATUS: timeout"
        fail checks_failed "checks timed out after ${SR_CHECKS_TIMEOUT}s"
    elif [ "$code" -ne 0 ]; then
        echo "CHECKS_STATUS: failed (exit $code)"
        fail checks_failed "checks failed (exit $code)$(last_words)"
    fi
    echo "CHECKS_STATUS: passed"
}

# bench SIDE DIR ROUND: one benchmark invocation, its output streamed live; in ab mode its METRIC values are
# then repeated as AB_SAMPLE lines, read from the phase's captured output with colour codes stripped.
bench() {
    local side=$1 dir=$2 round=$3 code
    cd "$dir" || fail crash "tree missing: $dir"
    [ -f "$SR_BENCH" ] || fail crash "benchmark script $SR_BENCH not found in the tree"
    run_phase bench "$side" "$SR_BENCH_TIMEOUT" bash "./$SR_BENCH"
    code=$?
    [ "$code" -eq 124 ] && fail crash "benchmark timed out after ${SR_BENCH_TIMEOUT}s"
    [ "$code" -eq 0 ] || fail crash "benchmark exited $code$(last_words)"
    if [ -n "$side" ]; then
        sed 's/\x1b\[[0-9;?]*[ -\/]*[@-~]//g' "$LAST_OUTPUT" \
            | grep -oE "METRIC[[:space:]]+${SR_METRIC}=[^[:space:]]+" \
            | sed "s/^METRIC[[:space:]]*/AB_SAMPLE side=$side round=$round /"
    fi
}

echo "EXPERIMENT_ID: ${SR_EXPERIMENT_ID}"
host_info
if [ "${SR_MODE}" = probe ]; then
    echo "EXPERIMENT_STATUS: done"
    exit 0
elif [ "${SR_MODE}" = single ]; then
    build "" "$SR_DIR_A"
    bench "" "$SR_DIR_A" 1
    checks "$SR_DIR_A"
else
    build A "$SR_DIR_A"
    build B "$SR_DIR_B"
    # A candidate that fails its checks is never worth timing: check first.
    checks "$SR_DIR_B"
    for ((i = 0; i < ${#SR_ORDER}; i++)); do
        side=${SR_ORDER:$i:1}
        dir=$SR_DIR_A
        [ "$side" = B ] && dir=$SR_DIR_B
        bench "$side" "$dir" $((i / 2 + 1))
    done
fi
echo "EXPERIMENT_STATUS: done"
