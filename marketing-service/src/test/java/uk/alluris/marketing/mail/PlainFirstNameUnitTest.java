package uk.alluris.marketing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainFirstNameUnitTest {

    @Test
    void aPlainNameGivesItsFirstWord() {
        assertThat(PlainFirstName.of("Robin Hale")).isEqualTo("Robin");
        assertThat(PlainFirstName.of("  Anne-Marie   O'Neil ")).isEqualTo("Anne-Marie");
        assertThat(PlainFirstName.of("Zoë Ångström")).isEqualTo("Zoë");
        assertThat(PlainFirstName.of("D\u2019Arcy")).isEqualTo("D\u2019Arcy");
    }

    @Test
    void anythingButLettersSpacesHyphensAndApostrophesLeavesTheNameOut() {
        assertThat(PlainFirstName.of("Win a prize at https://evil.example")).isNull();
        assertThat(PlainFirstName.of("<a href=x>Bob</a>")).isNull();
        assertThat(PlainFirstName.of("Bob\nSubject: hello")).isNull();
        assertThat(PlainFirstName.of("Call 07911 123456")).isNull();
        assertThat(PlainFirstName.of("evil.example")).isNull();
        assertThat(PlainFirstName.of("-Bob")).isNull();
        assertThat(PlainFirstName.of("")).isNull();
        assertThat(PlainFirstName.of(null)).isNull();
    }

    @Test
    void aLongNameOrALongFirstWordIsLeftOut() {
        assertThat(PlainFirstName.of("A".repeat(PlainFirstName.MAX_FIRST_NAME + 1) + " Smith")).isNull();
        assertThat(PlainFirstName.of("Ann " + "B".repeat(PlainFirstName.MAX_NAME))).isNull();
        assertThat(PlainFirstName.of("A".repeat(PlainFirstName.MAX_FIRST_NAME))).hasSize(PlainFirstName.MAX_FIRST_NAME);
    }
}
