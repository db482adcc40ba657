package dev.skyresearch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skyresearch.engine.JournalEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * autoresearch.jsonl: one JSON object per line, appended under an exclusive file lock and fsynced, so an
 * appended line is durable and is the commit point of the decision it records. A crash mid-append leaves a
 * torn last line: reads skip it and the next append cuts it off.
 */
public final class JsonlJournal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private String metricName = "metric";

    private JsonlJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public static JsonlJournal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new JsonlJournal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    /** Writes pi-autoresearch's config header as the first line of a new journal. */
    public synchronized void appendHeaderIfEmpty(JournalHeader header) throws IOException {
        metricName = header.metricName();
        try (FileLock lock = channel.lock()) {
            if (channel.size() == 0) {
                write(JournalCodec.toJson(header).toString());
            }
        }
    }

    /** Thread-safe within a process (synchronized) and across processes (an exclusive file lock). */
    public synchronized void append(JournalEntry entry) throws IOException {
        String line = JournalCodec.toJson(entry, metricName).toString();
        try (FileLock lock = channel.lock()) {
            repairTornTail();
            write(line);
        }
    }

    private void write(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        channel.position(channel.size());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** A line without its newline is a crash's leftover: cut it, so the next line starts clean. */
    private void repairTornTail() throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(size - 1) == '\n') {
            return;
        }
        long end = size - 1;
        while (end > 0 && lastByte(end - 1) != '\n') {
            end--;
        }
        channel.truncate(end);
    }

    private byte lastByte(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    /** Reads the header and entries; a torn last line is skipped, a damaged line before it is an error. */
    public static JournalContents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new JournalContents(Optional.empty(), List.of());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Optional<JournalHeader> header = Optional.empty();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Optional<JsonNode> node = parse(line);
            boolean last = i == lines.size() - 1;
            if (node.isEmpty() && last) {
                break;
            }
            int number = i + 1;
            JsonNode json = node.orElseThrow(() -> damaged(file, number, line));
            Optional<JournalHeader> parsedHeader = JournalCodec.header(json);
            if (parsedHeader.isPresent()) {
                header = header.or(() -> parsedHeader);
                continue;
            }
            entries.add(entry(file, lines, i, json));
        }
        return new JournalContents(header, entries);
    }

    private static JournalEntry entry(Path file, List<String> lines, int index, JsonNode json) {
        try {
            return JournalCodec.fromJson(json);
        } catch (RuntimeException e) {
            throw new JournalException(file.getFileName() + ":" + (index + 1) + ": not a skyresearch record ("
                    + e.getMessage() + "); move the line aside or restore the journal");
        }
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.of(JournalCodec.MAPPER.readTree(line));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static JournalException damaged(Path file, int number, String line) {
        return new JournalException(file.getFileName() + ":" + number + ": not valid JSON (" + abbreviate(line)
                + "); the journal is damaged: move the line aside or restore the journal");
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
