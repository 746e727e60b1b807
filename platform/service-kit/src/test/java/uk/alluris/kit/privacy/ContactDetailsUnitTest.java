package uk.alluris.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.InvalidEmailAddress;
import uk.alluris.kit.identity.InvalidPhoneNumber;

class ContactDetailsUnitTest {

    private final BlindIndexer indexer = new BlindIndexer(new BlindIndexProperties("a-test-secret-that-is-long-enough-000", "GB"));
    private final ContactDetails held = ContactDetails.of("Ann@Example.com", "07911 123456", indexer);

    @Test
    void detailsAreNormalisedAndEachIsKeptBesideItsBlindIndex() {
        assertThat(held).isEqualTo(new ContactDetails("ann@example.com", indexer.email("ann@example.com"),
                "+447911123456", indexer.phone("07911 123456")));
        assertThat(ContactDetails.of(" ", null, indexer)).isEqualTo(ContactDetails.NONE);
        assertThat(ContactDetails.NONE.isEmpty()).isTrue();
        assertThatThrownBy(() -> ContactDetails.of(null, "12", indexer)).isInstanceOf(InvalidPhoneNumber.class);
    }

    @Test
    void aCorrectionReplacesOnlyWhatItCorrectsWithTheIndexThatFollows() {
        ContactDetails newEmail = ContactDetails.requestedBy(new Corrections(null, "new@example.com", null, null), indexer);

        ContactDetails corrected = held.corrected(newEmail);

        assertThat(corrected.email()).isEqualTo("new@example.com");
        assertThat(corrected.emailIndex()).isEqualTo(indexer.email("new@example.com"));
        assertThat(corrected.phone()).isEqualTo(held.phone());
        assertThat(corrected.phoneIndex()).isEqualTo(held.phoneIndex());
        assertThat(held.corrected(ContactDetails.NONE)).isEqualTo(held);
        assertThatThrownBy(() -> ContactDetails.requestedBy(new Corrections(null, " ", null, null), indexer))
                .isInstanceOf(InvalidEmailAddress.class);
    }

    @Test
    void aCorrectedIdentifierThatAlreadyIdentifiesSomeoneElseIsLeftOutAndNamed() {
        ContactDetails asked = ContactDetails.of("theirs@example.com", "07911 123457", indexer);
        Map<String, List<String>> holders = Map.of(indexer.email("theirs@example.com"), List.of("someone-else"));

        ContactDetails.Claimed claimed = asked.unclaimed(Set.of("me"), index -> holders.getOrDefault(index, List.of()),
                index -> List.of());

        assertThat(claimed.refused()).containsExactly("email");
        assertThat(claimed.applicable()).isEqualTo(new ContactDetails(null, null, asked.phone(), asked.phoneIndex()));
    }

    @Test
    void anAddressLearntLaterFillsAGapButNeverReplacesWhatIsHeld() {
        ContactDetails phoneOnly = ContactDetails.of(null, "07911 123456", indexer);
        ContactDetails other = ContactDetails.of("ann@example.com", "07911 123458", indexer);

        assertThat(phoneOnly.fillingIn(other)).isEqualTo(new ContactDetails(other.email(), other.emailIndex(),
                phoneOnly.phone(), phoneOnly.phoneIndex()));
    }

    @Test
    void plaintextNeverAppearsInTheTextForm() {
        assertThat(held.toString()).isEqualTo("ContactDetails[email, phone]").doesNotContain("ann");
    }

    @Test
    void wideningAddsEveryIdentifierOfTheRecordsFoundAfterTheRequestsOwnWithoutRepeatsOrNulls() {
        record Found(String id, ContactDetails contact) {
        }
        SubjectIdentifiers request = new SubjectIdentifiers(List.of(), held.emailIndexes(), List.of());
        List<Found> found = List.of(new Found("s-1", held), new Found("s-2", ContactDetails.of("ann@example.com", null, indexer)));

        SubjectIdentifiers person = Widening.widen(request, found, Found::id, Found::contact);

        assertThat(person).isEqualTo(new SubjectIdentifiers(List.of("s-1", "s-2"), held.emailIndexes(), held.phoneIndexes()));
    }
}
