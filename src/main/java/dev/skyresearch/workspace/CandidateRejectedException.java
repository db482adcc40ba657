package dev.skyresearch.workspace;

/** A well-formed change that may not run (scope, protected path, does not apply...): recorded as rejected. */
public final class CandidateRejectedException extends Exception {
    public CandidateRejectedException(String reason) {
        super(reason);
    }
}
