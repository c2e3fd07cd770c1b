package dev.cardflow.order.query.shop;

import dev.cardflow.infrastructure.mode.ModeSettings;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/shop}: what every page needs to know about the shop — whether its payments are real. */
@RestController
public class ShopController {

    /** The shop as its pages see it: {@code mode} is {@code demo} or {@code production}. */
    public record ShopResource(String mode) {
    }

    private final ShopResource shop;

    public ShopController(ModeSettings settings) {
        this.shop = new ShopResource(settings.mode().id());
    }

    @GetMapping(path = "/api/shop", produces = MediaType.APPLICATION_JSON_VALUE)
    public ShopResource shop() {
        return shop;
    }
}
