package dev.skyresearch.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeRulesTest {
    private final ScopeRules rules = new ScopeRules(List.of("src/**", "Makefile", "lib/*.c"),
            List.of("autoresearch.sh", "tests/**", "src/**/golden.txt"));

    @ParameterizedTest
    @CsvSource({
        "src/a.c, true", "src/deep/er/b.c, true", "Makefile, true", "lib/x.c, true", "lib/sub/x.c, false",
        "README.md, false", "autoresearch.sh, false", "tests/t.c, false", "src/x/golden.txt, false",
        "src/golden.txt, false"})
    void globsMatchLikeGitignore(String path, boolean allowed) {
        Optional<String> violation = rules.violation(path);
        assertEquals(allowed, violation.isEmpty(), violation.orElse("allowed"));
    }
}
