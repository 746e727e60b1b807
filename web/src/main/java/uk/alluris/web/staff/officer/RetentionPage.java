package uk.alluris.web.staff.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceDown;
import uk.alluris.web.services.ServiceRefused;

/**
 * What the retention jobs will erase in the next 30 days, every data-holding service's forecast on one page: counts
 * per category of the register and the earliest date, never who. A service not answering is said in its place.
 */
@Controller
class RetentionPage {

    static final int DAYS = 30;

    /** One category as a service forecasts it (the service's JSON; members the page does not show are ignored). */
    record CategoryForecast(String category, String name, String period, String startsAt, boolean enforced, long count,
            LocalDate earliest) {
    }

    record Forecast(String service, LocalDate asOf, int days, List<CategoryForecast> categories) {
    }

    /** A service's forecast, or why it is missing. */
    record ServiceForecast(String part, Forecast forecast, String missing) {
    }

    private static final List<Service> HOLDERS = List.of(Service.BOOKING, Service.RECORDS, Service.CONSENT,
            Service.MARKETING, Service.RIGHTS);

    private final ServiceCalls calls;

    RetentionPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/retention")
    String retention(Model model) {
        List<ServiceForecast> forecasts = new ArrayList<>();
        for (Service service : HOLDERS) {
            forecasts.add(forecastOf(service));
        }
        model.addAttribute("days", DAYS);
        model.addAttribute("forecasts", forecasts);
        return "staff/officer/retention";
    }

    private ServiceForecast forecastOf(Service service) {
        try {
            return new ServiceForecast(service.part(),
                    calls.get(service, pathOf(service) + "/retention/forecast?days=" + DAYS, Forecast.class), null);
        } catch (ServiceDown down) {
            return new ServiceForecast(service.part(), null, "not answering just now");
        } catch (ServiceRefused refused) {
            // one service refusing must not hide the others' forecasts
            return new ServiceForecast(service.part(), null, refused.title());
        }
    }

    private static String pathOf(Service service) {
        return switch (service) {
            case BOOKING -> "/api/bookings";
            case RECORDS -> "/api/records";
            case CONSENT -> "/api/consents";
            case MARKETING -> "/api/marketing";
            case RIGHTS -> "/api/privacy";
            case GATEWAY -> throw new IllegalArgumentException("the gateway holds no retained data");
        };
    }
}
