package uk.alluris.web.privacycentre;

import java.util.Arrays;
import java.util.Optional;

/** What a person can ask for, in their words, each with the right it is and one plain sentence saying what it does. */
enum RightChoice {
    ACCESS("See the data you hold about me",
            "We send you a download with everything we hold about you and what we use it for."),
    PORTABILITY("Get a copy of my data to take elsewhere",
            "We send you a download of the data you gave us, in files another company's systems can read."),
    ERASURE("Delete my data",
            "We delete what we hold about you, except what the law makes us keep (for example payment and clinical "
                    + "records), and we tell you what we kept and why."),
    RESTRICTION("Stop using my data for now",
            "We keep your data but stop using it, except to store it or where the law allows, until you tell us to "
                    + "start again."),
    OBJECTION_TO_MARKETING("Stop marketing to me",
            "We stop sending you offers and news by any channel, and stop using your data for marketing."),
    RECTIFICATION("Correct my details",
            "We correct the details you tell us are wrong, everywhere we hold them.");

    private final String label;
    private final String meaning;

    RightChoice(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public boolean export() {
        return this == ACCESS || this == PORTABILITY;
    }

    /** The choice the rights service calls {@code type}; empty for anything else (a visitor may send anything). */
    static Optional<RightChoice> of(String type) {
        return Arrays.stream(values()).filter(choice -> choice.name().equals(type)).findFirst();
    }
}
