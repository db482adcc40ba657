package dev.skyresearch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.Decision;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairSample;
import dev.skyresearch.engine.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JSON of one run line (a finished measurement), both ways. Stateless; see {@link JournalCodec}. */
final class RunLineCodec {
    private RunLineCodec() {
    }

    static ObjectNode toJson(JournalEntry.Run run, String metricName) {
        ObjectNode node = JournalCodec.MAPPER.createObjectNode();
        Experiment experiment = run.experiment();
        ExperimentOutcome outcome = run.outcome();
        node.put("run", run.run());
        node.put("commit", run.commit());
        JsonValues.putDouble(node, "metric", run.metric().orElse(Double.NaN));
        ObjectNode metrics = node.putObject("metrics");
        run.metric().ifPresent(value -> JsonValues.putDouble(metrics, metricName, value));
        node.put("status", run.status());
        node.put("description", run.description());
        node.put("timestamp", run.timestampMillis());
        node.put("experiment", experiment.id().toString());
        node.put("stage", experiment.kind().label());
        node.put("verify_round", experiment.verifyRound());
        experiment.candidate().ifPresent(id -> node.put("candidate", id.value()));
        node.put("machine", experiment.machine().value());
        JsonValues.putFingerprint(node.putObject("fingerprint"), outcome.host());
        node.put("best_commit", experiment.bestCommit());
        experiment.candidateCommit().ifPresent(commit -> node.put("candidate_commit", commit));
        node.put("order", experiment.order());
        node.put("run_checks", experiment.runChecks());
        pairs(node.putArray("pairs"), outcome.pairs());
        ArrayNode samples = node.putArray("samples");
        outcome.samples().forEach(value -> JsonValues.addDouble(samples, value));
        node.put("outcome", outcome.status().label());
        node.put("error", outcome.error());
        ArrayNode tail = node.putArray("log_tail");
        outcome.logTail().forEach(tail::add);
        node.put("started_at", outcome.startedAtMillis());
        node.put("ended_at", outcome.endedAtMillis());
        run.verdict().ifPresent(verdict -> verdict(node, verdict));
        node.put("source", run.source());
        return node;
    }

    static JournalEntry.Run fromJson(JsonNode node) {
        JsonNode metric = node.get("metric");
        Optional<Double> value = metric == null || metric.isNull() ? Optional.empty() : Optional.of(metric.asDouble());
        return new JournalEntry.Run(node.path("run").asInt(), experiment(node), outcome(node),
                JournalCodec.text(node, "status"), verdict(node.get("verdict")), node.path("description").asText(),
                node.path("source").asText(), node.path("commit").asText(), value, node.path("timestamp").asLong());
    }

    /** The planned pair count is not stored: the order holds two letters per pair. */
    private static Experiment experiment(JsonNode node) {
        String order = node.path("order").asText();
        return new Experiment(ExperimentId.parse(JournalCodec.text(node, "experiment")),
                ExperimentKind.fromLabel(JournalCodec.text(node, "stage")),
                optionalText(node, "candidate").map(CandidateId::new), new MachineId(JournalCodec.text(node, "machine")),
                JournalCodec.text(node, "best_commit"), optionalText(node, "candidate_commit"), order.length() / 2,
                order, node.path("run_checks").asBoolean(), node.path("verify_round").asInt(1));
    }

    private static ExperimentOutcome outcome(JsonNode node) {
        List<Double> samples = new ArrayList<>();
        node.path("samples").forEach(value -> samples.add(JsonValues.readDouble(value)));
        return new ExperimentOutcome(OutcomeStatus.fromLabel(JournalCodec.text(node, "outcome")),
                pairs(node.path("pairs")), samples, JsonValues.fingerprint(node.path("fingerprint")),
                node.path("error").asText(), strings(node.path("log_tail")), node.path("started_at").asLong(),
                node.path("ended_at").asLong());
    }

    private static void verdict(ObjectNode node, Verdict verdict) {
        ObjectNode object = node.putObject("verdict");
        object.put("decision", verdict.decision().name().toLowerCase());
        object.put("pairs", verdict.pairs());
        JsonValues.putDouble(object, "median_ratio", verdict.medianRatio());
        JsonValues.putDouble(object, "ratio_low", verdict.ratioLow());
        JsonValues.putDouble(object, "ratio_high", verdict.ratioHigh());
        JsonValues.putDouble(object, "p", verdict.p());
        object.put("reason", verdict.reason());
        ArrayNode ci = node.putArray("ci");
        JsonValues.addDouble(ci, verdict.gainLow());
        JsonValues.addDouble(ci, verdict.gainHigh());
        JsonValues.putDouble(node, "p", verdict.p());
    }

    private static Optional<Verdict> verdict(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Decision.valueOf(node.path("decision").asText().toUpperCase()),
                node.path("pairs").asInt(), JsonValues.readDouble(node.get("median_ratio")),
                JsonValues.readDouble(node.get("ratio_low")), JsonValues.readDouble(node.get("ratio_high")),
                JsonValues.readDouble(node.get("p")), node.path("reason").asText()));
    }

    private static void pairs(ArrayNode array, List<PairSample> pairs) {
        for (PairSample pair : pairs) {
            ObjectNode node = array.addObject();
            node.put("round", pair.round());
            node.put("best", pair.best());
            node.put("candidate", pair.candidate());
            node.put("best_first", pair.bestFirst());
        }
    }

    private static List<PairSample> pairs(JsonNode array) {
        List<PairSample> pairs = new ArrayList<>();
        array.forEach(node -> pairs.add(new PairSample(node.path("round").asInt(), node.path("best").asDouble(),
                node.path("candidate").asDouble(), node.path("best_first").asBoolean())));
        return pairs;
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
