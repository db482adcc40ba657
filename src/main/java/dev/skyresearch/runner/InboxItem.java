package dev.skyresearch.runner;

import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.CandidateId;

/** One file in .skyresearch/inbox/: a candidate `submit` accepted, or one it refused, for the run to take in. */
public sealed interface InboxItem {
    CandidateId id();

    record Accepted(Candidate candidate) implements InboxItem {
        @Override
        public CandidateId id() {
            return candidate.id();
        }
    }

    record Rejected(CandidateId id, String description, String source, String wave, String reason, String diffHash,
                    long atMillis) implements InboxItem {}
}
