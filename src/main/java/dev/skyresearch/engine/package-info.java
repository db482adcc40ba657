/**
 * The pure decision core: events in, actions out; candidates, experiments, machines and the protocol.
 * May import only {@code java.*} and {@code dev.skyresearch.stats}: no I/O, no threads, no wall clock.
 */
package dev.skyresearch.engine;
