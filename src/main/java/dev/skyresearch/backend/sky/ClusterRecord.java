package dev.skyresearch.backend.sky;

/**
 * One cluster of {@code sky status -o json}. {@code cpus} and {@code memoryGb} are NaN when the record does not
 * say; {@code autostopMinutes} is -1 when autostop is off.
 */
record ClusterRecord(String name, String status, double cpus, double memoryGb, String accelerators,
                     String resources, int autostopMinutes, boolean toDown) {

    boolean up() {
        return status.equals("UP");
    }
}
