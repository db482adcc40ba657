/**
 * The one thread that owns the Engine: takes events, records them, carries out actions, publishes snapshots.
 * May import anything below cli and tui.
 */
package dev.skyresearch.runner;
