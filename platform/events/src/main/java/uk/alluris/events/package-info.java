/**
 * The event contracts between Alluris services: plain Java records, the topics they travel on and the
 * CloudEvents type of each. Events carry subject ids and blind indexes, never plaintext personal data.
 * Changes are additive; a breaking change is a new {@code …v2} type published beside the old one.
 */
package uk.alluris.events;
