package dev.skyresearch.runner;

import dev.skyresearch.backend.CostReport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.CandidateStatus;
import dev.skyresearch.engine.EngineSnapshot;
import dev.skyresearch.engine.Verdict;
import dev.skyresearch.journal.JsonValues;
import java.util.Optional;

/** The JSON form of a snapshot, for `status --json` and .skyresearch/status.json. A stable, documented shape. */
public final class SnapshotJson {
    private final String target;
    private final String branch;
    private final String metricName;
    private final String unit;

    public SnapshotJson(String target, String branch, String metricName, String unit) {
        this.target = target;
        this.branch = branch;
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The fleet's spend: so far, per finished experiment, per kept improvement. */
    static void cost(ObjectNode root, CostReport report, EngineSnapshot snapshot) {
        ObjectNode cost = root.putObject("cost");
        JsonValues.putDouble(cost, "spend_usd", report.spendUsd());
        JsonValues.putDouble(cost, "per_experiment_usd", report.perExperimentUsd());
        JsonValues.putDouble(cost, "per_keep_usd", report.perKeepUsd(snapshot.count(CandidateStatus.KEPT)));
        cost.put("prices_known", report.pricesKnown());
    }

    public ObjectNode render(EngineSnapshot snapshot, boolean live) {
        ObjectNode root = CandidateJson.MAPPER.createObjectNode();
        root.put("target", target);
        root.put("branch", branch);
        root.put("live", live);
        ObjectNode metric = root.putObject("metric");
        metric.put("name", metricName);
        metric.put("unit", unit);
        metric.put("direction", snapshot.direction().name().toLowerCase());
        root.put("best_commit", snapshot.bestCommit());
        putNumber(root, "baseline", snapshot.baseline());
        putNumber(root, "best", snapshot.bestEstimate());
        putNumber(root, "gain", snapshot.gain());
        ObjectNode experiments = root.putObject("experiments");
        experiments.put("done", snapshot.experimentsDone());
        experiments.put("running", snapshot.running().size());
        experiments.put("queued", snapshot.count(CandidateStatus.QUEUED) + snapshot.count(CandidateStatus.PROMISING));
        ObjectNode counts = root.putObject("candidates_by_status");
        for (CandidateStatus status : CandidateStatus.values()) {
            counts.put(status.label(), snapshot.count(status));
        }
        machines(root.putArray("machines"), snapshot);
        running(root.putArray("running"), snapshot);
        candidates(root.putArray("candidates"), snapshot);
        ArrayNode hardware = root.putArray("best_by_hardware");
        snapshot.bestByHardware().forEach((fingerprint, median) -> {
            ObjectNode node = hardware.addObject();
            JsonValues.putFingerprint(node.putObject("fingerprint"), fingerprint);
            JsonValues.putDouble(node, "median", median);
        });
        ArrayNode warnings = root.putArray("warnings");
        snapshot.warnings().forEach(warnings::add);
        snapshot.halted().ifPresent(reason -> root.put("halted", reason));
        root.put("paused", snapshot.paused());
        root.put("stopping", snapshot.stopping());
        root.put("idle", snapshot.idle());
        return root;
    }

    private static void machines(ArrayNode array, EngineSnapshot snapshot) {
        for (EngineSnapshot.MachineView machine : snapshot.machines()) {
            ObjectNode node = array.addObject();
            node.put("id", machine.id().value());
            node.put("state", machine.state().label());
            JsonValues.putFingerprint(node.putObject("fingerprint"), machine.fingerprint());
            machine.current().ifPresent(id -> node.put("experiment", id.toString()));
            node.put("since", machine.sinceMillis());
            node.put("experiments_done", machine.experimentsDone());
            machine.noise().ifPresent(noise -> {
                ObjectNode record = node.putObject("noise");
                record.put("band", noise.band().label());
                JsonValues.putDouble(record, "cv", noise.runCv());
                JsonValues.putDouble(record, "pair_sigma", noise.pairSigma());
                JsonValues.putDouble(record, "aa_p", noise.aaP());
                JsonValues.putDouble(record, "drift_rho", noise.driftRho());
                record.put("run_ms", noise.runMillis());
                record.put("reason", noise.reason());
            });
            machine.detectableGain().ifPresent(gain -> JsonValues.putDouble(node, "detectable_gain", gain));
        }
    }

    private static void running(ArrayNode array, EngineSnapshot snapshot) {
        for (EngineSnapshot.ExperimentView experiment : snapshot.running()) {
            ObjectNode node = array.addObject();
            node.put("id", experiment.id().toString());
            node.put("kind", experiment.kind().label());
            experiment.candidate().ifPresent(id -> node.put("candidate", id.value()));
            node.put("machine", experiment.machine().value());
            node.put("pairs", experiment.pairs());
            node.put("started_at", experiment.startedAtMillis());
        }
    }

    private static void candidates(ArrayNode array, EngineSnapshot snapshot) {
        for (EngineSnapshot.CandidateView candidate : snapshot.candidates()) {
            ObjectNode node = array.addObject();
            node.put("id", candidate.id().value());
            node.put("status", candidate.status().label());
            node.put("description", candidate.description());
            node.put("source", candidate.source());
            node.put("wave", candidate.wave());
            node.put("priority", candidate.priority());
            candidate.commit().ifPresent(commit -> node.put("commit", commit));
            if (!candidate.reason().isEmpty()) {
                node.put("reason", candidate.reason());
            }
            candidate.lastVerdict().ifPresent(verdict -> verdict(node.putObject("verdict"), verdict));
        }
    }

    static void verdict(ObjectNode node, Verdict verdict) {
        node.put("decision", verdict.decision().name().toLowerCase());
        node.put("pairs", verdict.pairs());
        JsonValues.putDouble(node, "gain", verdict.gain());
        ArrayNode interval = node.putArray("gain_ci95");
        JsonValues.addDouble(interval, verdict.gainLow());
        JsonValues.addDouble(interval, verdict.gainHigh());
        JsonValues.putDouble(node, "p", verdict.p());
        node.put("reason", verdict.reason());
    }

    private static void putNumber(ObjectNode node, String field, Optional<Double> value) {
        JsonValues.putDouble(node, field, value.orElse(Double.NaN));
    }
}
