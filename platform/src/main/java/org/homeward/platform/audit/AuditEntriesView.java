package org.homeward.platform.audit;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of the audit trail, as {@code GET /api/v1/audit-entries} answers it. */
record AuditEntriesView(List<AuditEntry> entries, int page, int size, long totalElements, int totalPages) {

    static AuditEntriesView of(Page<AuditEntry> page) {
        return new AuditEntriesView(
                page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
