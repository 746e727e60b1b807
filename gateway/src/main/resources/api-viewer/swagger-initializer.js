// The Alluris API viewer: one entry per service's OpenAPI document, each served by the gateway at /api-docs/<service>
// (GatewayRoutes; ApiViewerIntegrationTest checks that every service with an API is listed here).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "/api-docs/booking-service", name: "booking-service" },
      { url: "/api-docs/records-service", name: "records-service" },
      { url: "/api-docs/consent-service", name: "consent-service" },
      { url: "/api-docs/marketing-service", name: "marketing-service" },
      { url: "/api-docs/rights-request-service", name: "rights-request-service" }
    ],
    "urls.primaryName": "booking-service",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // no call to the public validator service: the documents stay on the platform
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
