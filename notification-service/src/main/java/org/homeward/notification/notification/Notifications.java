package org.homeward.notification.notification;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Notifications extends MongoRepository<Notification, String> {}
