package uk.alluris.rights.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param contactKeyset the Tink AEAD keyset (JSON, KMS-wrapped in production) that seals requesters' contact details
 *        ({@code ALLURIS_RIGHTS_CONTACT_KEYSET})
 */
@ConfigurationProperties("alluris.rights")
record ContactProperties(String contactKeyset) {
}
