package uk.alluris.kit.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as an aggregate carrying pending events has been saved. */
class OutboxWakeUp extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        if (event.getSource() instanceof OutboxOwner owner && !owner.outbox().isEmpty()) {
            relay.wake(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}
