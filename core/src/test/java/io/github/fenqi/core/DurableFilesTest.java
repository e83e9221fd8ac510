package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
  @TempDir
  Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replaceWritesANewFileAndReplacesAnOldOneLeavingNothingElse() throws IOException {
    Path file = dir.resolve("state.json");
    DurableFiles.replace(file, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    DurableFiles.replace(file, "{}".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    assertEquals(List.of("state.json"), names(), "no temporary file left");
  }

  /** A target that cannot be replaced (a directory stands there): an IOException, and nothing left behind. */
  @Test
  void aFailedReplaceLeavesTheTargetAndNoTemporaryFile() throws IOException {
    Path occupied = Files.createDirectory(dir.resolve("state.json"));
    Files.writeString(occupied.resolve("inside"), "x");
    assertThrows(IOException.class, () -> DurableFiles.replace(occupied, new byte[] {1}));
    assertEquals(List.of("state.json"), names());
    assertEquals("x", Files.readString(occupied.resolve("inside")));
  }

  /** 80 Chinese characters are 240 bytes of a name: the temporary name built from the whole of it was too long. */
  @Test
  void aFileWithALongNonAsciiNameIsReplaced() throws IOException {
    Path file = dir.resolve("状".repeat(80) + ".json");
    Files.writeString(file, "old");
    DurableFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of(file.getFileName().toString()), names());
  }

  /** A directory that is not there, or a file that is no directory: the caller's entry is not where it thinks. */
  @Test
  void syncingAMissingDirectoryOrAFileIsAnError() throws IOException {
    assertThrows(NoSuchFileException.class, () -> DurableFiles.syncDirectory(dir.resolve("gone")));
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThrows(NotDirectoryException.class, () -> DurableFiles.syncDirectory(file));
    DurableFiles.syncDirectory(dir);
  }

  /**
   * A file system that cannot sync a directory (Linux's procfs answers fsync with EINVAL, as some network and FUSE
   * file systems do) is benign: the change is made and its durability is that file system's.
   */
  @Test
  void aFileSystemThatCannotSyncADirectoryIsBenign() throws IOException {
    Path proc = Path.of("/proc/self");
    Assumptions.assumeTrue(Files.isDirectory(proc), "a Linux procfs");
    DurableFiles.syncDirectory(proc, false);
  }

  /**
   * A name of 255 ASCII bytes, the most most file systems allow, is replaced: the temporary name beside it keeps 200
   * characters of it, 242 bytes in all with its dot, UUID and ".tmp".
   */
  @Test
  void aFileWithTheLongestAsciiNameIsReplaced() throws IOException {
    Path file;
    try {
      file = Files.writeString(dir.resolve("s".repeat(250) + ".json"), "old");
    } catch (IOException e) {
      Assumptions.abort("a file system that takes names of 255 bytes: " + e.getMessage());
      return;
    }
    DurableFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of(file.getFileName().toString()), names());
  }
}
