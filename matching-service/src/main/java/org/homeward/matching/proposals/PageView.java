package org.homeward.matching.proposals;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of results, with what a client needs to ask for the next. */
record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(
                page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
