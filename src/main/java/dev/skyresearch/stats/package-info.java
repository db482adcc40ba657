/**
 * Pure statistics: medians, noise, rank tests and intervals. May import {@code java.*} only.
 */
package dev.skyresearch.stats;
