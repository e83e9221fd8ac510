package io.github.fenqi.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type the SDK writes rather than reads from a user (a negotiation result, a proposal set, a schedule, a
 * stress test): its amounts, and those of every value inside it, are read back from JSON over the whole range a
 * {@link io.github.fenqi.core.money.Money} holds, not only within the input limit of ±10^15 yuan. The limit keeps the
 * sums over what a user gives (a case, a policy, a statement's declared figures) from overflowing; what the SDK worked
 * out from them may pass it (a total of several debts near it, a stress shortfall at an extreme configuration), and
 * had been written, then refused when read back. {@link FenqiJson#newMapper()}'s mappers apply it; an amount read
 * outside such a type, a lone one included, keeps the input limit.
 *
 * <p>Thread-safety: an annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SdkOutput {}
