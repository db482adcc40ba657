package dev.skyresearch.engine;

/** What a machine is made of, as its runner reported in HOST_INFO; machines compare only within one. */
public record Fingerprint(String cpuModel, int cores, String memory, String gpu, String instance) {
    public static final Fingerprint UNKNOWN = new Fingerprint("", 0, "", "", "");

    public Fingerprint {
        cpuModel = cpuModel == null ? "" : cpuModel;
        memory = memory == null ? "" : memory;
        gpu = gpu == null ? "" : gpu;
        instance = instance == null ? "" : instance;
    }

    /** A short label for tables: the CPU model without vendor noise, cores and GPU if any. */
    public String label() {
        if (this.equals(UNKNOWN)) {
            return "?";
        }
        String cpu = cpuModel.replaceAll("\\((R|TM)\\)", "").replaceAll("\\s+", " ").trim();
        String gpuPart = gpu.isEmpty() ? "" : " " + gpu;
        return cpu + " x" + cores + gpuPart;
    }
}
