package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
  }

  /**
   * A directory given for a file is said to be one in our words, as a policy directory's folder is: it had been the
   * operating system's "cannot be read: Is a directory", capitalised mid-sentence.
   */
  @Test
  void aDirectoryGivenForAFileIsSaidToBeOne() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.read(dir));
    assertEquals(dir + ": is a directory, not a file", e.getMessage());
  }

  /**
   * What a name listed in a directory is, when it is no file to read, is said without opening it: a link whose
   * target is gone, a directory, a FIFO (opened, it waits for a writer); a regular file, and a name deleted since the
   * listing, are nothing to say.
   */
  @Test
  void whatIsNoRegularFileIsSaidWithoutOpeningIt() throws Exception {
    Path file = Files.writeString(dir.resolve("a.yml"), "x");
    assertEquals(Optional.empty(), InputFiles.notRegularFile(file, "a rule file"));
    assertEquals(Optional.empty(), InputFiles.notRegularFile(Files.createSymbolicLink(dir.resolve("b.yml"), file),
        "a rule file"));
    assertEquals(Optional.empty(), InputFiles.notRegularFile(dir.resolve("deleted.yml"), "a rule file"));
    Path dangling = Files.createSymbolicLink(dir.resolve("c.yml"), dir.resolve("gone.yml"));
    assertEquals(Optional.of("is a link to " + dir.resolve("gone.yml") + ", which does not exist"),
        InputFiles.notRegularFile(dangling, "a rule file"));
    assertEquals(Optional.of("is a directory, not a policy file"),
        InputFiles.notRegularFile(Files.createDirectory(dir.resolve("d.json")), "a policy file"));
    Path fifo = io.github.fenqi.core.testkit.Fifos.make(dir.resolve("e.yml"));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(
        Optional.of("is a pipe (FIFO), not a rule file"), InputFiles.notRegularFile(fifo, "a rule file")));
  }
}
