package org.homeward.matching.proposals;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Proposals ({@code homeward.matching.proposals}).
 *
 * @param reproposalMargin how far (in score units, log2 likelihood ratio) new evidence must raise a rejected pair's
 *     score above the score it was rejected at before it is proposed again; 1.0 means twice as likely
 */
@Validated
@ConfigurationProperties("homeward.matching.proposals")
record ProposalProperties(
        @DefaultValue("1.0") @PositiveOrZero double reproposalMargin) {}
