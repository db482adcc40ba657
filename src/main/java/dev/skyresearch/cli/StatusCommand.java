package dev.skyresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.runner.CandidateStore;
import dev.skyresearch.runner.JournalReplay;
import dev.skyresearch.runner.RunLock;
import dev.skyresearch.runner.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `skyresearch status`: the fleet, the queue and the best. From the live run's status.json while a run holds
 * the lock; otherwise rebuilt from the journal, so it answers the same questions after a run ends.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the fleet, the queue and the best.")
class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Mixin
    RepoOption repo;

    @Option(names = "--json", description = "Print the status as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Target target = Target.open(repo, Map.of())) {
            ObjectNode status = live(target).orElseGet(() -> offline(target));
            status.put("pending_submissions", new CandidateStore(target.files()).inbox().size());
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? status.toPrettyString() : StatusText.render(status));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static Optional<ObjectNode> live(Target target) throws Exception {
        if (!RunLock.held(target.files().runLock()) || !Files.isRegularFile(target.files().statusFile())) {
            return Optional.empty();
        }
        JsonNode node = MAPPER.readTree(target.files().statusFile().toFile());
        return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    private static ObjectNode offline(Target target) {
        try {
            JournalReplay.Replayed replayed = JournalReplay.replay(target.config().toPolicy(), target.best(),
                    new CandidateStore(target.files()).accepted(),
                    JsonlJournal.read(target.files().journal()).entries(), List.of(), 0);
            SnapshotJson json = new SnapshotJson(target.root().toString(), target.branch(),
                    target.config().metric().name(), target.config().metric().unit());
            return json.render(replayed.engine().snapshot(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
