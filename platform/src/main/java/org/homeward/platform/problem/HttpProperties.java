package org.homeward.platform.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on incoming HTTP requests ({@code homeward.http}).
 *
 * @param maxRequestBody the largest request body accepted; larger ones are answered with 413
 */
@ConfigurationProperties("homeward.http")
record HttpProperties(@DefaultValue("64KB") DataSize maxRequestBody) {}
