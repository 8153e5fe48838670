package org.homeward.notification.delivery;

import org.homeward.notification.contactpoint.Channel;

/**
 * Published (as a Spring application event) when a delivery reached its contact point, and again by the recovery
 * pass until the notification has recorded it; listeners must be idempotent on {@code deliveryId}.
 */
public record DeliveryCompleted(String deliveryId, String notificationId, String contactPointId, Channel channel) {}
