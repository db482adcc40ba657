#!/usr/bin/env bash
# Checks for skyresearch: the product must match the reference on sizes that catch edge cases.
set -euo pipefail
./matmul --verify
