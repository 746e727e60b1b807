package uk.alluris.kit.outbox;

import java.util.List;

/**
 * An aggregate whose document carries its own pending events in a field named {@value #FIELD}
 * ({@code List<OutboxMessage>}). The relay finds every such collection from the mapping context; an aggregate
 * appends to the list in the same save that changes its state.
 */
public interface OutboxOwner {

    String FIELD = "outbox";

    List<OutboxMessage> outbox();
}
