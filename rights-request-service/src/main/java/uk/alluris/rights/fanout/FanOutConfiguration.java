package uk.alluris.rights.fanout;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.inbox.EventConsumers;

@Configuration(proxyBeanMethods = false)
class FanOutConfiguration {

    /** Receipts, and the parts of exports too large for one message, from every data-holding service, bound to {@code privacy.receipts} in application.yml. */
    @Bean
    Consumer<Message<byte[]>> privacyReceipts(EventConsumers consumers, ReceiptRecording recording) {
        return consumers.consumer("privacyReceipts").on(ReceiptIssued.class, recording::record)
                .on(ExportPartIssued.class, recording::part).build();
    }
}
