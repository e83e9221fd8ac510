package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.FenqiException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A second process that tries to open an audit log for writing: exit 0 when it could, 3 with the message when it was
 * refused; with a third argument {@code hold} it keeps the log open until its standard input closes. {@link FileAuditLogTest} runs it as a child JVM, because a file lock held by the test's own JVM cannot be
 * tested from inside it (the JDK refuses overlapping locks per JVM before the operating system is asked).
 */
final class SecondWriter {
  private SecondWriter() {}

  public static void main(String[] args) throws java.io.IOException {
    AuditKey key = AuditKey.of(Base64.getDecoder().decode(args[1]));
    try (FileAuditLog log = FileAuditLog.open(Path.of(args[0]), key)) {
      System.out.println("opened at " + log.lastSequence());
      System.out.flush();
      if (args.length > 2 && args[2].equals("hold")) {
        System.in.readAllBytes(); // until the parent closes our input
      }
      System.exit(0);
    } catch (FenqiException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }
}
