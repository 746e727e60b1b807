package uk.alluris.web.staff.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * The disclosure log: the officer records each disclosure to a third party (recipient and categories from the
 * register of processing, the kit's single source), sees the recent ones (recipients and dates only, as the rights
 * service answers them) and looks a person up by email or phone, posted so no identifier sits in an address.
 */
@Controller
class DisclosuresPage {

    private static final ParameterizedTypeReference<List<Disclosure>> LIST = new ParameterizedTypeReference<>() { };

    /** A disclosure as the rights service answers it; details only in a look-up of the person. */
    record Disclosure(UUID id, String recipient, String recipientName, List<String> categories, LocalDate disclosedOn,
            String legalBasis, boolean personTold, String exemptionGround, String details, String recordedBy,
            Instant recordedAt, boolean held, String heldBecause) {
    }

    record Recorded(String email, String phone, String recipient, String recipientName, List<String> categories,
            LocalDate disclosedOn, String legalBasis, Boolean personTold, String exemptionGround, String details) {
    }

    record Person(String email, String phone) {
    }

    private final ServiceCalls calls;
    private final ProcessingRegister register;

    DisclosuresPage(ServiceCalls calls, ProcessingRegister register) {
        this.calls = calls;
        this.register = register;
    }

    @GetMapping("/staff/officer/disclosures")
    String disclosures(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String recorded,
            Model model) {
        model.addAttribute("recorded", recorded != null);
        model.addAttribute("recent", Paged.of(calls.get(Service.RIGHTS, "/api/privacy/disclosures?size=200", LIST),
                page));
        model.addAttribute("recipients", register.recipients());
        model.addAttribute("categories", register.categories());
        model.addAttribute("bases", Arrays.stream(ProcessingRegister.LegalBasis.values()).map(Enum::name).toList());
        return "staff/officer/disclosures";
    }

    @PostMapping("/staff/officer/disclosures")
    String record(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String recipientName,
            @RequestParam(required = false) List<String> categories, @RequestParam(defaultValue = "") String disclosedOn,
            @RequestParam(defaultValue = "") String legalBasis, @RequestParam(required = false) String personTold,
            @RequestParam(defaultValue = "") String exemptionGround, @RequestParam(defaultValue = "") String details,
            Model model) {
        Recorded disclosure = new Recorded(blankless(email), blankless(phone), recipient, recipientName.strip(),
                categories == null ? List.of() : categories, day(disclosedOn), legalBasis,
                personTold == null ? null : "yes".equals(personTold), blankless(exemptionGround), details.strip());
        model.addAttribute("form", disclosure);
        if (disclosure.email() == null && disclosure.phone() == null) {
            return refused("Give the person's email or phone (or both), as the desk knows them.", model);
        }
        try {
            calls.post(Service.RIGHTS, "/api/privacy/disclosures", disclosure, Disclosure.class);
            return "redirect:/staff/officer/disclosures?recorded";
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            return refused("Not recorded. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    /** Posted, so the email or phone is in no address or access log; answers with the details of each disclosure. */
    @PostMapping("/staff/officer/disclosures/lookup")
    String lookUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
            Model model) {
        Person person = new Person(blankless(email), blankless(phone));
        if (person.email() == null && person.phone() == null) {
            model.addAttribute("lookupRefused", "Give an email or a phone to look up.");
            return disclosures(1, null, model);
        }
        try {
            model.addAttribute("found", calls.post(Service.RIGHTS, "/api/privacy/disclosures/lookup?size=200", person,
                    Disclosure[].class));
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            model.addAttribute("lookupRefused", "Not looked up. " + refused.title() + ": " + refused.detail());
        }
        return disclosures(1, null, model);
    }

    private String refused(String message, Model model) {
        model.addAttribute("refused", message);
        return disclosures(1, null, model);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
