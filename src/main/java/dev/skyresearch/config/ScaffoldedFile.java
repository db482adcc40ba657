package dev.skyresearch.config;

/** One file `init` considered: written (new, or rewritten with --force) or kept as the user had it. */
public record ScaffoldedFile(String path, boolean written) {
}
