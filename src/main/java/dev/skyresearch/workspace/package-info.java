/**
 * The target repository through JGit: candidate commits, scope checks, trees on disk, rebases, winners.
 * May import {@code java.*}, engine and JGit; never touches the user's working tree, index or HEAD.
 */
package dev.skyresearch.workspace;
