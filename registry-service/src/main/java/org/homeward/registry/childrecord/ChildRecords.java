package org.homeward.registry.childrecord;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ChildRecords extends MongoRepository<ChildRecord, String> {}
