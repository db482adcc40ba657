package dev.skyresearch.workspace;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which paths a candidate may touch: inside one of the {@code include} globs and outside every
 * {@code protected} glob. Globs: {@code **} spans directories, {@code *} and {@code ?} stay within one.
 */
public final class ScopeRules {
    private final List<String> include;
    private final List<Pattern> includePatterns;
    private final List<Pattern> protectedPatterns;

    public ScopeRules(List<String> include, List<String> protectedPaths) {
        this.include = List.copyOf(include);
        this.includePatterns = include.stream().map(ScopeRules::compile).toList();
        this.protectedPatterns = protectedPaths.stream().map(ScopeRules::compile).toList();
    }

    /** Why the path may not be touched, or empty when it may. */
    public Optional<String> violation(String path) {
        if (protectedPatterns.stream().anyMatch(pattern -> pattern.matcher(path).matches())) {
            return Optional.of("touches protected path " + path);
        }
        if (includePatterns.stream().noneMatch(pattern -> pattern.matcher(path).matches())) {
            return Optional.of("outside scope (include: " + String.join(", ", include) + "): " + path);
        }
        return Optional.empty();
    }

    public boolean isProtected(String path) {
        return protectedPatterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
