package io.github.fenqi.cli;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code -} given for a file a command reads: standard input, the common convention ({@code cat case.json | fenqi plan
 * - ...}), where every command had answered "-: no such file". Standard input is read once, so {@code -} may stand for
 * one file of a command line; where it cannot stand for the argument at all (a directory, an audit log, which is
 * appended to) it is refused saying so, not taken for a file named {@code -} ({@code ./-} names that file).
 *
 * <p>Thread-safety: stateless; standard input itself is the process's, read by one command.
 */
final class StandardInput {
  /** How files read from standard input are named in messages and reports. */
  static final String SOURCE = "standard input";

  private StandardInput() {}

  /** Whether {@code path} is {@code -}, standard input. */
  static boolean is(@Nullable Path path) {
    return path != null && path.toString().equals("-");
  }

  /** {@code path} as messages and reports name it: {@value #SOURCE} for {@code -}. */
  static String source(Path path) {
    return is(path) ? SOURCE : path.toString();
  }

  /**
   * The bytes of {@code file}, or of standard input for {@code -}, at most {@code maxBytes} either way.
   *
   * @throws InvalidInputException naming the file or standard input when it cannot be read or is too large
   */
  static byte[] read(Path file, long maxBytes) {
    if (!is(file)) {
      return InputFiles.read(file, maxBytes);
    }
    try {
      byte[] bytes = System.in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        throw new InvalidInputException(SOURCE, "is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new InvalidInputException(SOURCE, "cannot be read: " + InputFiles.reason(e));
    }
  }

  /**
   * Refuses {@code -} given more than once among {@code files}: the second would read nothing, and a command that
   * reads two files would take the second for an empty one.
   *
   * @param where the argument or option of the second, for the message
   */
  static void once(List<? extends @Nullable Path> files, String where) {
    if (files.stream().filter(StandardInput::is).count() > 1) {
      throw new InvalidInputException(where, "'-' (standard input) is given twice; it can be read once");
    }
  }

  /**
   * Refuses {@code -} for an argument standard input cannot stand for ({@code what}: "a directory of rule files"),
   * before anything is read or written.
   *
   * @param where the argument or option, for the message
   */
  static void refuse(@Nullable Path path, String what, String where) {
    if (is(path)) {
      throw new InvalidInputException(where, "'-' (standard input) cannot stand for " + what + "; give its path (a "
          + "file named '-' is ./-)");
    }
  }
}
