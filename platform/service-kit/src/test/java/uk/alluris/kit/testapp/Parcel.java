package uk.alluris.kit.testapp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

@Document("parcels")
public class Parcel implements OutboxOwner {

    @Id
    String id;
    String state;
    List<OutboxMessage> outbox = new ArrayList<>();

    Parcel(String id, String state) {
        this.id = id;
        this.state = state;
    }

    Parcel record(PlatformEvent event) {
        outbox.add(OutboxMessage.of(event));
        return this;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
