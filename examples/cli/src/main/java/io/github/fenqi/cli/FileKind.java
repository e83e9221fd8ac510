package io.github.fenqi.cli;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The names of a directory that are no regular file, each with what it is in words ({@link
 * InputFiles#notRegularFile}), for the messages that refuse them: "not a regular file" alone left a user to find out
 * what a policy file name given to a directory is; and a directory argument that is none, named as what it is.
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
        InputFiles.notRegularFile(p, what).ifPresent(why -> found.put(p, why));
      } catch (IOException e) {
        String loop = Files.isSymbolicLink(p) ? loop(p) : null;
        found.put(p, loop != null ? loop : "cannot be read: " + InputFiles.reason(e));
      }
    }
    return found;
  }

  /**
   * Refuses {@code directory} unless it is a directory, saying what it is instead: a mistyped {@code --policies
   * sample/policies} was "is not a directory of policy files", as if a file stood there, where "no such file" is said
   * of every missing file; a file given for the directory, or a link to nothing, is named as such, and a directory
   * that cannot be reached or listed says why.
   *
   * @param ofWhat what the directory holds ("policy files")
   * @param option the option that gave it, or empty for a parameter
   * @throws InvalidInputException naming the option (if any) and the path
   */
  static void requireDirectory(Path directory, String ofWhat, String option) {
    StandardInput.refuse(directory, "a directory of " + ofWhat, option.isEmpty() ? "DIR" : option);
    String why;
    try {
      java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(directory,
          java.nio.file.attribute.BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        // listed here, where the reason is put in words: the loaders said "cannot be listed: DIR", Java's
        // AccessDeniedException carrying only the path
        try {
          Files.newDirectoryStream(directory).close();
          return;
        } catch (IOException | SecurityException e) {
          why = "cannot be listed: " + (e instanceof IOException io ? InputFiles.reason(io) : "permission denied");
        }
      } else {
        why = "is " + (attributes.isRegularFile() ? "a file" : InputFiles.kind(directory, attributes))
            + ", not a directory of " + ofWhat;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      why = Files.isSymbolicLink(directory) ? deadLink(directory) : "no such directory";
    } catch (IOException | SecurityException e) {
      // there, but not to be reached (a directory on the way without search permission): it was "no such directory"
      String loop = Files.isSymbolicLink(directory) ? loop(directory) : null;
      why = loop != null ? loop : "cannot be read: " + (e instanceof IOException io ? InputFiles.reason(io)
          : "permission denied");
    }
    throw option.isEmpty() ? new InvalidInputException(directory.toString(), why)
        : new InvalidInputException(option, directory + ": " + why);
  }

  /**
   * Why {@code link}, a symbolic link that leads to no file, does: the path it names does not exist, or it leads back
   * to itself or into another loop of links ({@code a -> b -> a}). A loop had been "a link to b, which does not
   * exist" beside b, a link that is there, or Java's "Too many levels of symbolic links or unable to access
   * attributes of symbolic link".
   */
  static String deadLink(Path link) {
    String loop = loop(link);
    return loop != null ? loop : "is a link to " + InputFiles.linkTarget(link) + ", which does not exist";
  }

  /** Why {@code link} leads to no file if it is a loop of links, or null when it is not one. */
  private static @org.jspecify.annotations.Nullable String loop(Path link) {
    Path first = link.toAbsolutePath().normalize();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    Path p = first;
    while (Files.isSymbolicLink(p)) {
      if (!seen.add(p)) {
        return "is a link to " + InputFiles.linkTarget(link) + (p.equals(first) ? ", which leads back to it: a"
            : ", which leads into a") + " loop of links, leading to no file";
      }
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code a} and {@code b} name one existing file; false when either cannot be examined. */
  static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
