package cn.ets.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Names are imported, not spelled out: a fully-qualified class name inside code ({@code
 * java.util.Optional<…>}, {@code cn.ets.registry.domain.Tonnes.MAX}) hides what a file depends on
 * from its import list. Strings and comments may name classes (ArchUnit rules, Javadoc). Covers
 * every Java source of both modules, tests included.
 */
class SourceStyleTest {
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b(?:java|javax|jakarta|cn|com|org|io|info)\\.(?:[a-z0-9_]+\\.)+[A-Z]\\w*");

    @Test
    void no_fully_qualified_class_names_in_code() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        for (String module : List.of("chaincode", "gateway-app")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    String code = codeOnly(String.join("\n", lines));
                    String[] codeLines = code.split("\n", -1);
                    for (int i = 0; i < codeLines.length; i++) {
                        String line = codeLines[i].strip();
                        if (line.startsWith("import ") || line.startsWith("package ")) {
                            continue;
                        }
                        Matcher m = QUALIFIED.matcher(codeLines[i]);
                        if (m.find()) {
                            found.add(root.relativize(f) + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("fully-qualified names in code (import them instead)")
                .isEmpty();
    }

    /**
     * The project's shell scripts run with {@code set -o pipefail}, where {@code producer | grep -q X}
     * can fail although X is there: grep -q exits at its first match, and a producer still writing
     * (a shell function's echo after echo) dies of SIGPIPE, which pipefail reports as the pipeline's
     * status. That made {@code network.sh kill orderer3} refuse its own orderer once in the fault
     * check (2 in 2,000 in a loop). {@code grep X >/dev/null} reads its input to the end.
     */
    @Test
    void no_grep_q_at_the_end_of_a_pipe_in_scripts() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Pattern pipedGrepQ = Pattern.compile("\\|\\s*grep\\s+(-[a-zA-Z]*q|--quiet)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("scripts"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (pipedGrepQ.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(f) + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found)
                .as("'| grep -q' under pipefail (use grep … >/dev/null)")
                .isEmpty();
    }

    /** The source with string literals, char literals and comments blanked, line breaks kept. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end + 3;
                blank(src, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(src.length(), j + 1);
                blank(src, i, end, out);
                i = end;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                end = end < 0 ? src.length() : end;
                blank(src, i, end, out);
                i = end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                blank(src, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String src, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(src.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    @Test
    void the_rule_sees_code_and_ignores_strings_and_comments() {
        assertThat(QUALIFIED
                        .matcher(codeOnly("long m = cn.ets.registry.domain.Tonnes.MAX;"))
                        .find())
                .isTrue();
        assertThat(QUALIFIED
                        .matcher(codeOnly("var o = java.util.Optional.empty();"))
                        .find())
                .isTrue();
        assertThat(QUALIFIED
                        .matcher(codeOnly("String s = \"io.javalin.http.Context\"; // java.util.List"))
                        .find())
                .isFalse();
        assertThat(QUALIFIED
                        .matcher(codeOnly("/** {@link java.util.List} */ int x;"))
                        .find())
                .isFalse();
    }
}
