#!/usr/bin/env bash
# Re-captures the fixtures in this folder from the real SkyPilot CLI installed by .ci/install-skypilot:
# every case of cases.tsv, in order, on the default API server port (46580, which must be free), with HOME in a
# fresh temp folder, stdin from /dev/null, a 300 s timeout, and the working folder holding task.yaml.
# Writes NAME.stdout, NAME.stderr (raw bytes, ANSI codes kept) and NAME.exit; prints "NAME exit seconds".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${SKYRESEARCH_SKYPILOT_VENV:-$HOME/.cache/skyresearch/skypilot-0.14.1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/cwd"
cp "$here/task.yaml" "$work/cwd/"
export HOME=$work/home SKYPILOT_DISABLE_USAGE_COLLECTION=1 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8
unset SKYPILOT_DEBUG FORCE_COLOR SKYPILOT_API_SERVER_ENDPOINT SKYPILOT_API_SERVER_LOCAL_PORT
cd "$work/cwd"
grep -v '^#' "$here/cases.tsv" | while IFS=$'\t' read -r -a row; do
    name=${row[0]}
    started=$(date +%s%N)
    timeout -k 5 300 "$venv/bin/sky" "${row[@]:3}" </dev/null >"$here/$name.stdout" 2>"$here/$name.stderr"
    echo $? >"$here/$name.exit"
    echo "$name $(cat "$here/$name.exit") $(( ($(date +%s%N) - started) / 1000000 ))ms"
done
