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
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertEquals(
        Optional.of("is a pipe (FIFO), not a rule file"), InputFiles.notRegularFile(fifo, "a rule file")));
  }

  /**
   * The first byte that is not UTF-8 is told at its line, counted as {@link java.io.BufferedReader} counts them: a line
   * ends at LF, at CR, or at CRLF (one end, not two), and the count starts at 1 from the offset given (past a BOM).
   */
  @Test
  void aByteThatIsNotUtf8IsToldAtItsLineEndingAtLfCrOrCrlf() {
    byte bad = (byte) 0xB2; // GBK's first byte of 张
    for (Object[] c : new Object[][] {{"\u00EF\u00BB\u00BFa", 3, "x.txt:1"}, {"a\nb\r\nc\rd\n", 0, "x.txt:5"},
        {"a\r\n\r\n", 0, "x.txt:3"}, {"a\r", 0, "x.txt:2"}}) {
      byte[] head = ((String) c[0]).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
      bytes[head.length] = bad;
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> InputFiles.utf8(bytes, (Integer) c[1], "x.txt", b -> "byte 0x" + Integer.toHexString(b)), (String) c[0]);
      assertEquals(java.util.List.of(Problem.of((String) c[2], "byte 0xb2")), e.problems(), (String) c[0]);
    }
    assertEquals("张", InputFiles.utf8("\uFEFF张".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3, "x.txt",
        b -> "not UTF-8"));
  }

  /** The default limit is 64 MB: a file one byte larger is refused by its size, before a byte of it is read. */
  @Test
  void theDefaultLimitIsSixtyFourMegabytes() throws Exception {
    Path sparse = dir.resolve("huge.json");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
      f.setLength(64L * 1024 * 1024 + 1);
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputFiles.read(sparse));
    assertEquals(sparse + ": is larger than 67108864 bytes", e.getMessage());
  }
}
