package io.quanzi.member.brand;

/** What anyone, signed in or not, may see of a brand: on an invite's landing page, for instance. */
public record PublicBrand(String id, String name, String logoUrl, String description) {}
