package org.homeward.registry.childrecord;

/** A record with its sealed details opened, as the service hands it to an authorised caller. */
record ChildRecordDetails(ChildRecord record, SensitiveDetails sensitive) {}
