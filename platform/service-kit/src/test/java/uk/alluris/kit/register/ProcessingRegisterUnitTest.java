package uk.alluris.kit.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ProcessingRegisterUnitTest {

    private static final Set<String> DATA_SERVICES =
            Set.of("booking-service", "records-service", "consent-service", "marketing-service", "rights-request-service");

    static ProcessingRegister committedRegister() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("register", new ClassPathResource("alluris-register.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("alluris.register", ProcessingRegister.class).get();
    }

    @Test
    void theCommittedRegisterIsConsistentAndEveryCategoryHasAnEndDateAndAnOwner() throws Exception {
        var register = committedRegister();

        assertThat(RegisterCheck.problems(register)).isEmpty();
        assertThat(register.categories()).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(category -> assertThat(DATA_SERVICES).contains(category.heldBy()));
        assertThat(register.category("payments").orElseThrow().retention())
                .satisfies(retention -> {
                    assertThat(retention.period()).isEqualTo(Period.ofYears(6));
                    assertThat(retention.startsAt()).isEqualTo(ProcessingRegister.RetentionStart.END_OF_FINANCIAL_YEAR);
                });
        assertThat(register.categoriesHeldBy("records-service")).extracting(ProcessingRegister.DataCategory::key)
                .contains("clinical-records", "read-audits");
        assertThat(register.transfers()).isNotEmpty().allSatisfy(transfer -> assertThat(transfer.safeguard()).isNotBlank());
    }

    @Test
    void aRegisterThatNamesWhatItDoesNotDefineOrMovesDataAbroadWithoutASafeguardIsRefused() {
        var category = new ProcessingRegister.DataCategory("payments", "Payments", "booking-service",
                ProcessingRegister.LegalBasis.LEGAL_OBLIGATION, false, null);
        var register = new ProcessingRegister("clinic", "contact",
                List.of(new ProcessingRegister.Purpose("care", "care", ProcessingRegister.LegalBasis.CONTRACT,
                        List.of("photos"))),
                List.of(category),
                List.of(new ProcessingRegister.Recipient("psp", "PSP", ProcessingRegister.RecipientRole.PROCESSOR,
                        "cards", List.of("payments"))),
                List.of(new ProcessingRegister.Transfer("psp", "United States", " "),
                        new ProcessingRegister.Transfer("nobody", "Nowhere", "IDTA")));

        assertThat(RegisterCheck.problems(register)).containsExactlyInAnyOrder(
                "category payments needs a retention period, starts-at and ground",
                "purpose care names unknown category photos",
                "transfer to psp has no safeguard",
                "transfer names unknown recipient nobody");
    }
}
