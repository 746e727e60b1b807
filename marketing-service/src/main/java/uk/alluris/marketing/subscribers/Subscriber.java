package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person on the clinic's marketing lists, found by blind index when they ask to be left alone or erased. */
@Document("subscribers")
public class Subscriber {

    @Id
    UUID id;
    String email;
    String phone;
    String fullName;
    @Indexed
    String emailIndex;
    @Indexed
    String phoneIndex;
    Set<String> lists = new LinkedHashSet<>();
    String source;
    Instant subscribedAt;
    Instant unsubscribedAt;

    static Subscriber subscribe(String email, String phone, String fullName, String emailIndex, String phoneIndex,
            List<String> lists, String source, Instant now) {
        Subscriber subscriber = new Subscriber();
        subscriber.id = UUID.randomUUID();
        subscriber.email = email;
        subscriber.emailIndex = emailIndex;
        subscriber.source = source;
        subscriber.subscribedAt = now;
        subscriber.join(phone, fullName, phoneIndex, lists, now);
        return subscriber;
    }

    /** The same person subscribing again: lists are merged, details filled in, never duplicated. */
    void join(String phone, String fullName, String phoneIndex, List<String> moreLists, Instant now) {
        if (phone != null) {
            this.phone = phone;
            this.phoneIndex = phoneIndex;
        }
        if (fullName != null && !fullName.isBlank()) {
            this.fullName = fullName.strip();
        }
        lists.addAll(moreLists);
        unsubscribedAt = null;
    }

    /** Leaves every list; returns how many memberships ended. */
    public int unsubscribeEverywhere(Instant now) {
        int left = lists.size();
        lists.clear();
        if (left > 0) {
            unsubscribedAt = now;
        }
        return left;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String fullName() {
        return fullName;
    }

    public String emailIndex() {
        return emailIndex;
    }

    public String phoneIndex() {
        return phoneIndex;
    }

    public List<String> lists() {
        return new ArrayList<>(lists);
    }

    public String source() {
        return source;
    }

    public Instant subscribedAt() {
        return subscribedAt;
    }

    public Instant unsubscribedAt() {
        return unsubscribedAt;
    }
}
