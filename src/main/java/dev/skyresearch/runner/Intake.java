package dev.skyresearch.runner;

import dev.skyresearch.config.Config;
import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.workspace.CandidateFactory;
import dev.skyresearch.workspace.CandidateInfo;
import dev.skyresearch.workspace.CandidateRejectedException;
import dev.skyresearch.workspace.NormalisedDiff;
import dev.skyresearch.workspace.PreparedCandidate;
import dev.skyresearch.workspace.ScopeRules;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns submitted patches into candidates: each is applied to the best commit in git (never the working tree),
 * checked against the scope, deduplicated by its normalised diff, and delivered to the inbox with its wave.
 * Submissions are serialised by a file lock, so concurrent `submit` calls get distinct waves and see each other.
 */
public final class Intake {
    private final RunFiles files;
    private final CandidateFactory factory;
    private final CandidateStore store;
    private final InstantSource clock;

    public Intake(RunFiles files, TargetRepository repository, Config config, InstantSource clock) {
        this.files = files;
        this.factory = new CandidateFactory(repository,
                new ScopeRules(config.scope().include(), config.scope().protectedPaths()));
        this.store = new CandidateStore(files);
        this.clock = clock;
    }

    /** Validates every input before writing anything, then prepares and delivers one wave. */
    public List<InboxItem> submit(List<SubmitRequest> requests, String best) throws IOException {
        List<String> texts = new ArrayList<>();
        for (SubmitRequest request : requests) {
            texts.add(request.isPatch() ? readPatch(request.path()) : checkDirectory(request.path()));
        }
        Files.createDirectories(files.state());
        try (FileChannel channel = FileChannel.open(files.submitLock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            String wave = Waves.next(files);
            // Read once per wave: every earlier candidate's diff, then this wave's as they are prepared.
            Set<String> seen = store.knownDiffs();
            List<InboxItem> items = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                InboxItem item = prepare(requests.get(i), texts.get(i), best, wave, seen);
                store.deliver(item, clock.millis());
                items.add(item);
            }
            return items;
        }
    }

    private InboxItem prepare(SubmitRequest request, String text, String best, String wave, Set<String> seen) {
        CandidateInfo info = new CandidateInfo(request.description(), request.path().getFileName().toString());
        long now = clock.millis();
        try {
            PreparedCandidate prepared = request.isPatch() ? factory.fromPatch(text, best, info)
                    : factory.fromDirectory(request.path(), best, info);
            if (!seen.add(prepared.diffHash())) {
                return new InboxItem.Rejected(new CandidateId(prepared.id()), request.description(), request.source(),
                        wave, "duplicate: the same change was submitted before", prepared.diffHash(), now);
            }
            return new InboxItem.Accepted(new Candidate(new CandidateId(prepared.id()), prepared.commit(), best,
                    request.description(), request.source(), request.priority(), wave, prepared.diffHash(),
                    prepared.paths(), now));
        } catch (CandidateRejectedException e) {
            String hash = NormalisedDiff.sha256(request.isPatch() ? text : request.path().toString());
            return new InboxItem.Rejected(new CandidateId("c-" + hash.substring(0, 10)), request.description(),
                    request.source(), wave, e.getMessage(), hash, now);
        }
    }

    private static String readPatch(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("patch file " + file + " does not exist; pass the path of a unified diff");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String checkDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("--from-dir " + directory + " is not a directory; pass a changed copy of the tree");
        }
        return "";
    }

    public static String describe(InboxItem item) {
        if (item instanceof InboxItem.Accepted accepted) {
            Candidate candidate = accepted.candidate();
            return "queued %s \"%s\" (wave %s, priority %d)".formatted(candidate.id(), candidate.description(),
                    candidate.wave(), candidate.priority());
        }
        InboxItem.Rejected rejected = (InboxItem.Rejected) item;
        return "rejected %s \"%s\": %s".formatted(rejected.id(), rejected.description(), rejected.reason());
    }

    public static Map<String, String> fields(InboxItem item) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("candidate", item.id().value());
        if (item instanceof InboxItem.Accepted accepted) {
            fields.put("wave", accepted.candidate().wave());
            fields.put("commit", accepted.candidate().commit());
        } else {
            fields.put("reason", ((InboxItem.Rejected) item).reason());
        }
        return fields;
    }
}
