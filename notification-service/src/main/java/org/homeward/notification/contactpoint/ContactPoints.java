package org.homeward.notification.contactpoint;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactPoints extends MongoRepository<ContactPoint, String> {

    List<ContactPoint> findByCountryOrderByNameAsc(String country);

    boolean existsByEscalationContactPointId(String contactPointId);
}
