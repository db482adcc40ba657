/**
 * The command line (picocli): parses arguments, wires the parts, prints results. May import every package.
 */
package dev.skyresearch.cli;
