package io.quanzi.community.client;

/** What community-service needs to know about a store (member-service owns stores). */
public record StoreInfo(String id, String brandId, String name, String timezone, String status) {}
