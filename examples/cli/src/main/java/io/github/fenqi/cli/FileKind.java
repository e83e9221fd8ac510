package io.github.fenqi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path that is no regular file is, in words ("a directory", "a character device", "a pipe (FIFO)"), for the
 * messages that refuse it: "not a regular file" alone left a user to find out what {@code /dev/null} or a rule file
 * name given to a directory is.
 *
 * <p>Thread-safety: stateless.
 */
final class FileKind {
  private FileKind() {}

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
    } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return "a special file";
    }
  }

  /** The target of the symbolic link {@code link}, as it is written, or "a path" when it cannot be read. */
  static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return "a path";
    }
  }
}
