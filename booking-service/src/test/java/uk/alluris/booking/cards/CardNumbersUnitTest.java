package uk.alluris.booking.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersUnitTest {

    @ParameterizedTest
    @ValueSource(strings = { "4111111111111111", "4111 1111 1111 1111", "card 5555-5555-5555-4444 please",
            "ref:378282246310005", "6011111111111117" })
    void aCardNumberAnywhereInTheTextIsFound(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pi_3NfKq2LkdIwHu7ix0x5Yh8Tq", "4111111111111112", "07911 123456", "2026-11-25 10:30",
            "ch_1234567890", "batch 12345678" })
    void processorReferencesPhoneNumbersAndDatesAreNotCardNumbers(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).isFalse();
    }
}
