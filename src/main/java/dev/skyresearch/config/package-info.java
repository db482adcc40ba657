/**
 * skyresearch.yaml: loading, validation with one-line messages, environment and flag overrides, init scaffolding.
 * May import {@code java.*}, engine and Jackson.
 */
package dev.skyresearch.config;
