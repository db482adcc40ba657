/**
 * The one seam through which every external process runs, always with a timeout.
 * May import {@code java.*} only.
 */
package dev.skyresearch.process;
