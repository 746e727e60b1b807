package uk.alluris.records.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules recordsAccess() {
        return rules -> rules
                // a manufacturer's recall: every client treated from a batch (audited, with a reason)
                .requestMatchers(HttpMethod.GET, "/api/records/recalls").hasAnyRole("CLINICIAN", "ADMIN")
                // a signed consent form's PDF: a client downloads their own (checked against the form's subject)
                .requestMatchers(HttpMethod.GET, "/api/records/consent-forms/*/pdf")
                .hasAnyRole("CLINICIAN", "PRIVACY_OFFICER", "CLIENT")
                // the review list of contraindication flags: clinicians only (the officer has no clinical decision to make)
                .requestMatchers("/api/records/reviews/**").hasRole("CLINICIAN")
                // a client answers their own medical questionnaire from the portal (checked against the subject)
                .requestMatchers(HttpMethod.POST, "/api/records/subjects/*/questionnaires").hasAnyRole("CLINICIAN", "CLIENT")
                // a photo's marketing use (checked against the consent ledger each time): clinicians and admins
                .requestMatchers(HttpMethod.GET, "/api/records/photos/*/marketing").hasAnyRole("CLINICIAN", "ADMIN")
                // clinical records are read by clinicians, and by the privacy officer acting on a request (reads of a
                // restricted person need a reason and are audited); never by reception
                .requestMatchers(HttpMethod.GET, "/api/records/**").hasAnyRole("CLINICIAN", "PRIVACY_OFFICER")
                // and written by clinicians alone: the officer acts on requests, and a clinical record is not theirs
                // to write (403 problem)
                .requestMatchers("/api/records/**").hasRole("CLINICIAN");
    }
}
