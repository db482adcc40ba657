package dev.skyresearch.engine;

import dev.skyresearch.stats.Summary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each kind of hardware measured for each best commit. Raw numbers never pool across fingerprints; this
 * only keeps per-fingerprint records and notices when two fingerprints disagree about the same commit by more
 * than their noise (a hardware confound). Owned by {@link Engine}; same thread rule.
 */
final class HardwareRecords {
    /** A disagreement larger than this many times the noisier group's CV is a confound, not noise. */
    private static final double CONFOUND_FACTOR = 3;
    private final Map<String, Map<Fingerprint, List<Double>>> byCommit = new LinkedHashMap<>();
    private final Set<String> warned = new HashSet<>();

    /** Adds a machine's measurements of {@code commit}; returns a warning when this creates a confound. */
    Optional<String> add(String commit, Fingerprint fingerprint, List<Double> values, double noiseCv) {
        if (fingerprint.equals(Fingerprint.UNKNOWN) || values.isEmpty()) {
            return Optional.empty();
        }
        Map<Fingerprint, List<Double>> groups = byCommit.computeIfAbsent(commit, c -> new LinkedHashMap<>());
        groups.computeIfAbsent(fingerprint, f -> new ArrayList<>()).addAll(values);
        return confound(commit, groups, noiseCv);
    }

    /** The median each fingerprint measured for this commit. */
    Map<Fingerprint, Double> medians(String commit) {
        Map<Fingerprint, Double> medians = new LinkedHashMap<>();
        byCommit.getOrDefault(commit, Map.of()).forEach((fingerprint, values) ->
                medians.put(fingerprint, Summary.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return medians;
    }

    private Optional<String> confound(String commit, Map<Fingerprint, List<Double>> groups, double noiseCv) {
        Map<Fingerprint, Double> medians = medians(commit);
        if (medians.size() < 2) {
            return Optional.empty();
        }
        Fingerprint fastest = null;
        Fingerprint slowest = null;
        for (Map.Entry<Fingerprint, Double> entry : medians.entrySet()) {
            fastest = fastest == null || entry.getValue() < medians.get(fastest) ? entry.getKey() : fastest;
            slowest = slowest == null || entry.getValue() > medians.get(slowest) ? entry.getKey() : slowest;
        }
        double gap = medians.get(slowest) / medians.get(fastest) - 1;
        String key = commit + "|" + fastest + "|" + slowest;
        if (gap <= CONFOUND_FACTOR * Math.max(noiseCv, 0.005) || !warned.add(key)) {
            return Optional.empty();
        }
        return Optional.of("hardware confound: %s measures %s %.1f%% lower than %s; decisions compare within one machine, "
                .formatted(fastest.label(), Engine.shortSha(commit), 100 * gap / (1 + gap), slowest.label())
                + "so they stay sound, but raw numbers from these machines must not be pooled");
    }
}
