package uk.alluris.local;

/**
 * The simulator's stand-in for the processor's hosted checkout: the amount and a Pay button, which posts back to the
 * same address. No card fields: the platform never sees card details, and neither does this page ask for them.
 */
final class CheckoutPage {

    private CheckoutPage() {
    }

    static String of(PaymentSimulator.Intent intent) {
        if (intent == null) {
            return "<!doctype html><html lang=\"en\"><title>No such payment</title><p>No such payment.</p></html>";
        }
        String state = intent.status().equals("succeeded") ? "<p id=\"status\">Paid. Thank you.</p>"
                : "<form method=\"post\"><button id=\"pay\" type=\"submit\">Pay</button></form>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Deposit checkout (simulator)"
                + "</title></head><body><h1>Deposit: £" + String.format("%d.%02d", intent.amount() / 100,
                        intent.amount() % 100) + "</h1><p>Local payment simulator: no card details are asked for.</p>"
                + "<p>Reference " + Exchanges.html(intent.id()) + "</p>" + state + "</body></html>";
    }
}
