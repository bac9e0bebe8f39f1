package io.quanzi.offer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The loyalty wallet: points ledger, tiers, offers, coupons, flash drops and staff redemption. */
@SpringBootApplication
public class OfferServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OfferServiceApplication.class, args);
    }
}
