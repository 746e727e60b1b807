package uk.alluris.booking.sms;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.InvalidPhoneNumber;
import uk.alluris.kit.identity.Normalisation;

/**
 * SMS through Twilio's Messages API as Twilio documents it: form-encoded {@code To}, {@code From}, {@code Body} to
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with HTTP basic auth (account SID, auth token). The
 * local SMS sink answers the same call. The message key goes along as {@code Idempotency-Key}: the sink sends a
 * repeated key once; Twilio ignores the header (see docs/bookings.md, Messages).
 */
@Component
@EnableConfigurationProperties(SmsProperties.class)
class TwilioSmsSender implements SmsSender {

    private final RestClient http;
    private final SmsProperties properties;
    private final String region;

    TwilioSmsSender(SmsProperties properties, BlindIndexProperties platform) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth(properties.accountSid(), properties.authToken()))
                .build();
        this.properties = properties;
        this.region = platform.defaultRegion();
    }

    @Override
    public String send(String phone, String body, String messageKey) {
        String to;
        try {
            to = Normalisation.phone(phone, region);
        } catch (InvalidPhoneNumber e) {
            throw new SmsFailed("not a phone number that can receive messages", e);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        form.add("From", properties.from());
        form.add("Body", body);
        try {
            JsonNode sent = http.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Idempotency-Key", messageKey)
                    .body(form).retrieve().body(JsonNode.class);
            return sent.path("sid").asString();
        } catch (RestClientException e) {
            throw new SmsFailed("the SMS provider did not take the message", e);
        }
    }
}
