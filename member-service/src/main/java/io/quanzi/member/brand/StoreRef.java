package io.quanzi.member.brand;

/** What other features need to know of a store. */
public record StoreRef(String id, String brandId, String name, StoreStatus status) {}
