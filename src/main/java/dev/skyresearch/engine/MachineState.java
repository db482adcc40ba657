package dev.skyresearch.engine;

/** Where a machine is in its lifecycle (design.md, "Lifecycles"). */
public enum MachineState {
    PROVISIONING("provisioning"),
    CALIBRATING("calibrating"),
    READY("ready"),
    BUSY("busy"),
    QUARANTINED("quarantined"),
    REPLACED("replaced"),
    STOPPED("stopped");

    private final String label;

    MachineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
