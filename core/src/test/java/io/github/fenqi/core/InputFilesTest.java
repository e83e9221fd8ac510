package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void aFileWithinTheLimitIsReadWholeAndOneOverItIsRefusedByName() throws Exception {
    Path file = dir.resolve("case.json");
    Files.write(file, new byte[] {'{', '}'});
    assertArrayEquals(new byte[] {'{', '}'}, InputFiles.read(file, 2));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.read(file, 1));
    assertEquals(file + ": is larger than 1 bytes", e.getMessage());
    IOException io = assertThrows(IOException.class, () -> InputFiles.readBounded(file, 1));
    assertEquals("is larger than 1 bytes", io.getMessage());
  }

  /** A device reports no size: the limit must hold while reading ({@code /dev/zero} used to fill the heap). */
  @Test
  void theLimitHoldsWhileReadingADeviceThatReportsNoSize() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "needs /dev/zero (Linux, macOS)");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.read(zero, 4096));
    assertEquals("/dev/zero: is larger than 4096 bytes", e.getMessage());
  }

  /** A file the user may not read is said to be so: the exception's message is only the file name again. */
  @Test
  void aFileThatMayNotBeReadIsSaidToBeSo() {
    assertEquals("permission denied", InputFiles.reason(new java.nio.file.AccessDeniedException("case.json")));
    assertEquals("Is a directory", InputFiles.reason(new java.nio.file.FileSystemException("cases", null,
        "Is a directory")));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.read(dir));
    assertEquals(dir + ": cannot be read: Is a directory", e.getMessage());
  }
}
