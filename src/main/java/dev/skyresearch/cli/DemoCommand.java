package dev.skyresearch.cli;

import dev.skyresearch.engine.Direction;
import dev.skyresearch.runner.InboxItem;
import dev.skyresearch.runner.Intake;
import dev.skyresearch.runner.SubmitRequest;
import dev.skyresearch.workspace.RepositoryInit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `skyresearch demo`: creates the bundled sample target (a C matrix multiply with two real hot spots), submits
 * seven candidates (two real speed-ups, two no-ops, a slowdown, one that breaks the checks, one that edits the
 * protected benchmark), and runs the loop on local slots until the queue is empty.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the loop on a bundled sample target with the local backend.")
class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the sample target (default: a new temporary folder).")
    Path directory;

    @Option(names = "--no-tui", description = "Print one line per event instead of the full-screen view.")
    boolean noTui;

    @Option(names = "--json", description = "Print one JSON object per event (NDJSON).")
    boolean json;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "2", description = "Local machines to run (default 2).")
    int slots;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path root = prepare();
        NoticePrinter printer = new NoticePrinter(spec.commandLine().getOut(), json, InstantSource.system());
        printer.line("demo", "demo target: " + root, Map.of("dir", root.toString()));
        DemoTarget.write(root);
        RepositoryInit.initialCommit(root, "matmul: naive multiply and a weighted checksum",
                new PersonIdent("skyresearch demo", "demo@skyresearch.dev"));
        Initializer.Result init = Initializer.init(root, new Initializer.Options("demo", "time_ms", Direction.LOWER,
                "ms", false));
        printer.line("init", "run branch " + init.branch() + " at " + init.best().substring(0, 7),
                Map.of("branch", init.branch()));
        RepoOption repo = new RepoOption();
        repo.repo = root;
        try (Target target = Target.open(repo, Map.of("fleet.size", Integer.toString(slots)))) {
            for (InboxItem item : submit(target, root)) {
                printer.line(item instanceof InboxItem.Rejected ? "rejected" : "queued", Intake.describe(item),
                        Intake.fields(item));
            }
            int exit = RunCommand.run(target, true, json, spec);
            printer.line("demo", "explore: skyresearch results --repo " + root + "   (or status, and git log "
                    + init.branch() + ")", Map.of("dir", root.toString()));
            return exit;
        }
    }

    private Path prepare() throws IOException {
        if (directory == null) {
            return Files.createTempDirectory("skyresearch-demo-").toRealPath();
        }
        Path root = directory.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException("--dir " + root + " is not empty; pass a new or empty folder");
                }
            }
        }
        Files.createDirectories(root);
        return root;
    }

    private static List<InboxItem> submit(Target target, Path root) throws IOException {
        Path patches = target.files().state().resolve("demo-patches");
        Files.createDirectories(patches);
        List<SubmitRequest> requests = new ArrayList<>();
        for (DemoTarget.DemoCandidate candidate : DemoTarget.candidates()) {
            Path file = patches.resolve(candidate.patchName());
            Files.writeString(file, candidate.patch(), StandardCharsets.UTF_8);
            requests.add(SubmitRequest.patch(file, candidate.description(), candidate.source(), candidate.priority()));
        }
        return new Intake(target.files(), target.repository(), target.config(), InstantSource.system())
                .submit(requests, target.best());
    }
}
