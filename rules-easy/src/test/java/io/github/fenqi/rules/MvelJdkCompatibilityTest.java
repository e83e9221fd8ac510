package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.mvel2.MVEL;

/**
 * The MVEL on the class path runs on every JDK from 17 on. mvel2 before 2.5 referred to {@code java.lang.Compiler},
 * which JDK 21 removed: on Java 21 and later every rule compile failed with {@code NoClassDefFoundError} (easy-rules
 * 4.1.0 brings 2.4.x; the parent pom pins 2.5.2.Final). This reads the jar the tests run with, so it fails on Java 17
 * too if the pin is ever lost.
 */
class MvelJdkCompatibilityTest {
  @Test
  void noMvelClassRefersToAClassRemovedFromTheJdk() throws IOException, URISyntaxException {
    Path jar = Path.of(MVEL.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> referring = new ArrayList<>();
    int classes = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        try (InputStream in = file.getInputStream(entry)) {
          // class names sit in the constant pool as modified UTF-8, which is plain ASCII for these
          if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("java/lang/Compiler")) {
            referring.add(entry.getName());
          }
        }
      }
    }
    assertTrue(classes > 100, "read " + classes + " classes from " + jar);
    assertEquals(List.of(), referring, jar.getFileName() + " refers to java.lang.Compiler (removed in JDK 21)");
  }

  @Test
  void aConditionCompilesAndRuns() {
    Object compiled = MVEL.compileExpression("overdueDays > 90 && hasHardshipProof");
    assertEquals(Boolean.TRUE,
        MVEL.executeExpression(compiled, java.util.Map.of("overdueDays", 120, "hasHardshipProof", true)));
  }
}
