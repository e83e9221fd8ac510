package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module brings only what it runs: the solver scores with Bavet constraint streams and configures OptaPlanner in
 * code, yet {@code optaplanner-core} had also put the Drools constraint streams, DRL with the whole Drools engine and
 * its compilers (ecj, javaparser, antlr) and the JAXB runtime on every user's class path: 35 unused jars, 12 MB of
 * the 21 MB the module pulled in. The other tests show that the solver runs without them.
 */
class DependencyFootprintTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "org.optaplanner.constraint.streams.drools.DroolsConstraintStreamScoreDirectorFactoryService",
      "org.optaplanner.constraint.drl.DrlScoreDirectorFactoryService",
      "org.drools.core.WorkingMemory",
      "org.glassfish.jaxb.runtime.v2.ContextFactory"})
  void unusedOptaPlannerPartsAreNotOnTheClassPath(String className) {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName(className, false, DependencyFootprintTest.class.getClassLoader()), className);
  }
}
