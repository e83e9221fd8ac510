package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import io.github.fenqi.optaplanner.OptaPlannerProposalSolver;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What a user gets from Maven Central's view of fenqi: each library works on the JDK this runs on, with the
 * versions of its third-party dependencies that fenqi is built and tested with.
 */
class FenqiAsADependencyTest {
  private static final Path SAMPLES = Path.of(System.getProperty("fenqi.samples"));

  @Test
  void theEngineRunsWithRulesAndTheOptaPlannerSolver() {
    // compiling the sample rules is what failed on Java 21+ with the mvel2 that easy-rules-mvel brings
    EasyRulesEligibilityEvaluator rules = EasyRulesEligibilityEvaluator.openStrict(SAMPLES.resolve("rules"));
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(JsonDirectoryPolicyRepository.openStrict(SAMPLES.resolve("policies")))
        .eligibility(rules)
        .solver(OptaPlannerProposalSolver.builder().timeLimit(Duration.ofMillis(200)).build())
        .build();

    NegotiationResult result =
        engine.calculate(NegotiationRequest.read(SAMPLES.resolve("cases/shanghai-three-debts-feasible.json")));

    assertTrue(result.feasible(), () -> "infeasible: " + result.reason());
    assertEquals(3, result.proposals().size());
  }

  @Test
  void policyTextIsExtracted() {
    var r = PolicyTextExtractor.create().extract("逾期超过3个月的客户最长可分五年偿还，罚息最高减免百分之五十，本金不予减免。");

    assertEquals(60, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
  }

  @Test
  void mvelIsTheReleaseFenqiPins() throws IOException {
    String version = mavenVersion("org.mvel", "mvel2");

    assertTrue(version.startsWith("2.5."), () -> "mvel2 " + version + " on the classpath; fenqi pins 2.5.x");
  }

  @Test
  void everyJacksonModuleHasOneVersion() {
    String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();

    assertEquals(databind, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core");
    assertEquals(databind, com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString(),
        "jackson-dataformat-yaml");
  }

  @Test
  void everyLibraryHasAStableModuleName() throws URISyntaxException {
    assertEquals("io.github.fenqi.core", moduleName(NegotiationEngine.class));
    assertEquals("io.github.fenqi.rules", moduleName(EasyRulesEligibilityEvaluator.class));
    assertEquals("io.github.fenqi.optaplanner", moduleName(OptaPlannerProposalSolver.class));
    assertEquals("io.github.fenqi.nlp", moduleName(PolicyTextExtractor.class));
  }

  /** The name the module system gives the jar {@code type} comes from, as a user's module path would. */
  private static String moduleName(Class<?> type) throws URISyntaxException {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(jar).findAll().stream()
        .map(ModuleReference::descriptor)
        .map(d -> d.name())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module in " + jar));
  }

  private static String mavenVersion(String group, String artifact) throws IOException {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = FenqiAsADependencyTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no " + resource + " on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }
}
