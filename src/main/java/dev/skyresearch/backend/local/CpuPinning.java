package dev.skyresearch.backend.local;

import dev.skyresearch.engine.MachineId;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Pins each local slot, and everything its job starts, to a CPU of its own when there are enough CPUs: one slot's
 * compiler then never takes the core another slot is timing on. Without taskset, or with more slots than CPUs,
 * jobs run unpinned.
 */
final class CpuPinning {
    private static final boolean HAS_TASKSET = new File("/usr/bin/taskset").canExecute()
            || new File("/bin/taskset").canExecute();

    private CpuPinning() {
    }

    /** The argv that runs the runner script for this slot. */
    static List<String> command(MachineId machine, int slots, Path script) {
        int cpus = Runtime.getRuntime().availableProcessors();
        int slot = slotIndex(machine);
        if (!HAS_TASKSET || slots > cpus || slot < 0) {
            return List.of("bash", script.toString());
        }
        return List.of("taskset", "-c", Integer.toString(slot % cpus), "bash", script.toString());
    }

    /** local-3 is slot 2; anything else is not a local slot (-1). */
    static int slotIndex(MachineId machine) {
        String name = machine.value();
        if (!name.startsWith("local-")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring("local-".length())) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
