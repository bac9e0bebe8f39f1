package io.quanzi.member.brand;

/** What other features need to know of a brand. */
public record BrandRef(String id, String name, String timezone) {}
