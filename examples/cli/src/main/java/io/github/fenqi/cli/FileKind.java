package io.github.fenqi.cli;

import io.github.fenqi.core.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a path that is no regular file is, in words ("a directory", "a character device", "a pipe (FIFO)"), for the
 * messages that refuse it: "not a regular file" alone left a user to find out what {@code /dev/null} or a rule file
 * name given to a directory is.
 *
 * <p>Thread-safety: stateless.
 */
final class FileKind {
  private FileKind() {}

  /**
   * The entries of {@code directory} whose names {@code named} accepts but that are no regular file once links are
   * followed — a link to nothing, a directory or FIFO named like a data file — each with why, in name order: the
   * libraries' directory loaders list regular files only and passed over them in silence (a policy or rule file
   * moved away from under its link was simply missing), and reading a FIFO waits for a writer for ever. Empty when
   * the directory cannot be listed (the loader names that).
   */
  static Map<Path, String> notRegularFiles(Path directory, Predicate<String> named,
      String what) {
    Map<Path, String> found = new LinkedHashMap<>();
    List<Path> entries;
    try (Stream<Path> s = Files.list(directory)) {
      entries = s.filter(p -> named.test(p.getFileName().toString())).sorted().toList();
    } catch (IOException | SecurityException e) {
      return found;
    }
    for (Path p : entries) {
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
          found.put(p, "is " + of(p, a) + ", not " + what);
        }
      } catch (NoSuchFileException e) {
        found.put(p, "is a link to " + target(p) + ", which does not exist");
      } catch (IOException e) {
        found.put(p, "cannot be read: " + InputFiles.reason(e));
      }
    }
    return found;
  }

  /** What {@code file}, whose (link-followed) {@code attributes} say it is no regular file, is. */
  static String of(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000; // S_IFMT
      return switch (type) {
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a pipe (FIFO)";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return "a special file";
    }
  }

  /** The target of the symbolic link {@code link}, as it is written, or "a path" when it cannot be read. */
  static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "a path";
    }
  }
}
