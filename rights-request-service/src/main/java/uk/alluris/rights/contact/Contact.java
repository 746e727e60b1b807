package uk.alluris.rights.contact;

/** How to reach a requester and what they told us; kept only sealed. */
public record Contact(String email, String phone, String fullName, String details) {
}
