package io.github.fenqi.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads a file a user named (a case, a lexicon, a statement, a policy text): a missing, unreadable or too large
 * file is an {@link InvalidInputException} naming it, never an {@code IOException} with a stack trace.
 *
 * <p>Thread-safety: stateless.
 */
public final class InputFiles {
  /**
   * The default limit, 64 MB: far above any case, policy, lexicon or policy text, and a bound on what a wrong path
   * ({@code /dev/zero}, a disk image) can make a reader hold.
   */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private InputFiles() {}

  /**
   * {@code bytes} from {@code offset} (past a byte-order mark, say) as UTF-8 text, decoded strictly: a file saved as
   * GBK had been read through a replacing decoder, its names and words turned into U+FFFD marks without a word.
   *
   * @param reason what to say of the first byte that is not UTF-8 (it is given that byte, 0–255)
   * @throws InvalidInputException at {@code source:line} of that byte, a line ending at LF, CR or CRLF as {@link
   *     java.io.BufferedReader} reads it, so the number is the one the file's reader gives its lines
   */
  public static String utf8(byte[] bytes, int offset, String source, java.util.function.IntFunction<String> reason) {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length - offset); // UTF-8 never decodes to more chars than bytes
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = offset; i < in.position(); i++) {
        line += bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n') ? 1 : 0;
      }
      throw new InvalidInputException(source + ":" + line, reason.apply(bytes[in.position()] & 0xff));
    }
    return out.flip().toString();
  }

  /** The file's bytes, refusing files larger than {@link #DEFAULT_MAX_BYTES}. */
  public static byte[] read(Path file) {
    return read(file, DEFAULT_MAX_BYTES);
  }

  /**
   * The file's bytes, refusing files larger than {@code maxBytes}. The limit holds while reading, not only against
   * the size the file system reports: a device or a pipe reports none ({@code /dev/zero} read until the JVM ran out of
   * memory).
   */
  public static byte[] read(Path file, long maxBytes) {
    try {
      return readBounded(file, maxBytes);
    } catch (TooLarge e) {
      throw new InvalidInputException(file.toString(), e.getMessage());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such file");
    } catch (IOException e) {
      // in our words, as a policy directory's folder is told: the system's were "cannot be read: Is a directory"
      throw new InvalidInputException(file.toString(), Files.isDirectory(file) ? "is a directory, not a file"
          : "cannot be read: " + reason(e));
    }
  }

  /**
   * Why a file could not be read, in words, for a message that already names the file: an
   * {@link java.nio.file.AccessDeniedException}'s message is only the file name ("case.json: cannot be read:
   * case.json"), a {@link java.nio.file.FileSystemException}'s names the file before its reason, and an interrupted
   * channel's is null. The audit log words its file errors with this too.
   */
  public static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null && !(e instanceof java.nio.file.FileSystemException) ? e.getMessage()
        : e.getClass().getSimpleName();
  }

  /**
   * {@link #read(Path, long)} for readers that report an unreadable file their own way (a policy directory's
   * watcher, a rules directory): a file over the limit is an {@link IOException} saying so.
   */
  public static byte[] readBounded(Path file, long maxBytes) throws IOException {
    if (Files.size(file) > maxBytes) {
      throw new TooLarge(maxBytes);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        throw new TooLarge(maxBytes);
      }
      return bytes;
    }
  }

  /**
   * Why {@code path}, which a directory listing named like a data file, is no file to read once symbolic links are
   * followed, in words for a message that names it: "is a directory, not a rule file", "is a pipe (FIFO), not a
   * policy file", "is a link to ../x.yml, which does not exist". Empty for a regular file, and for a path that is gone
   * and was no link (deleted since the listing). The path is never opened: opening a FIFO waits for a writer for ever.
   * Directory loaders that list regular files only had passed over the others in silence — a file moved away from
   * under its link was simply missing, and nothing said why.
   *
   * @param what what the path should have been ("a rule file")
   * @throws IOException when what it is cannot be told (a loop of links, no permission to look)
   */
  public static Optional<String> notRegularFile(Path path, String what) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Files.isSymbolicLink(path) ? Optional.of("is a link to " + linkTarget(path) + ", which does not exist")
          : Optional.empty();
    }
    return attributes.isRegularFile() ? Optional.empty()
        : Optional.of("is " + kind(path, attributes) + ", not " + what);
  }

  /**
   * What {@code file}, whose (link-followed) {@code attributes} say it is no regular file, is: "a directory", "a
   * character device", "a pipe (FIFO)"... — "not a regular file" alone left a user to find out what {@code /dev/null}
   * or a rule-file name given to a directory is.
   */
  public static String kind(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000; // S_IFMT
      return switch (type) {
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a pipe (FIFO)";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return "a special file";
    }
  }

  /** The target of the symbolic link {@code link}, as it is written, or "a path" when it cannot be read. */
  public static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "a path";
    }
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long maxBytes) {
      super("is larger than " + maxBytes + " bytes");
    }
  }
}
