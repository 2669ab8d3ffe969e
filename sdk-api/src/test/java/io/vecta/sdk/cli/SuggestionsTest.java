package io.vecta.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void shouldCountASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("verbose", "verbose")).isZero();
        assertThat(Suggestions.distance("verbsoe", "verbose")).isEqualTo(1);
        assertThat(Suggestions.distance("verbos", "verbose")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void shouldSuggestTheNearestWithinTwoEditsOrOneForShortWords() {
        List<String> words = List.of("verbose", "detail", "rx", "tx");

        assertThat(Suggestions.closest("verbsoe", words)).hasValue("verbose");
        assertThat(Suggestions.closest("detial", words)).hasValue("detail");
        assertThat(Suggestions.closest("vrbse", words)).hasValue("verbose");
        assertThat(Suggestions.closest("vrbs", words)).as("three edits").isEmpty();
        assertThat(Suggestions.closest("rz", words)).hasValue("rx");
        assertThat(Suggestions.closest("ab", words)).as("two edits of a short word").isEmpty();
        assertThat(Suggestions.closest("x", words)).as("an edit that replaces the whole candidate").isEmpty();
        assertThat(Suggestions.closest("verbose", words)).as("an exact word needs no suggestion").isEmpty();
    }
}
