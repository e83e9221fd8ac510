package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.FenqiException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A second process that tries to open an audit log for writing: exit 0 when it could, 3 with the message when it was
 * refused; with a third argument {@code hold} it keeps the log open until its standard input closes, with
 * {@code append} it appends one entry and prints {@code appended <sequence>} once the append has returned, with
 * {@code fill} it appends entries one by one until one fails (under a file size limit), prints {@code acknowledged
 * <last sequence>} and {@code failed: <why>}, then {@code then: <why>} for one more append.
 * {@link FileAuditLogTest} runs it as a child JVM, because a file lock held by the test's own JVM cannot be tested from
 * inside it (the JDK refuses overlapping locks per JVM before the operating system is asked), and under strace to see
 * the system calls of an append.
 */
final class SecondWriter {
  private SecondWriter() {}

  public static void main(String[] args) throws java.io.IOException {
    AuditKey key = AuditKey.of(Base64.getDecoder().decode(args[1]));
    try (FileAuditLog log = FileAuditLog.open(Path.of(args[0]), key)) {
      System.out.println("opened at " + log.lastSequence());
      System.out.flush();
      if (args.length > 2 && args[2].equals("append")) {
        System.out.println("appended " + log.append(AuditEvent.of("child", AuditAction.OTHER, "x")).sequence());
        System.out.flush();
      }
      if (args.length > 2 && args[2].equals("fill")) {
        fill(log);
      }
      if (args.length > 2 && args[2].equals("hold")) {
        System.in.readAllBytes(); // until the parent closes our input
      }
      System.exit(0);
    } catch (FenqiException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }

  /** Appends until an append fails (at most 100 000), then once more; prints what was acknowledged and each failure. */
  private static void fill(FileAuditLog log) {
    long acknowledged = 0;
    try {
      for (int i = 0; i < 100_000; i++) {
        acknowledged = log.append(AuditEvent.of("child", AuditAction.OTHER, "x")).sequence();
      }
    } catch (FenqiException e) {
      System.out.println("acknowledged " + acknowledged);
      System.out.println("failed: " + e.getMessage());
    }
    try {
      System.out.println("appended after the failure " + log.append(AuditEvent.of("child", AuditAction.OTHER, "y")));
    } catch (FenqiException e) {
      System.out.println("then: " + e.getMessage());
    }
    System.out.flush();
  }
}
