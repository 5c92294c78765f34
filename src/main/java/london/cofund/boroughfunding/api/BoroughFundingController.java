package london.cofund.boroughfunding.api;

import java.net.URI;
import london.cofund.boroughfunding.BoroughFunding;
import london.cofund.boroughfunding.BoroughFundingService;
import london.cofund.boroughfunding.ServiceAtRisk;
import london.cofund.boroughfunding.ServiceAtRiskRequest;
import london.cofund.boroughfunding.ServicesAtRiskService;
import london.cofund.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/boroughs/{gssCode}}: a borough's allocations, services at risk and funding gap; its
 * officers record the services at risk.
 */
@RestController
class BoroughFundingController {

  private final BoroughFundingService boroughs;
  private final ServicesAtRiskService services;

  BoroughFundingController(BoroughFundingService boroughs, ServicesAtRiskService services) {
    this.boroughs = boroughs;
    this.services = services;
  }

  @GetMapping("/api/boroughs/{gssCode}")
  BoroughFunding one(@PathVariable String gssCode, Authentication authentication) {
    return boroughs.get(gssCode, CurrentUser.of(authentication));
  }

  @PostMapping("/api/boroughs/{gssCode}/services-at-risk")
  ResponseEntity<ServiceAtRisk> record(
      @PathVariable String gssCode,
      @RequestBody ServiceAtRiskRequest request,
      Authentication authentication) {
    ServiceAtRisk service = services.record(gssCode, request, CurrentUser.of(authentication));
    return ResponseEntity.created(
            URI.create(
                "/api/boroughs/" + service.gssCode() + "/services-at-risk/" + service.serviceId()))
        .body(service);
  }

  @PutMapping("/api/boroughs/{gssCode}/services-at-risk/{serviceId}")
  ServiceAtRisk update(
      @PathVariable String gssCode,
      @PathVariable long serviceId,
      @RequestBody ServiceAtRiskRequest request,
      Authentication authentication) {
    return services.update(gssCode, serviceId, request, CurrentUser.of(authentication));
  }
}
