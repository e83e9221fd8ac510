package io.github.fenqi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the repository's Markdown files leads somewhere: {@code [text](path)} to a file or directory
 * that exists, {@code [text](path#anchor)} and {@code [text](#anchor)} to a heading of the target file as GitHub
 * names it. A reader who follows a link from a README and lands nowhere, or at the top of a long page instead of the
 * section, stops trusting the rest; nothing checked this before. External {@code http(s)} and {@code mailto} links
 * are skipped (no network). Runs in the repository's root directory (see the pom), as {@link ReadmeSnippetsTest} does,
 * and reads every {@code *.md} under it but those in {@code target} and {@code .git} (walked, so that no git is
 * needed); a link into {@code target} is broken too, since build output is not in the repository.
 *
 * <p>GitHub's anchor of a heading ({@link #slug}): its rendered text lowercased, each space a {@code -}, punctuation
 * other than {@code -} and {@code _} dropped (backticks and a link's brackets with them), letters of any script (Han
 * included) and digits kept; the second heading with the same anchor gets {@code -1}, the third {@code -2}. Only ATX
 * headings ({@code # ...}) are read, the one kind the READMEs use, and {@code <a id|name="...">} tags. A link into a
 * file that is not Markdown may carry GitHub's line anchor ({@code #L12}, {@code #L12-L20}) within the file's lines.
 */
class ReadmeLinksTest {
  private static final Pattern LINK =
      Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*(<[^>\\n]*>|[^)\\s]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*?\\b(?:id|name)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern LINE_ANCHOR = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
  private static final Pattern JAR = Pattern.compile("(?:\\$PWD/)?((?:[\\w.-]+/)*)target/([\\w.-]+)\\.jar");
  private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");

  @Test
  void theMarkdownFilesLinksResolve() throws IOException {
    Path root = Path.of("").toAbsolutePath().normalize();
    List<Path> files = markdownFiles(root);
    assertTrue(files.contains(root.resolve("README.md")) && files.contains(root.resolve("core/README.md")),
        "not run in the repository's root: " + root + " has " + files);
    List<String> broken = brokenLinks(root, files);
    assertTrue(broken.isEmpty(), broken.size() + " broken link(s):\n" + String.join("\n", broken));
  }

  /**
   * The jars the READMEs tell a reader to run ({@code java -jar examples/cli/target/fenqi-cli.jar}) are the ones the
   * modules' poms build: the CLI's README test runs its commands on the class path, not the jar, so a renamed jar
   * would leave every command of the READMEs failing with "Unable to access jarfile" and no test noticing.
   */
  @Test
  void theJarsTheReadmesNameAreTheOnesThePomsBuild() throws IOException {
    Path root = Path.of("").toAbsolutePath().normalize();
    List<String> wrong = new ArrayList<>();
    int named = 0;
    for (Path file : markdownFiles(root)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher jar = JAR.matcher(lines.get(i));
        while (jar.find()) {
          named++;
          // beside the README's module (spring-boot-app's runs in its directory), else from the root
          Path module = file.getParent().resolve(jar.group(1)).normalize();
          if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            module = root.resolve(jar.group(1)).normalize();
          }
          Path pom = module.resolve("pom.xml");
          List<String> built = new ArrayList<>();
          if (Files.isRegularFile(pom)) {
            Matcher name = FINAL_NAME.matcher(Files.readString(pom));
            while (name.find()) {
              built.add(name.group(1));
            }
          }
          if (!built.contains(jar.group(2))) {
            wrong.add(root.relativize(file) + ":" + (i + 1) + ": " + jar.group() + ": "
                + (Files.isRegularFile(pom) ? root.relativize(pom) + " builds " + built : "no module builds it"));
          }
        }
      }
    }
    assertTrue(named > 0, "no README names a jar");
    assertEquals(List.of(), wrong);
  }

  /** The check finds each kind of broken link, and passes the links it should; run on Markdown written here. */
  @Test
  void theCheckFindsBrokenLinksAndPassesGoodOnes(@TempDir Path temp) throws IOException {
    Path root = temp.toAbsolutePath().normalize();
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("Main.java"), "class Main {\n}\n");
    Files.writeString(root.resolve("docs/guide.md"), """
        # Guide
        ## `plan` and `schedule`
        ## Root package: the engine
        ## 分期 协商（说明）
        ## Notes
        ## Notes
        <a id="custom"></a>
        ~~~
        # Not a heading
        ~~~
        """);
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/app.jar"), "built");
    Files.writeString(root.resolve("README.md"), """
        # Title
        [ok](docs/guide.md#plan-and-schedule) [ok](docs/guide.md#root-package-the-engine) [ok](docs/)
        [ok](docs/guide.md#分期-协商说明) [ok](docs/guide.md#notes-1) [ok](#title) [ok](Main.java#L2)
        [ok](docs/guide.md#custom) [ok](https://example.com/x.md) [ok](mailto:a@b.c) `[code](nowhere.md)`
        ```
        [in a block](nowhere.md)
        ```
        [missing](docs/gone.md) [bad anchor](docs/guide.md#notes-2) [bad own anchor](#nothing)
        [line](Main.java#L3) [split
        text](docs/guide.md#Guide) [out](../outside.md)
        [code heading](docs/guide.md#not-a-heading) [jar](target/app.jar)
        """);
    assertEquals(List.of(
            "README.md:8: [missing](docs/gone.md): docs/gone.md does not exist",
            "README.md:8: [bad anchor](docs/guide.md#notes-2): docs/guide.md has no heading with the anchor #notes-2"
                + " (it has #notes, #notes-1)",
            "README.md:8: [bad own anchor](#nothing): README.md has no heading with the anchor #nothing",
            "README.md:9: [line](Main.java#L3): Main.java has 2 lines, not L3",
            "README.md:9: [split text](docs/guide.md#Guide): docs/guide.md has no heading with the anchor #Guide"
                + " (it has #guide)",
            "README.md:10: [out](../outside.md): leads outside the repository",
            "README.md:11: [code heading](docs/guide.md#not-a-heading): docs/guide.md has no heading with the anchor"
                + " #not-a-heading (it has #notes, #notes-1)",
            "README.md:11: [jar](target/app.jar): target/app.jar is build output, not in the repository"),
        brokenLinks(root, markdownFiles(root)));
  }

  /** Anchors as GitHub gives them, on the kinds of heading the READMEs have, and the numbering of repeated ones. */
  @Test
  void slugsAreGitHubs() {
    assertEquals(List.of("design-notes", "errors-components-and-fitting", "debt-borrower", "a---b", "分期协商", "x_y-z",
            "keys-environmentkeyprovider-auditkeyfrombase64", "the-sensitive-word-filter", "a", "a-1", "a-2"),
        slugs(List.of("Design notes", "Errors, components and fitting", "`debt`, `borrower`", "a - b", "分期：协商",
            "X_Y-Z", "Keys (`EnvironmentKeyProvider`, `AuditKey.fromBase64`)", "The [sensitive-word](x.md) filter",
            "a", "a", "a")));
  }

  /** The Markdown files under {@code root}, outside {@code target} and {@code .git} directories, in a fixed order. */
  static List<Path> markdownFiles(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              if (part.toString().equals("target") || part.toString().equals(".git")) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .toList();
    }
  }

  /** One line per broken link: file, line, the link as written and what is wrong, in the files' order. */
  static List<String> brokenLinks(Path root, List<Path> files) throws IOException {
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path file : files) {
      String text = prose(Files.readAllLines(file));
      Matcher link = LINK.matcher(maskedCodeSpans(text));
      while (link.find()) {
        String target = link.group(2);
        if (target.startsWith("<")) {
          target = target.substring(1, target.length() - 1);
        }
        if (target.matches("(?i)(https?|mailto):.*")) {
          continue;
        }
        String problem = problem(root, file, target, anchors);
        if (problem != null) {
          int line = 1 + (int) text.substring(0, link.start()).chars().filter(c -> c == '\n').count();
          broken.add(root.relativize(file) + ":" + line + ": "
              + text.substring(link.start(), link.end()).replaceAll("\\s*\\n\\s*", " ") + ": "
                  + problem);
        }
      }
    }
    return broken;
  }

  /** What is wrong with a relative link of {@code file}, or null when it leads where it says. */
  private static String problem(Path root, Path file, String target, Map<Path, Set<String>> anchors)
      throws IOException {
    int hash = target.indexOf('#');
    String path = percentDecoded(hash < 0 ? target : target.substring(0, hash));
    String anchor = hash < 0 ? null : percentDecoded(target.substring(hash + 1));
    Path resolved = path.isEmpty() ? file
        : (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
    if (!resolved.startsWith(root)) {
      return "leads outside the repository";
    }
    String shown = root.relativize(resolved).toString();
    if (!Files.exists(resolved)) {
      return shown + " does not exist";
    }
    for (Path part : root.relativize(resolved)) {
      if (part.toString().equals("target")) {
        return shown + " is build output, not in the repository";
      }
    }
    if (anchor == null) {
      return null;
    }
    Path page = Files.isDirectory(resolved) ? resolved.resolve("README.md") : resolved;
    if (page.getFileName().toString().endsWith(".md") && Files.isRegularFile(page)) {
      Set<String> known = anchors.computeIfAbsent(page, ReadmeLinksTest::anchorsOf);
      return known.contains(anchor) ? null
          : root.relativize(page) + " has no heading with the anchor #" + anchor + alike(anchor, known);
    }
    Matcher lines = LINE_ANCHOR.matcher(anchor);
    if (Files.isRegularFile(page) && lines.matches()) {
      long count = Files.readAllLines(page).size();
      int last = Integer.parseInt(lines.group(lines.group(2) == null ? 1 : 2));
      return last <= count ? null : shown + " has " + count + " lines, not L" + last;
    }
    return shown + " is not Markdown: no anchor but a line (#L12) can be linked into it, not #" + anchor;
  }

  /** The page's anchors that share the wanted one's first word, as a hint at a heading renamed or misspelt. */
  private static String alike(String anchor, Set<String> known) {
    String word = anchor.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT);
    List<String> alike = known.stream().filter(a -> !word.isEmpty() && a.contains(word)).sorted().limit(5)
        .map(a -> "#" + a).toList();
    return alike.isEmpty() ? "" : " (it has " + String.join(", ", alike) + ")";
  }

  /** The anchors GitHub gives the file's headings, and those of its {@code <a id|name>} tags. */
  private static Set<String> anchorsOf(Path markdown) {
    List<String> lines;
    try {
      lines = List.of(prose(Files.readAllLines(markdown)).split("\n", -1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> headings = new ArrayList<>();
    Set<String> anchors = new HashSet<>();
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        headings.add(heading.group(2) == null ? "" : heading.group(2));
      }
      Matcher tag = HTML_ANCHOR.matcher(line);
      while (tag.find()) {
        anchors.add(tag.group(1));
      }
    }
    anchors.addAll(slugs(headings));
    return anchors;
  }

  /** The text of a Markdown file with the lines of its fenced code blocks left empty: they hold no link or heading. */
  private static String prose(List<String> lines) {
    StringBuilder text = new StringBuilder();
    String fence = null;
    for (String line : lines) {
      Matcher open = FENCE.matcher(line);
      if (fence == null && open.find()) {
        fence = open.group(1);
        text.append('\n');
      } else if (fence != null) {
        String stripped = line.strip();
        char mark = fence.charAt(0);
        if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == mark)) {
          fence = null;
        }
        text.append('\n');
      } else {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * The text with each code span's contents replaced by {@code x}s, backticks and newlines kept, so that a link shown
   * as code is not taken for one and every offset stays where it was.
   */
  private static String maskedCodeSpans(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '`') {
        i++;
        continue;
      }
      int run = i;
      while (run < text.length() && text.charAt(run) == '`') {
        run++;
      }
      String ticks = text.substring(i, run);
      int close = run;
      while ((close = text.indexOf(ticks, close)) >= 0
          && close + ticks.length() < text.length() && text.charAt(close + ticks.length()) == '`') {
        close += ticks.length() + 1;
        while (close < text.length() && text.charAt(close) == '`') {
          close++;
        }
      }
      if (close < 0 || text.substring(run, close).contains("\n\n")) {
        i = run;
        continue;
      }
      for (int j = run; j < close; j++) {
        if (out.charAt(j) != '\n') {
          out.setCharAt(j, 'x');
        }
      }
      i = close + ticks.length();
    }
    return out.toString();
  }

  /** GitHub's anchors of headings in order, the repeated ones numbered as GitHub numbers them. */
  static List<String> slugs(List<String> headings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> slugs = new ArrayList<>();
    for (String heading : headings) {
      String base = slug(heading);
      String result = base;
      while (seen.containsKey(result)) {
        int n = seen.merge(base, 1, Integer::sum);
        result = base + "-" + n;
      }
      seen.put(result, 0);
      slugs.add(result);
    }
    return slugs;
  }

  /** GitHub's anchor of one heading, from its Markdown text. */
  static String slug(String heading) {
    String rendered = heading
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("<[^>]+>", "")
        .toLowerCase(java.util.Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    rendered.strip().codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (c == ' ') {
        slug.append('-');
      } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK || type == Character.LETTER_NUMBER) {
        slug.appendCodePoint(c);
      }
    });
    return slug.toString();
  }

  /** {@code %XX} sequences decoded as UTF-8; a {@code +} stays a {@code +}, as it does in a URL's path. */
  private static String percentDecoded(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && s.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
