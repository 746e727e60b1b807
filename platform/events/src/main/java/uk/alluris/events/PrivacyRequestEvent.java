package uk.alluris.events;

import java.time.LocalDate;
import java.util.UUID;

/** A data-subject request fanned out on {@link Topics#PRIVACY_REQUESTS}; every data-holding service answers it with a {@link ReceiptIssued}. */
public sealed interface PrivacyRequestEvent extends PlatformEvent
        permits ErasureRequested, RestrictionRequested, RestrictionLifted, MarketingObjectionRequested, DataExportRequested,
        RectificationRequested {

    UUID requestId();

    SubjectIdentifiers subject();

    LocalDate dueDate();

    /** The request type a receipt names, e.g. {@code ERASURE}. */
    String requestType();

    @Override
    default String partitionKey() {
        return subject().partitionKey();
    }
}
