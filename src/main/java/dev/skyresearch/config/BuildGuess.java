package dev.skyresearch.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** The build and test commands a repository's build system implies, for the files `init` writes. */
public record BuildGuess(String system, String build, String test) {

    public static BuildGuess of(Path root) {
        if (Files.exists(root.resolve("CMakeLists.txt"))) {
            return new BuildGuess("cmake", "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j",
                    "ctest --test-dir build --output-on-failure");
        }
        if (Files.exists(root.resolve("Makefile")) || Files.exists(root.resolve("makefile"))) {
            return new BuildGuess("make", "make -j\"$(nproc)\"", "make test");
        }
        if (Files.exists(root.resolve("Cargo.toml"))) {
            return new BuildGuess("cargo", "cargo build --release", "cargo test --release");
        }
        if (Files.exists(root.resolve("pom.xml"))) {
            String maven = Files.exists(root.resolve("mvnw")) ? "./mvnw" : "mvn";
            return new BuildGuess("maven", maven + " -q -DskipTests package", maven + " -q test");
        }
        if (Files.exists(root.resolve("package.json"))) {
            return new BuildGuess("npm", "npm ci && npm run build --if-present", "npm test");
        }
        if (Files.exists(root.resolve("go.mod"))) {
            return new BuildGuess("go", "go build ./...", "go test ./...");
        }
        return new BuildGuess("none", "", "");
    }
}
