package dev.skyresearch.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One run per target: an OS file lock on .skyresearch/run.lock, released by the OS even if the process dies.
 * The file also holds the owner's pid, for messages.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another live process holds it. */
    public static Optional<RunLock> tryAcquire(Path file) throws IOException {
        Optional<RunLock> taken = take(file);
        if (taken.isPresent()) {
            FileChannel channel = taken.get().channel;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        return taken;
    }

    private static Optional<RunLock> take(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new RunLock(channel, lock));
    }

    /** Whether a run holds the lock right now (probes by trying to take it). */
    public static boolean held(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Optional<RunLock> probe = take(file);
        probe.ifPresent(RunLock::close);
        return probe.isEmpty();
    }

    /** The pid written by the holder, for messages. */
    public static String owner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the descriptor anyway.
        }
    }
}
