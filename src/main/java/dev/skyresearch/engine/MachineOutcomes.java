package dev.skyresearch.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished job means for the machine that ran it: it is free again, counts toward recalibration, files the
 * best's measurements under its fingerprint, and after an A/A calibration lands in a noise band.
 * Part of {@link Engine}'s state machine; same thread rule.
 */
final class MachineOutcomes {
    private final Engine engine;

    MachineOutcomes(Engine engine) {
        this.engine = engine;
    }

    void free(Experiment experiment, ExperimentOutcome outcome) {
        MachineSlot slot = engine.machines.get(experiment.machine());
        if (slot == null || !slot.current.equals(Optional.of(experiment.id()))) {
            return;
        }
        slot.current = Optional.empty();
        slot.sinceMillis = outcome.endedAtMillis();
        if (slot.state == MachineState.BUSY || slot.state == MachineState.CALIBRATING) {
            slot.state = MachineState.READY;
        }
        if (outcome.status() != OutcomeStatus.LOST) {
            slot.experimentsDone++;
            if (!outcome.host().equals(Fingerprint.UNKNOWN)) {
                slot.fingerprint = outcome.host();
            }
            int every = engine.policy.noise().recalibrateEvery();
            if (experiment.kind() != ExperimentKind.CALIBRATE && every > 0 && ++slot.sinceCalibration >= every) {
                slot.needsCalibration = true;
            }
        }
    }

    /** Files the best's measurements under the machine's fingerprint; warns once per hardware confound. */
    void recordHardware(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        if (outcome.status() != OutcomeStatus.DONE) {
            return;
        }
        List<Double> bestValues = experiment.paired()
                ? outcome.pairs().stream().map(PairSample::best).toList() : outcome.samples();
        double noise = Optional.ofNullable(engine.machines.get(experiment.machine())).flatMap(slot -> slot.noise)
                .map(NoiseRecord::runCv).filter(Double::isFinite).orElse(engine.policy.noise().trustedCv());
        engine.hardware.add(experiment.bestCommit(), outcome.host(), bestValues, noise).ifPresent(warning -> {
            engine.warn(warning);
            actions.add(Engine.notice("hardware_confound", warning, Map.of("commit", experiment.bestCommit())));
        });
    }

    /** A machine's A/A: its noise decides whether it is trusted, usable, or quarantined. */
    void calibrated(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        Optional<MachineSlot> slot = Optional.ofNullable(engine.machines.get(experiment.machine()));
        NoiseRecord noise = outcome.status() == OutcomeStatus.DONE && outcome.pairs().size() >= 3
                ? Calibration.assess(outcome.pairs(), engine.policy.noise(),
                        outcome.endedAtMillis() - outcome.startedAtMillis())
                : new NoiseRecord(Double.NaN, Double.NaN, Double.NaN, 0, NoiseBand.QUARANTINED,
                        "calibration failed: " + outcome.error(), 0);
        String status = noise.band() == NoiseBand.QUARANTINED ? "quarantined" : "calibrated";
        actions.add(new Action.Record(new JournalEntry.Run(engine.nextRun++, experiment, outcome, status,
                Optional.empty(), "A/A calibration of " + experiment.machine() + ": " + noise.band().label() + ", "
                + noise.reason(), "", engine.best, Optional.empty(), outcome.endedAtMillis())));
        slot.ifPresent(machine -> {
            machine.noise = Optional.of(noise);
            machine.needsCalibration = false;
            machine.sinceCalibration = 0;
            if (noise.band() == NoiseBand.QUARANTINED) {
                machine.state = MachineState.QUARANTINED;
                engine.warn(experiment.machine() + " quarantined: " + noise.reason());
                actions.add(Engine.notice("noise_warning", experiment.machine() + " quarantined: " + noise.reason(),
                        Map.of("machine", experiment.machine().value(), "reason", noise.reason())));
                actions.add(new Action.Retire(experiment.machine(), "quarantined: " + noise.reason()));
                haltIfNoMachineLeft(actions);
            } else {
                actions.add(Engine.notice("calibrated", "%s calibrated: %s (CV %.1f%%, A/A p=%.2g)".formatted(
                        experiment.machine(), noise.band().label(), 100 * noise.runCv(), noise.aaP()),
                        Map.of("machine", experiment.machine().value(), "band", noise.band().label(),
                                "cv", Double.toString(noise.runCv()))));
            }
        });
    }

    private void haltIfNoMachineLeft(List<Action> actions) {
        boolean anyLeft = engine.machines.values().stream().anyMatch(machine -> machine.state != MachineState.QUARANTINED
                && machine.state != MachineState.STOPPED);
        if (!anyLeft && !engine.policy.replacesMachines()) {
            engine.halt("every machine is quarantined as too noisy to judge changes; see the noise warnings, quiet the "
                    + "machine or raise noise.max_cv", false, actions);
        }
    }
}
