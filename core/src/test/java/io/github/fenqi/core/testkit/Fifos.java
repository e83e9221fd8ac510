package io.github.fenqi.core.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes for the tests that check a loader never opens one (opening a FIFO waits for a writer for ever). Java
 * cannot make one, so {@code mkfifo} does; where it cannot, the test fails saying so rather than being skipped — the
 * checks it guards would otherwise vanish from a run without a word (every POSIX system CI runs on has mkfifo).
 *
 * <p>Thread-safety: stateless.
 */
public final class Fifos {
  private Fifos() {}

  /** Makes a FIFO at {@code path}. */
  public static Path make(Path path) throws IOException, InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    } catch (IOException e) {
      throw new AssertionError("this test needs mkfifo (POSIX) to make a named pipe: " + e.getMessage(), e);
    }
    if (!mkfifo.waitFor(30, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
      mkfifo.destroyForcibly();
      throw new AssertionError("mkfifo " + path + " failed");
    }
    return path;
  }
}
