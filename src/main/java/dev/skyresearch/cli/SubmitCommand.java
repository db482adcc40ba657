package dev.skyresearch.cli;

import dev.skyresearch.runner.Intake;
import dev.skyresearch.runner.InboxItem;
import dev.skyresearch.runner.SubmitRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `skyresearch submit`: checks each patch against the best commit and the scope, and hands the candidates to
 * the run through the inbox. One call is one wave. Refused candidates are recorded too, and make the exit code 2.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Enqueue candidates: patches or a changed copy of the tree.")
class SubmitCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    @Option(names = "--desc", required = true, paramLabel = "TEXT",
            description = "What the change does; give one per patch, or one for all.")
    List<String> descriptions;

    @Option(names = "--source", paramLabel = "TEXT", defaultValue = "", description = "Where the idea came from (paper, fork, agent).")
    String source;

    @Option(names = "--priority", paramLabel = "N", defaultValue = "0", description = "Higher runs first (default 0).")
    int priority;

    @Option(names = "--json", description = "Print one JSON object per candidate.")
    boolean json;

    @Spec
    CommandSpec spec;

    static class Change {
        @Option(names = "--patch", paramLabel = "FILE", arity = "1..*", description = "Unified diffs against the best commit.")
        List<Path> patches;

        @Option(names = "--from-dir", paramLabel = "DIR", description = "A changed copy of the tree, compared with the best.")
        Path directory;
    }

    @Override
    public Integer call() throws Exception {
        try (Target target = Target.open(repo, Map.of())) {
            Intake intake = new Intake(target.files(), target.repository(), target.config(), InstantSource.system());
            List<InboxItem> items = intake.submit(requests(), target.best());
            NoticePrinter printer = new NoticePrinter(spec.commandLine().getOut(), json, InstantSource.system());
            boolean refused = false;
            for (InboxItem item : items) {
                refused |= item instanceof InboxItem.Rejected;
                printer.line(item instanceof InboxItem.Rejected ? "rejected" : "queued", Intake.describe(item),
                        Intake.fields(item));
            }
            return refused ? ExitCodes.USAGE : ExitCodes.OK;
        }
    }

    private List<SubmitRequest> requests() {
        List<SubmitRequest> requests = new ArrayList<>();
        if (change.directory != null) {
            requests.add(SubmitRequest.directory(change.directory, description(0, 1, change.directory), source, priority));
            return requests;
        }
        if (descriptions.size() != 1 && descriptions.size() != change.patches.size()) {
            throw new UsageException("--desc: give one description, or one per patch (" + change.patches.size()
                    + " patches, " + descriptions.size() + " descriptions)");
        }
        for (int i = 0; i < change.patches.size(); i++) {
            Path patch = change.patches.get(i);
            requests.add(SubmitRequest.patch(patch, description(i, change.patches.size(), patch), source, priority));
        }
        return requests;
    }

    private String description(int index, int count, Path file) {
        if (descriptions.size() == count) {
            return descriptions.get(index);
        }
        return count == 1 ? descriptions.get(0) : descriptions.get(0) + " (" + file.getFileName() + ")";
    }
}
