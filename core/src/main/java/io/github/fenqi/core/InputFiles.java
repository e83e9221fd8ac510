package io.github.fenqi.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file a user named (a case, a lexicon, a statement, a policy text): a missing, unreadable or too large
 * file is an {@link InvalidInputException} naming it, never an {@code IOException} with a stack trace.
 *
 * <p>Thread-safety: stateless.
 */
public final class InputFiles {
  private InputFiles() {}

  /** The file's bytes. */
  public static byte[] read(Path file) {
    return read(file, Integer.MAX_VALUE - 8);
  }

  /** The file's bytes, refusing files larger than {@code maxBytes}. */
  public static byte[] read(Path file, long maxBytes) {
    try {
      if (Files.size(file) > maxBytes) {
        throw new InvalidInputException(file.toString(), "is larger than " + maxBytes + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), "cannot be read: " + e.getMessage());
    }
  }
}
