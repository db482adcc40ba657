package dev.skyresearch.backend.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skyresearch.engine.MachineId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPinningTest {
    private static final Path SCRIPT = Path.of("/tmp/runner.sh");

    @Test
    void eachSlotGetsItsOwnCpuWhenThereAreEnough() {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> command = CpuPinning.command(new MachineId("local-2"), 2, SCRIPT);
        if (cpus >= 2 && command.get(0).equals("taskset")) {
            assertEquals(List.of("taskset", "-c", "1", "bash", "/tmp/runner.sh"), command);
        }
        assertEquals(List.of("bash", "/tmp/runner.sh"), CpuPinning.command(new MachineId("local-1"), cpus + 1, SCRIPT),
                "more slots than CPUs: no pinning");
    }

    @Test
    void onlyLocalSlotNamesHaveAnIndex() {
        assertEquals(2, CpuPinning.slotIndex(new MachineId("local-3")));
        assertEquals(-1, CpuPinning.slotIndex(new MachineId("sr-03")));
        assertEquals(-1, CpuPinning.slotIndex(new MachineId("local-x")));
    }
}
