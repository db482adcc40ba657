package dev.skyresearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Notice;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Prints engine notices as they happen: one readable line each (--no-tui), or one JSON object per line
 * (--json). Called on the runner thread only; flushes every line so tail -f and pipes see it at once.
 */
final class NoticePrinter implements Consumer<Notice> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;
    private final InstantSource clock;

    NoticePrinter(PrintWriter out, boolean json, InstantSource clock) {
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void accept(Notice notice) {
        Instant now = clock.instant();
        out.println(json ? toJson(notice, now) : TIME.format(now) + "  " + notice.text());
        out.flush();
    }

    void line(String kind, String text, Map<String, String> fields) {
        accept(new Notice(kind, text, fields));
    }

    private static String toJson(Notice notice, Instant at) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("time", at.toString());
        node.put("event", notice.kind());
        node.put("text", notice.text());
        new TreeMap<>(notice.fields()).forEach(node::put);
        return node.toString();
    }
}
