package io.quanzi.member.brand;

/** Whether a store currently receives members. */
public enum StoreStatus {
    OPEN,
    CLOSED
}
