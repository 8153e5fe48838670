package org.homeward.matching.proposals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's confirmation or rejection.
 *
 * @param reason why, in a few words; it is published with the decision, so it must not contain personal data
 */
record DecisionForm(@NotBlank @Size(max = 500) String reason) {}
