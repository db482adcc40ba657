package dev.skyresearch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The line of every key in a YAML document, by dotted path ("verify.alpha"), so errors can point at it. */
final class YamlLines {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlLines() {
    }

    static Map<String, Integer> of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String path = parser.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.');
                    lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // Malformed YAML is reported by the loader with the parser's own location.
        }
        return lines;
    }
}
