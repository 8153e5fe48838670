/**
 * The append-only audit trail: who read or changed which resource, when and why, written before data is returned,
 * and readable by auditors of the deployment's country through {@code GET /api/v1/audit-entries}.
 */
@NullMarked
package org.homeward.platform.audit;

import org.jspecify.annotations.NullMarked;
