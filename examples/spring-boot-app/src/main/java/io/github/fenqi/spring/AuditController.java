package io.github.fenqi.spring;

import io.github.fenqi.core.security.audit.AuditCheckpoint;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * (ADMIN) The audit log's signed checkpoint — its entry count and head hash under the audit key — for an operator's job
 * to fetch regularly and keep outside this host: {@code fenqi audit verify LOG --checkpoint FILE} then shows entries
 * cut off the log's tail, which its hash chain alone cannot.
 *
 * <p>Thread-safety: stateless; the log's checkpoint is of its durable entries.
 */
@RestController
class AuditController {
  private final FileAuditLog audit;

  AuditController(FileAuditLog audit) {
    this.audit = audit;
  }

  @GetMapping(value = "/api/admin/audit/checkpoint", produces = "application/json")
  Map<String, Object> checkpoint() {
    AuditCheckpoint c = audit.checkpoint();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("sequence", c.sequence());
    response.put("headHash", c.headHash());
    response.put("checkpoint", c.toText());
    return response;
  }
}
