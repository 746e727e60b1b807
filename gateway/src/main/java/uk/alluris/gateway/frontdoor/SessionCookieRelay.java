package uk.alluris.gateway.frontdoor;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The dashboard authenticates with its session cookie; services only read bearer tokens, so the gateway converts. */
@Component
class SessionCookieRelay implements GlobalFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpCookie session = exchange.getRequest().getCookies().getFirst(SessionCookie.NAME);
        if (session == null || session.getValue().isBlank()
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.setBearerAuth(session.getValue())))
                .build());
    }
}
