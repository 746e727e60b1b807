package uk.alluris.records.subjects;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long clinical records must be kept (docs/privacy-requests.md): adults, 8 years after the last entry; a person under 18
 * at the last entry, until their 25th birthday — 26th if they were 17 — or 8 years after the last entry, whichever is
 * later. Without a date of birth the adult rule applies.
 */
public final class RetentionRule {

    static final int ADULT_YEARS = 8;

    private RetentionRule() {
    }

    public static LocalDate keepUntil(LocalDate lastEntry, LocalDate dateOfBirth) {
        LocalDate adultRule = lastEntry.plusYears(ADULT_YEARS);
        if (dateOfBirth == null) {
            return adultRule;
        }
        int ageAtLastEntry = Period.between(dateOfBirth, lastEntry).getYears();
        if (ageAtLastEntry >= 18) {
            return adultRule;
        }
        LocalDate birthdayRule = dateOfBirth.plusYears(ageAtLastEntry == 17 ? 26 : 25);
        return birthdayRule.isAfter(adultRule) ? birthdayRule : adultRule;
    }

    public static String legalGround() {
        return "Legal obligation and health care (UK GDPR Art. 9(2)(h)): clinical records kept 8 years after the last "
                + "entry, or to the 25th (26th if 17) birthday for a child, whichever is later";
    }
}
