package uk.alluris.gateway.frontdoor;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A body that came without a declared length (chunked) is read only up to the limit: the bytes are counted as they
 * stream, and one byte past the limit ends the read with {@link org.springframework.core.io.buffer.DataBufferLimitException}
 * (nothing more is read or kept). A body within the limit is replayed with its length, so the service behind sees an
 * ordinary request and the gateway never holds more than the limit for one request.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** Whether the request's body length is unknown until read. */
    static boolean unbounded(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() < 0
                && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The request with its body read whole, or a DataBufferLimitException past {@code maxBytes}. */
    static Mono<ServerHttpRequest> within(ServerHttpRequest request, int maxBytes) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(BoundedBody::copied)
                .defaultIfEmpty(new byte[0])
                .map(bytes -> replayed(request, bytes));
    }

    private static byte[] copied(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest replayed(ServerHttpRequest request, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(bytes.length);
        return new ServerHttpRequestDecorator(request) {

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }
}
