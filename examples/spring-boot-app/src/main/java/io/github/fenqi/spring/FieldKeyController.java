package io.github.fenqi.spring;

import io.github.fenqi.core.DecryptionException;
import io.github.fenqi.core.security.BlindIndex;
import io.github.fenqi.core.security.FieldCipher;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * (ADMIN) Moves every stored identifier to the active field key, the step of a key rotation between starting with
 * the new key (the old one retired, {@code FENQI_RETIRED_FIELD_KEYS}) and dropping the old one (README), and
 * recomputes each ID number's blind index under the current index key (so that key can be replaced too: look-ups by
 * ID number miss the rows not yet walked until the walk is done). Each row is
 * moved whole by one statement, so an interrupted walk leaves every row readable and a second call finishes it; a
 * row that cannot be decrypted is listed and left as it is. The walk is one {@code KEY_ROTATION} audit entry.
 *
 * <p>Thread-safety: stateless; concurrent walks are safe (a row another walk moved first is left alone).
 */
@RestController
class FieldKeyController {
  private static final int PAGE = 500;
  private final SubmissionStore store;
  private final FieldCipher cipher;
  private final BlindIndex blindIndex;
  private final FileAuditLog audit;

  FieldKeyController(SubmissionStore store, FieldCipher cipher, BlindIndex blindIndex, FileAuditLog audit) {
    this.store = store;
    this.cipher = cipher;
    this.blindIndex = blindIndex;
    this.audit = audit;
  }

  @PostMapping(value = "/api/admin/field-keys/reencrypt", produces = "application/json")
  Map<String, Object> reencrypt(Principal principal) {
    int examined = 0;
    int moved = 0;
    int reindexed = 0;
    List<Unreadable> failed = new ArrayList<>();
    String after = "";
    for (List<SubmissionStore.Ciphers> page = store.ciphersAfter(after, PAGE); !page.isEmpty();
        page = store.ciphersAfter(after, PAGE)) {
      for (SubmissionStore.Ciphers row : page) {
        examined++;
        after = row.id();
        try {
          // the index is recomputed from the ID number under the current index key, so FENQI_INDEX_KEY rotates too
          String index = blindIndex.index("idNumber", cipher.decrypt(row.id(), "idNumber", row.idNumber()));
          boolean reindex = !index.equals(row.idNumberIndex());
          if (reindex || cipher.needsReencryption(row.name()) || cipher.needsReencryption(row.idNumber())
              || cipher.needsReencryption(row.mobile())) {
            SubmissionStore.Ciphers now = new SubmissionStore.Ciphers(row.id(),
                cipher.reencrypt(row.id(), "name", row.name()), cipher.reencrypt(row.id(), "idNumber", row.idNumber()),
                cipher.reencrypt(row.id(), "mobile", row.mobile()), index);
            if (store.replaceCiphers(row, now)) {
              moved += now.equals(new SubmissionStore.Ciphers(row.id(), row.name(), row.idNumber(), row.mobile(), index))
                  ? 0 : 1;
              reindexed += reindex ? 1 : 0;
            }
          }
        } catch (DecryptionException e) {
          failed.add(new Unreadable(row.id(), e.getMessage()));
        }
      }
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("activeKeyId", cipher.activeKeyId());
    details.put("examined", Integer.toString(examined));
    details.put("reencrypted", Integer.toString(moved));
    details.put("reindexed", Integer.toString(reindexed));
    details.put("failed", Integer.toString(failed.size()));
    audit.append(new AuditEvent("admin:" + principal.getName(), AuditAction.KEY_ROTATION, "submission", details));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("activeKeyId", cipher.activeKeyId());
    response.put("examined", examined);
    response.put("reencrypted", moved);
    response.put("reindexed", reindexed);
    response.put("failed", failed);
    return response;
  }

  /** A submission no held key opens, in the response's {@code failed} list (a record: its fields in this order). */
  record Unreadable(String submissionId, String reason) {}
}
