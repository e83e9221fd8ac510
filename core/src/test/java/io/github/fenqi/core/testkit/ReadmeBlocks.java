package io.github.fenqi.core.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code blocks of a README, for the tests that check a README shows code that compiles (plain-java's
 * {@code ReadmeSnippetsTest}, optimizer-optaplanner's {@code ReadmeExamplesTest}): one reader, so both take a block
 * the same way. Stateless and thread-safe.
 */
public final class ReadmeBlocks {
  private ReadmeBlocks() {}

  /** The contents of the README's {@code ```java} blocks, in order, each line ending with a newline. */
  public static List<String> java(Path readme) throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(readme)) {
      if (block == null && line.equals("```java")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
