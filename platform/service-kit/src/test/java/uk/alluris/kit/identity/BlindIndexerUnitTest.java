package uk.alluris.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlindIndexerUnitTest {

    private final BlindIndexer indexer = new BlindIndexer(new BlindIndexProperties("a-test-secret-that-is-long-enough-000", "GB"));

    @Test
    void theSameAddressWrittenDifferentlyIsTheSamePerson() {
        assertThat(indexer.email("  Jane.Doe@Example.COM ")).isEqualTo(indexer.email("jane.doe@example.com"));
    }

    @Test
    void theSameNumberWrittenDifferentlyIsTheSamePerson() {
        String national = indexer.phone("07911 123456");
        assertThat(indexer.phone("+44 7911 123456")).isEqualTo(national);
        assertThat(indexer.phone("+447911123456")).isEqualTo(national);
        assertThat(indexer.normalisePhone("(07911) 123-456")).isEqualTo("+447911123456");
    }

    @Test
    void anIndexIsOpaqueBase64UrlOfAnHmac() {
        String index = indexer.email("jane.doe@example.com");
        assertThat(index).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("jane");
        assertThat(indexer.email("john.doe@example.com")).isNotEqualTo(index);
    }

    @Test
    void anotherSecretGivesUnrelatedIndexes() {
        BlindIndexer other = new BlindIndexer(new BlindIndexProperties("another-secret-that-is-long-enough-111", "GB"));
        assertThat(other.email("jane.doe@example.com")).isNotEqualTo(indexer.email("jane.doe@example.com"));
    }

    @Test
    void malformedInputIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> indexer.phone("12")).isInstanceOf(InvalidPhoneNumber.class)
                .hasMessageNotContaining("12");
        assertThatThrownBy(() -> indexer.phone("not a number")).isInstanceOf(InvalidPhoneNumber.class);
        assertThatThrownBy(() -> indexer.email("jane.doe")).isInstanceOf(InvalidEmailAddress.class)
                .hasMessageNotContaining("jane");
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new BlindIndexProperties("short", "GB")).isInstanceOf(IllegalArgumentException.class);
    }
}
