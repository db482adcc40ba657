/**
 * The run's files: autoresearch.jsonl (crash-safe appends, tolerant reads), results.tsv, autoresearch.md,
 * IMPROVEMENTS.md, and atomic writes. May import {@code java.*}, engine and Jackson.
 */
package dev.skyresearch.journal;
