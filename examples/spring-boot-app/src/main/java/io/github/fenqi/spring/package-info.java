/**
 * fenqi embedded in a Spring Boot 3 REST service: calculate, submit and read back proposals, query and (admins)
 * replace lender policies without a restart, record lenders' answers for the acceptance monitor. Bearer-token
 * roles, RFC 9457 problem+json errors, Micrometer metrics at {@code /actuator/prometheus}.
 */
@NullMarked
package io.github.fenqi.spring;

import org.jspecify.annotations.NullMarked;
