package dev.skyresearch.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Puts the end of the journal in order before an append, by the rule {@link JournalReader} reads with: the last
 * non-blank line counts if it is a JSON object and is ignored if not. A counted line that lacks its newline gets
 * one; an ignored line (a crash's torn write) is cut off. So what a read ignored never turns into damage in the
 * middle, and nothing a read counted is lost. Stateless; callers hold the journal's locks.
 */
final class JournalTail {
    private static final int WINDOW = 64 * 1024;

    private JournalTail() {
    }

    static void repair(FileChannel channel) throws IOException {
        long size = channel.size();
        long window = Math.min(size, WINDOW);
        while (true) {
            byte[] tail = read(channel, size - window, window);
            int end = contentEnd(tail);
            int start = lineStart(tail, end);
            if (start < 0 && window < size) {
                window = Math.min(size, 2 * window);
                continue;
            }
            settle(channel, size - window, tail, Math.max(start, 0), end);
            return;
        }
    }

    /** The last line runs from {@code start} to {@code end} within the tail read from {@code offset}. */
    private static void settle(FileChannel channel, long offset, byte[] tail, int start, int end) throws IOException {
        String line = new String(tail, start, end - start, StandardCharsets.UTF_8);
        if (end == start || JournalReader.parse(line).isEmpty()) {
            channel.truncate(offset + start);
        } else if (end != tail.length - 1 || tail[end] != '\n') {
            channel.truncate(offset + end);
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), offset + end);
        }
    }

    /** Just past the last byte that is not white space; 0 if there is none. */
    private static int contentEnd(byte[] tail) {
        int end = tail.length;
        while (end > 0 && isSpace(tail[end - 1])) {
            end--;
        }
        return end;
    }

    /** Just past the newline before {@code end}; -1 if the window holds none (the line may start earlier). */
    private static int lineStart(byte[] tail, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (tail[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }

    private static byte[] read(FileChannel channel, long position, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("the journal's last line is longer than 2 GB; move it aside");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the journal shrank while it was locked");
            }
        }
        return buffer.array();
    }
}
