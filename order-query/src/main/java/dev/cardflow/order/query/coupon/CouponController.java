package dev.cardflow.order.query.coupon;

import dev.cardflow.infrastructure.web.Blocking;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** {@code GET /admin/api/coupons}: the shop's coupons with the uses each holds ({@code used}). */
@RestController
public class CouponController {

    private final CouponProjection coupons;

    public CouponController(CouponProjection coupons) {
        this.coupons = coupons;
    }

    @GetMapping(path = "/admin/api/coupons", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<CouponProjection.CouponView>> coupons() {
        return Blocking.call(coupons::all);
    }
}
