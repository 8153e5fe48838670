package org.homeward.notification.contactpoint;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactPoints extends MongoRepository<ContactPoint, String> {

    List<ContactPoint> findByCountryOrderByNameAsc(String country);

    List<ContactPoint> findByCountryAndKind(String country, ContactPointKind kind);

    List<ContactPoint> findByCountryAndKindAndAgencyId(String country, ContactPointKind kind, String agencyId);

    boolean existsByEscalationContactPointId(String contactPointId);
}
