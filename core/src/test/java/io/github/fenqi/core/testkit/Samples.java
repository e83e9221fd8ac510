package io.github.fenqi.core.testkit;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped sample data, read from the classpath ({@code samples/...}, the repo's {@code samples/} folder as
 * test resources of fenqi-core, shared through its test-jar).
 */
public final class Samples {
  public static final List<String> POLICY_FILES =
      List.of("demo-consumer-finance.json", "demo-credit-card.json", "demo-online-lender.json");
  public static final String CASE = "shanghai-three-debts.json";

  private Samples() {}

  public static byte[] bytes(String resource) {
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sample resource missing from the test classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Policy> policies() {
    List<Policy> out = new ArrayList<>();
    for (String f : POLICY_FILES) {
      out.add(new PolicyValidator().validate(bytes("samples/policies/" + f), f).orElseThrow());
    }
    return out;
  }

  public static NegotiationRequest sampleCase() {
    return NegotiationRequest.read(FenqiJson.newMapper(), bytes("samples/cases/" + CASE), CASE);
  }

  /**
   * The sample case with the borrower's monthly net income {@code income}: 3 000 yuan pays no plan's first installments
   * (the monthly budget binds), 60 000 yuan has proposals that are not RED, with scripts.
   */
  public static NegotiationRequest sampleCaseWithIncome(Money income) {
    NegotiationRequest sample = sampleCase();
    Borrower b = sample.borrower();
    return new NegotiationRequest(sample.caseId(), sample.asOf(), new Borrower(b.name(), b.idNumber(), b.mobile(),
        b.regionCode(), b.householdSize(), income, b.essentialExpenses(), b.liquidSavings(), b.hardships(),
        b.hasHardshipProof()), sample.debts());
  }

  /** Copies the sample policies into {@code dir} (for repository and CLI tests). */
  public static void copyPolicies(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f : POLICY_FILES) {
        Files.write(dir.resolve(f), bytes("samples/policies/" + f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
