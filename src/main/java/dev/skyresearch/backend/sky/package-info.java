/**
 * The {@code sky} backend: SkyPilot clusters driven through the {@code sky} CLI. Every call goes through
 * {@link dev.skyresearch.backend.sky.SkyCli} (one process, a timeout, a fault-tolerance guard); output is read as
 * skypilot-cli.md documents it (ANSI codes stripped, JSON from its first line, job status from exit codes).
 */
package dev.skyresearch.backend.sky;
