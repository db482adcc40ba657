/**
 * Machines and the jobs that run on them: the Backend seam, the runner script and its output parser.
 * May import {@code java.*}, engine, process and workspace.
 */
package dev.skyresearch.backend;
