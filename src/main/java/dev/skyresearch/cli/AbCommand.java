package dev.skyresearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.PairSample;
import dev.skyresearch.engine.Verdict;
import dev.skyresearch.journal.JsonValues;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.runner.AbSession;
import dev.skyresearch.runner.SingleJob;
import dev.skyresearch.runner.CandidateStore;
import dev.skyresearch.workspace.RebaseResult;
import dev.skyresearch.workspace.Rebaser;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `skyresearch ab`: an interleaved A/B of a candidate or any commit against the best, on demand. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Measure a candidate or a commit against the best: interleaved pairs, ratio, interval, p.")
class AbCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Parameters(paramLabel = "CANDIDATE|COMMIT", description = "A candidate id (c-...) or any git revision.")
    String target;

    @Option(names = "--pairs", paramLabel = "N", description = "Interleaved pairs (default: verify.verify_pairs).")
    Integer pairs;

    @Option(names = "--json", description = "Print the pairs and the verdict as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Target opened = Target.open(repo, Map.of())) {
            String best = opened.best();
            String commit = resolve(opened, best);
            int count = pairs == null ? opened.config().verify().verifyPairs() : pairs;
            if (count < 2) {
                throw new UsageException("--pairs " + count + ": an A/B needs at least 2 pairs");
            }
            AbSession.Result result = new AbSession(new SingleJob(opened.files(), opened.repository(),
                    new RealProcessRunner(), InstantSource.system()), opened.config()).run(best, commit, count);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? toJson(result).toPrettyString() : AbReport.text(result, opened.config().metric().unit()));
            out.flush();
            return result.verdict().isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** A candidate's commit (rebased onto the best if it was written against an older one), or a revision's. */
    private String resolve(Target opened, String best) {
        Optional<Candidate> candidate = new CandidateStore(opened.files()).accepted().stream()
                .filter(c -> c.id().value().equals(target)).findFirst();
        if (candidate.isEmpty()) {
            return opened.repository().resolveCommit(target).orElseThrow(() -> new UsageException(target
                    + " is neither a candidate id (see 'skyresearch status') nor a commit of " + opened.root()));
        }
        RebaseResult rebased = new Rebaser(opened.repository()).rebase(target, candidate.get().commit(), best);
        if (rebased instanceof RebaseResult.Conflicted conflicted) {
            throw new UsageException(target + " no longer applies on the best: conflicts in "
                    + String.join(", ", conflicted.paths()));
        }
        return ((RebaseResult.Rebased) rebased).commit();
    }

    private static ObjectNode toJson(AbSession.Result result) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("best_commit", result.experiment().bestCommit());
        root.put("candidate_commit", result.experiment().candidateCommit().orElseThrow());
        root.put("outcome", result.outcome().status().label());
        root.put("error", result.outcome().error());
        ArrayNode array = root.putArray("pairs");
        for (PairSample pair : result.outcome().pairs()) {
            ObjectNode node = array.addObject();
            node.put("round", pair.round());
            node.put("best", pair.best());
            node.put("candidate", pair.candidate());
            node.put("best_first", pair.bestFirst());
        }
        result.verdict().ifPresent(verdict -> verdict(root.putObject("verdict"), verdict));
        return root;
    }

    private static void verdict(ObjectNode node, Verdict verdict) {
        node.put("faster", verdict.decision() == dev.skyresearch.engine.Decision.KEEP);
        JsonValues.putDouble(node, "median_ratio", verdict.medianRatio());
        JsonValues.putDouble(node, "ratio_low", verdict.ratioLow());
        JsonValues.putDouble(node, "ratio_high", verdict.ratioHigh());
        JsonValues.putDouble(node, "gain", verdict.gain());
        JsonValues.putDouble(node, "p", verdict.p());
        node.put("reason", verdict.reason());
    }
}
