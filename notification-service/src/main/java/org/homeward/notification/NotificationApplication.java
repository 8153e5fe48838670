package org.homeward.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tells the right authorities about match proposals, exactly once, and escalates urgent alerts nobody takes up. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationApplication {

    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    // The implementation of the Jakarta Mail API that Spring Boot's mail starter brings (a runtime dependency).
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    public static void main(String[] args) {
        nameTheMailStreamProvider();
        SpringApplication.run(NotificationApplication.class, args);
    }

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} through {@code ServiceLoader} at every header or body it
     * encodes, a scan of every jar on the class path (jakartaee/mail-api#861): in a burst of alerts that was a
     * sizeable share of the CPU. Named by this system property, the API loads the class directly instead.
     */
    static void nameTheMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }
}
