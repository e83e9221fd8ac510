package io.github.fenqi.spring;

import io.micrometer.common.KeyValue;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Spring's {@code http.server.requests} tags, except that a request whose client hung up before its answer was written
 * is {@code status="499"} (nginx's "client closed request"), {@code outcome="CLIENT_ERROR"}. It was counted with the
 * status the answer would have had — {@code 200 SUCCESS} for a calculation nobody received, {@code 201} for a
 * submission whose id never reached the client — so dashboards showed as served what was lost.
 *
 * <p>A hang-up is known when writing the answer fails ({@link ProblemHandler} marks the request) or the failure
 * reaches the filter. A connection closed normally an instant before a short answer may still take the write (TCP
 * learns of the close only afterwards): that answer counts as delivered. What the request did stays done and recorded
 * — a submission is stored and audited, a proposal counted — whether or not its answer arrived.
 *
 * <p>Thread-safety: stateless.
 */
@Component
class ClientGoneObservationConvention extends DefaultServerRequestObservationConvention {
  /** The request attribute {@link ProblemHandler} sets when the client went away. */
  static final String CLIENT_GONE = ClientGoneObservationConvention.class.getName() + ".clientGone";
  /** The status tag of a request whose client closed the connection before its answer. */
  static final String STATUS = "499";

  @Override
  protected KeyValue status(ServerRequestObservationContext context) {
    return gone(context) ? KeyValue.of("status", STATUS) : super.status(context);
  }

  @Override
  protected KeyValue outcome(ServerRequestObservationContext context) {
    return gone(context) ? KeyValue.of("outcome", "CLIENT_ERROR") : super.outcome(context);
  }

  private static boolean gone(ServerRequestObservationContext context) {
    return context.getCarrier().getAttribute(CLIENT_GONE) != null
        || context.getError() != null && DisconnectedClientHelper.isClientDisconnectedException(context.getError());
  }
}
