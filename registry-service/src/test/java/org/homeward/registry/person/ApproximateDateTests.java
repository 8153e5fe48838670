package org.homeward.registry.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApproximateDateTests {

    @Test
    void rejectsDayWithoutMonth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ApproximateDate(2015, null, 3))
                .withMessage("day given without month");
    }

    @Test
    void rejectsThirtiethOfFebruary() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ApproximateDate(2016, 2, 30));
    }

    @Test
    void acceptsLeapDayOnlyInLeapYears() {
        assertThat(new ApproximateDate(2016, 2, 29).latest()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApproximateDate(2015, 2, 29));
    }

    @Test
    void yearOnlySpansTheWholeYear() {
        var year = new ApproximateDate(2014, null, null);

        assertThat(year.earliest()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(year.latest()).isEqualTo(LocalDate.of(2014, 12, 31));
    }

    @Test
    void monthSpansTheWholeMonth() {
        assertThat(new ApproximateDate(2016, 2, null).latest()).isEqualTo(LocalDate.of(2016, 2, 29));
    }

    @Test
    void keepsTheDateOutOfItsText() {
        assertThat(new ApproximateDate(2014, 5, 17).toString()).doesNotContain("2014");
    }
}
