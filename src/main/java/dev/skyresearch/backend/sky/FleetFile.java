package dev.skyresearch.backend.sky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * .skyresearch/sky/fleet.json: the clusters this repository's runs have used, so a later run (or `fleet ls`) knows
 * which names are ours, what each costs per hour and what hardware it reported. Written atomically; thread-safe.
 */
final class FleetFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** One cluster as remembered: {@code state} is "active", "retired" (stopped and replaced) or "down". */
    record Entry(String name, String state, double hourlyUsd, String fingerprint, long sinceMillis) {
        Entry with(String newState) {
            return new Entry(name, newState, hourlyUsd, fingerprint, sinceMillis);
        }
    }

    FleetFile(Path file) {
        this.file = file;
    }

    synchronized List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : JSON.readTree(file.toFile()).path("clusters")) {
                entries.add(new Entry(node.path("name").asText(), node.path("state").asText("active"),
                        node.path("hourly_usd").isNumber() ? node.path("hourly_usd").asDouble() : Double.NaN,
                        node.path("fingerprint").asText(""), node.path("since").asLong()));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not readable JSON (" + e.getMessage()
                    + "); move it away and run again", e);
        }
    }

    synchronized Optional<Entry> find(String name) {
        return read().stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /** Adds or replaces the entry of the same name. */
    synchronized void put(Entry entry) {
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(existing -> existing.name().equals(entry.name()));
        entries.add(entry);
        entries.sort(java.util.Comparator.comparing(Entry::name));
        write(entries);
    }

    synchronized void mark(String name, String state) {
        find(name).ifPresent(entry -> put(entry.with(state)));
    }

    private void write(List<Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode clusters = root.putArray("clusters");
        for (Entry entry : entries) {
            ObjectNode node = clusters.addObject();
            node.put("name", entry.name());
            node.put("state", entry.state());
            if (!Double.isNaN(entry.hourlyUsd())) {
                node.put("hourly_usd", entry.hourlyUsd());
            }
            node.put("fingerprint", entry.fingerprint());
            node.put("since", entry.sinceMillis());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
