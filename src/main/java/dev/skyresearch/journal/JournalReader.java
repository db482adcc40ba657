package dev.skyresearch.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.skyresearch.engine.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads autoresearch.jsonl. The last non-blank line may be a crash's torn write and is skipped if it is not a
 * JSON object (see {@link JournalTail}, which applies the same rule before appending); any other bad line is
 * damage and stops the read with its file and line number. Stateless.
 */
final class JournalReader {
    private JournalReader() {
    }

    static JournalContents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new JournalContents(Optional.empty(), List.of());
        }
        // Lenient decoding: a write torn inside a multi-byte character must fail as its line, not as the file.
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        int last = lastNonBlank(lines);
        Optional<JournalHeader> header = Optional.empty();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Optional<JsonNode> json = parse(lines[i]);
            if (json.isEmpty() && i == last) {
                break;
            }
            int number = i + 1;
            String line = lines[i];
            JsonNode node = json.orElseThrow(() -> damaged(file, number, line));
            Optional<JournalHeader> lineHeader = record(file, number, () -> JournalCodec.header(node));
            if (lineHeader.isPresent()) {
                header = header.or(() -> lineHeader);
            } else {
                entries.add(record(file, number, () -> JournalCodec.fromJson(node)));
            }
        }
        return new JournalContents(header, entries);
    }

    /** The line as a JSON object, or empty if it is anything else (torn, two lines run together, not an object). */
    static Optional<JsonNode> parse(String line) {
        try {
            JsonNode node = JournalCodec.MAPPER.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static int lastNonBlank(String[] lines) {
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        return last;
    }

    private interface Decoder<T> {
        T decode();
    }

    private static <T> T record(Path file, int number, Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (RuntimeException e) {
            throw new JournalException(file.getFileName() + ":" + number + ": not a skyresearch record ("
                    + e.getMessage() + "); the journal is damaged, move the line aside");
        }
    }

    private static JournalException damaged(Path file, int number, String line) {
        String shown = line.length() > 40 ? line.substring(0, 40) + "..." : line;
        return new JournalException(file.getFileName() + ":" + number + ": not valid JSON (" + shown.strip()
                + "); the journal is damaged, move the line aside");
    }
}
