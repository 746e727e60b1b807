package uk.alluris.gateway.staff;

/** Staff roles; what each may do is enforced by every service on its own endpoints. */
enum Role {
    RECEPTION, CLINICIAN, PRIVACY_OFFICER, ADMIN
}
