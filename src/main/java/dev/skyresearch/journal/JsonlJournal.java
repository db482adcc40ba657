package dev.skyresearch.journal;

import dev.skyresearch.engine.JournalEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * autoresearch.jsonl: one JSON object per line. Each append takes an exclusive lock on the file (other
 * processes, such as {@code skyresearch submit}, may append too), settles the file's end, writes the line and
 * its newline, and fsyncs: the appended line is the commit point of the decision it records.
 *
 * <p>A crash mid-append leaves a torn last line. {@link #read} skips it; the next append cuts it off before
 * writing (see {@link JournalTail}). Thread-safe: any number of journals, in any threads, may append to one file.
 */
public final class JsonlJournal implements AutoCloseable {
    /**
     * A FileLock excludes other processes only, and a second lock on the same file from this JVM throws, so
     * appends from this JVM to one file also take one shared in-process lock per file.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock inProcess;
    private volatile String metricName = "metric";

    private JsonlJournal(Path file, FileChannel channel, ReentrantLock inProcess) {
        this.file = file;
        this.channel = channel;
        this.inProcess = inProcess;
    }

    /** Opens the journal for appending, creating it and its directory if missing. */
    public static JsonlJournal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(file.toRealPath(), path -> new ReentrantLock());
        return new JsonlJournal(file, channel, lock);
    }

    /**
     * Writes pi-autoresearch's config header as the first line of a new journal, and keys each later run line's
     * {@code metrics} value by the header's metric name.
     */
    public void appendHeaderIfEmpty(JournalHeader header) throws IOException {
        metricName = header.metricName();
        String line = JournalCodec.toJson(header).toString();
        locked(() -> {
            JournalTail.repair(channel);
            if (channel.size() == 0) {
                write(line);
            }
        });
    }

    /** Appends one entry; when this returns, the line is on disk. */
    public void append(JournalEntry entry) throws IOException {
        String line = JournalCodec.toJson(entry, metricName).toString();
        locked(() -> {
            JournalTail.repair(channel);
            write(line);
        });
    }

    /** Everything in the journal: its header and its entries in order; a missing file is empty. */
    public static JournalContents read(Path file) throws IOException {
        return JournalReader.read(file);
    }

    private interface LockedWrite {
        void run() throws IOException;
    }

    private void locked(LockedWrite write) throws IOException {
        // An interrupt would close the channel mid-line; the line is a commit point, so finish it first.
        boolean interrupted = Thread.interrupted();
        inProcess.lock();
        try (FileLock lock = channel.lock()) {
            write.run();
        } finally {
            inProcess.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
