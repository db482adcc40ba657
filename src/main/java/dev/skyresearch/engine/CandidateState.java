package dev.skyresearch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's mutable record of one candidate. Owned by {@link Engine}; never shared outside it
 * (snapshots copy what they show into {@link EngineSnapshot.CandidateView}).
 */
final class CandidateState {
    Candidate candidate;
    CandidateStatus status;
    /** 1 before the first verification look, 2 when the planned extension is due. */
    int verifyRound = 1;
    /** Pairs of the first verification look, pooled with the extension's. */
    final List<PairSample> firstLookPairs = new ArrayList<>();
    Optional<Verdict> lastVerdict = Optional.empty();
    String reason = "";
    /** Set between a passed verification and its commit. */
    Optional<JournalEntry.Run> pendingKeep = Optional.empty();
    final String description;
    final String source;
    final String wave;
    final int priority;
    final long submittedAtMillis;

    CandidateState(Candidate candidate) {
        this.candidate = candidate;
        this.status = CandidateStatus.QUEUED;
        this.description = candidate.description();
        this.source = candidate.source();
        this.wave = candidate.wave();
        this.priority = candidate.priority();
        this.submittedAtMillis = candidate.submittedAtMillis();
    }

    CandidateState(CandidateId id, String description, String source, String wave, long atMillis) {
        this.candidate = null;
        this.status = CandidateStatus.REJECTED;
        this.description = description;
        this.source = source;
        this.wave = wave;
        this.priority = 0;
        this.submittedAtMillis = atMillis;
    }

    boolean waiting() {
        return status == CandidateStatus.QUEUED || status == CandidateStatus.PROMISING;
    }

    /**
     * Forgets pairs measured against an older best, but not the look they used: a candidate whose extension was
     * overtaken gets its final look on fresh pairs alone, so a moving best never buys anyone extra looks.
     */
    void dropStalePairs() {
        firstLookPairs.clear();
    }
}
