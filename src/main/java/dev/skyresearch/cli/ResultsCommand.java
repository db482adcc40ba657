package dev.skyresearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.journal.JournalCodec;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.journal.ResultsTsv;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `skyresearch results`: the journal as a table, as JSON, or as karpathy's results.tsv. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Show every measurement and decision.")
class ResultsCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Spec
    CommandSpec spec;

    static class Format {
        @Option(names = "--json", description = "One JSON array of the journal's records.")
        boolean json;

        @Option(names = "--tsv", description = "commit, metric, memory_gb, status, description (results.tsv).")
        boolean tsv;
    }

    @Override
    public Integer call() throws Exception {
        try (Target target = Target.open(repo, Map.of())) {
            List<JournalEntry> entries = JsonlJournal.read(target.files().journal()).entries();
            PrintWriter out = spec.commandLine().getOut();
            if (format.json) {
                ArrayNode array = new ObjectMapper().createArrayNode();
                entries.forEach(entry -> array.add(JournalCodec.toJson(entry)));
                out.println(array.toPrettyString());
            } else if (format.tsv) {
                out.print(ResultsTsv.render(entries));
            } else {
                out.print(ResultsTable.render(entries, target.config().metric().unit()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
