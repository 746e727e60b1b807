package uk.alluris.systemtests;

import java.util.List;

/**
 * The routes the fuzzer aims at through the gateway, public and staff, each with a body that would be accepted (so a
 * mutation of one member is malformed in exactly that member) and the query parameters the route reads. Ids are
 * random and unknown: a request that slipped through validation would find nothing to change.
 */
final class FuzzRoutes {

    /** Who calls: nobody (a public route) or one of the seeded staff accounts. */
    enum Caller { ANONYMOUS, RECEPTION, CLINICIAN, OFFICER, ADMIN }

    record Route(String method, String path, Caller caller, String body, List<String> queries) {
        boolean hasBody() {
            return body != null;
        }
    }

    static final String ID = "{id}";

    static final List<Route> ALL = List.of(
            // public: a person, a browser, a partner, the payment processor
            new Route("POST", "/api/privacy/requests", Caller.ANONYMOUS, """
                    {"type":"ERASURE","email":"fuzz@example.com","phone":"07400 123456","fullName":"Fuzz Person"}""",
                    List.of()),
            new Route("POST", "/api/privacy/requests/" + ID + "/verification", Caller.ANONYMOUS,
                    "{\"code\":\"123456\"}", List.of()),
            new Route("GET", "/api/privacy/requests/" + ID + "/bundle", Caller.ANONYMOUS, null, List.of()),
            new Route("POST", "/api/marketing/subscriptions", Caller.ANONYMOUS, """
                    {"email":"fuzz@example.com","fullName":"Fuzz Person","lists":["newsletter"],"channels":["email"],
                     "consentText":"Yes, email me news","formId":"website-footer"}""", List.of()),
            new Route("GET", "/api/marketing/subscriptions/confirm", Caller.ANONYMOUS, null, List.of("token")),
            new Route("POST", "/api/consents/visitors/" + ID + "/decisions", Caller.ANONYMOUS, """
                    {"categories":{"necessary":true,"analytics":false,"advertising":false},
                     "bannerVersion":"2026-11-30","policyVersion":"2026-01"}""", List.of()),
            new Route("POST", "/auth/client/code", Caller.ANONYMOUS, "{\"email\":\"fuzz@example.com\"}", List.of()),
            new Route("POST", "/auth/client/token", Caller.ANONYMOUS,
                    "{\"email\":\"fuzz@example.com\",\"code\":\"123456\"}", List.of()),
            new Route("POST", "/auth/login", Caller.ANONYMOUS,
                    "{\"username\":\"nobody@fuzz.invalid\",\"password\":\"not-a-password\"}", List.of()),
            new Route("POST", "/webhooks/payments", Caller.ANONYMOUS,
                    "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_1\"}}}",
                    List.of()),
            new Route("POST", "/webhooks/leads/acme", Caller.ANONYMOUS,
                    "{\"email\":\"fuzz@example.com\",\"fullName\":\"Fuzz Person\",\"consent\":true}", List.of()),
            // staff: reception, clinician, privacy officer, administrator
            new Route("POST", "/api/bookings/clients", Caller.RECEPTION, """
                    {"fullName":"Fuzz Person","email":"fuzz@example.com","phone":"07400 123456","dateOfBirth":"1984-07-19"}""",
                    List.of()),
            new Route("GET", "/api/bookings/clients", Caller.RECEPTION, null, List.of("email", "phone", "name")),
            new Route("GET", "/api/bookings/clients/" + ID, Caller.RECEPTION, null, List.of()),
            new Route("POST", "/api/bookings/appointments", Caller.RECEPTION, """
                    {"clientId":"00000000-0000-4000-8000-000000000001","treatmentId":"00000000-0000-4000-8000-000000000002",
                     "practitionerId":"00000000-0000-4000-8000-000000000003","start":"2030-01-07T10:00:00Z"}""",
                    List.of()),
            new Route("POST", "/api/bookings/appointments/" + ID + "/cancellation", Caller.RECEPTION, "{}", List.of()),
            new Route("GET", "/api/bookings/availability", Caller.RECEPTION, null,
                    List.of("treatment", "from", "to", "practitioner")),
            new Route("GET", "/api/bookings/diary", Caller.RECEPTION, null, List.of("date", "practitioner")),
            new Route("POST", "/api/bookings/payments", Caller.RECEPTION, """
                    {"appointmentId":"00000000-0000-4000-8000-000000000001","amountPence":32000,"status":"PAID",
                     "processorReference":"pi_fuzz"}""", List.of()),
            new Route("POST", "/api/records/entries", Caller.CLINICIAN, """
                    {"email":"fuzz@example.com","kind":"TREATMENT","recordedAt":"2026-01-05T10:00:00Z",
                     "fields":{"product":"Restylane","batch":"R-1"},"notes":"Reviewed history"}""", List.of()),
            new Route("GET", "/api/records/entries/" + ID, Caller.CLINICIAN, null, List.of("reason")),
            new Route("GET", "/api/records/recalls", Caller.CLINICIAN, null, List.of("batch", "reason")),
            new Route("POST", "/api/consents", Caller.RECEPTION, """
                    {"email":"fuzz@example.com","purpose":"marketing.email","granted":true,"policyVersion":"2026-01",
                     "channel":"WEB","evidence":{"source":"portal","ipAddress":"2001:db8::45","userAgent":"Mozilla/5.0"}}""",
                    List.of()),
            new Route("GET", "/api/consents", Caller.RECEPTION, null, List.of("email", "purpose")),
            new Route("POST", "/api/marketing/subscribers", Caller.ADMIN, """
                    {"email":"fuzz@example.com","phone":"07400 123456","fullName":"Fuzz Person","lists":["newsletter"],
                     "source":"clinic-website"}""", List.of()),
            new Route("POST", "/api/marketing/campaigns", Caller.ADMIN, """
                    {"list":"newsletter","subject":"Spring offers","body":"Hello","channel":"email"}""", List.of()),
            new Route("GET", "/api/privacy/requests", Caller.OFFICER, null, List.of("status", "type", "page", "size")),
            new Route("GET", "/api/privacy/requests/" + ID, Caller.OFFICER, null, List.of()),
            new Route("POST", "/api/privacy/requests/" + ID + "/extension", Caller.OFFICER,
                    "{\"reason\":\"complex request\",\"days\":30}", List.of()),
            new Route("GET", "/api/privacy/dead-letters", Caller.OFFICER, null, List.of("page", "size")),
            new Route("POST", "/api/staff/accounts", Caller.ADMIN, """
                    {"username":"fuzz@alluris.local","password":"a-long-enough-password","roles":["RECEPTION"]}""",
                    List.of()));

    private FuzzRoutes() {
    }
}
