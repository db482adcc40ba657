package dev.skyresearch.backend.sky;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the clusters run, from skyresearch.yaml's fleet section: the SkyPilot resources (already in SkyPilot's key
 * names, in the user's order), a setup script and extra environment variables; or the user's own task file, used
 * as given, whose run must print the runner's markers.
 */
public record SkyTask(Map<String, Object> resources, String setup, Map<String, String> envs, Optional<Path> userFile) {
    public SkyTask {
        resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        setup = setup == null ? "" : setup;
        envs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(envs));
    }
}
